import type { ApiFacts, ApiStageFacts } from '../../../model/kinds/apigateway.js';
import { isRef, isUnknown, unknown, type Val } from '../../../model/values.js';
import { at, bool, list, num, refOrString, str } from '../../read.js';
import {
  block,
  type TfMapContext,
  type TfMapperTable,
  type TfResourceView,
  tfFolded,
  tfMapping,
} from '../mapper.js';
import { declared, declaredBlock } from './vpc.js';

function both(a: Val<boolean>, b: Val<boolean>): Val<boolean> {
  if (a === false || b === false) return false;
  if (isUnknown(a)) return a;
  if (isUnknown(b)) return b;
  return true;
}

function aclsOf(context: TfMapContext, target: string) {
  return context
    .referrers('aws_wafv2_web_acl_association', 'resource_arn', target)
    .map((association) => refOrString(association.values.web_acl_arn) ?? unknown('association without ACL'));
}

/** Whether a method settings resource's `stage_name` names this stage (by reference or by literal name). */
function namesStage(
  value: unknown,
  stage: TfResourceView | undefined,
  name: Val<string>,
): boolean | 'unknown' {
  if (isRef(value)) return stage !== undefined && value.$ref === stage.modelId;
  if (isUnknown(value))
    return stage !== undefined && (value.refs ?? []).includes(stage.modelId) ? true : 'unknown';
  return typeof value === 'string' && value === name;
}

/**
 * A REST API stage: an `aws_api_gateway_stage` (or the stage a deployment's `stage_name` creates) with the
 * stage-wide (`method_path = "*\/*"`) `aws_api_gateway_method_settings` that name it.
 */
function restStage(
  stage: TfResourceView | undefined,
  name: Val<string>,
  label: string,
  methodSettings: readonly TfResourceView[],
  throttledByUsagePlan: boolean,
  webAcls: ApiStageFacts['webAcls'],
): ApiStageFacts {
  const v = stage?.values ?? {};
  let wide: Val<unknown> | undefined;
  for (const settings of methodSettings) {
    const path = settings.values.method_path;
    const names = namesStage(settings.values.stage_name, stage, name);
    if (names === false) continue;
    if (isUnknown(path) || names === 'unknown') {
      wide ??= unknown('method settings of an unknown stage or path');
      continue;
    }
    if (path === '*/*') wide = block(settings.values.settings) ?? {};
  }
  const settings = isUnknown(wide) ? undefined : wide;
  // The provider writes -1 for an unset throttling limit.
  const rate = isUnknown(wide) ? wide : num(declared(at(settings, 'throttling_rate_limit')), undefined);
  return {
    name: label,
    cacheEnabledAndEncrypted: isUnknown(wide)
      ? wide
      : both(
          bool(declared(at(settings, 'caching_enabled')), false),
          bool(declared(at(settings, 'cache_data_encrypted')), false),
        ),
    executionLoggingLevel: isUnknown(wide) ? wide : str(declared(at(settings, 'logging_level')), 'OFF'),
    clientCertificate: declared(v.client_certificate_id) !== undefined && v.client_certificate_id !== '',
    tracingEnabled: bool(declared(v.xray_tracing_enabled), false),
    accessLogging: declared(at(declaredBlock(v.access_log_settings), 'destination_arn')) !== undefined,
    throttling: throttledByUsagePlan ? true : rate === undefined ? false : isUnknown(rate) ? rate : rate > 0,
    webAcls,
  };
}

const restApi = tfMapping('Api', (view, context): ApiFacts => {
  const types = list(declared(at(declaredBlock(view.values.endpoint_configuration), 'types')));
  const usagePlanThrottle = context.referrers('aws_api_gateway_usage_plan', 'api_stages').some((plan) => {
    const rate = num(declared(at(block(plan.values.throttle_settings), 'rate_limit')), undefined);
    return rate !== undefined && (isUnknown(rate) || rate > 0);
  });
  const methodSettings = context.referrers('aws_api_gateway_method_settings', 'rest_api_id');
  const stages: ApiStageFacts[] = [];
  for (const stage of context.referrers('aws_api_gateway_stage', 'rest_api_id')) {
    const name = str(stage.values.stage_name, '');
    stages.push(
      restStage(
        stage,
        name,
        typeof name === 'string' && name !== '' ? name : stage.address,
        methodSettings,
        usagePlanThrottle,
        aclsOf(context, stage.modelId),
      ),
    );
  }
  // A deployment's (deprecated) `stage_name` creates a stage with no settings of its own.
  for (const deployment of context.referrers('aws_api_gateway_deployment', 'rest_api_id')) {
    const name = str(declared(deployment.values.stage_name), undefined);
    if (name === undefined || name === '') continue;
    stages.push(
      restStage(
        undefined,
        name,
        typeof name === 'string' ? name : deployment.address,
        methodSettings,
        usagePlanThrottle,
        [],
      ),
    );
  }
  return {
    protocol: 'rest',
    endpointType: isUnknown(types) ? types : str(types[0], 'EDGE'),
    stages,
  };
});

const apiV2 = tfMapping('Api', (view, context): ApiFacts => {
  const protocolType = str(view.values.protocol_type, 'HTTP');
  const stages = context.referrers('aws_apigatewayv2_stage', 'api_id').map((stage): ApiStageFacts => {
    const v = stage.values;
    const route = declaredBlock(v.default_route_settings);
    const rate = num(declared(at(route, 'throttling_rate_limit')), undefined);
    const name = str(v.name, '');
    return {
      name: typeof name === 'string' && name !== '' ? name : stage.address,
      cacheEnabledAndEncrypted: false,
      executionLoggingLevel: str(declared(at(route, 'logging_level')), 'OFF'),
      clientCertificate: false,
      tracingEnabled: false,
      accessLogging: declared(at(declaredBlock(v.access_log_settings), 'destination_arn')) !== undefined,
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

export const apigatewayTfMappers: TfMapperTable = {
  aws_api_gateway_rest_api: restApi,
  aws_api_gateway_stage: tfFolded('rest_api_id'),
  aws_api_gateway_deployment: tfFolded('rest_api_id'),
  aws_api_gateway_method_settings: tfFolded('rest_api_id'),
  aws_apigatewayv2_api: apiV2,
  aws_apigatewayv2_stage: tfFolded('api_id'),
};
