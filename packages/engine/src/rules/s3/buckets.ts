import type { Model, Resource } from '../../model/resource.js';
import { isRef, isUnknown } from '../../model/values.js';

/**
 * Roles a bucket plays, judged across the model: the destination of other buckets' server access logs, an audit-log
 * bucket (a CloudTrail destination, or tagged `Purpose=audit-logs`), a log bucket of any kind.
 */

const PURPOSE_AUDIT = /^audit[-_ ]?logs?$/i;
const PURPOSE_LOGS = /^(audit|access|flow|trail|cloudtrail|alb|elb)?[-_ ]?logs?$/i;

function purpose(bucket: Resource<'Bucket'>): string | undefined {
  for (const [key, value] of Object.entries(bucket.tags)) {
    if (key.toLowerCase() === 'purpose' && typeof value === 'string') return value;
  }
  return undefined;
}

/** Model ids and literal names other resources point at, memoised per model. */
function destinations(model: Model): {
  ids: Set<string>;
  names: Set<string>;
  trailIds: Set<string>;
  trailNames: Set<string>;
} {
  return model.memo('s3:bucket-roles', () => {
    const ids = new Set<string>();
    const names = new Set<string>();
    for (const bucket of model.ofKind('Bucket')) {
      const logging = bucket.facts.accessLogging;
      if (logging === undefined || isUnknown(logging)) continue;
      const destination = logging.destination;
      if (destination === undefined || destination === bucket.id) continue;
      if (isRef(destination)) ids.add(destination.$ref);
      else if (typeof destination === 'string') names.add(destination);
    }
    const trailIds = new Set<string>();
    const trailNames = new Set<string>();
    for (const trail of model.ofKind('Trail')) {
      const target = trail.facts.s3Bucket;
      if (isRef(target)) trailIds.add(target.$ref);
      else if (typeof target === 'string') trailNames.add(target);
      else if (isUnknown(target)) for (const ref of target.refs ?? []) trailIds.add(ref);
    }
    return { ids, names, trailIds, trailNames };
  });
}

function named(bucket: Resource<'Bucket'>, names: Set<string>): boolean {
  return typeof bucket.facts.name === 'string' && names.has(bucket.facts.name);
}

/** Receives other buckets' server access logs (S3 delivers them only to SSE-S3 buckets). */
export function isAccessLogDestination(bucket: Resource<'Bucket'>, model: Model): boolean {
  const { ids, names } = destinations(model);
  return ids.has(bucket.id) || named(bucket, names) || /^access[-_ ]?logs?$/i.test(purpose(bucket) ?? '');
}

/** How the bucket was recognised as an audit-log bucket, or `undefined`. */
export function auditLogRole(bucket: Resource<'Bucket'>, model: Model): string | undefined {
  const { trailIds, trailNames } = destinations(model);
  if (trailIds.has(bucket.id) || named(bucket, trailNames)) return 'a CloudTrail destination';
  const tag = purpose(bucket);
  if (tag && PURPOSE_AUDIT.test(tag)) return `tagged Purpose=${tag}`;
  return undefined;
}

/** How the bucket was recognised as a log bucket (audit, access, flow or load-balancer logs), or `undefined`. */
export function logBucketRole(bucket: Resource<'Bucket'>, model: Model): string | undefined {
  const audit = auditLogRole(bucket, model);
  if (audit) return audit;
  if (isAccessLogDestination(bucket, model)) return 'a server access log destination';
  const tag = purpose(bucket);
  if (tag && PURPOSE_LOGS.test(tag)) return `tagged Purpose=${tag}`;
  return undefined;
}
