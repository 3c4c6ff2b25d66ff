import { defineRule } from '../rule.js';
import { customerKeyVerdict } from './kms.js';

export const sagemakerNotebookKmsKey = defineRule({
  id: 'sagemaker-notebook-kms-key',
  title: 'SageMaker notebook instances encrypt their volume with a customer managed key',
  severity: 'medium',
  rationale:
    'Data scientists copy datasets, ePHI included, onto the ML storage volume of a notebook instance; a key of ' +
    'your own lets a key policy restrict and CloudTrail record every use of it (R-INF-2).',
  remediation: {
    cloudformation:
      'Set KmsKeyId: !GetAtt PhiKey.Arn on the AWS::SageMaker::NotebookInstance (a new instance).',
    terraform: 'Set kms_key_id = aws_kms_key.phi.arn on aws_sagemaker_notebook_instance (a new instance).',
    console:
      'SageMaker → Notebook instances → Create → Permissions and encryption → Encryption key → a customer managed key.',
  },
  controls: ['encryption-at-rest', 'key-management'],
  kinds: ['Notebook'],
  equivalents: {
    cdkNag: ['HIPAA.Security-SageMakerNotebookInstanceKMSKeyConfigured'],
    awsConfig: ['sagemaker-notebook-instance-kms-key-configured'],
  },
  check(notebook) {
    return customerKeyVerdict(notebook.facts.kmsKey, 'notebook volume');
  },
});
