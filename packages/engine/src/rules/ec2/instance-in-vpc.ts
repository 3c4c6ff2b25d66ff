import { defineRule, fail, pass } from '../rule.js';

export const ec2InstanceInVpc = defineRule({
  id: 'ec2-instance-in-vpc',
  title: 'EC2 instances are launched into a VPC subnet',
  severity: 'medium',
  rationale:
    'An instance without an explicit subnet lands in the default VPC, whose public subnets and open defaults bypass the segmented network of R-INF-1.',
  remediation: {
    cloudformation: 'Set SubnetId (or NetworkInterfaces[].SubnetId) to a private subnet of the workload VPC.',
    terraform: 'Set subnet_id = aws_subnet.private.id on aws_instance.',
    console: 'Launch the instance into the workload VPC and a private subnet.',
  },
  controls: ['network-segmentation'],
  kinds: ['Instance'],
  equivalents: { cdkNag: ['HIPAA.Security-EC2InstancesInVPC'], awsConfig: ['ec2-instances-in-vpc'] },
  check(instance) {
    return instance.facts.subnet === undefined
      ? fail('no SubnetId: the instance goes to the default VPC')
      : pass;
  },
});
