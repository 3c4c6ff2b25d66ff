import { defineRule, fail, pass } from '../rule.js';

export const ec2InstanceProfileAttached = defineRule({
  id: 'ec2-instance-profile-attached',
  title: 'EC2 instances have an IAM instance profile',
  severity: 'medium',
  rationale:
    'An instance profile gives the host short-lived, scoped credentials; without one, applications end up with long-lived access keys on disk.',
  remediation: {
    cloudformation:
      'Set IamInstanceProfile: !Ref InstanceProfile (an AWS::IAM::InstanceProfile with a least-privilege role).',
    terraform: 'Set iam_instance_profile = aws_iam_instance_profile.this.name on aws_instance.',
    console: 'EC2 → the instance → Actions → Security → Modify IAM role.',
  },
  controls: ['least-privilege', 'secrets-management'],
  kinds: ['Instance'],
  equivalents: {
    cdkNag: ['HIPAA.Security-EC2InstanceProfileAttached'],
    awsConfig: ['ec2-instance-profile-attached'],
  },
  check(instance) {
    return instance.facts.instanceProfile === undefined ? fail('no IamInstanceProfile') : pass;
  },
});
