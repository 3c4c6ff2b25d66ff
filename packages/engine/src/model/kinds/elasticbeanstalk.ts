import type { Val } from '../values.js';
import type { EnvironmentVariable } from './lambda.js';

/**
 * Facts read from the environment's option settings merged over those of the configuration template it names
 * (`TemplateName`), as Elastic Beanstalk applies them. An option the environment leaves to a template that is not in
 * the input is unknown.
 */
export interface BeanstalkEnvironmentFacts {
  /** `aws:elasticbeanstalk:healthreporting:system` `SystemType` (default `basic`). */
  readonly healthReporting: Val<string>;
  /** `aws:elasticbeanstalk:managedactions` `ManagedActionsEnabled` (false when absent from the options). */
  readonly managedActions: Val<boolean>;
  /** `aws:elasticbeanstalk:managedactions:platformupdate` `UpdateLevel` (`minor`, `patch`), if set. */
  readonly updateLevel: Val<string> | undefined;
  /** `aws:elasticbeanstalk:application:environment` options: the application's environment properties. */
  readonly environment: Val<readonly EnvironmentVariable[]>;
}

declare module '../resource.js' {
  interface KindFacts {
    BeanstalkEnvironment: BeanstalkEnvironmentFacts;
  }
}
