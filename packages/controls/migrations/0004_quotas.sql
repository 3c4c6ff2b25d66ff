-- R-APP-8: per-tenant usage quotas with an overage band and degradation past it.
CREATE TABLE quota_limits (
  tenant_id text NOT NULL DEFAULT current_tenant(),
  unit text NOT NULL,
  period text NOT NULL CHECK (period IN ('day', 'month')),
  included_units bigint NOT NULL CHECK (included_units >= 0),
  overage_units bigint NOT NULL DEFAULT 0 CHECK (overage_units >= 0),
  PRIMARY KEY (tenant_id, unit)
);
CREATE TABLE quota_usage (
  tenant_id text NOT NULL DEFAULT current_tenant(),
  unit text NOT NULL,
  period_start timestamptz NOT NULL,
  used_units bigint NOT NULL DEFAULT 0 CHECK (used_units >= 0),
  degraded_requests bigint NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, unit, period_start)
);
ALTER TABLE quota_limits ENABLE ROW LEVEL SECURITY;
ALTER TABLE quota_usage ENABLE ROW LEVEL SECURITY;
CREATE POLICY quota_limits_isolation ON quota_limits TO {{app_role}}
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
CREATE POLICY quota_usage_isolation ON quota_usage TO {{app_role}}
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
REVOKE ALL ON quota_limits, quota_usage FROM PUBLIC;
GRANT SELECT, INSERT, UPDATE ON quota_limits, quota_usage TO {{app_role}};
