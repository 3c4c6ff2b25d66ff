import { defineRule } from '../rule.js';
import { customerKeyVerdict } from './kms.js';

export const sagemakerEndpointConfigKmsKey = defineRule({
  id: 'sagemaker-endpoint-config-kms-key',
  title: 'SageMaker endpoint configurations encrypt ML storage with a customer managed key',
  severity: 'medium',
  rationale:
    'Inference endpoints write request payloads, model artefacts and captured data, often ePHI, to the ML storage ' +
    'volumes of their instances; a key of your own lets a key policy restrict and CloudTrail record every use, ' +
    'and destroying it makes the data unreadable (R-INF-2).',
  remediation: {
    cloudformation: 'Set KmsKeyId: !GetAtt PhiKey.Arn on the AWS::SageMaker::EndpointConfig.',
    terraform: 'Set kms_key_arn = aws_kms_key.phi.arn on aws_sagemaker_endpoint_configuration.',
    console:
      'SageMaker → Inference → Endpoint configurations → Create (they cannot be edited) → Encryption key → a ' +
      'customer managed key; point the endpoint at it.',
  },
  controls: ['encryption-at-rest', 'key-management'],
  kinds: ['EndpointConfig'],
  equivalents: {
    cdkNag: ['HIPAA.Security-SageMakerEndpointConfigurationKMSKeyConfigured'],
    awsConfig: ['sagemaker-endpoint-configuration-kms-key-configured'],
  },
  check(config) {
    return customerKeyVerdict(config.facts.kmsKey, 'endpoint storage');
  },
});
