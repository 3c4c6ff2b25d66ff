import { describe, expect, it } from 'vitest';
import { loadCloudFormationTemplate } from '../adapters/cloudformation/index.js';
import '../model/kinds/index.js';
import { createModel } from '../model/build.js';
import { computeBoundary } from './boundary.js';

function boundaryOf(template: string) {
  const output = loadCloudFormationTemplate('t.yaml', template);
  const model = createModel(output.resources, output.errors, output.inputs);
  const boundary = computeBoundary(model);
  const members = model.resources
    .filter((r) => boundary.has(r.id))
    .map((r) => `${r.source.nativeId}: ${boundary.reason(r.id)}`);
  return members.sort();
}

describe('PHI boundary (R-ENG-4)', () => {
  it('propagates from a tagged table to the function that reads it, its key, its role and log group — not to plumbing', () => {
    const members = boundaryOf(`
Resources:
  Key: { Type: AWS::KMS::Key }
  Table:
    Type: AWS::DynamoDB::Table
    Properties:
      SSESpecification: { SSEEnabled: true, SSEType: KMS, KMSMasterKeyId: !Ref Key }
      Tags: [{ Key: DataClassification, Value: PHI }]
  Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }] }
      Policies: [{ PolicyName: read, PolicyDocument: { Statement: [{ Effect: Allow, Action: dynamodb:GetItem, Resource: !GetAtt Table.Arn }] } }]
  Reader:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
      Code: { ZipFile: x }
      Role: !GetAtt Role.Arn
      Environment: { Variables: { TABLE: !Ref Table } }
  Unrelated:
    Type: AWS::Lambda::Function
    Properties: { Runtime: nodejs22.x, Handler: index.handler, Code: { ZipFile: x }, Role: arn:aws:iam::1:role/x }
`);
    expect(members).toEqual([
      'Key: used by PHI resource Table',
      'Reader: references PHI resource Table',
      'Role: references PHI resource Table',
      'Table: tag DataClassification=PHI',
    ]);
  });

  it('does not spread through an identity: a policy naming a PHI bucket and a log bucket leaves the log bucket out', () => {
    const members = boundaryOf(`
Resources:
  Notes:
    Type: AWS::S3::Bucket
    Properties: { Tags: [{ Key: DataClassification, Value: PHI }] }
  Logs: { Type: AWS::S3::Bucket }
  Replication:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - { Effect: Allow, Action: s3:GetObject*, Resource: [!Sub '\${Notes.Arn}/*', !Sub '\${Logs.Arn}/*'] }
`);
    expect(members).toEqual([
      'Notes: tag DataClassification=PHI',
      'Replication: references PHI resource Notes',
    ]);
  });
});
