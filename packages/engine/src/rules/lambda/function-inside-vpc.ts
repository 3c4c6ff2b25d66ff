import { isUnknown } from '../../model/values.js';
import { isImportedValue } from '../imported.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

export const lambdaFunctionInsideVpc = defineRule({
  id: 'lambda-function-inside-vpc',
  title: 'Lambda functions run inside a VPC',
  severity: 'medium',
  rationale:
    'A function in a VPC reaches ePHI stores over private subnets under security groups and flow logs, and AWS APIs ' +
    'through VPC endpoints (R-INF-1, R-INF-9), instead of over the public internet.',
  remediation: {
    cloudformation:
      'Set VpcConfig: { SubnetIds: [private subnets], SecurityGroupIds: [a function security group] }.',
    terraform:
      'Add vpc_config { subnet_ids = [...private], security_group_ids = [aws_security_group.fn.id] }.',
    console:
      'Lambda → the function → Configuration → VPC → Edit → choose the VPC, private subnets and a security group.',
  },
  controls: ['network-segmentation', 'boundary-protection'],
  kinds: ['Function'],
  equivalents: { cdkNag: ['HIPAA.Security-LambdaInsideVPC'], awsConfig: ['lambda-inside-vpc'] },
  check(fn) {
    const vpc = fn.facts.vpc;
    if (vpc === undefined) return fail('no VpcConfig: the function runs outside any VPC');
    if (isUnknown(vpc)) return cannotVerify(`VpcConfig is ${vpc.$unknown}`);
    // Subnets imported from another stack (`!Split [",", !ImportValue AppSubnets]`): a non-empty export, so at
    // least one subnet.
    if (isImportedValue(vpc.subnetCount)) return pass;
    if (isUnknown(vpc.subnetCount)) return cannotVerify(`VpcConfig.SubnetIds is ${vpc.subnetCount.$unknown}`);
    return vpc.subnetCount > 0 ? pass : fail('VpcConfig has no SubnetIds');
  },
});
