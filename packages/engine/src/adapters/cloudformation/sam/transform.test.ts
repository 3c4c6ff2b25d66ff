import { describe, expect, it } from 'vitest';
import { computeBoundary } from '../../../evaluate/boundary.js';
import { evaluateRules } from '../../../evaluate/evaluate.js';
import { applySuppressions } from '../../../evaluate/suppress.js';
import { createModel } from '../../../model/build.js';
import type { Resource } from '../../../model/resource.js';
import { isUnknown } from '../../../model/values.js';
import { allRules } from '../../../rules/index.js';
import { loadCloudFormationTemplate } from '../index.js';
import { mergeGlobalValue, withGlobals } from './globals.js';
import { expandServerless } from './transform.js';

describe('SAM Globals merge (samtranslator/plugins/globals/globals.py rules)', () => {
  it('lets the resource win for primitives, intrinsics and values of another shape', () => {
    expect(mergeGlobalValue('nodejs20.x', 'python3.13')).toBe('python3.13');
    expect(mergeGlobalValue({ Ref: 'KeyArn' }, 'arn:aws:kms:us-east-1:111122223333:key/x')).toBe(
      'arn:aws:kms:us-east-1:111122223333:key/x',
    );
    // An intrinsic function is a primitive: it replaces a global map instead of being merged into it.
    expect(mergeGlobalValue({ Variables: { A: '1' } }, { 'Fn::If': ['Prod', {}, {}] })).toEqual({
      'Fn::If': ['Prod', {}, {}],
    });
    expect(mergeGlobalValue(['a'], { Bucket: 'b' })).toEqual({ Bucket: 'b' });
  });

  it('merges maps recursively and appends lists (globals first, duplicates kept)', () => {
    expect(
      mergeGlobalValue(
        { Environment: { Variables: { TABLE: 'foo', DB: 'generic' } }, Layers: ['l1', 'l2'] },
        { Environment: { Variables: { DB: 'mine', URL: 'x' } }, Layers: ['l1', 'l3'] },
      ),
    ).toEqual({
      Environment: { Variables: { TABLE: 'foo', DB: 'mine', URL: 'x' } },
      Layers: ['l1', 'l2', 'l1', 'l3'],
    });
  });

  it('applies the section of the resource type only, honours IgnoreGlobals and absent Properties', () => {
    const globals = {
      Function: { Runtime: 'python3.8', Timeout: 10 },
      SimpleTable: { SSESpecification: { SSEEnabled: true } },
    };
    expect(withGlobals(globals, 'AWS::Serverless::Function', { Handler: 'a' }, undefined)).toEqual({
      Runtime: 'python3.8',
      Timeout: 10,
      Handler: 'a',
    });
    expect(withGlobals(globals, 'AWS::Serverless::Function', { Handler: 'a' }, '*')).toEqual({
      Handler: 'a',
    });
    expect(withGlobals(globals, 'AWS::Serverless::Function', { Handler: 'a' }, ['Runtime'])).toEqual({
      Timeout: 10,
      Handler: 'a',
    });
    expect(withGlobals(globals, 'AWS::Serverless::SimpleTable', undefined, undefined)).toEqual({
      SSESpecification: { SSEEnabled: true },
    });
    expect(withGlobals(globals, 'AWS::Lambda::Function', { Runtime: 'x' }, undefined)).toEqual({
      Runtime: 'x',
    });
  });

  it('leaves a template without SAM resources untouched', () => {
    const resources = { Bucket: { Type: 'AWS::S3::Bucket' } };
    expect(expandServerless({ Function: { Runtime: 'x' } }, resources, new Map(), () => {})).toBe(resources);
  });
});

const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Runtime: python3.8
    Handler: app.handler
    CodeUri: src/
    Tracing: Active
    Environment:
      Variables:
        TABLE: !Ref Patients
  Api:
    TracingEnabled: true
