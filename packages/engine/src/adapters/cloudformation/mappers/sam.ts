import type { ApiFacts } from '../../../model/kinds/apigateway.js';
import { isUnknown, unknown } from '../../../model/values.js';
import { at, refOrString } from '../../read.js';
import { type CfnMapperTable, type CfnMapping, type CfnResourceView, cfnMapping } from '../mapper.js';
import { apigatewayCfnMappers } from './apigateway.js';
import { dynamodbCfnMappers } from './dynamodb.js';
import { lambdaCfnMappers } from './lambda.js';

/**
 * AWS SAM resources (`Transform: AWS::Serverless-2016-10-31`) mapped to the kinds of what the SAM transform deploys
 * for them, by rewriting the SAM properties into the native resource's (as samtranslator/model/sam_resources.py does)
 * and handing them to the native mapping. Globals are already merged and the generated execution role, function URL
 * and API stages are already resources of the template (sam/transform.ts), so the native mappings' joins find them.
 * The canonical resource keeps the SAM resource's type, logical id and line.
 *
 * No kind exists for `AWS::Serverless::StateMachine`, `LayerVersion`, `Application`, `Connector`, `GraphQLApi`,
 * `WebSocketApi` or `CapacityProvider`: they stay Unmodelled (a state machine's generated role is judged).
 */

// biome-ignore lint/suspicious/noExplicitAny: the native tables hold mappings of several kinds
const native = (table: CfnMapperTable, type: string): CfnMapping<any> => table[type] as CfnMapping<any>;
const lambdaFunction: CfnMapping<'Function'> = native(lambdaCfnMappers, 'AWS::Lambda::Function');
const dynamodbTable: CfnMapping<'Table'> = native(dynamodbCfnMappers, 'AWS::DynamoDB::Table');
const restApi: CfnMapping<'Api'> = native(apigatewayCfnMappers, 'AWS::ApiGateway::RestApi');
const httpApi: CfnMapping<'Api'> = native(apigatewayCfnMappers, 'AWS::ApiGatewayV2::Api');

function withProperties(view: CfnResourceView, properties: Record<string, unknown>): CfnResourceView {
  return { ...view, properties };
}

/**
 * `AWS::Serverless::Function` → `AWS::Lambda::Function`: `DeadLetterQueue {Type, TargetArn}` becomes
 * `DeadLetterConfig {TargetArn}`; Runtime, PackageType, FunctionName, Role (SAM's generated role when not set),
 * ReservedConcurrentExecutions, VpcConfig, KmsKeyArn and Environment are the same properties.
 */
const samFunction = cfnMapping('Function', (view, context) => {
  const p = view.properties;
  const dlq = p.DeadLetterQueue;
  const properties: Record<string, unknown> = { ...p };
  delete properties.DeadLetterQueue;
  if (dlq !== undefined)
    properties.DeadLetterConfig = isUnknown(dlq) ? dlq : { TargetArn: at(dlq, 'TargetArn') };
  return lambdaFunction.map(withProperties(view, properties), context);
});

/**
 * `AWS::Serverless::SimpleTable` → `AWS::DynamoDB::Table`: on-demand billing unless `ProvisionedThroughput` is set;
 * `SSESpecification`, `PointInTimeRecoverySpecification` and `TableName` pass through; `Tags` become a list.
 * Deletion protection cannot be set on a SimpleTable (it stays off).
 */
const samSimpleTable = cfnMapping('Table', (view, context) => {
  const p = view.properties;
  const tags = p.Tags;
  const properties: Record<string, unknown> = {
    TableName: p.TableName,
    SSESpecification: p.SSESpecification,
    PointInTimeRecoverySpecification: p.PointInTimeRecoverySpecification,
    ProvisionedThroughput: p.ProvisionedThroughput,
    BillingMode: p.ProvisionedThroughput === undefined ? 'PAY_PER_REQUEST' : 'PROVISIONED',
    Tags:
      tags && typeof tags === 'object' && !Array.isArray(tags) && !isUnknown(tags)
        ? Object.entries(tags).map(([Key, Value]) => ({ Key, Value }))
        : tags,
  };
  return dynamodbTable.map(withProperties(view, properties), context);
});

/**
 * `AWS::Serverless::Api` → `AWS::ApiGateway::RestApi`: `EndpointConfiguration` is a type (`REGIONAL`) or
 * `{Type, VPCEndpointIds}` in SAM and `{Types: [type]}` natively (api_generator `_set_endpoint_configuration`).
 * Stages come from the generated `AWS::ApiGateway::Stage` / `Deployment`. A WAFv2 association whose ResourceArn
 * names the API (`!Sub …/restapis/${Api}/stages/Prod`, the usual SAM form) counts for every stage of the API.
 */
const samApi = cfnMapping('Api', (view, context): ApiFacts => {
  const p = view.properties;
  const endpoint = p.EndpointConfiguration;
  const properties: Record<string, unknown> = { ...p };
  if (endpoint !== undefined)
    properties.EndpointConfiguration = isUnknown(endpoint)
      ? endpoint
      : typeof endpoint === 'string'
        ? { Types: [endpoint] }
        : { Types: [at(endpoint, 'Type')] };
  const facts = restApi.map(withProperties(view, properties), context);
  const apiAcls = context
    .referrers('AWS::WAFv2::WebACLAssociation', 'ResourceArn')
    .map(
      (association) => refOrString(association.properties.WebACLArn) ?? unknown('association without ACL'),
    );
  if (apiAcls.length === 0) return facts;
  return {
    ...facts,
    stages: facts.stages.map((stage) => (stage.webAcls.length > 0 ? stage : { ...stage, webAcls: apiAcls })),
  };
});

export const samCfnMappers: CfnMapperTable = {
  'AWS::Serverless::Function': samFunction,
  'AWS::Serverless::SimpleTable': samSimpleTable,
  'AWS::Serverless::Api': samApi,
  // HttpApi properties are the native Api's (ProtocolType absent: HTTP); its stage is generated.
  'AWS::Serverless::HttpApi': httpApi,
};
