import { createHash, createHmac } from 'node:crypto';
import { isIP } from 'node:net';
import { z } from 'zod';
import { tenantIdSchema } from '../tenancy/tenant-scope.js';
import { leafHash } from './merkle-tree.js';

/**
 * Keys whose values are PHI or secrets in practice. Matched case- and punctuation-insensitively,
 * as substrings, so `patientName`, `first_name` and `emailAddress` are caught (R-APP-2).
 */
export const defaultSensitiveDetailKeys: readonly string[] = [
  'ssn',
  'name',
  'dob',
  'birth',
  'email',
  'phone',
  'address',
  'note',
  'diagnosis',
  'query',
  'mrn',
  'password',
  'token',
  'secret',
];

const label = (what: string) =>
  z.string().regex(/^[a-z][a-z0-9_.:-]{0,63}$/, `${what} must be lower-case: a-z, 0-9, _ . : -`);

export const auditEventInputSchema = z
  .object({
    actor: z
      .object({
        userId: z.string().min(1, 'actor.userId must not be empty').max(256),
        role: z.string().min(1, 'actor.role must not be empty').max(64),
        ip: z
          .string()
          .refine((ip) => isIP(ip) !== 0, 'actor.ip must be an IPv4 or IPv6 address')
          .optional(),
        tenantId: tenantIdSchema.optional(),
      })
      .strict(),
    /** read, create, update, delete, login, export, … */
    action: label('action'),
    resource: z
      .object({
        type: label('resource.type'),
        /** Record id only, never a PHI value. */
        id: z.string().min(1).max(256).optional(),
      })
      .strict(),
    outcome: z.enum(['success', 'failure']),
    reason: z.string().min(1).max(1000).optional(),
    details: z
      .record(z.string(), z.json())
      .refine((details) => JSON.stringify(details).length <= 16_384, 'details must be at most 16 KiB of JSON')
      .optional(),
  })
  .strict()
  .refine((event) => event.outcome === 'success' || event.reason !== undefined, {
    message: 'reason is required when outcome is "failure"',
    path: ['reason'],
  });
export type AuditEventInput = z.input<typeof auditEventInputSchema>;

/** One stored audit row, as read back and hashed. */
export interface AuditEntry {
  readonly leafIndex: number;
  /** ISO 8601 UTC with microseconds, from the database clock. */
  readonly occurredAt: string;
  readonly tenantId: string | null;
  readonly actorUserId: string;
  readonly actorRole: string;
  readonly actorIp: string | null;
  readonly action: string;
  readonly resourceType: string;
  readonly resourceId: string | null;
  readonly outcome: 'success' | 'failure';
  readonly reason: string | null;
  readonly details: Record<string, unknown>;
  readonly sensitive: boolean;
  readonly leafHash: string;
  readonly chainHash: string;
}

/**
 * Replaces values under sensitive keys (at any depth) by a keyed hash and the value's length, so
 * the audit row can still show "the same SSN was searched twice" without holding it (R-APP-2).
 */
export function redactDetails(
  details: Record<string, unknown>,
  sensitiveKeys: readonly string[],
  redactionKey: Buffer,
): { details: Record<string, unknown>; sensitive: boolean } {
  const normalizedKeys = sensitiveKeys.map(normalizeKey);
  let sensitive = false;
  const visit = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(visit);
    if (value === null || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
      const normalized = normalizeKey(key);
      if (inner !== null && inner !== undefined && normalizedKeys.some((s) => normalized.includes(s))) {
        sensitive = true;
        const text = typeof inner === 'string' ? inner : JSON.stringify(inner);
        out[key] = {
          redacted: 'hmac-sha256',
          hash: createHmac('sha256', redactionKey).update(text).digest('base64url'),
          length: text.length,
        };
      } else {
        out[key] = visit(inner);
      }
    }
    return out;
  };
  return { details: visit(details) as Record<string, unknown>, sensitive };
}

function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Stable JSON: object keys sorted, so jsonb's own key order never changes a hash. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => inner !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The bytes a leaf commits to: every stored column except the index and the hashes themselves. */
export function entryLeafHash(entry: Omit<AuditEntry, 'leafIndex' | 'leafHash' | 'chainHash'>): Buffer {
  return leafHash(
    canonicalJson([
      'sgal1',
      entry.occurredAt,
      entry.tenantId,
      entry.actorUserId,
      entry.actorRole,
      entry.actorIp,
      entry.action,
      entry.resourceType,
      entry.resourceId,
      entry.outcome,
      entry.reason,
      entry.details,
      entry.sensitive,
    ]),
  );
}

/** Hash chain link: each entry commits to everything before it, which names re-ordered rows. */
export function chainHash(previousChainHash: Buffer, leaf: Buffer): Buffer {
  return createHash('sha256').update(previousChainHash).update(leaf).digest();
}

export const genesisChainHash = Buffer.alloc(32);
