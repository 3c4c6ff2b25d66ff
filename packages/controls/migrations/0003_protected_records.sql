-- Protected records (R-APP-1, R-APP-3, R-APP-7): sensitive fields are ciphertexts inside body;
-- exact-match search goes through keyed blind-index tokens, never plaintext.
CREATE TABLE protected_records (
  tenant_id text NOT NULL DEFAULT current_tenant(),
  collection text NOT NULL,
  record_id text NOT NULL,
  version integer NOT NULL,
  body jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, collection, record_id)
);

CREATE TABLE protected_record_index (
  tenant_id text NOT NULL DEFAULT current_tenant(),
  collection text NOT NULL,
  field text NOT NULL,
  record_id text NOT NULL,
  token text NOT NULL,
  PRIMARY KEY (tenant_id, collection, field, record_id),
  FOREIGN KEY (tenant_id, collection, record_id)
    REFERENCES protected_records (tenant_id, collection, record_id) ON DELETE CASCADE
);
CREATE INDEX protected_record_index_lookup ON protected_record_index (tenant_id, collection, field, token);

-- 164.312(c)(1) integrity / R-APP-3: every change keeps a version; states are stored encrypted
-- exactly as the record is, so history is no weaker than the record itself.
CREATE TABLE protected_record_versions (
  tenant_id text NOT NULL DEFAULT current_tenant(),
  collection text NOT NULL,
  record_id text NOT NULL,
  version integer NOT NULL,
  operation text NOT NULL CHECK (operation IN ('create', 'update', 'delete')),
  previous_state jsonb,
  new_state jsonb,
  changed_fields text[] NOT NULL,
  actor_user_id text NOT NULL,
  actor_role text NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, collection, record_id, version)
);
CREATE TRIGGER protected_record_versions_append_only BEFORE UPDATE OR DELETE OR TRUNCATE
  ON protected_record_versions FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only();

ALTER TABLE protected_records ENABLE ROW LEVEL SECURITY;
ALTER TABLE protected_record_index ENABLE ROW LEVEL SECURITY;
ALTER TABLE protected_record_versions ENABLE ROW LEVEL SECURITY;
CREATE POLICY protected_records_isolation ON protected_records TO {{app_role}}
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
CREATE POLICY protected_record_index_isolation ON protected_record_index TO {{app_role}}
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
CREATE POLICY protected_record_versions_isolation ON protected_record_versions TO {{app_role}}
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
REVOKE ALL ON protected_records, protected_record_index, protected_record_versions FROM PUBLIC;
GRANT SELECT, INSERT, UPDATE, DELETE ON protected_records, protected_record_index TO {{app_role}};
GRANT SELECT, INSERT ON protected_record_versions TO {{app_role}};
