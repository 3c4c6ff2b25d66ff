/**
 * Generates a CDK app of N CloudFormation resources spread over stacks of at most `perStack` resources
 * (CloudFormation's limit is 500 per stack) and synthesizes it, optionally with cdk-nag's HIPAA pack.
 *
 * The estate is a repeating mix of what HIPAA rules look at: KMS-encrypted S3 buckets with bucket policies,
 * DynamoDB tables, RDS instances with parameter and subnet groups, Lambda functions with roles and log
 * groups, SQS queues, SNS topics, security groups with ingress, log groups, IAM roles with managed policies,
 * and per stack a VPC with two subnets and flow logs. L1 (Cfn*) constructs keep generation cheap, so synth
 * time is CDK's own. Half the groups are compliant; the other half carry a seeded selection of flaws, and
 * about a third are tagged DataClassification=PHI. Everything is a pure function of the group index.
 *
 * CLI (used by bench/run.mjs, one fresh process per measurement):
 *   node --import tsx bench/generate-app.ts --resources 10000 --outdir bench/out/cdk-10000 [--nag]
 * prints one JSON line with the timings (see SynthTimings).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';

/** Fixed, fake identifiers: synth needs no credentials, network or lookups. */
const ACCOUNT = '123456789012';
const REGION = 'us-east-1';
/** CloudFormation allows 500 resources per stack; stay well under it. */
export const DEFAULT_PER_STACK = 400;
/** Resources every stack gets before its groups: VPC, two subnets, flow-log role, log group and flow log. */
const NETWORK_RESOURCES = 6;
const PHI_TAG = [{ key: 'DataClassification', value: 'PHI' }];

export interface SynthOptions {
  /** Register cdk-nag's HIPAA pack (cdk-nag v3: `Validations.of(app).addPlugins(...)`). */
  readonly nag: boolean;
  /** The cloud assembly directory. */
  readonly outdir: string;
  /** @default DEFAULT_PER_STACK */
  readonly perStack?: number;
}

export interface SynthTimings {
  readonly resources: number;
  readonly stacks: number;
  readonly nag: boolean;
  /** Building the construct tree (new App, stacks, L1 constructs). */
  readonly constructMs: number;
  /** `app.synth()`: prepare, validate, write templates, and (with nag) run the validation plugin. */
  readonly synthMs: number;
  readonly totalMs: number;
  /**
   * CDK's validation stage inside synth (plugins, report building and writing), measured directly; about 0
   * without nag, since there is then no plugin to run.
   */
  readonly validationStageMs: number;
  /** Of which cdk-nag's own rule walk (`HIPAASecurityChecks.validate`); undefined without nag. */
  readonly nagRulesMs?: number;
  /** Violating resources in cdk-nag's validation report, summed over rules; undefined without nag. */
  readonly nagViolations?: number;
  /** Distinct cdk-nag rule ids that reported a violation; undefined without nag. */
  readonly nagRulesViolated?: number;
  /** Peak resident set size of this process (bytes). */
  readonly maxRssBytes: number;
}

/** A 32-bit integer hash of the index (splitmix-style), so every choice is reproducible. */
function hash(index: number, salt: number): number {
  let x = (index * 0x9e3779b1 + salt * 0x85ebca6b) | 0;
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

interface StackNetwork {
  readonly vpc: ec2.CfnVPC;
  readonly subnets: readonly ec2.CfnSubnet[];
}

interface GroupContext {
  readonly stack: Stack;
  readonly id: string;
  readonly network: StackNetwork;
  readonly tags: typeof PHI_TAG | undefined;
  /** True when flaw number `flaw` is absent (always true for a compliant group). */
  readonly ok: (flaw: number) => boolean;
}

interface GroupKind {
  readonly name: string;
  readonly size: number;
  readonly build: (context: GroupContext) => void;
}

function lambdaRole(stack: Stack, id: string, service: string, tags?: typeof PHI_TAG): iam.CfnRole {
  return new iam.CfnRole(stack, id, {
    assumeRolePolicyDocument: {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }],
    },
    tags,
  });
}

