-- R-APP-2 / 45 CFR 164.312(b): the audit log. Rows are leaves of an RFC 6962 Merkle tree and links
-- of a hash chain; both are recomputed by the verifier from the row contents.
CREATE TABLE audit_settings (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  -- 164.316(b)(2)(i): keep documentation six years. Rows younger than this can never be removed.
  min_retention interval NOT NULL DEFAULT interval '6 years'
);
INSERT INTO audit_settings DEFAULT VALUES;

CREATE TABLE audit_events (
  leaf_index bigint PRIMARY KEY CHECK (leaf_index >= 0),
  occurred_at timestamptz NOT NULL,
  tenant_id text,
  actor_user_id text NOT NULL,
  actor_role text NOT NULL,
  actor_ip text,
  action text NOT NULL,
  resource_type text NOT NULL,
  resource_id text,
  outcome text NOT NULL CHECK (outcome IN ('success', 'failure')),
  reason text,
  details jsonb NOT NULL,
  sensitive boolean NOT NULL,
  leaf_hash text NOT NULL,
  chain_hash text NOT NULL
);
CREATE INDEX audit_events_by_time ON audit_events (occurred_at);
CREATE INDEX audit_events_by_tenant ON audit_events (tenant_id, occurred_at);
CREATE INDEX audit_events_by_actor ON audit_events (actor_user_id, occurred_at);
CREATE INDEX audit_events_by_resource ON audit_events (resource_type, resource_id);

-- Signed tree heads (RFC 6962 section 3.5 style): tree size, root and an Ed25519 signature.
CREATE TABLE audit_checkpoints (
  tree_size bigint PRIMARY KEY CHECK (tree_size > 0),
  root_hash text NOT NULL,
  signed_at timestamptz NOT NULL DEFAULT now(),
  key_id text NOT NULL,
  signature text NOT NULL
);

-- Retention: rows older than min_retention may leave the table only after being archived with
-- their proofs; the leaf hashes stay so the tree and the chain remain verifiable.
CREATE TABLE audit_archives (
  archive_id bigint PRIMARY KEY,
  first_leaf_index bigint NOT NULL,
  last_leaf_index bigint NOT NULL,
  last_chain_hash text NOT NULL,
  archive_sha256 text NOT NULL,
  archived_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE audit_archived_leaves (
  leaf_index bigint PRIMARY KEY,
  leaf_hash text NOT NULL,
  archive_id bigint NOT NULL REFERENCES audit_archives (archive_id)
);

CREATE FUNCTION refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  archive text := nullif(current_setting('safeguard.audit_archive_id', true), '');
BEGIN
  -- The one way out: an archived row older than the retention minimum, deleted by the archive job.
  IF TG_OP = 'DELETE' AND archive IS NOT NULL
     AND OLD.occurred_at < now() - (SELECT min_retention FROM audit_settings)
     AND EXISTS (SELECT 1 FROM audit_archived_leaves l
                  WHERE l.leaf_index = OLD.leaf_index AND l.leaf_hash = OLD.leaf_hash
                    AND l.archive_id = archive::bigint) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'table %.% is append-only: % refused', TG_TABLE_SCHEMA, TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege',
          HINT = 'audit rows can never be changed; rows older than the retention minimum can only be archived';
END $$;

-- Statement-level triggers refuse even a statement that matches no row; DELETE on audit_events
-- is row-level so the archive exception above can judge each row.
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only();
CREATE TRIGGER audit_events_append_only BEFORE DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only();
CREATE TRIGGER audit_checkpoints_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_checkpoints
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only();
CREATE TRIGGER audit_archives_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_archives
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only();
CREATE TRIGGER audit_archived_leaves_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_archived_leaves
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only();

-- Grants: the application may read and append, nothing else; not even the owner may change rows
-- (the triggers above apply to every role).
REVOKE ALL ON audit_settings, audit_events, audit_checkpoints, audit_archives, audit_archived_leaves FROM PUBLIC;
GRANT SELECT, INSERT ON audit_events, audit_checkpoints TO {{app_role}};
GRANT SELECT ON audit_settings, audit_archives, audit_archived_leaves TO {{app_role}};
