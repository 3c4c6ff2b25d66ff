import type { Val } from '../values.js';

export interface BeanstalkEnvironmentFacts {
  /** `aws:elasticbeanstalk:healthreporting:system` `SystemType` (default `basic`). */
  readonly healthReporting: Val<string>;
  /** `aws:elasticbeanstalk:managedactions` `ManagedActionsEnabled` (false when absent from the options). */
  readonly managedActions: Val<boolean>;
  /** `aws:elasticbeanstalk:managedactions:platformupdate` `UpdateLevel` (`minor`, `patch`), if set. */
  readonly updateLevel: Val<string> | undefined;
}

declare module '../resource.js' {
  interface KindFacts {
    BeanstalkEnvironment: BeanstalkEnvironmentFacts;
  }
}
