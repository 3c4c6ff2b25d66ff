import type { Model, Resource } from '../model/resource.js';
import { isUnknown } from '../model/values.js';
import type { PhiBoundary } from '../rules/rule.js';

export interface BoundaryOptions {
  /** Tags that put a resource inside the boundary: key → accepted values (default `DataClassification: [PHI]`). */
  readonly tags?: Readonly<Record<string, readonly string[]>>;
  /** Native ids (logical ids, Terraform addresses) or stack names declared inside the boundary in config. */
  readonly resources?: readonly string[];
  readonly stacks?: readonly string[];
}

export const DEFAULT_BOUNDARY_TAGS: Readonly<Record<string, readonly string[]>> = {
  DataClassification: ['PHI', 'phi', 'ePHI'],
};

/** Kinds that hold or carry data: a reference from one of them into the boundary brings it inside. */
const CARRIER_KINDS = new Set([
  'Function',
  'TaskDefinition',
  'Service',
  'Instance',
  'LaunchTemplate',
  'LaunchConfiguration',
  'Api',
  'Queue',
  'Topic',
  'Stream',
  'Role',
  'User',
  'Group',
  'ManagedPolicy',
  'Notebook',
  'EndpointConfig',
  'ReplicationInstance',
  'BuildProject',
  'EmrCluster',
  'BeanstalkEnvironment',
  'SearchDomain',
  'Cache',
  'Bucket',
  'Table',
  'Database',
  'DbCluster',
  'FileSystem',
  'Volume',
  'Warehouse',
  'GlueJob',
  'GlueCrawler',
  'GlueDevEndpoint',
  'GlueConnection',
  'Pipeline',
  'ContainerRepository',
  'Unmodelled',
]);

/** Kinds a PHI resource pulls inside when it references them (its key, its log group, its dead-letter queue). */
const PULLED_KINDS = new Set([
  'Key',
  'LogGroup',
  'Queue',
  'Topic',
  'Bucket',
  'Secret',
  'Volume',
  'FileSystem',
  'Role',
]);

/** Identities and policies: reached by PHI access, but they pull nothing else in. */
const IDENTITY_KINDS = new Set(['Role', 'User', 'Group', 'ManagedPolicy', 'AccessKey']);

/** Kinds that never hold PHI: network plumbing is referenced by everything and would flood the boundary. */
const NEVER_KINDS = new Set([
  'Vpc',
  'Subnet',
  'SecurityGroup',
  'RouteTable',
  'Alarm',
  'MetricFilter',
  'WebAcl',
]);

/**
 * The PHI boundary (R-ENG-4): seeded by tags and config, then propagated along references to a fixed point —
 * a function or policy that references a PHI table, a key or log group a PHI resource uses, the identities a
 * PHI-reaching policy is attached to, and the compute that assumes those roles.
 */
export function computeBoundary(model: Model, options: BoundaryOptions = {}): PhiBoundary {
  const tags = options.tags ?? DEFAULT_BOUNDARY_TAGS;
  const configured = new Set(options.resources ?? []);
  const stacks = new Set(options.stacks ?? []);
  const reasons = new Map<string, string>();
  for (const resource of model.resources) {
    const reason = seedReason(resource, tags, configured, stacks);
    if (reason) reasons.set(resource.id, reason);
  }
  const referencedBy = new Map<string, Resource[]>();
  for (const resource of model.resources) {
    for (const target of resource.references) {
      const list = referencedBy.get(target);
      if (list) list.push(resource);
      else referencedBy.set(target, [resource]);
    }
  }
  const queue = [...reasons.keys()];
  while (queue.length > 0) {
    const id = queue.pop() as string;
    const member = model.get(id);
    if (!member) continue;
    const name = member.source.nativeId;
    // Resources that reference a member (a function reading a PHI table, a policy granting it).
    for (const referrer of referencedBy.get(id) ?? []) {
      if (reasons.has(referrer.id) || NEVER_KINDS.has(referrer.kind) || !CARRIER_KINDS.has(referrer.kind))
        continue;
      reasons.set(referrer.id, `references PHI resource ${name}`);
      queue.push(referrer.id);
    }
    // Resources a member references that store or protect its data (its key, log group, role). Identities
    // and policies only grant access: what else they mention (a log bucket next to a PHI bucket in one
    // replication policy) does not receive PHI through them.
    if (IDENTITY_KINDS.has(member.kind)) continue;
    for (const target of member.references) {
      if (reasons.has(target)) continue;
      const resource = model.get(target);
      if (!resource || !PULLED_KINDS.has(resource.kind)) continue;
      // A role is pulled in only by compute that assumes it; a bucket only by being a data destination.
      if (
        (resource.kind as string) === 'Role' &&
        !['Function', 'TaskDefinition', 'Service', 'Instance', 'Notebook'].includes(member.kind as string)
      )
        continue;
      reasons.set(target, `used by PHI resource ${name}`);
      queue.push(target);
    }
  }
  return {
    has: (id) => reasons.has(id),
    reason: (id) => reasons.get(id),
    get size() {
      return reasons.size;
    },
  };
}

function seedReason(
  resource: Resource,
  tags: Readonly<Record<string, readonly string[]>>,
  configured: ReadonlySet<string>,
  stacks: ReadonlySet<string>,
): string | undefined {
  for (const [key, values] of Object.entries(tags)) {
    const value = resource.tags[key];
    if (value !== undefined && !isUnknown(value) && values.includes(value)) return `tag ${key}=${value}`;
  }
  if (configured.has(resource.source.nativeId)) return 'listed in config (boundary.resources)';
  if (resource.source.stack && stacks.has(resource.source.stack))
    return `stack ${resource.source.stack} listed in config`;
  return undefined;
}
