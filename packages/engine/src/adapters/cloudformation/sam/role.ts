import { z } from 'zod';
import { readDataFile } from '../../../data-files.js';
import { isIntrinsic } from './globals.js';

/**
 * The execution role the SAM transform generates for an `AWS::Serverless::Function` or `AWS::Serverless::StateMachine`
 * without `Role` (samtranslator/model/role_utils/role_constructor.py `construct_role_for_resource`, called from
 * `SamFunction._construct_role` and the state machine generator): logical id `<LogicalId>Role`, built from the
 * resource's raw (unresolved) properties so intrinsic functions inside are resolved afterwards like any other.
 */

const dataSchema = z.object({
  policyTemplates: z.record(
    z.string(),
    z.object({ Parameters: z.record(z.string(), z.unknown()), Definition: z.unknown() }),
  ),
  managedPolicyPaths: z.record(z.string(), z.string()),
});
type SamData = z.infer<typeof dataSchema>;
let cached: SamData | undefined;

/** SAM's policy templates and AWS managed policy paths (`data/sam-translator.yaml`, copied from the SAM repository). */
function samData(): SamData {
  cached ??= dataSchema.parse(readDataFile('sam-translator.yaml'));
  return cached;
}

type Json = unknown;
type Report = (message: string) => void;

const LAMBDA_TRUST = {
  Version: '2012-10-17',
  Statement: [
    { Action: ['sts:AssumeRole'], Effect: 'Allow', Principal: { Service: ['lambda.amazonaws.com'] } },
  ],
};
const STATES_TRUST = {
  Version: '2012-10-17',
  Statement: [
    { Action: ['sts:AssumeRole'], Effect: 'Allow', Principal: { Service: ['states.amazonaws.com'] } },
  ],
};

/** `arn:${AWS::Partition}:iam::aws:policy/<path><name>` (SAM's bundled map, partition `aws`). */
function awsManagedPolicyArn(nameWithPath: string): Json {
  return { 'Fn::Sub': `arn:\${AWS::Partition}:iam::aws:policy/${nameWithPath}` };
}

/** A `Policies` entry naming a managed policy: an ARN stays, an AWS managed policy name becomes its ARN. */
function managedPolicyArn(name: string): Json {
  // An ARN, a dynamic reference or anything else that is not a policy name is used as written, as SAM does.
  if (!/^[\w+=,.@-]+$/.test(name)) return name;
  return awsManagedPolicyArn(`${samData().managedPolicyPaths[name] ?? ''}${name}`);
}

function isPlainObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asObject(value: Json): Record<string, Json> {
  return isPlainObject(value) ? value : {};
}

function isNoValue(value: Json): boolean {
  return isPlainObject(value) && value.Ref === 'AWS::NoValue' && Object.keys(value).length === 1;
}

function ifArgs(value: Json): [Json, Json, Json] | undefined {
  if (!isPlainObject(value) || !isIntrinsic(value) || !('Fn::If' in value)) return undefined;
  const args = value['Fn::If'];
  return Array.isArray(args) && args.length === 3 ? (args as [Json, Json, Json]) : undefined;
}

/** Replaces `{Ref: <template parameter>}` with the value given (SAM resolves only `Ref` in templates). */
function substitute(node: Json, values: Record<string, Json>, parameters: Record<string, Json>): Json {
  if (Array.isArray(node)) return node.map((item) => substitute(item, values, parameters));
  if (!isPlainObject(node)) return node;
  const keys = Object.keys(node);
  if (keys.length === 1 && typeof node.Ref === 'string' && node.Ref in parameters) return values[node.Ref];
  return Object.fromEntries(keys.map((key) => [key, substitute(node[key], values, parameters)]));
}

/** `{DynamoDBCrudPolicy: {TableName: …}}` → its policy document, or `undefined` when not a known template. */
function expandTemplate(entry: Json, report: Report, index: number): Json | undefined {
  if (!isPlainObject(entry)) return undefined;
  const keys = Object.keys(entry);
  if (keys.length !== 1) return undefined;
  const name = keys[0] as string;
  const template = samData().policyTemplates[name];
  if (!template) return undefined;
  const values = entry[name];
  if (!isPlainObject(values)) {
    report(`Policies[${index}]: policy template ${name} needs a map of parameter values`);
    return null;
  }
  const missing = Object.keys(template.Parameters).filter((parameter) => !(parameter in values));
  if (missing.length > 0) {
    report(`Policies[${index}]: policy template ${name} lacks parameter(s) ${missing.join(', ')}`);
    return null;
  }
  return substitute(template.Definition, values, template.Parameters);
}

type PolicyKind = 'statement' | 'managed' | 'template' | 'unknown';

/** SAM's ResourcePolicies._get_type (with the policy template processor). */
function policyKind(entry: Json): PolicyKind {
  if (typeof entry === 'string') return 'managed';
  const branches = ifArgs(entry);
  if (branches) {
    const branch = isNoValue(branches[1]) ? branches[2] : branches[1];
    return policyKind(branch);
  }
  if (isIntrinsic(entry)) return 'managed';
  if (isPlainObject(entry) && 'Statement' in entry) return 'statement';
  if (
    isPlainObject(entry) &&
    Object.keys(entry).length === 1 &&
    (Object.keys(entry)[0] as string) in samData().policyTemplates
  )
    return 'template';
  return 'unknown';
}

export interface RoleSource {
  readonly logicalId: string;
  readonly properties: Record<string, Json>;
  readonly kind: 'function' | 'state-machine';
}

