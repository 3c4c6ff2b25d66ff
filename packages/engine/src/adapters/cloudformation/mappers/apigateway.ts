import type { ApiFacts, ApiStageFacts } from '../../../model/kinds/apigateway.js';
import { isUnknown, unknown, type Val } from '../../../model/values.js';
import { at, bool, list, num, refOrString, str } from '../../read.js';
import {
  type CfnMapContext,
  type CfnMapperTable,
  type CfnResourceView,
  cfnMapping,
  folded,
} from '../mapper.js';

/** The method setting that applies to every method of a stage (`HttpMethod: '*'`, `ResourcePath: '/*'`). */
function stageWideSetting(methodSettings: unknown): Val<Readonly<Record<string, unknown>> | undefined> {
  const settings = list(methodSettings);
  if (isUnknown(settings)) return settings;
  const found = settings.find((s) => at(s, 'HttpMethod') === '*' && at(s, 'ResourcePath') === '/*');
  return found as Readonly<Record<string, unknown>> | undefined;
}

function both(a: Val<boolean>, b: Val<boolean>): Val<boolean> {
  if (a === false || b === false) return false;
  if (isUnknown(a)) return a;
  if (isUnknown(b)) return b;
  return true;
}

/**
 * A REST API stage from an `AWS::ApiGateway::Stage` or from a deployment's `StageDescription` (whose top-level
 * settings are the stage-wide method settings).
 */
function restStage(
  source: Readonly<Record<string, unknown>>,
  name: string,
  stageWide: Val<Readonly<Record<string, unknown>> | undefined>,
  throttledByUsagePlan: boolean,
  webAcls: ApiStageFacts['webAcls'],
): ApiStageFacts {
  const wide = isUnknown(stageWide) ? undefined : stageWide;
  const cache = isUnknown(stageWide)
    ? stageWide
    : both(bool(at(wide, 'CachingEnabled'), false), bool(at(wide, 'CacheDataEncrypted'), false));
  const rate = isUnknown(stageWide) ? stageWide : num(at(wide, 'ThrottlingRateLimit'), undefined);
  return {
    name,
    cacheEnabledAndEncrypted: cache,
    executionLoggingLevel: isUnknown(stageWide) ? stageWide : str(at(wide, 'LoggingLevel'), 'OFF'),
    clientCertificate: source.ClientCertificateId !== undefined,
    tracingEnabled: bool(source.TracingEnabled, false),
    accessLogging: at(source, 'AccessLogSetting.DestinationArn') !== undefined,
    throttling: throttledByUsagePlan ? true : rate === undefined ? false : isUnknown(rate) ? rate : rate > 0,
    webAcls,
  };
}

function aclsOf(context: CfnMapContext, target: string) {
  return context
    .referrers('AWS::WAFv2::WebACLAssociation', 'ResourceArn', target)
    .map(
      (association) => refOrString(association.properties.WebACLArn) ?? unknown('association without ACL'),
    );
}

function stageName(view: CfnResourceView, property: unknown): string {
  const name = str(property, undefined);
  return typeof name === 'string' ? name : view.logicalId;
}

const restApi = cfnMapping('Api', (view, context): ApiFacts => {
  const types = list(at(view.properties, 'EndpointConfiguration.Types'));
  const usagePlanThrottle = context
    .referrers('AWS::ApiGateway::UsagePlan', 'ApiStages')
    .some((plan) => num(at(plan.properties, 'Throttle.RateLimit'), undefined) !== undefined);
  const apiAcls = aclsOf(context, view.modelId);
  const stages: ApiStageFacts[] = [];
  for (const stage of context.referrers('AWS::ApiGateway::Stage', 'RestApiId')) {
    const p = stage.properties;
    stages.push(
      restStage(p, stageName(stage, p.StageName), stageWideSetting(p.MethodSettings), usagePlanThrottle, [
        ...aclsOf(context, stage.modelId),
      ]),
    );
  }
  for (const deployment of context.referrers('AWS::ApiGateway::Deployment', 'RestApiId')) {
    const p = deployment.properties;
    if (p.StageName === undefined) continue; // a deployment without StageName creates no stage
    const description = at(p, 'StageDescription');
    const described = isUnknown(description)
      ? {}
      : ((description ?? {}) as Readonly<Record<string, unknown>>);
    const fromList = stageWideSetting(at(described, 'MethodSettings'));
    stages.push(
      restStage(
        described,
        stageName(deployment, p.StageName),
        isUnknown(description) ? description : fromList === undefined ? described : fromList,
        usagePlanThrottle,
        apiAcls,
      ),
    );
  }
  return {
    protocol: 'rest',
    endpointType: isUnknown(types) ? types : str(types[0], 'EDGE'),
    stages,
  };
});

const apiV2 = cfnMapping('Api', (view, context): ApiFacts => {
  const protocolType = str(view.properties.ProtocolType, 'HTTP');
  const stages = context.referrers('AWS::ApiGatewayV2::Stage', 'ApiId').map((stage): ApiStageFacts => {
    const p = stage.properties;
    const rate = num(at(p, 'DefaultRouteSettings.ThrottlingRateLimit'), undefined);
    return {
      name: stageName(stage, p.StageName),
      cacheEnabledAndEncrypted: false,
      executionLoggingLevel: str(at(p, 'DefaultRouteSettings.LoggingLevel'), 'OFF'),
      clientCertificate: false,
      tracingEnabled: false,
      accessLogging: at(p, 'AccessLogSettings.DestinationArn') !== undefined,
      throttling: rate === undefined ? false : isUnknown(rate) ? rate : rate > 0,
      webAcls: [],
    };
  });
  return {
    protocol: isUnknown(protocolType) ? protocolType : protocolType === 'WEBSOCKET' ? 'websocket' : 'http',
    endpointType: 'REGIONAL',
    stages,
  };
});

export const apigatewayCfnMappers: CfnMapperTable = {
  'AWS::ApiGateway::RestApi': restApi,
  'AWS::ApiGateway::Stage': folded('RestApiId'),
  'AWS::ApiGateway::Deployment': folded('RestApiId'),
  'AWS::ApiGatewayV2::Api': apiV2,
  'AWS::ApiGatewayV2::Stage': folded('ApiId'),
};
