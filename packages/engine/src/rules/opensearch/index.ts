import type { AnyRule } from '../rule.js';
import { opensearchAccessPolicyNotPublic } from './access-policy-not-public.js';
import { opensearchEncryptedAtRest } from './encrypted-at-rest.js';
import { opensearchErrorLogsToCloudWatch } from './error-logs-to-cloudwatch.js';
import { opensearchHttpsTls12 } from './https-tls12.js';
import { opensearchInVpcOnly } from './in-vpc-only.js';
import { opensearchNodeToNodeEncryption } from './node-to-node-encryption.js';

export const opensearchRules: readonly AnyRule[] = [
  opensearchEncryptedAtRest,
  opensearchNodeToNodeEncryption,
  opensearchHttpsTls12,
  opensearchInVpcOnly,
  opensearchErrorLogsToCloudWatch,
  opensearchAccessPolicyNotPublic,
];
