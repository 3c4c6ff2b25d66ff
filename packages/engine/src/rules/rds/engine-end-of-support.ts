import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass, skip } from '../rule.js';
import { engineSupportStatus } from './engine-lifecycle.js';

export const rdsEngineEndOfSupport = defineRule({
  id: 'rds-engine-end-of-support',
  title: 'RDS engine versions are within RDS standard support',
  severity: 'high',
  rationale:
    'Past the end of standard support an engine gets no fixes unless paid Extended Support is bought (and then only ' +
    'critical CVEs), and AWS later upgrades it forcibly: the database holding ePHI runs known-vulnerable code (R-ENG-7).',
  remediation: {
    cloudformation:
      'Raise EngineVersion to a supported major version (e.g. PostgreSQL 17) with AllowMajorVersionUpgrade: true and ' +
      'a parameter group of the new family, after testing on a snapshot restore.',
    terraform:
      'Raise engine_version (with allow_major_version_upgrade = true and a parameter group of the new family).',
    console:
      'RDS → database → Modify → DB engine version → a supported major version (test on a snapshot first).',
  },
  controls: ['vulnerability-management'],
  kinds: ['Database', 'DbCluster'],
  equivalents: { awsConfig: ['rds-instance-engine-version-check'] },
  check(db) {
    if (db.kind === 'Database' && db.facts.cluster !== undefined) return skip; // the cluster's version applies
    const { engine, engineVersion } = db.facts;
    if (isUnknown(engine)) return cannotVerify(`engine is ${engine.$unknown}`);
    // Engine `aurora` is Aurora MySQL version 1 (MySQL 5.6) whatever the version: its absence does not mean a
    // current default (legacy estates omit it). Any other engine without a version gets AWS's current default.
    if (engineVersion === undefined && engine !== 'aurora') return pass;
    if (isUnknown(engineVersion)) return cannotVerify(`EngineVersion is ${engineVersion.$unknown}`);
    const version = engineVersion ?? '5.6';
    const status = engineSupportStatus(engine, version);
    // An unlisted major version (usually one newer than the list) is rds-engine-end-of-support-soon's finding.
    if (status.status === 'untracked' || status.status === 'unlisted') return skip;
    return status.status === 'ended'
      ? fail(
          `${engine} ${engineVersion ?? '(no EngineVersion: MySQL 5.6-compatible)'}: RDS standard support for ${status.major} ended on ${status.date}`,
        )
      : pass;
  },
});
