import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';

export const lambdaFunctionPublicAccessProhibited = defineRule({
  id: 'lambda-function-public-access-prohibited',
  title: 'Lambda functions cannot be invoked by anyone',
  severity: 'high',
  rationale:
    'A resource policy granting `*`, a service principal without SourceArn/SourceAccount (the confused-deputy case) ' +
    'or a function URL with AuthType NONE lets any AWS account or anonymous caller run code that can read ePHI.',
  remediation: {
    cloudformation:
      'On AWS::Lambda::Permission name a specific Principal and add SourceArn and SourceAccount (or PrincipalOrgID); ' +
      'set AuthType: AWS_IAM on AWS::Lambda::Url.',
    terraform:
      'On aws_lambda_permission set source_arn and source_account (or principal_org_id); authorization_type = ' +
      '"AWS_IAM" on aws_lambda_function_url.',
    console:
      'Lambda → the function → Configuration → Permissions → Resource-based policy → remove public statements.',
  },
  controls: ['public-exposure', 'access-control', 'least-privilege'],
  kinds: ['Function'],
  equivalents: {
    cdkNag: ['HIPAA.Security-LambdaFunctionPublicAccessProhibited'],
    awsConfig: ['lambda-function-public-access-prohibited'],
  },
  check(fn) {
    const problems: string[] = [];
    const unclear: string[] = [];
    for (const permission of fn.facts.permissions) {
      const { principal } = permission;
      const scoped = permission.sourceArn || permission.sourceAccount || permission.principalOrgId;
      if (permission.functionUrlAuthType !== undefined) {
        if (isUnknown(permission.functionUrlAuthType)) unclear.push(`${permission.name}: AuthType unknown`);
        else if (permission.functionUrlAuthType === 'NONE')
          problems.push(`${permission.name}: function URL with AuthType NONE (anonymous invocation)`);
        continue;
      }
      if (isUnknown(principal)) {
        unclear.push(`${permission.name}: principal ${principal.$unknown}`);
        continue;
      }
      if (principal === '*' && !scoped)
        problems.push(`${permission.name}: Principal "*" with no source condition`);
      // PrincipalOrgID on a service principal limits callers to the organization's principals: the service itself
      // (which belongs to no organization) cannot use it for any other account's resources.
      else if (/\.amazonaws\.com(\.cn)?$/.test(principal) && !scoped)
        problems.push(
          `${permission.name}: service principal ${principal} without SourceArn, SourceAccount or PrincipalOrgID`,
        );
    }
    if (problems.length > 0) return fail(problems.join('; '));
    if (unclear.length > 0) return cannotVerify(unclear.join('; '));
    return pass;
  },
});
