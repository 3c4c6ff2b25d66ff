import { DEFAULT_BOUNDARY_TAGS } from '../evaluate/boundary.js';
import type { Resource } from '../model/resource.js';
import type { PhiBoundary } from './rule.js';

const CLASSIFICATION_KEYS = new Map(
  Object.entries(DEFAULT_BOUNDARY_TAGS).map(([key, values]) => [key.toLowerCase(), values]),
);

/**
 * True when the resource's own classification tag declares it holds no PHI (`DataClassification=Public`,
 * `Internal`, …): a known value of a boundary tag key that is not a PHI value. Untagged resources are not declared
 * anything.
 */
export function declaredNonPhi(resource: Resource): boolean {
  for (const [key, value] of Object.entries(resource.tags)) {
    const phiValues = CLASSIFICATION_KEYS.get(key.toLowerCase());
    if (phiValues && typeof value === 'string' && value !== '' && !phiValues.includes(value)) return true;
  }
  return false;
}

/**
 * Whether a rule that asks more of PHI resources (a customer managed key instead of AWS-owned encryption) judges
 * this resource as PHI: inside the PHI boundary, or not declared non-PHI by its classification tag. An untagged
 * resource may hold PHI, so it is judged as PHI; a resource tagged `DataClassification=Public` that nothing with
 * PHI references is not.
 */
export function judgedAsPhi(resource: Resource, boundary: PhiBoundary): boolean {
  return boundary.has(resource.id) || !declaredNonPhi(resource);
}
