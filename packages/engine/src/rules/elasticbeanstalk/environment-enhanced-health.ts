import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

export const elasticbeanstalkEnvironmentEnhancedHealth = defineRule({
  id: 'elasticbeanstalk-environment-enhanced-health',
  title: 'Elastic Beanstalk environments use enhanced health reporting',
  severity: 'low',
  rationale:
    'Enhanced health reporting surfaces failing instances and request errors quickly, supporting availability of ePHI applications.',
  remediation: {
    cloudformation:
      'Add OptionSettings { Namespace: aws:elasticbeanstalk:healthreporting:system, OptionName: SystemType, Value: enhanced }.',
    terraform:
      'Add setting { namespace = "aws:elasticbeanstalk:healthreporting:system", name = "SystemType", value = "enhanced" }.',
    console: 'Elastic Beanstalk → the environment → Configuration → Monitoring → Health reporting: Enhanced.',
  },
  controls: ['security-monitoring', 'high-availability'],
  kinds: ['BeanstalkEnvironment'],
  equivalents: {
    cdkNag: ['HIPAA.Security-ElasticBeanstalkEnhancedHealthReportingEnabled'],
    awsConfig: ['beanstalk-enhanced-health-reporting-enabled'],
  },
  check(environment) {
    const reporting = environment.facts.healthReporting;
    if (isUnknown(reporting)) return cannotVerify(`health reporting is ${reporting.$unknown}`);
    return reporting === 'enhanced' ? pass : fail(`health reporting is ${reporting}`);
  },
});