const GROUP_KINDS: readonly GroupKind[] = [
  {
    name: 'bucket',
    size: 3,
    build: ({ stack, id, ok, tags }) => {
      const key = new kms.CfnKey(stack, `${id}Key`, {
        enableKeyRotation: ok(0),
        keyPolicy: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
              Action: 'kms:*',
              Resource: '*',
            },
          ],
        },
        tags,
      });
      const bucket = new s3.CfnBucket(stack, `${id}Bucket`, {
        bucketEncryption: ok(1)
          ? {
              serverSideEncryptionConfiguration: [
                { serverSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: key.attrArn } },
              ],
            }
          : undefined,
        versioningConfiguration: ok(2) ? { status: 'Enabled' } : undefined,
        publicAccessBlockConfiguration: ok(3)
          ? {
              blockPublicAcls: true,
              blockPublicPolicy: true,
              ignorePublicAcls: true,
              restrictPublicBuckets: true,
            }
          : undefined,
        loggingConfiguration: ok(4)
          ? { destinationBucketName: `access-logs-${ACCOUNT}-${REGION}`, logFilePrefix: `${id}/` }
          : undefined,
        tags,
      });
      new s3.CfnBucketPolicy(stack, `${id}BucketPolicy`, {
        bucket: bucket.ref,
        policyDocument: {
          Version: '2012-10-17',
          Statement: ok(5)
            ? [
                {
                  Sid: 'DenyInsecureTransport',
                  Effect: 'Deny',
                  Principal: '*',
                  Action: 's3:*',
                  Resource: [bucket.attrArn, `${bucket.attrArn}/*`],
                  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
                },
              ]
            : [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `${bucket.attrArn}/*` }],
        },
      });
    },
  },
  {
    name: 'table',
    size: 1,
    build: ({ stack, id, ok, tags }) => {
      new dynamodb.CfnTable(stack, `${id}Table`, {
        keySchema: [{ attributeName: 'pk', keyType: 'HASH' }],
        attributeDefinitions: [{ attributeName: 'pk', attributeType: 'S' }],
        billingMode: 'PAY_PER_REQUEST',
        sseSpecification: ok(0) ? { sseEnabled: true, sseType: 'KMS' } : undefined,
        pointInTimeRecoverySpecification: ok(1) ? { pointInTimeRecoveryEnabled: true } : undefined,
        deletionProtectionEnabled: ok(2),
        tags,
      });
    },
  },
  {
    name: 'database',
    size: 3,
    build: ({ stack, id, ok, tags, network }) => {
      const parameters = new rds.CfnDBParameterGroup(stack, `${id}Parameters`, {
        description: `${id} parameters`,
        family: 'postgres16',
        parameters: { 'rds.force_ssl': ok(0) ? '1' : '0' },
      });
      const subnets = new rds.CfnDBSubnetGroup(stack, `${id}Subnets`, {
        dbSubnetGroupDescription: `${id} subnets`,
        subnetIds: network.subnets.map((subnet) => subnet.ref),
      });
      new rds.CfnDBInstance(stack, `${id}Database`, {
        engine: 'postgres',
        engineVersion: '16.4',
        dbInstanceClass: 'db.t4g.medium',
        allocatedStorage: '20',
        masterUsername: 'clinic',
        manageMasterUserPassword: true,
        dbParameterGroupName: parameters.ref,
        dbSubnetGroupName: subnets.ref,
        storageEncrypted: ok(1),
        publiclyAccessible: !ok(2),
        multiAz: ok(3),
        enableIamDatabaseAuthentication: ok(3),
        backupRetentionPeriod: ok(4) ? 35 : 0,
        enableCloudwatchLogsExports: ok(4) ? ['postgresql'] : undefined,
        deletionProtection: ok(5),
        autoMinorVersionUpgrade: true,
        tags,
      });
    },
  },
  {
    name: 'function',
    size: 3,
    build: ({ stack, id, ok, tags, network }) => {
      const functionName = `${stack.stackName}-${id}`;
      const role = lambdaRole(stack, `${id}Role`, 'lambda.amazonaws.com', tags);
      role.managedPolicyArns = ['arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole'];
      new logs.CfnLogGroup(stack, `${id}Logs`, {
        logGroupName: `/aws/lambda/${functionName}`,
        retentionInDays: ok(0) ? 2192 : undefined,
        tags,
      });
      new lambda.CfnFunction(stack, `${id}Function`, {
        functionName,
        runtime: ok(1) ? 'nodejs20.x' : 'nodejs14.x',
        handler: 'index.handler',
        code: { zipFile: 'exports.handler = async () => ({ ok: true });' },
        role: role.attrArn,
        vpcConfig: ok(2)
          ? {
              subnetIds: network.subnets.map((subnet) => subnet.ref),
              securityGroupIds: [network.vpc.attrDefaultSecurityGroup],
            }
          : undefined,
        reservedConcurrentExecutions: ok(3) ? 5 : undefined,
        tracingConfig: ok(3) ? { mode: 'Active' } : undefined,
        tags,
      });
    },
  },
  {
    name: 'queue',
    size: 1,
    build: ({ stack, id, ok, tags }) => {
      new sqs.CfnQueue(stack, `${id}Queue`, {
        kmsMasterKeyId: ok(0) ? 'alias/aws/sqs' : undefined,
        sqsManagedSseEnabled: ok(0) ? undefined : false,
        messageRetentionPeriod: 1_209_600,
        tags,
      });
    },
  },
  {
    name: 'topic',
    size: 1,
    build: ({ stack, id, ok, tags }) => {
      new sns.CfnTopic(stack, `${id}Topic`, { kmsMasterKeyId: ok(0) ? 'alias/aws/sns' : undefined, tags });
    },
  },
  {
    name: 'firewall',
    size: 2,
    build: ({ stack, id, ok, tags, network }) => {
      const group = new ec2.CfnSecurityGroup(stack, `${id}SecurityGroup`, {
        groupDescription: `${id} ingress`,
        vpcId: network.vpc.ref,
        tags,
      });
      const port = ok(1) ? 443 : 22;
      new ec2.CfnSecurityGroupIngress(stack, `${id}Ingress`, {
        groupId: group.attrGroupId,
        ipProtocol: 'tcp',
        fromPort: port,
        toPort: port,
        cidrIp: ok(0) ? '10.0.0.0/16' : '0.0.0.0/0',
      });
    },
  },
  {
    name: 'logs',
    size: 1,
    build: ({ stack, id, ok, tags }) => {
      new logs.CfnLogGroup(stack, `${id}LogGroup`, { retentionInDays: ok(0) ? 2192 : undefined, tags });
    },
  },
  {
    name: 'access',
    size: 2,
    build: ({ stack, id, ok, tags }) => {
      const role = lambdaRole(stack, `${id}AppRole`, 'ec2.amazonaws.com', tags);
      new iam.CfnManagedPolicy(stack, `${id}AppPolicy`, {
        roles: [role.ref],
        policyDocument: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: ok(0) ? ['s3:GetObject', 's3:PutObject'] : '*',
              Resource: ok(1) ? `arn:aws:s3:::records-${ACCOUNT}/*` : '*',
            },
          ],
        },
      });
    },
  },
];

