import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { describe, expect, it } from 'vitest';
import { suppressSafeguard } from './safeguard-suppressions.js';

describe('suppressSafeguard', () => {
  it('writes the suppression into the resource metadata the engine reads, merging by rule', () => {
    const stack = new Stack(new App(), 'S');
    const bucket = new s3.Bucket(stack, 'Exports');
    suppressSafeguard(bucket, [
      {
        rule: 's3-bucket-replication',
        reason: 'Regenerated nightly from the database',
        expires: '2027-03-31',
      },
    ]);
    suppressSafeguard(bucket, [
      { rule: 's3-bucket-access-logging', reason: 'Migrating to the log archive under SEC-142' },
    ]);
    const resources = Template.fromStack(stack).findResources('AWS::S3::Bucket');
    const metadata = Object.values(resources)[0]?.Metadata;
    expect(metadata.safeguard.suppress).toEqual([
      {
        rule: 's3-bucket-replication',
        reason: 'Regenerated nightly from the database',
        expires: '2027-03-31',
      },
      { rule: 's3-bucket-access-logging', reason: 'Migrating to the log archive under SEC-142' },
    ]);
  });

  it.each([
    [{ rule: 's3-bucket-replication', reason: 'ok' }, /needs a reason/],
    [{ rule: 'S3 replication', reason: 'a perfectly fine reason' }, /not a Safeguard rule id/],
    [
      { rule: 's3-bucket-replication', reason: 'a perfectly fine reason', expires: '31/03/2027' },
      /YYYY-MM-DD/,
    ],
  ])('refuses %j at synth time', (suppression, message) => {
    const stack = new Stack(new App(), 'S');
    const bucket = new s3.Bucket(stack, 'Exports');
    expect(() => suppressSafeguard(bucket, [suppression])).toThrow(message);
  });
});
