import type { GlueSecurityConfigurationFacts } from '../../model/kinds/glue.js';
import { describeVal, isUnknown, possibleValues } from '../../model/values.js';
import { cannotVerify, fail, pass, type Verdict } from '../rule.js';

/** What a security configuration encrypts, and the mode each needs to be under a KMS key (R-INF-2, R-INF-4). */
export type GlueEncryptionPart = 's3' | 'cloudWatch' | 'jobBookmarks';

const PARTS: Record<
  GlueEncryptionPart,
  { readonly fact: keyof GlueSecurityConfigurationFacts; readonly label: string; readonly expected: string }
> = {
  s3: { fact: 's3Encryption', label: 'S3 encryption', expected: 'SSE-KMS' },
  cloudWatch: { fact: 'cloudWatchEncryption', label: 'CloudWatch Logs encryption', expected: 'SSE-KMS' },
  jobBookmarks: { fact: 'jobBookmarksEncryption', label: 'job bookmark encryption', expected: 'CSE-KMS' },
};

export const ALL_PARTS: readonly GlueEncryptionPart[] = ['s3', 'cloudWatch', 'jobBookmarks'];

/**
 * The parts of a configuration that are not KMS-encrypted (`S3 encryption is "SSE-S3", not SSE-KMS`) and those
 * that cannot be known. A mode that may take several values (`!If`) is a gap only when none of them is the
 * expected one.
 */
export function encryptionGaps(
  configuration: GlueSecurityConfigurationFacts,
  parts: readonly GlueEncryptionPart[],
): { readonly gaps: string[]; readonly unknowns: string[] } {
  const gaps: string[] = [];
  const unknowns: string[] = [];
  for (const part of parts) {
    const { fact, label, expected } = PARTS[part];
    const mode = configuration[fact];
    const values = possibleValues(mode);
    if (values === undefined) {
      unknowns.push(`${label} is ${isUnknown(mode) ? mode.$unknown : describeVal(mode)}`);
      continue;
    }
    const good = values.filter((value) => value === expected).length;
    if (good === values.length) continue;
    if (good === 0) gaps.push(`${label} is ${describeModes(values)}, not ${expected}`);
    else unknowns.push(`${label} may be ${describeModes(values)}`);
  }
  return { gaps, unknowns };
}

function describeModes(values: readonly unknown[]): string {
  return values.map((value) => (typeof value === 'string' ? value : describeVal(value))).join(' or ');
}

/** Fails on any gap (naming the unknown parts too), cannot verify when only unknowns remain. */
export function encryptionVerdict(
  configuration: GlueSecurityConfigurationFacts,
  parts: readonly GlueEncryptionPart[],
  subject: string,
): Verdict {
  const { gaps, unknowns } = encryptionGaps(configuration, parts);
  if (gaps.length > 0)
    return fail(`${subject}: ${gaps.join('; ')}${unknowns.length ? ` (and ${unknowns.join('; ')})` : ''}`);
  if (unknowns.length > 0) return cannotVerify(`${subject}: ${unknowns.join('; ')}`);
  return pass;
}
