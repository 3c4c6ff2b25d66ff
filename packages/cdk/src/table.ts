import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { type HipaaOverride, requireHipaa } from './override.js';
import { tagAsPhi } from './phi.js';

/** Props of {@link HipaaTable}. */
export interface HipaaTableProps {
  /** Encrypts the table (the PHI key). */
  readonly phiKey: kms.IKey;
  /** Partition key. */
  readonly partitionKey: dynamodb.Attribute;
  /** @default - none */
  readonly sortKey?: dynamodb.Attribute;
  /** @default - generated */
  readonly tableName?: string;
  /**
   * Refuse `DeleteTable`.
   * @default true
   */
  readonly deletionProtection?: boolean;
  /** @default RemovalPolicy.RETAIN */
  readonly removalPolicy?: RemovalPolicy;
  /** Reasoned deviations. */
  readonly overrides?: {
    /** Accept a table without deletion protection. */
    readonly deletionProtection?: HipaaOverride;
  };
}

/**
 * A DynamoDB table for PHI (R-INF-3): encrypted with the PHI key, point-in-time recovery on, on-demand capacity
 * (no throttling of clinical reads under load), deletion protection, tagged `DataClassification=PHI`.
 */
export class HipaaTable extends Construct {
  readonly table: dynamodb.Table;

  constructor(scope: Construct, id: string, props: HipaaTableProps) {
    super(scope, id);
    const deletionProtection = props.deletionProtection ?? true;
    requireHipaa(
      this,
      deletionProtection,
      {
        requirement: 'deletion protection on PHI tables',
        citation: 'R-INF-3, 45 CFR 164.312(c)(1)',
        fix: 'Leave deletionProtection at true',
        overrideProp: 'overrides.deletionProtection',
      },
      props.overrides?.deletionProtection,
    );
    this.table = new dynamodb.Table(this, 'Table', {
      tableName: props.tableName,
      partitionKey: props.partitionKey,
      sortKey: props.sortKey,
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: props.phiKey,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });
    tagAsPhi(this.table);
  }
}
