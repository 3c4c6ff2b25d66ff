import { createHash } from 'node:crypto';
import { SAM_PREFIX, withGlobals } from './globals.js';
import { executionRoleProperties } from './role.js';

/**
 * The part of the AWS SAM transform (`Transform: AWS::Serverless-2016-10-31`) that has to happen before intrinsic
 * functions are resolved, following the SAM translator (github.com/aws/serverless-application-model, samtranslator/):
 *
 * 1. the implicit APIs: `ServerlessRestApi` (`AWS::Serverless::Api`, stage `Prod`) when a function or state machine
 *    has an `Api` event without `RestApiId`, `ServerlessHttpApi` (`AWS::Serverless::HttpApi`) for `HttpApi` events
 *    without `ApiId` (plugins/api/implicit_*_api_plugin.py; they are added before Globals, so Globals apply to them);
 * 2. `Globals` merged into every `AWS::Serverless::*` resource (plugins/globals, see globals.ts);
 * 3. the generated resources the canonical model needs as resources of their own or as joins, with SAM's logical
 *    ids so references to them (`!GetAtt MyFunctionRole.Arn`, `!Ref MyApiProdStage`) resolve:
 *    - `<Function>Role` / `<StateMachine>Role` (`AWS::IAM::Role`) when `Role` is not set, with the policies SAM puts
 *      on it (role.ts); the function's `Role` then points at it, as SAM's `Fn::GetAtt <Function>Role.Arn` does;
 *    - `<Function>Url` (`AWS::Lambda::Url`) for `FunctionUrlConfig`;
 *    - `<Api><StageName>Stage` (`AWS::ApiGateway::Stage`) and `<Api>Deployment` (`AWS::ApiGateway::Deployment`, which
 *      creates the extra stage named `Stage` unless `OpenApiVersion` is set: model/api/api_generator.py);
 *    - `<HttpApi>ApiGatewayDefaultStage` or `<HttpApi><StageName>Stage` (`AWS::ApiGatewayV2::Stage`);
 *    - the usage plan of `Auth.UsagePlan` (`<Api>UsagePlan`, or `ServerlessUsagePlan` when SHARED), whose throttle counts.
 *
 * The SAM resources themselves keep their type and logical id (mappers/sam.ts maps them to canonical kinds); every
 * generated resource is recorded in `origins` under the SAM resource it comes from, so its line is that resource's.
 *
 * Not generated: Lambda versions/aliases, event source mappings and the permissions of events (scoped by SourceArn),
 * API keys, custom domains (`Domain`), authorizers, the CloudWatch role, the Step Functions state machine itself.
 *
 * Returns `resources` itself when the template has no SAM resource.
 */
