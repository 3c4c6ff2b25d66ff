import { CfnResource } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** One accepted Safeguard finding on a resource (R-ENG-6): a rule, a reason a reviewer accepts, an optional expiry. */
export interface SafeguardSuppression {
  /** The Safeguard rule id, e.g. `s3-bucket-sse-kms` (see `safeguard rules`). */
  readonly rule: string;
  /** Why the finding is acceptable; at least 8 characters. */
  readonly reason: string;
  /** `YYYY-MM-DD`: after this day the finding counts again and is reported as expired. */
  readonly expires?: string;
}

/**
 * Writes Safeguard suppressions into the CloudFormation metadata of a construct's resource
 * (`Metadata.safeguard.suppress`), where `safeguard scan cdk.out` reads them. Accepts an L1 resource or an
 * L2 construct (its default child). Throws at synth time on a missing reason or a malformed date, so a
 * suppression can never silently fail to apply.
 */
export function suppressSafeguard(
  construct: IConstruct,
  suppressions: readonly SafeguardSuppression[],
): void {
  const resource = construct instanceof CfnResource ? construct : construct.node.defaultChild;
  if (!(resource instanceof CfnResource)) {
    throw new Error(
      `suppressSafeguard: ${construct.node.path} has no CloudFormation resource of its own; pass the L1 resource (e.g. construct.node.findChild('Resource'))`,
    );
  }
  for (const suppression of suppressions) {
    if (!/^[a-z0-9]+(-[a-z0-9]+)+$/.test(suppression.rule)) {
      throw new Error(
        `suppressSafeguard: ${construct.node.path}: "${suppression.rule}" is not a Safeguard rule id`,
      );
    }
    if (suppression.reason.trim().length < 8) {
      throw new Error(
        `suppressSafeguard: ${construct.node.path}: suppression of ${suppression.rule} needs a reason a reviewer would accept (at least 8 characters)`,
      );
    }
    if (
      suppression.expires !== undefined &&
      (!/^\d{4}-\d{2}-\d{2}$/.test(suppression.expires) || Number.isNaN(Date.parse(suppression.expires)))
    ) {
      throw new Error(
        `suppressSafeguard: ${construct.node.path}: expires must be a date written YYYY-MM-DD, got "${suppression.expires}"`,
      );
    }
  }
  const existing = resource.getMetadata('safeguard') as { suppress?: SafeguardSuppression[] } | undefined;
  const merged = [...(existing?.suppress ?? [])];
  for (const suppression of suppressions) {
    const entry = {
      rule: suppression.rule,
      reason: suppression.reason.trim(),
      ...(suppression.expires ? { expires: suppression.expires } : {}),
    };
    const index = merged.findIndex((item) => item.rule === entry.rule);
    if (index >= 0) merged[index] = entry;
    else merged.push(entry);
  }
  resource.addMetadata('safeguard', { ...(existing ?? {}), suppress: merged });
}
