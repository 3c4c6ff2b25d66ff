import type { AnyRule } from '../rule.js';
import { s3BucketAuditLogObjectLock } from './bucket-audit-log-object-lock.js';
import { s3BucketDenyUnencryptedPut } from './bucket-deny-unencrypted-put.js';
import { s3BucketKeyEnabled } from './bucket-key-enabled.js';
import { s3BucketLogLifecycleGlacier } from './bucket-log-lifecycle-glacier.js';
import { s3BucketLogging } from './bucket-logging.js';
import { s3BucketPhiAccessLogging } from './bucket-phi-access-logging.js';
import { s3BucketPublicAccessBlock } from './bucket-public-access-block.js';
import { s3BucketPublicReadProhibited } from './bucket-public-read-prohibited.js';
import { s3BucketPublicWriteProhibited } from './bucket-public-write-prohibited.js';
import { s3BucketReplication } from './bucket-replication.js';
import { s3BucketSseKms } from './bucket-sse-kms.js';
import { s3BucketSseKmsNonPhi } from './bucket-sse-kms-non-phi.js';
import { s3BucketTlsOnly } from './bucket-tls-only.js';
import { s3BucketVersioning } from './bucket-versioning.js';

export const s3Rules: readonly AnyRule[] = [
  s3BucketSseKms,
  s3BucketSseKmsNonPhi,
  s3BucketKeyEnabled,
  s3BucketPublicAccessBlock,
  s3BucketPublicReadProhibited,
  s3BucketPublicWriteProhibited,
  s3BucketTlsOnly,
  s3BucketDenyUnencryptedPut,
  s3BucketVersioning,
  s3BucketLogging,
  s3BucketPhiAccessLogging,
  s3BucketReplication,
  s3BucketAuditLogObjectLock,
  s3BucketLogLifecycleGlacier,
];
