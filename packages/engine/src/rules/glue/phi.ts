import type { Resource } from '../../model/resource.js';
import { judgedAsPhi } from '../phi-declaration.js';
import type { PhiBoundary } from '../rule.js';

/**
 * Whether a Glue job, crawler or development endpoint is judged as PHI: as judgedAsPhi says, or when it references
 * a resource inside the boundary (a job whose arguments name a PHI bucket). The boundary itself does not yet carry
 * PHI through Glue kinds (evaluate/boundary.ts CARRIER_KINDS), so the reference is read here.
 */
export function glueJudgedAsPhi(resource: Resource, boundary: PhiBoundary): boolean {
  return judgedAsPhi(resource, boundary) || resource.references.some((id) => boundary.has(id));
}