export function expandServerless(
  globals: unknown,
  resources: Record<string, unknown>,
  origins: Map<string, string>,
  report: (message: string, logicalId?: string) => void,
): Record<string, unknown> {
  const ids = Object.keys(resources);
  if (!ids.some((id) => typeOf(resources[id]).startsWith(SAM_PREFIX))) return resources;
  const out: Record<string, unknown> = { ...resources };
  const originOf = (id: string) => origins.get(id) ?? id;
  const generate = (owner: string, id: string, declaration: Record<string, unknown>) => {
    if (id in resources) {
      report(`the SAM transform generates ${id}, which the template also declares`, owner);
      return;
    }
    // SAM passes the owner's Condition on to what it generates.
    const ownerDeclaration = asObject(out[owner]);
    if (ownerDeclaration.Condition !== undefined) declaration.Condition = ownerDeclaration.Condition;
    // Inline suppressions written on the SAM resource also cover what SAM generates from it.
    const safeguard = asObject(ownerDeclaration.Metadata).safeguard;
    if (safeguard !== undefined) declaration.Metadata = { safeguard };
    out[id] = declaration;
    origins.set(id, originOf(owner));
  };

  addImplicitApis(resources, out, origins);
  // SAM's `!Ref <Resource>.<Property>` forms (referable_properties in sam_resources.py) → what they name.
  const propertyRefs = new Map<string, unknown>();

  for (const id of Object.keys(out)) {
    const declaration = asObject(out[id]);
    const type = typeOf(declaration);
    if (!type.startsWith(SAM_PREFIX)) continue;
    const merged = withGlobals(globals, type, declaration.Properties ?? {}, declaration.IgnoreGlobals);
    if (typeof merged !== 'object' || merged === null || Array.isArray(merged) || isIntrinsicValue(merged)) {
      out[id] = { ...declaration, Properties: merged };
      continue; // Properties as a whole from an intrinsic function: nothing SAM could expand either
    }
    const properties: Record<string, unknown> = { ...(merged as Record<string, unknown>) };
    out[id] = { ...declaration, Properties: properties };
    const at = (message: string) => report(message, id);
    switch (type) {
      case 'AWS::Serverless::Function': {
        // The version, alias (AutoPublishAlias) and EventInvokeConfig destinations SAM creates are not generated: a
        // reference to them is one to the function (an attribute of it), so it resolves and joins.
        for (const property of ['Version', 'Alias', 'DestinationTopic', 'DestinationQueue'])
          propertyRefs.set(`${id}.${property}`, { 'Fn::GetAtt': [id, property] });
        const roleArn = { 'Fn::GetAtt': [`${id}Role`, 'Arn'] };
        const conditional = conditionalRole(properties.Role);
        if (properties.Role === undefined || conditional) {
          const role: Record<string, unknown> = {
            Type: 'AWS::IAM::Role',
            Properties: executionRoleProperties({ logicalId: id, properties, kind: 'function' }, at),
          };
          generate(id, `${id}Role`, role);
          if (conditional?.condition) role.Condition = conditional.condition;
          properties.Role = conditional ? conditional.role(roleArn) : roleArn;
        }
        // SAM targets the alias when AutoPublishAlias is set; the alias belongs to this function either way.
        const url = properties.FunctionUrlConfig;
        if (url !== undefined && url !== null && !isIntrinsicValue(url)) {
          generate(id, `${id}Url`, {
            Type: 'AWS::Lambda::Url',
            Properties: { AuthType: asObject(url).AuthType, TargetFunctionArn: { Ref: id } },
          });
        }
        break;
      }
      case 'AWS::Serverless::StateMachine':
        if (properties.Role === undefined) {
          generate(id, `${id}Role`, {
            Type: 'AWS::IAM::Role',
            Properties: executionRoleProperties({ logicalId: id, properties, kind: 'state-machine' }, at),
          });
          properties.Role = { 'Fn::GetAtt': [`${id}Role`, 'Arn'] };
        }
        break;
      case 'AWS::Serverless::Api': {
        const stageName = properties.StageName;
        generate(id, `${id}Deployment`, {
          Type: 'AWS::ApiGateway::Deployment',
          // Without OpenApiVersion SAM's deployment also creates a stage named "Stage", with default settings.
          Properties: {
            RestApiId: { Ref: id },
            ...(properties.OpenApiVersion ? {} : { StageName: 'Stage' }),
          },
        });
        if (stageName === undefined) {
          at('AWS::Serverless::Api needs StageName (the SAM transform fails without it)');
          break;
        }
        const stage = stageId(id, stageName);
        propertyRefs.set(`${id}.Stage`, { Ref: stage });
        propertyRefs.set(`${id}.Deployment`, { Ref: `${id}Deployment` });
        generate(id, stage, {
          Type: 'AWS::ApiGateway::Stage',
          Properties: defined({
            RestApiId: { Ref: id },
            DeploymentId: { Ref: `${id}Deployment` },
            StageName: stageName,
            CacheClusterEnabled: properties.CacheClusterEnabled,
            CacheClusterSize: properties.CacheClusterSize,
            Variables: properties.Variables,
            MethodSettings: properties.MethodSettings,
            AccessLogSetting: properties.AccessLogSetting,
            CanarySetting: properties.CanarySetting,
            TracingEnabled: properties.TracingEnabled,
            Tags: tagList(properties.Tags),
          }),
        });
        // Auth.UsagePlan: PER_API → <Api>UsagePlan; SHARED → one ServerlessUsagePlan for every such API.
        const plan = asObject(asObject(properties.Auth).UsagePlan);
        const apiStage = { ApiId: { Ref: id }, Stage: { Ref: stage } };
        const shared = asObject(out.ServerlessUsagePlan);
        if (plan.CreateUsagePlan === 'SHARED' && typeOf(shared) === 'AWS::ApiGateway::UsagePlan') {
          const sharedProperties = asObject(shared.Properties);
          sharedProperties.ApiStages = [...(sharedProperties.ApiStages as unknown[]), apiStage];
          if (shared.Condition !== asObject(out[id]).Condition) delete shared.Condition;
        } else if (plan.CreateUsagePlan === 'PER_API' || plan.CreateUsagePlan === 'SHARED') {
          if (plan.CreateUsagePlan === 'PER_API')
            propertyRefs.set(`${id}.UsagePlan`, { Ref: `${id}UsagePlan` });
          generate(id, plan.CreateUsagePlan === 'PER_API' ? `${id}UsagePlan` : 'ServerlessUsagePlan', {
            Type: 'AWS::ApiGateway::UsagePlan',
            Properties: defined({
              ApiStages: [apiStage],
              UsagePlanName: plan.UsagePlanName,
              Quota: plan.Quota,
              Throttle: plan.Throttle,
            }),
          });
        }
        break;
      }
      case 'AWS::Serverless::HttpApi': {
        const stageName = properties.StageName ?? '$default';
        const stage = stageName === '$default' ? `${id}ApiGatewayDefaultStage` : stageId(id, stageName);
        propertyRefs.set(`${id}.Stage`, { Ref: stage });
        generate(id, stage, {
          Type: 'AWS::ApiGatewayV2::Stage',
          Properties: defined({
            ApiId: { Ref: id },
            StageName: stageName,
            StageVariables: properties.StageVariables,
            AccessLogSettings: properties.AccessLogSettings,
            DefaultRouteSettings: properties.DefaultRouteSettings,
            RouteSettings: properties.RouteSettings,
            Tags: properties.Tags,
            AutoDeploy: true,
          }),
        });
        break;
      }
    }
  }
  for (const id of Object.keys(out)) out[id] = replacePropertyRefs(out[id], propertyRefs);
  return out;
}