/** The smallest group: the filler when fewer resources remain than the next group needs. */
const FILLER = GROUP_KINDS.find((kind) => kind.name === 'logs')!;

function addNetwork(stack: Stack, index: number): StackNetwork {
  const flawed = hash(index, 7) % 2 === 1;
  const vpc = new ec2.CfnVPC(stack, 'Vpc', { cidrBlock: '10.0.0.0/16', enableDnsSupport: true });
  const subnets = ['a', 'b'].map(
    (zone, i) =>
      new ec2.CfnSubnet(stack, `Subnet${zone.toUpperCase()}`, {
        vpcId: vpc.ref,
        cidrBlock: `10.0.${i}.0/24`,
        availabilityZone: `${REGION}${zone}`,
        mapPublicIpOnLaunch: flawed,
      }),
  );
  const role = lambdaRole(stack, 'FlowLogRole', 'vpc-flow-logs.amazonaws.com');
  const logGroup = new logs.CfnLogGroup(stack, 'FlowLogs', { retentionInDays: flawed ? undefined : 2192 });
  new ec2.CfnFlowLog(stack, 'FlowLog', {
    resourceId: vpc.ref,
    resourceType: 'VPC',
    trafficType: 'ALL',
    logDestinationType: 'cloud-watch-logs',
    logGroupName: logGroup.ref,
    deliverLogsPermissionArn: role.attrArn,
  });
  return { vpc, subnets };
}

// Imported lazily so the no-nag measurement does not pay for loading cdk-nag.
let HIPAASecurityChecks: typeof import('cdk-nag').HIPAASecurityChecks;

/** Time spent in the validation stage of the current synth, measured directly (see timeValidationStage). */
const stageTimings = { validationMs: 0, nagRulesMs: 0 };

/**
 * Wraps CDK's internal validateTemplates (the synth stage that runs validation plugins, builds and writes the
 * report). synthesis.js reads the function off this module's exports at call time, so the wrapper is used.
 * With a busy machine the difference of two synth medians is noisy; this measures the plugin's share of one.
 */
function timeValidationStage(): void {
  const require = createRequire(import.meta.url);
  const file = join(dirname(require.resolve('aws-cdk-lib')), 'core/lib/private/synthesis-validation.js');
  const stage = require(file) as { validateTemplates: (...args: unknown[]) => unknown };
  const validateTemplates = stage.validateTemplates;
  stage.validateTemplates = (...args: unknown[]) => {
    const started = performance.now();
    try {
      return validateTemplates(...args);
    } finally {
      stageTimings.validationMs += performance.now() - started;
    }
  };
}

