import type { AnyRule } from '../rule.js';
import { s3BucketSseKms } from './bucket-sse-kms.js';

export const s3Rules: readonly AnyRule[] = [s3BucketSseKms];
