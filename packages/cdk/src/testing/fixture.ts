import { App, Stack } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { HipaaKeys } from '../keys.js';
import { HipaaNetwork } from '../network.js';

/** A reason that every override test can use. */
export const GOOD_REASON = {
  reason: 'Accepted by the security officer: synthetic data only, reviewed in RISK-42.',
};

/** A stack with a fixed environment (no lookups) and the keys most constructs need. */
export function keyedStack(): { app: App; stack: Stack; keys: HipaaKeys } {
  const app = new App();
  const stack = new Stack(app, 'Test', { env: { account: '123456789012', region: 'us-east-1' } });
  const keys = new HipaaKeys(stack, 'Keys');
  return { app, stack, keys };
}

/** {@link keyedStack} plus a network (flow logs to a plain test bucket). */
export function networkStack(): ReturnType<typeof keyedStack> & { network: HipaaNetwork } {
  const base = keyedStack();
  const flowLogBucket = s3.Bucket.fromBucketName(base.stack, 'FlowLogs', 'flow-logs-bucket');
  const network = new HipaaNetwork(base.stack, 'Network', { logKey: base.keys.logKey, flowLogBucket });
  return { ...base, network };
}
