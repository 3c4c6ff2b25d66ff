/**
 * Test support: the checks the Safeguard engine will apply to synthesized templates beyond cdk-nag's HIPAA pack
 * (issue #4), run over plain CloudFormation JSON so the tests need no engine. When packages/engine is wired in,
 * its scan replaces this file.
 */

type Json = Record<string, unknown>;
interface Resource {
  Type: string;
  Properties?: Json;
  Metadata?: Json;
}
/** A CloudFormation template as JSON. */
export interface Template {
  Resources?: Record<string, Resource>;
}

/** One failed check. */
export interface TemplateProblem {
  readonly check: string;
  readonly resource: string;
  readonly message: string;
}

const MIN_LOG_RETENTION = 2192;
const CLOUDTRAIL_LOG_RETENTION = 2555;
const CURRENT_RUNTIMES = new Set([
  'nodejs22.x',
  'nodejs24.x',
  'python3.13',
  'python3.14',
  'java21',
  'java25',
  'provided.al2023',
]);

function asArray(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function refOf(value: unknown): string | undefined {
  if (value && typeof value === 'object') {
    const v = value as Json;
    if (typeof v.Ref === 'string') return v.Ref;
    const getAtt = v['Fn::GetAtt'];
    if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') return getAtt[0];
  }
  return undefined;
}

function tagValue(resource: Resource, key: string): unknown {
  const tags = resource.Properties?.Tags;
  if (Array.isArray(tags)) return (tags as Json[]).find((tag) => tag.Key === key)?.Value;
  if (tags && typeof tags === 'object') return (tags as Json)[key];
  return undefined;
}

/** Runs the checks over every resource of `template`. */
export function checkTemplate(template: Template): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const resources = template.Resources ?? {};
  const problem = (check: string, resource: string, message: string) =>
    problems.push({ check, resource, message });
  const trailLogGroups = new Set<string>();
  const bucketPolicies = new Map<string, Json[]>();
  for (const resource of Object.values(resources)) {
    if (resource.Type === 'AWS::CloudTrail::Trail') {
      const ref = refOf(resource.Properties?.CloudWatchLogsLogGroupArn);
      if (ref) trailLogGroups.add(ref);
    }
    if (resource.Type === 'AWS::S3::BucketPolicy') {
      const ref = refOf(resource.Properties?.Bucket);
      const doc = resource.Properties?.PolicyDocument as Json | undefined;
      if (ref && doc) bucketPolicies.set(ref, asArray(doc.Statement) as Json[]);
    }
  }
  const redirectListenerLbs = new Set<string>();
  for (const resource of Object.values(resources)) {
    if (resource.Type !== 'AWS::ElasticLoadBalancingV2::Listener') continue;
    const actions = asArray(resource.Properties?.DefaultActions) as Json[];
    if (resource.Properties?.Port === 80 && actions.every((a) => a.Type === 'redirect')) {
      const lb = refOf(resource.Properties?.LoadBalancerArn);
      if (lb) redirectListenerLbs.add(lb);
    }
  }

  for (const [id, resource] of Object.entries(resources)) {
    const p = resource.Properties ?? {};
    switch (resource.Type) {
      case 'AWS::KMS::Key':
        if (p.EnableKeyRotation !== true) problem('kms-rotation', id, 'key rotation is off');
        if (p.PendingWindowInDays !== 30)
          problem('kms-deletion-window', id, `PendingWindowInDays is ${p.PendingWindowInDays}`);
        break;
      case 'AWS::Logs::LogGroup': {
        if (p.KmsKeyId === undefined) problem('log-group-kms', id, 'log group is not KMS-encrypted');
        const minimum = trailLogGroups.has(id) ? CLOUDTRAIL_LOG_RETENTION : MIN_LOG_RETENTION;
        if (typeof p.RetentionInDays !== 'number' || p.RetentionInDays < minimum) {
          problem('log-group-retention', id, `RetentionInDays ${p.RetentionInDays} < ${minimum}`);
        }
        break;
      }
      case 'AWS::SQS::Queue':
        if (p.KmsMasterKeyId === undefined) problem('sqs-kms', id, 'queue is not KMS-encrypted');
        if (p.MessageRetentionPeriod !== 1209600)
          problem('sqs-dlq-retention', id, `retention ${p.MessageRetentionPeriod}`);
        break;
      case 'AWS::SNS::Topic':
        if (p.KmsMasterKeyId === undefined) problem('sns-kms', id, 'topic is not KMS-encrypted');
        break;
      case 'AWS::EC2::SecurityGroup':
      case 'AWS::EC2::SecurityGroupIngress': {
        const rules =
          resource.Type === 'AWS::EC2::SecurityGroup' ? (asArray(p.SecurityGroupIngress) as Json[]) : [p];
        for (const rule of rules) {
          if (rule.CidrIp !== '0.0.0.0/0' && rule.CidrIpv6 !== '::/0') continue;
          const port = rule.FromPort;
          const groupId = resource.Type === 'AWS::EC2::SecurityGroup' ? id : refOf(rule.GroupId);
          const isAlbGroup = Object.values(resources).some(
            (r) =>
              r.Type === 'AWS::ElasticLoadBalancingV2::LoadBalancer' &&
              asArray(r.Properties?.SecurityGroups).some((sg) => refOf(sg) === groupId),
          );
          const albIds = Object.entries(resources)
            .filter(
              ([, r]) =>
                r.Type === 'AWS::ElasticLoadBalancingV2::LoadBalancer' &&
                asArray(r.Properties?.SecurityGroups).some((sg) => refOf(sg) === groupId),
            )
            .map(([lbId]) => lbId);
          const ok =
            isAlbGroup &&
            rule.ToPort === port &&
            (port === 443 || (port === 80 && albIds.every((lb) => redirectListenerLbs.has(lb))));
          if (!ok) problem('sg-public-ingress', id, `ingress from the internet on ${port}-${rule.ToPort}`);
        }
        break;
      }
      case 'AWS::IAM::Policy':
      case 'AWS::IAM::ManagedPolicy':
      case 'AWS::IAM::Role': {
        const docs =
          resource.Type === 'AWS::IAM::Role'
            ? (asArray(p.Policies) as Json[]).map((policy) => policy.PolicyDocument as Json)
            : [p.PolicyDocument as Json];
        for (const doc of docs) {
          for (const statement of asArray(doc?.Statement) as Json[]) {
            if (statement.Effect !== 'Allow') continue;
            for (const action of asArray(statement.Action)) {
              if (action === '*' || (typeof action === 'string' && action.endsWith(':*'))) {
                problem('iam-wildcard-action', id, `allows ${action}`);
              }
            }
          }
        }
        break;
      }
      case 'AWS::Lambda::Function':
        if (typeof p.Runtime === 'string' && !CURRENT_RUNTIMES.has(p.Runtime)) {
          problem('lambda-runtime', id, `runtime ${p.Runtime} is not current`);
        }
        break;
      case 'AWS::RDS::DBInstance': {
        const major = Number.parseInt(String(p.EngineVersion ?? '0'), 10);
        if (p.Engine === 'postgres' && major < 16)
          problem('rds-engine-version', id, `PostgreSQL ${p.EngineVersion}`);
        if (tagValue(resource, 'DataClassification') !== 'PHI')
          problem('phi-tag', id, 'database not tagged PHI');
        break;
      }
      case 'AWS::DynamoDB::Table':
        if (tagValue(resource, 'DataClassification') !== 'PHI')
          problem('phi-tag', id, 'table not tagged PHI');
        break;
      case 'AWS::ECS::Service':
        if (p.EnableExecuteCommand === true) problem('ecs-exec', id, 'execute command is on');
        break;
      case 'AWS::ECS::TaskDefinition':
        for (const container of asArray(p.ContainerDefinitions) as Json[]) {
          for (const variable of asArray(container.Environment) as Json[]) {
            if (
              /(pass(word)?|secret|token|api[_-]?key|private[_-]?key|credential)/i.test(String(variable.Name))
            ) {
              problem('plaintext-secret', id, `environment variable ${variable.Name}`);
            }
          }
        }
        break;
      case 'AWS::S3::Bucket': {
        const rules = asArray(
          (p.BucketEncryption as Json | undefined)?.ServerSideEncryptionConfiguration,
        ) as Json[];
        const sse = rules[0]?.ServerSideEncryptionByDefault as Json | undefined;
        const accessLogTarget = Object.values(resources).some(
          (r) =>
            r.Type === 'AWS::S3::Bucket' &&
            refOf((r.Properties?.LoggingConfiguration as Json | undefined)?.DestinationBucketName) === id,
        );
        if (sse?.SSEAlgorithm !== 'aws:kms' && !accessLogTarget)
          problem('s3-sse-kms', id, `SSE ${sse?.SSEAlgorithm}`);
        if (sse?.SSEAlgorithm === 'aws:kms' && rules[0]?.BucketKeyEnabled !== true)
          problem('s3-bucket-key', id, 'no bucket key');
        if ((p.VersioningConfiguration as Json | undefined)?.Status !== 'Enabled')
          problem('s3-versioning', id, 'not versioned');
        const block = (p.PublicAccessBlockConfiguration ?? {}) as Json;
        for (const flag of [
          'BlockPublicAcls',
          'BlockPublicPolicy',
          'IgnorePublicAcls',
          'RestrictPublicBuckets',
        ]) {
          if (block[flag] !== true) problem('s3-public-access-block', id, `${flag} not set`);
        }
        const statements = bucketPolicies.get(id) ?? [];
        const tlsOnly = statements.some(
          (s) =>
            s.Effect === 'Deny' &&
            JSON.stringify(s.Condition ?? {}).includes('"aws:SecureTransport":"false"'),
        );
        if (!tlsOnly) problem('s3-tls-only', id, 'no TLS-only policy');
        break;
      }
    }
  }
  return problems;
}
