import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

export const configRecorderAllResources = defineRule({
  id: 'config-recorder-all-resources',
  title: 'The AWS Config recorder records every resource type, global IAM types included',
  severity: 'medium',
  rationale:
    'The configuration history is the evidence that controls held over time (R-MON-3) and what the HIPAA ' +
    'conformance pack evaluates; resource types left out, IAM above all, are invisible to both (R-INF-8).',
  remediation: {
    cloudformation:
      'Set RecordingGroup: {AllSupported: true, IncludeGlobalResourceTypes: true} (no ResourceTypes, no ' +
      'exclusions) on AWS::Config::ConfigurationRecorder, in one region for the global types.',
    terraform:
      'Set recording_group { all_supported = true include_global_resource_types = true } on aws_config_configuration_recorder.',
    console:
      'Config → Settings → Edit → Recording strategy: All resource types with customizable overrides, include globally recorded types.',
  },
  controls: ['configuration-management', 'asset-inventory', 'security-monitoring'],
  kinds: ['ConfigRecorder'],
  check(recorder) {
    const { allSupported, includeGlobalResourceTypes, excludedResourceTypes } = recorder.facts;
    if (isUnknown(allSupported))
      return cannotVerify(`RecordingGroup.AllSupported is ${allSupported.$unknown}`);
    if (isUnknown(includeGlobalResourceTypes))
      return cannotVerify(`IncludeGlobalResourceTypes is ${includeGlobalResourceTypes.$unknown}`);
    const problems: string[] = [];
    if (!allSupported) problems.push('records only listed resource types (AllSupported is false)');
    if (allSupported && !isUnknown(excludedResourceTypes) && excludedResourceTypes.length > 0)
      problems.push(`excludes ${excludedResourceTypes.length} resource type(s)`);
    if (!includeGlobalResourceTypes) problems.push('global IAM resource types are not recorded');
    return problems.length > 0 ? fail(problems.join('; ')) : pass;
  },
});