/** Replaces `{Ref: "MyApi.Stage"}`-style references (objects are copied only where something changes). */
function replacePropertyRefs(node: unknown, refs: ReadonlyMap<string, unknown>): unknown {
  if (Array.isArray(node)) {
    let changed = false;
    const items = node.map((item) => {
      const replaced = replacePropertyRefs(item, refs);
      if (replaced !== item) changed = true;
      return replaced;
    });
    return changed ? items : node;
  }
  if (typeof node !== 'object' || node === null) return node;
  const record = node as Record<string, unknown>;
  if (typeof record.Ref === 'string' && Object.keys(record).length === 1) return refs.get(record.Ref) ?? node;
  let copy: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(record)) {
    const replaced = replacePropertyRefs(value, refs);
    if (replaced !== value) {
      copy ??= { ...record };
      copy[key] = replaced;
    }
  }
  return copy ?? node;
}

/**
 * `Role: !If [C, !Ref AWS::NoValue, X]` (or NoValue in both branches): SAM generates the role only when C holds and
 * puts its ARN in place of NoValue (`SamFunction._make_lambda_role`). The opposite form (`!If [C, X, !Ref
 * AWS::NoValue]`) needs a new `NOT C` condition SAM adds to the template; it is not expanded here (the function then
 * has no role when C is false).
 */