/** Builds the app; returns it with its stack and resource counts. */
export function buildApp(
  resources: number,
  options: SynthOptions,
): { app: App; stacks: number; resources: number } {
  const perStack = options.perStack ?? DEFAULT_PER_STACK;
  if (!Number.isInteger(resources) || resources < NETWORK_RESOURCES) {
    throw new Error(`--resources must be an integer of at least ${NETWORK_RESOURCES}; got ${resources}`);
  }
  const app = new App({
    outdir: options.outdir,
    analyticsReporting: false,
    // CDK's built-in CloudFormation schema validation would run in both measurements; it is not what is
    // compared, and at 50k resources it only lengthens every run.
    builtinCloudFormationValidation: false,
    context: {
      // cdk-nag v3 reports through CDK's validation framework, not annotations. By default a failing report
      // throws from app.synth() (in-memory app mode). `false` is what the cdk CLI sets when it does the
      // reporting: the plugin still runs and its report is still built and written to
      // cdk.out/validation-report.json, but synth completes, so it can be timed and counted.
      '@aws-cdk/core:failSynthOnValidationErrors': false,
    },
  });
  let total = 0;
  let stackIndex = 0;
  let group = 0;
  while (total < resources) {
    const stack = new Stack(app, `Estate${String(stackIndex).padStart(4, '0')}`, {
      env: { account: ACCOUNT, region: REGION },
    });
    const network = addNetwork(stack, stackIndex);
    let inStack = NETWORK_RESOURCES;
    total += NETWORK_RESOURCES;
    stackIndex += 1;
    while (total < resources) {
      let kind = GROUP_KINDS[group % GROUP_KINDS.length]!;
      if (total + kind.size > resources) kind = FILLER;
      if (inStack + kind.size > perStack) break;
      const bits = hash(group, 1);
      const compliant = bits % 2 === 0;
      // A non-compliant group gets a seeded subset of its kind's flaws, at least one.
      const flaws = compliant ? 0 : (bits >>> 1) & 0x3f || 1;
      kind.build({
        stack,
        id: `${kind.name[0]!.toUpperCase()}${kind.name.slice(1)}${group}`,
        network,
        tags: hash(group, 2) % 3 === 0 ? PHI_TAG : undefined,
        ok: (flaw) => (flaws & (1 << flaw)) === 0,
      });
      inStack += kind.size;
      total += kind.size;
      group += 1;
    }
  }
  if (options.nag) {
    const pack = new HIPAASecurityChecks(app);
    const validate = pack.validate.bind(pack);
    pack.validate = (context) => {
      const started = performance.now();
      try {
        return validate(context);
      } finally {
        stageTimings.nagRulesMs += performance.now() - started;
      }
    };
    Validations.of(app).addPlugins(pack);
  }
  return { app, stacks: stackIndex, resources: total };
}

/** Counts violating resources and distinct rule ids in the validation report CDK writes to cdk.out. */
function readNagReport(outdir: string): { violations: number; rules: number } {
  const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as unknown;
  let violations = 0;
  const rules = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
    } else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      // The plugin returns `violatingResources`; CDK's formatted report calls them `violatingConstructs`.
      const violating = record.violatingConstructs ?? record.violatingResources;
      if (Array.isArray(violating) && typeof record.ruleName === 'string') {
        violations += violating.length;
        rules.add(record.ruleName);
        return;
      }
      Object.values(record).forEach(visit);
    }
  };
  visit(report);
  return { violations, rules: rules.size };
}

/** Builds and synthesizes an estate of `resources` resources; returns the timings. */
export async function synth(resources: number, options: SynthOptions): Promise<SynthTimings> {
  if (options.nag && !HIPAASecurityChecks) {
    ({ HIPAASecurityChecks } = await import('cdk-nag'));
  }
  timeValidationStage();
  const started = performance.now();
  const built = buildApp(resources, options);
  const constructed = performance.now();
  built.app.synth();
  const finished = performance.now();
  const report = options.nag ? readNagReport(options.outdir) : undefined;
  return {
    resources: built.resources,
    stacks: built.stacks,
    nag: options.nag,
    constructMs: constructed - started,
    synthMs: finished - constructed,
    totalMs: finished - started,
    validationStageMs: stageTimings.validationMs,
    nagRulesMs: options.nag ? stageTimings.nagRulesMs : undefined,
    nagViolations: report?.violations,
    nagRulesViolated: report?.rules,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: {
      resources: { type: 'string' },
      outdir: { type: 'string' },
      nag: { type: 'boolean', default: false },
      'per-stack': { type: 'string' },
    },
  });
  if (!values.resources || !values.outdir) {
    console.error(
      'usage: node --import tsx bench/generate-app.ts --resources N --outdir DIR [--nag] [--per-stack 400]',
    );
    process.exit(2);
  }
  const timings = await synth(Number(values.resources), {
    nag: values.nag,
    outdir: values.outdir,
    perStack: values['per-stack'] ? Number(values['per-stack']) : undefined,
  });
  console.log(JSON.stringify(timings));
}
