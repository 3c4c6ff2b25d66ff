import { isUnknown } from '../model/values.js';

/**
 * A value imported from another stack (CloudFormation `Fn::ImportValue`, unresolved because the exporting stack is
 * not part of the input). It is one non-empty string that the other stack exports — outputs cannot be empty — and
 * stacks export the ARNs, ids and names of their resources, not IAM wildcards: rules may rely on it being set and
 * naming one specific resource.
 */
export function isImportedValue(value: unknown): boolean {
  return isUnknown(value) && value.imported === true;
}
