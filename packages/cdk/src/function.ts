import { Duration } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { HipaaLogGroup } from './log-group.js';
import type { HipaaNetwork } from './network.js';
import { type HipaaOverride, requireHipaa } from './override.js';

/**
 * Deprecation dates of the Lambda runtimes {@link HipaaFunction} accepts (AWS "Lambda runtimes" page, supported
 * runtimes table, as of 2026-11-01; dates not yet reached are AWS's projections and may move). The same dates as
 * the engine's `packages/engine/data/lambda-runtimes.yaml` (a test keeps them in step); update both together.
 */
export const LAMBDA_RUNTIME_DEPRECATION_DATES: Readonly<Record<string, string>> = {
  'nodejs22.x': '2027-04-30',
  'nodejs24.x': '2028-04-30',
  'python3.12': '2028-10-31',
  'python3.13': '2029-06-30',
  'python3.14': '2029-06-30',
  java21: '2029-06-30',
  java25: '2029-06-30',
  dotnet10: '2028-11-14',
  'provided.al2023': '2029-06-30',
};

/**
 * A runtime this close to its deprecation date is refused without an override (R-ENG-7): moving a function to a
 * new runtime takes testing time, and after the date it receives no security patches. The engine's
 * `lambda-function-runtime-deprecation-soon` reports from the same distance.
 */
export const RUNTIME_DEPRECATION_NOTICE_DAYS = 180;

/** Runtimes with a known deprecation date (whether accepted today also depends on that date). */
export const CURRENT_LAMBDA_RUNTIMES: readonly string[] = Object.keys(LAMBDA_RUNTIME_DEPRECATION_DATES);

/**
 * Why `runtime` is not acceptable on `today`, or undefined when it is: not in
 * {@link LAMBDA_RUNTIME_DEPRECATION_DATES}, or deprecated within {@link RUNTIME_DEPRECATION_NOTICE_DAYS} days.
 */
export function lambdaRuntimeProblem(runtime: string, today: Date = new Date()): string | undefined {
  const date = LAMBDA_RUNTIME_DEPRECATION_DATES[runtime];
  if (date === undefined) return `got ${runtime}, which has no known deprecation date here`;
  const days = Math.floor((Date.parse(`${date}T00:00:00Z`) - today.getTime()) / 86_400_000);
  if (days < 0) return `got ${runtime}, deprecated on ${date}`;
  if (days <= RUNTIME_DEPRECATION_NOTICE_DAYS) {
    return `got ${runtime}, deprecated on ${date}, in ${days} days (refused from ${RUNTIME_DEPRECATION_NOTICE_DAYS} days before)`;
  }
  return undefined;
}

/** The newest Node.js runtime: the default of {@link HipaaFunction}. */
export const DEFAULT_LAMBDA_RUNTIME = lambda.Runtime.NODEJS_24_X;

/** Dead-letter queues keep failed events 14 days (R-INF-4), the SQS maximum. */
export const DLQ_RETENTION = Duration.days(14);

/** Props of {@link HipaaFunction}. */
export interface HipaaFunctionProps {
  /** The network; the function runs in the application tier. */
  readonly network: HipaaNetwork;
  /** Encrypts the environment variables and the dead-letter queue (the PHI key if events may carry PHI). */
  readonly encryptionKey: kms.IKey;
  /** Encrypts the function's log group (the log key). */
  readonly logKey: kms.IKey;
  /** Function code (inline or a local directory that needs no bundling). */
  readonly code: lambda.Code;
  /** @default 'index.handler' */
  readonly handler?: string;
  /**
   * A runtime of {@link LAMBDA_RUNTIME_DEPRECATION_DATES} more than {@link RUNTIME_DEPRECATION_NOTICE_DAYS} days
   * from its deprecation date; anything else needs `overrides.runtime`.
   * @default Runtime.NODEJS_24_X
   */
  readonly runtime?: lambda.Runtime;
  /**
   * Concurrency reserved for (and capping) the function.
   * @default 5
   */
  readonly reservedConcurrentExecutions?: number;
  /** @default Duration.seconds(30) */
  readonly timeout?: Duration;
  /** @default 256 */
  readonly memorySize?: number;
  /** Plain configuration; never secrets (fetch them from Secrets Manager at run time). @default - none */
  readonly environment?: Record<string, string>;
  /** @default - generated */
  readonly description?: string;
  /** Reasoned deviations. */
  readonly overrides?: {
    readonly runtime?: HipaaOverride;
  };
}

/**
 * A Lambda function (R-INF-9): in the application tier behind its own security group, KMS-encrypted environment,
 * reserved concurrency, a KMS-encrypted dead-letter queue kept 14 days, one role of its own (grant it only what
 * it needs), and a log group encrypted and kept six years.
 */
export class HipaaFunction extends Construct {
  readonly function: lambda.Function;
  readonly deadLetterQueue: sqs.Queue;
  readonly securityGroup: ec2.SecurityGroup;
  readonly logGroup: HipaaLogGroup;

  constructor(scope: Construct, id: string, props: HipaaFunctionProps) {
    super(scope, id);
    const runtime = props.runtime ?? DEFAULT_LAMBDA_RUNTIME;
    const runtimeProblem = lambdaRuntimeProblem(runtime.name);
    requireHipaa(
      this,
      runtimeProblem === undefined,
      {
        requirement: 'a current Lambda runtime',
        citation: 'R-ENG-7, 45 CFR 164.308(a)(1)(ii)(B)',
        fix: `Use a runtime at least ${RUNTIME_DEPRECATION_NOTICE_DAYS} days from deprecation, e.g. ${DEFAULT_LAMBDA_RUNTIME.name} (${runtimeProblem})`,
        overrideProp: 'overrides.runtime',
      },
      props.overrides?.runtime,
    );
    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetterQueue', {
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: props.encryptionKey,
      retentionPeriod: DLQ_RETENTION,
      enforceSSL: true,
    });
    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.network.vpc,
      description: `Function ${id}: egress to the AWS API endpoints only`,
      allowAllOutbound: false,
    });
    props.network.allowEndpointAccessFrom(this.securityGroup);
    this.logGroup = new HipaaLogGroup(this, 'LogGroup', { encryptionKey: props.logKey });
    this.function = new lambda.Function(this, 'Function', {
      runtime,
      code: props.code,
      handler: props.handler ?? 'index.handler',
      description: props.description,
      vpc: props.network.vpc,
      vpcSubnets: props.network.applicationSubnets,
      securityGroups: [this.securityGroup],
      environment: props.environment,
      environmentEncryption: props.encryptionKey,
      reservedConcurrentExecutions: props.reservedConcurrentExecutions ?? 5,
      deadLetterQueue: this.deadLetterQueue,
      timeout: props.timeout ?? Duration.seconds(30),
      memorySize: props.memorySize ?? 256,
      logGroup: this.logGroup.logGroup,
      architecture: lambda.Architecture.ARM_64,
    });
  }
}
