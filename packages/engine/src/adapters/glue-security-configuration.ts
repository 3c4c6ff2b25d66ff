import type {
  GlueEncryptionUser,
  GlueSecurityConfigurationFacts,
  GlueSecurityConfigurationUse,
} from '../model/kinds/glue.js';
import { isRef, isUnknown, unknown, type Val } from '../model/values.js';
import type { JoinContext } from './join.js';
import { list, record, str } from './read.js';

/** S3 encryption modes from weakest to strongest: a configuration is as strong as its weakest entry. */
const S3_STRENGTH = ['DISABLED', 'SSE-S3', 'SSE-KMS'];

/**
 * The S3 encryption mode of a security configuration's `S3Encryptions` / `s3_encryption` entries: the weakest
 * declared mode, `DISABLED` when there is none. A single object (the shape an early CloudFormation schema gave
 * `S3Encryptions`) counts as one entry; an entry without a mode is `DISABLED`, as the API defaults it.
 */
export function glueS3Encryption(entries: unknown, modeKey: string): Val<string> {
  const single =
    entries !== null &&
    typeof entries === 'object' &&
    !Array.isArray(entries) &&
    !isUnknown(entries) &&
    !isRef(entries);
  const items = single ? [entries] : list(entries);
  if (isUnknown(items)) return items;
  let weakest: string | undefined;
  let undecided: Val<string> | undefined;
  for (const entry of items) {
    const fields = record(entry);
    const mode = isUnknown(fields) ? fields : str(fields[modeKey], 'DISABLED');
    // An unknown entry, or a mode this reading does not rank, decides nothing unless a known DISABLED does.
    if (isUnknown(mode) || !S3_STRENGTH.includes(mode)) undecided ??= mode;
    else if (weakest === undefined || S3_STRENGTH.indexOf(mode) < S3_STRENGTH.indexOf(weakest))
      weakest = mode;
  }
  if (weakest === 'DISABLED') return weakest;
  return undecided ?? weakest ?? 'DISABLED';
}

/**
 * The security configuration a Glue job, crawler or development endpoint names, joined as Glue joins it: by name.
 * A reference (`!Ref Config`, `aws_glue_security_configuration.x.name`) resolves to the resource; a literal
 * name is looked up among the configurations of the input by their name. Absent or empty: none.
 */
export function glueSecurityConfigurationUse<V extends { readonly modelId: string; readonly type: string }>(
  reference: unknown,
  context: JoinContext<V>,
  configuration: {
    readonly type: string;
    nameOf(view: V): unknown;
    factsOf(view: V): GlueSecurityConfigurationFacts;
  },
): GlueEncryptionUser['securityConfiguration'] {
  if (reference === undefined || reference === null || reference === '') return undefined;
  const resolved = context.resolve(reference);
  let view: V | undefined;
  if (resolved) {
    if (resolved.type !== configuration.type)
      return unknown(`SecurityConfiguration names a ${resolved.type}, not a Glue security configuration`);
    view = resolved;
  } else if (typeof reference === 'string') {
    view = context
      .memo(`glue/security-configurations-by-name:${configuration.type}`, () => {
        const byName = new Map<string, V>();
        for (const item of context.ofType(configuration.type)) {
          const name = configuration.nameOf(item);
          if (typeof name === 'string' && !byName.has(name)) byName.set(name, item);
        }
        return byName;
      })
      .get(reference);
    if (!view) return unknown(`security configuration "${reference}" is not declared in this input`);
  } else if (isUnknown(reference)) return reference;
  else if (isRef(reference)) return unknown('security configuration is not in this input', [reference.$ref]);
  else return unknown(`expected the name of a security configuration, found ${typeof reference}`);
  const use: GlueSecurityConfigurationUse = { configuration: view.modelId, ...configuration.factsOf(view) };
  return use;
}