function conditionalRole(
  role: unknown,
): { condition: string | undefined; role: (arn: unknown) => unknown } | undefined {
  const args = asObject(role)['Fn::If'];
  if (!isIntrinsicValue(role) || !Array.isArray(args) || args.length !== 3) return undefined;
  const [condition, whenTrue, whenFalse] = args as [unknown, unknown, unknown];
  const noValue = (value: unknown) => asObject(value).Ref === 'AWS::NoValue';
  if (noValue(whenTrue) && noValue(whenFalse)) return { condition: undefined, role: (arn) => arn };
  if (noValue(whenTrue) && typeof condition === 'string')
    return { condition, role: (arn) => ({ 'Fn::If': [condition, arn, whenFalse] }) };
  return undefined;
}

/** `ServerlessRestApi` / `ServerlessHttpApi` for API events that name no API (added before Globals are merged). */
function addImplicitApis(
  declared: Record<string, unknown>,
  out: Record<string, unknown>,
  origins: Map<string, string>,
): void {
  const implicit = [
    { id: 'ServerlessRestApi', type: 'AWS::Serverless::Api', event: 'Api', idProperty: 'RestApiId' },
    { id: 'ServerlessHttpApi', type: 'AWS::Serverless::HttpApi', event: 'HttpApi', idProperty: 'ApiId' },
  ];
  for (const api of implicit) {
    const users: string[] = [];
    for (const [id, declaration] of Object.entries(declared)) {
      const type = typeOf(declaration);
      if (type !== 'AWS::Serverless::Function' && type !== 'AWS::Serverless::StateMachine') continue;
      const events = asObject(asObject(asObject(declaration).Properties).Events);
      const uses = Object.values(events).some((event) => {
        const e = asObject(event);
        return e.Type === api.event && asObject(e.Properties)[api.idProperty] === undefined;
      });
      if (uses) users.push(id);
    }
    if (users.length === 0) continue;
    // SAM conditions the implicit API when every resource using it is conditioned (several conditions are
    // combined with Fn::Or in a new template condition, which cannot be added here: the API is then assumed).
    const conditions = new Set(users.map((id) => asObject(declared[id]).Condition));
    const condition = conditions.size === 1 ? [...conditions][0] : undefined;
    out[api.id] = {
      Type: api.type,
      ...(typeof condition === 'string' ? { Condition: condition } : {}),
      Properties: api.event === 'Api' ? { StageName: 'Prod' } : {},
    };
    origins.set(api.id, origins.get(users[0] as string) ?? (users[0] as string));
  }
}

/**
 * SAM's stage logical id: `<Api><StageName>Stage` for an alphanumeric name, else `<Api>Stage` followed by the first
 * 10 hex digits of the SHA-1 of the name (translator/logical_id_generator.py; nothing after `Stage` when the name is
 * an intrinsic function).
 */
function stageId(apiId: string, stageName: unknown): string {
  const name = typeof stageName === 'string' ? stageName : '';
  if (/^[A-Za-z0-9]+$/.test(name)) return `${apiId}${name}Stage`;
  return `${apiId}Stage${name ? createHash('sha1').update(name, 'utf8').digest('hex').slice(0, 10) : ''}`;
}

function tagList(tags: unknown): unknown {
  if (typeof tags !== 'object' || tags === null || Array.isArray(tags) || isIntrinsicValue(tags)) return tags;
  return Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
}

function defined(properties: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(properties).filter(([, value]) => value !== undefined));
}

function isIntrinsicValue(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return (
    keys.length === 1 &&
    (keys[0] === 'Ref' || keys[0] === 'Condition' || (keys[0] as string).startsWith('Fn::'))
  );
}

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function typeOf(declaration: unknown): string {
  const type = asObject(declaration).Type;
  return typeof type === 'string' ? type : '';
}
