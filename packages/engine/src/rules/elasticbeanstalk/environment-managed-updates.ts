import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

export const elasticbeanstalkEnvironmentManagedUpdates = defineRule({
  id: 'elasticbeanstalk-environment-managed-updates',
  title: 'Elastic Beanstalk environments apply managed platform updates',
  severity: 'medium',
  rationale:
    'Managed updates patch the platform (OS, runtime, web server) on a schedule, closing vulnerabilities in hosts that serve ePHI.',
  remediation: {
    cloudformation:
      'Add OptionSettings aws:elasticbeanstalk:managedactions ManagedActionsEnabled "true" (with PreferredStartTime) and aws:elasticbeanstalk:managedactions:platformupdate UpdateLevel minor (or patch).',
    terraform: 'Add the same two setting blocks to aws_elastic_beanstalk_environment.',
    console:
      'Elastic Beanstalk → the environment → Configuration → Managed updates → enable, update level minor and patch.',
  },
  controls: ['vulnerability-management', 'configuration-management'],
  kinds: ['BeanstalkEnvironment'],
  equivalents: {
    cdkNag: ['HIPAA.Security-ElasticBeanstalkManagedUpdatesEnabled'],
    awsConfig: ['elastic-beanstalk-managed-updates-enabled'],
  },
  check(environment) {
    const { managedActions, updateLevel } = environment.facts;
    if (isUnknown(managedActions)) return cannotVerify(`ManagedActionsEnabled is ${managedActions.$unknown}`);
    if (!managedActions) return fail('managed actions are not enabled');
    if (isUnknown(updateLevel)) return cannotVerify(`UpdateLevel is ${updateLevel.$unknown}`);
    return updateLevel === 'minor' || updateLevel === 'patch'
      ? pass
      : fail('no platform UpdateLevel (minor or patch) set');
  },
});
