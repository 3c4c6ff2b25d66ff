import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass, skip } from '../rule.js';
import { END_OF_SUPPORT_WARNING_DAYS, engineSupportStatus } from './engine-lifecycle.js';

export const rdsEngineEndOfSupportSoon = defineRule({
  id: 'rds-engine-end-of-support-soon',
  title: 'RDS engine versions are not within 180 days of the end of standard support',
  severity: 'low',
  rationale:
    'A major version upgrade needs testing time; one within six months of the end of standard support should be ' +
    'scheduled now (R-ENG-7).',
  remediation: {
    cloudformation:
      'Plan the move of EngineVersion to the newest major version (with a parameter group of its family).',
    terraform: 'Plan the move of engine_version to the newest major version.',
    console: 'RDS → database → Modify → DB engine version → plan an upgrade to the newest major version.',
  },
  controls: ['vulnerability-management'],
  kinds: ['Database', 'DbCluster'],
  check(db) {
    if (db.kind === 'Database' && db.facts.cluster !== undefined) return skip;
    const { engine, engineVersion } = db.facts;
    // Unknown and ended versions are rds-engine-end-of-support's findings; the 180-day window is tested with a
    // fixed clock in engine-lifecycle.test.ts.
    if (isUnknown(engine) || engineVersion === undefined || isUnknown(engineVersion)) return skip;
    const status = engineSupportStatus(engine, engineVersion);
    if (status.status === 'supported') return pass;
    if (status.status === 'unlisted')
      return cannotVerify(
        `${engine} ${status.major} is not in the dated engine list (data/rds-engine-versions.yaml); update the list`,
      );
    if (status.status !== 'ending-soon') return skip;
    return fail(
      `${engine} ${engineVersion}: RDS standard support for ${status.major} ends on ${status.date}, in ${status.days} days (warning from ${END_OF_SUPPORT_WARNING_DAYS})`,
    );
  },
});
