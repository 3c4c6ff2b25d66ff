import { Duration } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { HipaaLogGroup } from './log-group.js';
import type { HipaaNetwork } from './network.js';
import { type HipaaOverride, requireHipaa } from './override.js';

/** Runtimes accepted without an override (R-ENG-7: supported, current runtimes). */
export const CURRENT_LAMBDA_RUNTIMES: readonly string[] = [
  'nodejs22.x',
  'nodejs24.x',
  'python3.13',
  'python3.14',
  'java21',
  'java25',
  'dotnet8',
  'provided.al2023',
];

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
  /** @default Runtime.NODEJS_22_X */
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
    const runtime = props.runtime ?? lambda.Runtime.NODEJS_22_X;
    requireHipaa(
      this,
      CURRENT_LAMBDA_RUNTIMES.includes(runtime.name),
      {
        requirement: 'a current Lambda runtime',
        citation: 'R-ENG-7, 45 CFR 164.308(a)(1)(ii)(B)',
        fix: `Use one of ${CURRENT_LAMBDA_RUNTIMES.join(', ')} (got ${runtime.name})`,
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
