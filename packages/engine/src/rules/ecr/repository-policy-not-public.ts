import { isUnknown } from '../../model/values.js';
import { openToEveryone } from '../iam/statements.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

/** Condition keys that confine a `*` principal to an account, the organisation, a network or a calling resource. */
const RESTRICTING_KEYS = [
  'aws:principalorgid',
  'aws:principalorgpaths',
  'aws:principalaccount',
  'aws:principalarn',
  'aws:userid',
  'aws:sourceaccount',
  'aws:sourcearn',
  'aws:sourceowner',
  'aws:sourcevpc',
  'aws:sourcevpce',
  'aws:sourceip',
];

export const ecrRepositoryPolicyNotPublic = defineRule({
  id: 'ecr-repository-policy-not-public',
  title: 'ECR repository policies do not allow any AWS principal without a restricting condition',
  severity: 'high',
  rationale:
    'A repository policy that allows Principal "*" lets every AWS account pull (or, with push actions, replace) ' +
    'the images that run the ePHI workloads: their code, configuration and any data baked in are exposed, and a ' +
    "replaced image runs with the workload's access.",
  remediation: {
    cloudformation:
      'In RepositoryPolicyText name the accounts or roles that pull (arn:aws:iam::<account>:root), or add a ' +
      'Condition on aws:PrincipalOrgID (or aws:SourceAccount for a service principal) to the statement with ' +
      'Principal "*".',
    terraform:
      'In aws_ecr_repository_policy.policy replace principal "*" with named accounts or roles, or add a condition ' +
      'on aws:PrincipalOrgID.',
    console:
      'ECR → the repository → Permissions → Edit policy JSON: remove "Principal": "*" or add a condition.',
  },
  controls: ['public-exposure', 'access-control'],
  kinds: ['ContainerRepository'],
  // cdk-nag AwsSolutions-ECR1 (not in the HIPAA pack); checkov: CKV_AWS_32.
  check(repository) {
    const policy = repository.facts.policy;
    if (isUnknown(policy)) return cannotVerify(`repository policy is ${policy.$unknown}`);
    const { open, unresolved } = openToEveryone(policy, RESTRICTING_KEYS);
    if (open.length > 0)
      return fail(
        `${open.join(', ')} of the repository policy ${open.length === 1 ? 'allows' : 'allow'} Principal "*" (every ` +
          'AWS account) without an account, ' +
          'organisation or network condition',
      );
    if (unresolved) return cannotVerify(`a repository policy statement is ${unresolved.$unknown}`);
    return pass;
  },
});
