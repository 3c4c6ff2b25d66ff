import type { TrailS3DataEvents } from '../../model/kinds/cloudtrail.js';
import type { Resource } from '../../model/resource.js';
import { isUnknown } from '../../model/values.js';
import { pointsAt } from '../iam/statements.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

type Coverage = { read: boolean; write: boolean; unknown?: string };

/** What the selectors record for one bucket (reads and writes are needed: 164.312(b) covers every access). */
function coverageOf(selectors: readonly TrailS3DataEvents[], bucket: Resource<'Bucket'>): Coverage {
  const coverage: Coverage = { read: false, write: false };
  const name = bucket.facts.name;
  for (const selector of selectors) {
    const named =
      selector.buckets === 'all' ? true : selector.buckets.some((item) => pointsAt(item, bucket.id, name));
    const excluded = selector.excluded.some((item) => pointsAt(item, bucket.id, name));
    if (!named || excluded) {
      const vague =
        selector.buckets !== 'all' && selector.buckets.some((i) => isUnknown(i) && !i.refs?.length);
      if (vague && !named)
        coverage.unknown ??= 'a data event selector names a bucket known only at deploy time';
      continue;
    }
    if (isUnknown(selector.readWrite)) {
      coverage.unknown ??= `a selector's read/write type is ${selector.readWrite.$unknown}`;
      continue;
    }
    if (selector.readWrite !== 'WriteOnly') coverage.read = true;
    if (selector.readWrite !== 'ReadOnly') coverage.write = true;
  }
  return coverage;
}

export const cloudtrailS3DataEvents = defineRule({
  id: 'cloudtrail-s3-data-events',
  title: 'CloudTrail records S3 object-level data events for PHI buckets',
  severity: 'high',
  rationale:
    'Management events do not show who read or wrote which object; without S3 data events there is no ' +
    'record of access to ePHI stored in buckets (R-INF-7, audit controls).',
  remediation: {
    cloudformation:
      'Add EventSelectors: [{ReadWriteType: All, IncludeManagementEvents: true, DataResources: [{Type: ' +
      'AWS::S3::Object, Values: [!Join ["", [!GetAtt PhiBucket.Arn, "/"]]]}]}] (or "arn:aws:s3" for every bucket), or the ' +
      'equivalent AdvancedEventSelectors.',
    terraform:
      'Add an event_selector { read_write_type = "All" data_resource { type = "AWS::S3::Object" values = ' +
      '[format("%s/", aws_s3_bucket.phi.arn)] } } or an advanced_event_selector on aws_cloudtrail.',
    console:
      'CloudTrail → Trails → trail → Data events → Edit → add S3, All current and future buckets (or the PHI buckets), Read and Write.',
  },
  controls: ['audit-logging'],
  kinds: ['Trail'],
  equivalents: { awsConfig: ['cloudtrail-s3-dataevents-enabled'] },
  check(trail, { model, boundary }) {
    // Coverage is account-wide: a dedicated data-event trail covers the management trail too.
    const trails = model.ofKind('Trail').filter((r) => r.facts.isLogging !== false);
    const selectors: TrailS3DataEvents[] = [];
    for (const other of [trail, ...trails.filter((t) => t.id !== trail.id)]) {
      const events = other.facts.s3DataEvents;
      if (isUnknown(events))
        return cannotVerify(`event selectors of ${other.source.nativeId} are ${events.$unknown}`);
      selectors.push(...events);
    }
    if (selectors.length === 0) return fail('no trail in the template records S3 data events');
    const phiBuckets = model.ofKind('Bucket').filter((r) => boundary.has(r.id));
    const missing: string[] = [];
    let unresolved: string | undefined;
    for (const bucket of phiBuckets) {
      const coverage = coverageOf(selectors, bucket);
      if (coverage.read && coverage.write) continue;
      if (coverage.unknown) {
        unresolved ??= coverage.unknown;
        continue;
      }
      const lacking =
        !coverage.read && !coverage.write ? 'no data events' : coverage.read ? 'no writes' : 'no reads';
      missing.push(`${bucket.source.nativeId} (${lacking})`);
    }
    if (missing.length > 0) return fail(`S3 data events do not cover PHI bucket(s) ${missing.join(', ')}`);
    if (unresolved) return cannotVerify(unresolved);
    return pass;
  },
});
