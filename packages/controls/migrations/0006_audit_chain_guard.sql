-- 164.312(c)(1): the database itself refuses an audit row that does not extend the log: its index
-- must follow the last one and its chain hash must be sha256(previous chain ‖ its leaf hash).
-- Even an INSERT with the application role's own privileges cannot leave a gap or a broken link.
-- (The leaf hash itself is checked by the verifier, which recomputes it from the row.)
CREATE FUNCTION audit_require_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  last_index bigint;
  last_chain text;
BEGIN
  SELECT leaf_index, chain_hash INTO last_index, last_chain
    FROM audit_events ORDER BY leaf_index DESC LIMIT 1;
  IF last_index IS NULL THEN
    SELECT last_leaf_index, last_chain_hash INTO last_index, last_chain
      FROM audit_archives ORDER BY last_leaf_index DESC LIMIT 1;
  END IF;
  IF NEW.leaf_index <> coalesce(last_index + 1, 0) THEN
    RAISE EXCEPTION 'audit entry % does not follow entry %', NEW.leaf_index, coalesce(last_index, -1)
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF NEW.chain_hash <> encode(sha256(decode(coalesce(last_chain, repeat('00', 32)), 'hex') || decode(NEW.leaf_hash, 'hex')), 'hex') THEN
    RAISE EXCEPTION 'audit entry % does not link to the previous entry''s chain hash', NEW.leaf_index
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER audit_events_extend_chain BEFORE INSERT ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_require_chain();