const PULL_EVENT_POLICIES: Record<string, string> = {
  Kinesis: 'service-role/AWSLambdaKinesisExecutionRole',
  DynamoDB: 'service-role/AWSLambdaDynamoDBExecutionRole',
  SQS: 'service-role/AWSLambdaSQSQueueExecutionRole',
  MSK: 'service-role/AWSLambdaMSKExecutionRole',
};

/** The `AWS::IAM::Role` properties SAM generates for a function or state machine without `Role`. */
export function executionRoleProperties(source: RoleSource, report: Report): Record<string, Json> {
  const p = source.properties;
  const roleId = `${source.logicalId}Role`;
  const managed: Json[] = [];
  const addManaged = (arn: Json) => {
    const key = JSON.stringify(arn);
    if (!managed.some((existing) => JSON.stringify(existing) === key)) managed.push(arn);
  };
  const inline: Json[] = [];
  const policies = [
    ...(p.Policies === undefined || p.Policies === null
      ? []
      : Array.isArray(p.Policies)
        ? p.Policies
        : [p.Policies]),
  ];

  if (source.kind === 'function') {
    addManaged(
      awsManagedPolicyArn(
        p.DurableConfig
          ? 'service-role/AWSLambdaBasicDurableExecutionRolePolicy'
          : 'service-role/AWSLambdaBasicExecutionRole',
      ),
    );
    if (p.Tracing !== undefined && p.Tracing !== null && p.Tracing !== 'Disabled')
      addManaged(awsManagedPolicyArn('AWSXrayWriteOnlyAccess'));
    if (p.VpcConfig !== undefined && p.VpcConfig !== null)
      addManaged(awsManagedPolicyArn('service-role/AWSLambdaVPCAccessExecutionRole'));
    const dlq = p.DeadLetterQueue;
    if (isPlainObject(dlq)) {
      const action = dlq.Type === 'SQS' ? 'sqs:SendMessage' : dlq.Type === 'SNS' ? 'sns:Publish' : undefined;
      if (action)
        inline.push({
          PolicyName: 'DeadLetterQueuePolicy',
          PolicyDocument: {
            Version: '2012-10-17',
            Statement: [{ Action: action, Resource: dlq.TargetArn, Effect: 'Allow' }],
          },
        });
    }
  } else if (isPlainObject(p.Tracing) && p.Tracing.Enabled === true) {
    policies.push('AWSXrayWriteOnlyAccess');
  }

  policies.forEach((entry, index) => {
    const policyName = `${roleId}Policy${index}`;
    const kind = policyKind(entry);
    const branches = ifArgs(entry);
    const asInline = (document: Json) => ({ PolicyName: policyName, PolicyDocument: document });
    if (kind === 'statement' || kind === 'template') {
      const documentOf = (value: Json): Json =>
        kind === 'template' ? (expandTemplate(value, report, index) ?? null) : value;
      if (branches) {
        const [condition, whenTrue, whenFalse] = branches;
        const convert = (value: Json) => {
          if (isNoValue(value)) return value;
          const document = documentOf(value);
          return document === null ? { Ref: 'AWS::NoValue' } : asInline(document);
        };
        inline.push({ 'Fn::If': [condition, convert(whenTrue), convert(whenFalse)] });
      } else {
        const document = documentOf(entry);
        if (document !== null) inline.push(asInline(document));
      }
    } else if (kind === 'managed') {
      if (typeof entry === 'string') addManaged(managedPolicyArn(entry));
      else if (branches) {
        const [condition, whenTrue, whenFalse] = branches;
        const convert = (value: Json) => (typeof value === 'string' ? managedPolicyArn(value) : value);
        addManaged({ 'Fn::If': [condition, convert(whenTrue), convert(whenFalse)] });
      } else addManaged(entry);
    } else {
      report(`Policies[${index}] is not a managed policy, a policy document or a known SAM policy template`);
    }
  });

  if (source.kind === 'function') {
    // Pull event sources add their AWS managed policy (samtranslator/model/eventsources/pull.py `get_policy_arn`).
    const events = isPlainObject(p.Events) ? Object.values(p.Events) : [];
    for (const event of events) {
      const type = isPlainObject(event) ? event.Type : undefined;
      // An SNS event with SqsSubscription subscribes a queue and polls it (eventsources/push.py SNS).
      const subscribed =
        type === 'SNS' && isPlainObject(event) && Boolean(asObject(event.Properties).SqsSubscription);
      const policy = subscribed
        ? PULL_EVENT_POLICIES.SQS
        : typeof type === 'string'
          ? PULL_EVENT_POLICIES[type]
          : undefined;
      if (policy) addManaged(awsManagedPolicyArn(policy));
    }
  }

  const tags: Json[] = [
    { Key: source.kind === 'function' ? 'lambda:createdBy' : 'stateMachine:createdBy', Value: 'SAM' },
  ];
  if (isPlainObject(p.Tags))
    for (const [key, value] of Object.entries(p.Tags)) tags.push({ Key: key, Value: value });

  const role: Record<string, Json> = {
    AssumeRolePolicyDocument:
      source.kind === 'function' ? (p.AssumeRolePolicyDocument ?? LAMBDA_TRUST) : STATES_TRUST,
    ManagedPolicyArns: managed,
    Tags: tags,
  };
  if (inline.length > 0) role.Policies = inline;
  if (p.RolePath !== undefined) role.Path = p.RolePath;
  if (p.PermissionsBoundary !== undefined) role.PermissionsBoundary = p.PermissionsBoundary;
  return role;
}
