import { type IAspect, Names } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { IConstruct } from 'constructs';

/**
 * Turns every inline `AWS::IAM::Policy` that CDK generates for a role (`DefaultPolicy`, grants) into a
 * customer-managed policy attached to the same roles (HIPAA.Security-IAMNoInlinePolicy, AWS Config
 * iam-no-inline-policy-check): managed policies are versioned and can be reviewed and reused. The statements are
 * unchanged, so least privilege is preserved; dependencies on the policy still hold because the managed policy
 * lives under the same construct.
 */
export class ManagedPoliciesOnly implements IAspect {
  visit(node: IConstruct): void {
    if (!(node instanceof iam.Policy)) return;
    const inline = node.node.tryFindChild('Resource') as iam.CfnPolicy | undefined;
    if (inline === undefined || !(inline instanceof iam.CfnPolicy)) return;
    const roles = inline.roles;
    const users = inline.users;
    const groups = inline.groups;
    node.node.tryRemoveChild('Resource');
    const managed = new iam.CfnManagedPolicy(node, 'Managed', {
      policyDocument: node.document,
      roles,
      users,
      groups,
      description: `Least-privilege grants of ${Names.uniqueId(node)}`,
    });
    // Keep synthesis conditional like the inline policy: an empty, unattached policy is not rendered.
    const shouldSynth = (inline as unknown as { shouldSynthesize(): boolean }).shouldSynthesize.bind(inline);
    (managed as unknown as { shouldSynthesize(): boolean }).shouldSynthesize = shouldSynth;
  }
}