Resources:
  Patients:
    Type: AWS::Serverless::SimpleTable
  Dlq:
    Type: AWS::SQS::Queue
  Intake:
    Type: AWS::Serverless::Function
    Metadata:
      safeguard:
        suppress:
          - rule: iam-no-inline-policy
            reason: SAM policy templates are reviewed in the template
    Properties:
      Runtime: python3.13
      Environment:
        Variables:
          STAGE: prod
      VpcConfig:
        SubnetIds: [subnet-0a1b2c3d4e5f60718]
        SecurityGroupIds: [sg-0a1b2c3d4e5f60718]
      DeadLetterQueue: { Type: SQS, TargetArn: !GetAtt Dlq.Arn }
      FunctionUrlConfig: { AuthType: NONE }
      Policies:
        - DynamoDBCrudPolicy: { TableName: !Ref Patients }
        - AWSLambdaVPCAccessExecutionRole
      Events:
        Get:
          Type: Api
          Properties: { Path: /patients, Method: get }
        Queue:
          Type: SQS
          Properties: { Queue: !GetAtt Dlq.Arn }
  Admin:
    Type: AWS::Serverless::Function
    Properties:
      Policies:
        - AdministratorAccess
        - Statement:
            - { Effect: Allow, Action: '*', Resource: '*' }
  Portal:
    Type: AWS::Serverless::HttpApi
  IntakeLogs:
    Type: AWS::Logs::LogGroup
    Properties:
      LogGroupName: !Sub /aws/lambda/\${Intake}
      RetentionInDays: 2192
  ReadsRole:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: extra
      Roles: [!Ref IntakeRole]
      PolicyDocument:
        Statement: [{ Effect: Allow, Action: s3:GetObject, Resource: arn:aws:s3:::intake/* }]
`;

describe('SAM templates in the canonical model', () => {
  const output = loadCloudFormationTemplate('template.yaml', TEMPLATE, { cwd: '.' });
  const model = createModel(output.resources, output.errors, output.inputs);
  const byId = new Map(output.resources.map((resource) => [resource.source.nativeId, resource]));
  const get = <K extends Resource['kind']>(id: string, kind: K) => {
    const resource = byId.get(id);
    expect(resource?.kind, id).toBe(kind);
    return resource as Resource<K>;
  };

  it('loads without errors: references to generated resources (IntakeRole) resolve', () => {
    expect(output.errors).toEqual([]);
  });

  it('maps a function with Globals merged, its DLQ, its generated role and its URL', () => {
    const fn = get('Intake', 'Function');
    expect(fn.source.nativeType).toBe('AWS::Serverless::Function');
    expect(fn.facts.runtime).toBe('python3.13');
    const environment = fn.facts.environment;
    expect(isUnknown(environment) ? environment : environment.map((v) => v.name)).toEqual(['TABLE', 'STAGE']);
    expect(fn.facts.role).toEqual({ $ref: 'template.yaml#IntakeRole', attribute: 'Arn' });
    expect(fn.facts.deadLetterTarget).toEqual({ $ref: 'template.yaml#Dlq', attribute: 'Arn' });
    expect(fn.facts.permissions).toMatchObject([{ name: 'IntakeUrl', functionUrlAuthType: 'NONE' }]);
    expect(fn.joined.map((source) => source.nativeId)).toEqual(['IntakeUrl']);
    expect(fn.facts.logGroup).toBe('template.yaml#IntakeLogs');
    expect(get('Admin', 'Function').facts.runtime).toBe('python3.8');
  });

  it("builds the generated role as SAM does, at the function's line", () => {
    const role = get('IntakeRole', 'Role');
    expect(role.source.nativeType).toBe('AWS::IAM::Role');
    expect(role.source.line).toBe(byId.get('Intake')?.source.line);
    expect(role.facts.managedPolicies).toEqual([
      'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
      'arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess',
      'arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole',
      'arn:aws:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole',
    ]);
    expect(role.facts.inlinePolicies.map((policy) => policy.name)).toEqual([
      'DeadLetterQueuePolicy',
      'IntakeRolePolicy0',
      'extra', // an AWS::IAM::Policy naming the generated role joins it
    ]);
    const crud = role.facts.inlinePolicies[1]?.statements;
    expect(isUnknown(crud) ? crud : crud?.[0]?.actions).toContain('dynamodb:PutItem');
    const trust = role.facts.trustPolicy;
    expect(isUnknown(trust) ? trust : trust[0]?.principal).toEqual({ Service: ['lambda.amazonaws.com'] });
    expect(role.tags['lambda:createdBy']).toBe('SAM');
  });

  it('creates the implicit API with the extra "Stage" stage, and the HttpApi $default stage', () => {
    const api = get('ServerlessRestApi', 'Api');
    expect(api.source.line).toBe(byId.get('Intake')?.source.line);
    expect(api.facts.stages.map((stage) => [stage.name, stage.tracingEnabled])).toEqual([
      ['Prod', true],
      ['Stage', false],
    ]);
    expect(get('Portal', 'Api').facts).toMatchObject({ protocol: 'http', stages: [{ name: '$default' }] });
    expect(get('Patients', 'Table').facts).toMatchObject({
      billingMode: 'PAY_PER_REQUEST',
      keyType: 'aws-owned',
    });
  });

  it('judges the generated roles with the IAM rules; suppressions on the SAM resource cover its role', () => {
    const { findings } = applySuppressions(evaluateRules(model, allRules, computeBoundary(model)), {
      model,
      config: [],
      now: new Date('2026-11-23T00:00:00Z'),
    });
    const on = (id: string) =>
      findings
        .filter((finding) => finding.resource.id === id && finding.ruleId.startsWith('iam-'))
        .map((finding) => `${finding.ruleId}${finding.suppressed ? ' (suppressed)' : ''}`)
        .sort();
    expect(on('AdminRole')).toEqual([
      'iam-no-administrator-access',
      'iam-no-inline-policy',
      'iam-policy-no-admin-access',
    ]);
    expect(on('IntakeRole')).toEqual(['iam-no-inline-policy (suppressed)']);
  });

  it('reports policies SAM would reject', () => {
    const broken = loadCloudFormationTemplate(
      'broken.yaml',
      `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: a.b
      CodeUri: src/
      Policies:
        - DynamoDBCrudPolicy: {}
        - { NotAPolicy: true, Other: 1 }
`,
      { cwd: '.' },
    );
    expect(broken.errors.map((error) => error.message)).toEqual([
      'Fn: Policies[0]: policy template DynamoDBCrudPolicy lacks parameter(s) TableName',
      'Fn: Policies[1] is not a managed policy, a policy document or a known SAM policy template',
    ]);
  });

  it('resolves SAM property references, conditional roles and hashed stage ids as SAM does', () => {
    const sam = loadCloudFormationTemplate(
      'refs.yaml',
      `Transform: AWS::Serverless-2016-10-31
Conditions:
  CreateRole: !Equals [a, a]
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: a.b
      CodeUri: src/
      AutoPublishAlias: live
      Role: !If [CreateRole, !Ref AWS::NoValue, arn:aws:iam::111122223333:role/shared]
  Hook:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: a.b
      CodeUri: src/
      Role: arn:aws:iam::111122223333:role/hook
      Environment:
        Variables:
          VERSION: !Ref Fn.Version
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: v1-beta
      OpenApiVersion: '3.0.1'
      EndpointConfiguration: { Type: REGIONAL }
  Acl:
    Type: AWS::WAFv2::WebACL
    Properties:
      Scope: REGIONAL
      DefaultAction: { Allow: {} }
      VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: acl }
  Association:
    Type: AWS::WAFv2::WebACLAssociation
    Properties:
      ResourceArn: !Sub arn:aws:apigateway:\${AWS::Region}::/restapis/\${Api}/stages/\${Api.Stage}
      WebACLArn: !GetAtt Acl.Arn
  StageRef:
    Type: AWS::SSM::Parameter
    Properties:
      Type: String
      Value: !Ref Api.Stage
`,
      { cwd: '.' },
    );
    expect(sam.errors).toEqual([]);
    const ids = new Map(sam.resources.map((resource) => [resource.source.nativeId, resource]));
    // SHA-1 of "v1-beta", first 10 hex digits (translator/logical_id_generator.py).
    expect(
      ids
        .get('Api')
        ?.joined.map((source) => source.nativeId)
        .sort(),
    ).toEqual(['ApiDeployment', 'ApiStage2817521297', 'Association']);
    const fn = ids.get('Fn') as Resource<'Function'>;
    expect(fn.facts.role).toEqual({ $ref: 'refs.yaml#FnRole', attribute: 'Arn' });
    expect(ids.get('FnRole')?.kind).toBe('Role');
    const api = ids.get('Api') as Resource<'Api'>;
    expect(api.facts.stages.map((stage) => [stage.name, stage.webAcls.length])).toEqual([['v1-beta', 1]]);
  });
});
