-- Roles the library drops to inside transactions. Neither owns a table, so row-level security
-- always applies to them (R-APP-7: tenant isolation enforced by the database, not by convention).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{{app_role}}') THEN
    CREATE ROLE {{app_role}} NOLOGIN NOINHERIT;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{{worker_role}}') THEN
    CREATE ROLE {{worker_role}} NOLOGIN NOINHERIT;
  END IF;
  -- A non-superuser owner must be a member to SET ROLE to them.
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('GRANT %I TO %I', '{{app_role}}', current_user);
    EXECUTE format('GRANT %I TO %I', '{{worker_role}}', current_user);
  END IF;
END $$;

REVOKE ALL ON SCHEMA {{schema}} FROM PUBLIC;
GRANT USAGE ON SCHEMA {{schema}} TO {{app_role}}, {{worker_role}};

-- The tenant of the current transaction, set with set_config('safeguard.tenant_id', id, true)
-- (transaction-local). Unset or empty means "no tenant": every policy then matches nothing.
CREATE FUNCTION current_tenant() RETURNS text LANGUAGE sql STABLE AS
$$ SELECT nullif(current_setting('safeguard.tenant_id', true), '') $$;

-- Refuses UPDATE, DELETE and TRUNCATE on tables that must only grow (164.312(b), 164.312(c)(1)).
CREATE FUNCTION refuse_change_to_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'table %.% is append-only: % refused', TG_TABLE_SCHEMA, TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege',
          HINT = 'audit and history rows can never be changed or removed (45 CFR 164.312(b))';
END $$;

-- Per-tenant data keys (purpose 'data') and blind-index keys (purpose 'index'), each stored only
-- wrapped by the key provider (R-APP-1 envelope encryption).
CREATE TABLE tenant_keys (
  tenant_id text NOT NULL DEFAULT current_tenant(),
  purpose text NOT NULL CHECK (purpose IN ('data', 'index')),
  version integer NOT NULL CHECK (version > 0),
  provider text NOT NULL,
  wrapping_key_id text NOT NULL,
  wrapped_key text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  rewrapped_at timestamptz,
  PRIMARY KEY (tenant_id, purpose, version)
);
ALTER TABLE tenant_keys ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_keys_isolation ON tenant_keys TO {{app_role}}
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT ON tenant_keys TO {{app_role}};

-- Crypto-shredding leaves a tombstone so a shredded tenant's keys are never silently re-created.
CREATE TABLE shredded_tenants (
  tenant_id text PRIMARY KEY,
  shredded_at timestamptz NOT NULL DEFAULT now()
);
GRANT SELECT ON shredded_tenants TO {{app_role}};
