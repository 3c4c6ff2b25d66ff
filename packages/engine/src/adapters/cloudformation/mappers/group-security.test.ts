import { describe, expect, it } from 'vitest';
import type { Resource } from '../../../model/resource.js';
import { loadCloudFormationTemplate } from '../index.js';

/** Joins of the security-group mappers that fixtures alone do not show (folded resources, selectors, defaults). */
function load(body: string): Resource[] {
  const output = loadCloudFormationTemplate(
    'test.yaml',
    `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n${body}`,
  );
  expect(output.errors).toEqual([]);
  return output.resources;
}

function byId(resources: Resource[], id: string): Resource {
  const found = resources.find((r) => r.source.nativeId === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
}

describe('security-group CloudFormation mappings', () => {
  it('folds one AWS::IAM::Policy into every identity it names and leaves none unmodelled', () => {
    const resources = load(`
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {Service: ec2.amazonaws.com}, Action: sts:AssumeRole}]}
  User:
    Type: AWS::IAM::User
  Shared:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: shared
      Roles: [!Ref Role]
      Users: [!Ref User]
      PolicyDocument: {Statement: [{Effect: Allow, Action: s3:GetObject, Resource: '*'}]}
`);
    const role = byId(resources, 'Role') as Resource<'Role'>;
    const user = byId(resources, 'User') as Resource<'User'>;
    expect(role.facts.inlinePolicies.map((p) => p.nativeId)).toEqual(['Shared']);
    expect(user.facts.inlinePolicies.map((p) => p.nativeId)).toEqual(['Shared']);
    expect(resources.some((r) => r.source.nativeId === 'Shared')).toBe(false);
  });

  it('applies AWS defaults to a bare key, trail, log group and queue', () => {
    const resources = load(`
  Key:
    Type: AWS::KMS::Key
  Alias:
    Type: AWS::KMS::Alias
    Properties: {AliasName: alias/phi, TargetKeyId: !Ref Key}
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties: {IsLogging: true, S3BucketName: logs}
  Group:
    Type: AWS::Logs::LogGroup
  Queue:
    Type: AWS::SQS::Queue
`);
    const key = byId(resources, 'Key') as Resource<'Key'>;
    expect(key.facts).toMatchObject({
      aliases: ['alias/phi'],
      rotation: false,
      pendingWindowInDays: 30,
      keySpec: 'SYMMETRIC_DEFAULT',
      policyDeclared: false,
    });
    expect((byId(resources, 'Trail') as Resource<'Trail'>).facts).toMatchObject({
      multiRegion: false,
      includeGlobalServiceEvents: true,
      logFileValidation: false,
      managementEvents: true,
      s3DataEvents: [],
    });
    expect((byId(resources, 'Group') as Resource<'LogGroup'>).facts.retentionInDays).toBe('never-expire');
    expect((byId(resources, 'Queue') as Resource<'Queue'>).facts).toMatchObject({
      encryption: 'sqs-managed',
      messageRetentionSeconds: 345600,
    });
  });

  it('reads S3 data events from basic and advanced selectors', () => {
    const resources = load(`
  Bucket:
    Type: AWS::S3::Bucket
  Basic:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: logs
      EventSelectors:
        - ReadWriteType: ReadOnly
          DataResources:
            - {Type: AWS::S3::Object, Values: ['arn:aws:s3:::named-bucket/', !Sub '\${Bucket.Arn}/']}
            - {Type: AWS::Lambda::Function, Values: ['arn:aws:lambda']}
  Advanced:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: logs
      AdvancedEventSelectors:
        - FieldSelectors:
            - {Field: eventCategory, Equals: [Data]}
            - {Field: resources.type, Equals: ['AWS::S3::Object']}
            - {Field: resources.ARN, NotStartsWith: ['arn:aws:s3:::scratch/']}
`);
    const basic = (byId(resources, 'Basic') as Resource<'Trail'>).facts;
    expect(basic.managementEvents).toBe(true);
    expect(basic.s3DataEvents).toHaveLength(1);
    expect(basic.s3DataEvents).toMatchObject([{ readWrite: 'ReadOnly', buckets: ['named-bucket', {}] }]);
    const advanced = (byId(resources, 'Advanced') as Resource<'Trail'>).facts;
    expect(advanced.managementEvents).toBe(false);
    expect(advanced.s3DataEvents).toEqual([{ readWrite: 'All', buckets: 'all', excluded: ['scratch'] }]);
  });

  it('marks dead-letter queues and never keeps a secret value', () => {
    const resources = load(`
  Dlq:
    Type: AWS::SQS::Queue
  Source:
    Type: AWS::SQS::Queue
    Properties:
      RedrivePolicy: {deadLetterTargetArn: !GetAtt Dlq.Arn, maxReceiveCount: 3}
  Secret:
    Type: AWS::SecretsManager::Secret
    Properties: {SecretString: hunter2-example}
`);
    const dlq = byId(resources, 'Dlq') as Resource<'Queue'>;
    expect(dlq.facts.deadLetterFor).toEqual([byId(resources, 'Source').id]);
    const secret = byId(resources, 'Secret') as Resource<'Secret'>;
    expect(secret.facts.valueSource).toBe('literal');
    expect(JSON.stringify(secret.facts)).not.toContain('hunter2');
  });
});
