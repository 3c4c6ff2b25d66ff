import { isUnknown } from '../../model/values.js';
import { defineRule, skip } from '../rule.js';
import { judgeStages } from './stages.js';

export const apigwStageCacheEncrypted = defineRule({
  id: 'apigw-stage-cache-encrypted',
  title: 'REST API stages cache responses with the cache encrypted',
  severity: 'medium',
  rationale:
    'Cached responses may contain ePHI; the stage-wide method setting must enable caching with CacheDataEncrypted so cached data is encrypted at rest (cdk-nag requires caching itself too).',
  remediation: {
    cloudformation:
      'Add MethodSettings: [{ HttpMethod: "*", ResourcePath: "/*", CachingEnabled: true, CacheDataEncrypted: true }] and CacheClusterEnabled: true on the stage.',
    terraform:
      'aws_api_gateway_method_settings { method_path = "*/*", settings { caching_enabled = true, cache_data_encrypted = true } }.',
    console: 'API Gateway → the API → Stages → the stage → Settings → Enable API cache, Encrypt cache data.',
  },
  controls: ['encryption-at-rest'],
  kinds: ['Api'],
  equivalents: {
    cdkNag: ['HIPAA.Security-APIGWCacheEnabledAndEncrypted'],
    awsConfig: ['api-gw-cache-enabled-and-encrypted'],
  },
  check(api) {
    if (api.facts.protocol !== 'rest') return skip;
    return judgeStages(api.facts.stages, (stage) => {
      const value = stage.cacheEnabledAndEncrypted;
      if (isUnknown(value)) return value;
      return value ? undefined : 'no "*" "/*" method setting with CachingEnabled and CacheDataEncrypted';
    });
  },
});
