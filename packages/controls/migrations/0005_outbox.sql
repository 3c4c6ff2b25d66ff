-- R-APP-9: transactional outbox. Events are inserted by the application role in the same
-- transaction as the data; workers (a separate role) claim them across tenants.
CREATE TABLE outbox_events (
  event_id bigserial PRIMARY KEY,
  tenant_id text NOT NULL DEFAULT current_tenant(),
  topic text NOT NULL,
  idempotency_key text NOT NULL,
  payload jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  available_at timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0,
  locked_by text,
  locked_until timestamptz,
  delivered_at timestamptz,
  last_error text,
  UNIQUE (tenant_id, idempotency_key)
);
CREATE INDEX outbox_events_pending ON outbox_events (available_at, event_id) WHERE delivered_at IS NULL;

CREATE TABLE outbox_dead_letters (
  event_id bigint PRIMARY KEY,
  tenant_id text NOT NULL,
  topic text NOT NULL,
  idempotency_key text NOT NULL,
  payload jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  attempts integer NOT NULL,
  last_error text,
  dead_at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE outbox_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE outbox_dead_letters ENABLE ROW LEVEL SECURITY;
CREATE POLICY outbox_events_isolation ON outbox_events TO {{app_role}}
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
CREATE POLICY outbox_dead_letters_isolation ON outbox_dead_letters TO {{app_role}}
  USING (tenant_id = current_tenant());
CREATE POLICY outbox_events_delivery ON outbox_events TO {{worker_role}} USING (true) WITH CHECK (true);
CREATE POLICY outbox_dead_letters_delivery ON outbox_dead_letters TO {{worker_role}} USING (true) WITH CHECK (true);
REVOKE ALL ON outbox_events, outbox_dead_letters FROM PUBLIC;
GRANT SELECT, INSERT ON outbox_events TO {{app_role}};
GRANT USAGE ON SEQUENCE outbox_events_event_id_seq TO {{app_role}};
GRANT SELECT ON outbox_dead_letters TO {{app_role}};
GRANT SELECT, UPDATE, DELETE ON outbox_events TO {{worker_role}};
GRANT SELECT, INSERT ON outbox_dead_letters TO {{worker_role}};
