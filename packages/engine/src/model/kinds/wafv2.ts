import type { Val } from '../values.js';

export interface WebAclRuleFacts {
  readonly name: Val<string>;
  /** `managed` (a managed rule group), `rule-group` (own group), `rate-based`, `other`. */
  readonly type: 'managed' | 'rule-group' | 'rate-based' | 'other';
  /** Managed rule group: vendor and name (`AWS`, `AWSManagedRulesCommonRuleSet`). */
  readonly vendor?: Val<string>;
  readonly managedName?: Val<string>;
  /** Rule groups: `none` (enforce) or `count` (OverrideAction Count: evaluates but never blocks). */
  readonly overrideAction?: Val<'none' | 'count'>;
  /** Plain rules: `block`, `allow`, `count`, `captcha`, `challenge`. */
  readonly action?: Val<string>;
  /** Rate-based: the limit and evaluation window in seconds (default 300). */
  readonly rateLimit?: Val<number>;
  readonly evaluationWindowSec?: Val<number>;
  /** Rate-based: URI path search strings of the scope-down statement, if scoped to paths. */
  readonly scopedPaths?: readonly string[];
}

export interface WebAclFacts {
  readonly name: Val<string> | undefined;
  /** `REGIONAL` or `CLOUDFRONT`. */
  readonly scope: Val<string>;
  readonly defaultAction: Val<'allow' | 'block'>;
  readonly rules: Val<readonly WebAclRuleFacts[]>;
  /** A logging configuration exists for the ACL (`AWS::WAFv2::LoggingConfiguration`). */
  readonly loggingEnabled: boolean;
}

declare module '../resource.js' {
  interface KindFacts {
    WebAcl: WebAclFacts;
  }
}
