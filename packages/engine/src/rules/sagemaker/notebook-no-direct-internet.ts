import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

export const sagemakerNotebookNoDirectInternet = defineRule({
  id: 'sagemaker-notebook-no-direct-internet',
  title: 'SageMaker notebook instances have no direct internet access',
  severity: 'high',
  rationale:
    'With direct internet access (the default) a notebook that holds ePHI can send it anywhere and be reached ' +
    'through a SageMaker-managed network path that no security group, flow log or VPC endpoint policy of yours ' +
    'sees (R-INF-1).',
  remediation: {
    cloudformation:
      'Set DirectInternetAccess: Disabled with SubnetId of a private subnet and SecurityGroupIds (a new instance).',
    terraform:
      'Set direct_internet_access = "Disabled", subnet_id and security_groups on aws_sagemaker_notebook_instance.',
    console:
      'SageMaker → Notebook instances → Create → Network → a VPC and private subnet → Direct internet access → Disable.',
  },
  controls: ['network-segmentation', 'boundary-protection', 'public-exposure'],
  kinds: ['Notebook'],
  equivalents: {
    cdkNag: ['HIPAA.Security-SageMakerNotebookNoDirectInternetAccess'],
    awsConfig: ['sagemaker-notebook-no-direct-internet-access'],
  },
  check(notebook) {
    const direct = notebook.facts.directInternetAccess;
    if (isUnknown(direct)) return cannotVerify(`DirectInternetAccess is ${direct.$unknown}`);
    if (!direct) return pass;
    const inVpc = notebook.facts.inVpc;
    return fail(
      inVpc === false
        ? 'notebook instance has direct internet access and no VPC subnet: it reaches the internet through SageMaker'
        : 'notebook instance has direct internet access (DirectInternetAccess Enabled)',
    );
  },
});
