import { ArnFormat, Stack } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { HipaaLogGroup } from './log-group.js';
import { type HipaaOverride, requireHipaa } from './override.js';

/** AWS managed rule groups every web ACL carries (R-INF-6). */
export const MANAGED_RULE_GROUPS = [
  'AWSManagedRulesCommonRuleSet',
  'AWSManagedRulesKnownBadInputsRuleSet',
  'AWSManagedRulesSQLiRuleSet',
  'AWSManagedRulesLinuxRuleSet',
] as const;

/** Props of {@link HipaaWebAcl}. */
export interface HipaaWebAclProps {
  /** Encrypts the WAF log group (the log key). */
  readonly logKey: kms.IKey;
  /** Name of the web ACL; the log group is `aws-waf-logs-<name>`. */
  readonly name: string;
  /**
   * Requests per 5 minutes per IP across the whole site.
   * @default 2000
   */
  readonly rateLimit?: number;
  /**
   * Requests per 5 minutes per IP on authentication paths.
   * @default 100
   */
  readonly authRateLimit?: number;
  /**
   * Path prefixes that get the authentication rate limit.
   * @default ['/auth', '/login']
   */
  readonly authPaths?: string[];
  /**
   * Block requests from these countries (ISO 3166 alpha-2).
   * @default - no geo-blocking
   */
  readonly blockedCountries?: string[];
  /**
   * Largest request body accepted, in bytes. Bodies beyond what WAF inspects (8 KB on an ALB) are blocked too.
   * @default 8192
   */
  readonly maxBodySizeBytes?: number;
  /** Reasoned deviations. */
  readonly overrides?: {
    /** Accept rate limits above 2,000 (site) or 100 (auth paths) per 5 minutes. */
    readonly rateLimits?: HipaaOverride;
  };
}

/**
 * A REGIONAL AWS WAF web ACL (R-INF-6): rate limits per IP (2,000 / 5 min overall, 100 / 5 min on auth paths),
 * optional geo-blocking, a maximum body size, the core, known-bad-inputs, SQL-injection and Linux managed rule
 * groups, and logging to an encrypted `aws-waf-logs-*` log group kept six years (authorization headers and
 * cookies redacted).
 */
export class HipaaWebAcl extends Construct {
  readonly webAcl: wafv2.CfnWebACL;
  readonly logGroup: HipaaLogGroup;

  constructor(scope: Construct, id: string, props: HipaaWebAclProps) {
    super(scope, id);
    const rateLimit = props.rateLimit ?? 2000;
    const authRateLimit = props.authRateLimit ?? 100;
    requireHipaa(
      this,
      rateLimit <= 2000 && authRateLimit <= 100,
      {
        requirement: 'rate limits of at most 2,000 requests (100 on auth paths) per IP per 5 minutes',
        citation: 'R-INF-6, 45 CFR 164.308(a)(5)(ii)(B)',
        fix: `Lower rateLimit/authRateLimit (got ${rateLimit}/${authRateLimit})`,
        overrideProp: 'overrides.rateLimits',
      },
      props.overrides?.rateLimits,
    );
    const visibility = (metricName: string): wafv2.CfnWebACL.VisibilityConfigProperty => ({
      cloudWatchMetricsEnabled: true,
      sampledRequestsEnabled: true,
      metricName,
    });
    const authPaths = props.authPaths ?? ['/auth', '/login'];
    const pathMatch = (path: string): wafv2.CfnWebACL.StatementProperty => ({
      byteMatchStatement: {
        fieldToMatch: { uriPath: {} },
        positionalConstraint: 'STARTS_WITH',
        searchString: path.toLowerCase(),
        textTransformations: [{ priority: 0, type: 'LOWERCASE' }],
      },
    });
    const authScope: wafv2.CfnWebACL.StatementProperty =
      authPaths.length === 1
        ? pathMatch(authPaths[0]!)
        : { orStatement: { statements: authPaths.map(pathMatch) } };

    const rules: wafv2.CfnWebACL.RuleProperty[] = [
      {
        name: 'rate-limit-auth-paths',
        priority: 0,
        action: { block: {} },
        statement: {
          rateBasedStatement: {
            limit: authRateLimit,
            aggregateKeyType: 'IP',
            evaluationWindowSec: 300,
            scopeDownStatement: authScope,
          },
        },
        visibilityConfig: visibility('rate-limit-auth-paths'),
      },
      {
        name: 'rate-limit-per-ip',
        priority: 1,
        action: { block: {} },
        statement: {
          rateBasedStatement: { limit: rateLimit, aggregateKeyType: 'IP', evaluationWindowSec: 300 },
        },
        visibilityConfig: visibility('rate-limit-per-ip'),
      },
      {
        name: 'max-body-size',
        priority: 2,
        action: { block: {} },
        statement: {
          sizeConstraintStatement: {
            fieldToMatch: { body: { oversizeHandling: 'MATCH' } },
            comparisonOperator: 'GT',
            size: props.maxBodySizeBytes ?? 8192,
            textTransformations: [{ priority: 0, type: 'NONE' }],
          },
        },
        visibilityConfig: visibility('max-body-size'),
      },
    ];
    if (props.blockedCountries && props.blockedCountries.length > 0) {
      rules.push({
        name: 'geo-block',
        priority: 3,
        action: { block: {} },
        statement: { geoMatchStatement: { countryCodes: props.blockedCountries } },
        visibilityConfig: visibility('geo-block'),
      });
    }
    MANAGED_RULE_GROUPS.forEach((name, index) => {
      rules.push({
        name,
        priority: 10 + index,
        overrideAction: { none: {} },
        statement: { managedRuleGroupStatement: { vendorName: 'AWS', name } },
        visibilityConfig: visibility(name),
      });
    });

    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      name: props.name,
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      visibilityConfig: visibility(props.name),
      rules,
    });

    const logGroupName = `aws-waf-logs-${props.name}`;
    this.logGroup = new HipaaLogGroup(this, 'LogGroup', { encryptionKey: props.logKey, logGroupName });
    const logging = new wafv2.CfnLoggingConfiguration(this, 'Logging', {
      resourceArn: this.webAcl.attrArn,
      logDestinationConfigs: [
        Stack.of(this).formatArn({
          service: 'logs',
          resource: 'log-group',
          resourceName: logGroupName,
          arnFormat: ArnFormat.COLON_RESOURCE_NAME,
        }),
      ],
      // R-X-2: credentials and session cookies never reach the logs.
      redactedFields: [{ singleHeader: { Name: 'authorization' } }, { singleHeader: { Name: 'cookie' } }],
    });
    logging.node.addDependency(this.logGroup);
  }

  /** ARN of the web ACL, for associations. */
  get webAclArn(): string {
    return this.webAcl.attrArn;
  }
}
