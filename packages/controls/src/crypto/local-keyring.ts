import { createCipheriv, createDecipheriv, generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import {
  type KeyProvider,
  KeyUnavailableError,
  type KeyWrapContext,
  type WrappedDataKey,
} from './key-provider.js';

const keyringFileSchema = z.object({
  format: z.literal('safeguard-keyring/1'),
  tenants: z.record(
    z.string(),
    z.object({ current: z.number().int().positive(), keys: z.record(z.string(), z.string()) }),
  ),
  auditSigningKeys: z
    .array(z.object({ keyId: z.string(), privateKeyPem: z.string(), publicKeyPem: z.string() }))
    .default([]),
  auditRedactionKey: z.string().optional(),
});
type KeyringFile = z.infer<typeof keyringFileSchema>;

export const localKeyringOptions = z
  .object({
    /**
     * Key file; must be outside any git work tree.
     * @default $SAFEGUARD_KEYRING_FILE or ~/.safeguard/keyring.json
     */
    path: z.string().min(1).optional(),
  })
  .strict();
export type LocalKeyringOptions = z.input<typeof localKeyringOptions>;

export interface AuditSigningKey {
  readonly keyId: string;
  readonly privateKeyPem: string;
  readonly publicKeyPem: string;
}

/**
 * Development key provider (R-APP-1: "a local keyring for development"). One AES-256 wrapping key
 * per tenant, so destroying a tenant's entry shreds that tenant alone. The file is created on first
 * use with mode 0600, and refused when other users can read it or when it sits inside a repository.
 */
export class LocalKeyring implements KeyProvider {
  readonly name = 'local-keyring';
  readonly path: string;
  #contents: KeyringFile | undefined;

  constructor(options: LocalKeyringOptions = {}) {
    const parsed = localKeyringOptions.parse(options);
    this.path = resolve(
      parsed.path ?? process.env.SAFEGUARD_KEYRING_FILE ?? join(homedir(), '.safeguard', 'keyring.json'),
    );
    const repository = enclosingRepository(dirname(this.path));
    if (repository) {
      throw new Error(
        `LocalKeyring path ${this.path} is inside the git work tree ${repository}; keep key files out of repositories (set SAFEGUARD_KEYRING_FILE)`,
      );
    }
  }

  async generateDataKey(context: KeyWrapContext) {
    const plaintextKey = randomBytes(32);
    const wrapped = await this.#wrap(plaintextKey, context);
    return { plaintextKey, wrapped };
  }

  async unwrapDataKey(wrapped: WrappedDataKey, context: KeyWrapContext): Promise<Buffer> {
    const wrappingKey = await this.#wrappingKey(wrapped.wrappingKeyId, context.tenantId);
    const blob = Buffer.from(wrapped.wrappedKey, 'base64');
    try {
      const decipher = createDecipheriv('aes-256-gcm', wrappingKey, blob.subarray(0, 12));
      decipher.setAAD(wrapContextBytes(context));
      decipher.setAuthTag(blob.subarray(blob.length - 16));
      return Buffer.concat([decipher.update(blob.subarray(12, blob.length - 16)), decipher.final()]);
    } catch {
      throw new KeyUnavailableError(
        `data key ${context.purpose} v${context.version} of tenant ${context.tenantId} does not unwrap with ${wrapped.wrappingKeyId}`,
      );
    }
  }

  async rewrapDataKey(wrapped: WrappedDataKey, context: KeyWrapContext): Promise<WrappedDataKey> {
    return this.#wrap(await this.unwrapDataKey(wrapped, context), context);
  }

  async rotateWrappingKey(tenantId: string): Promise<void> {
    await this.#update((file) => {
      const tenant = file.tenants[tenantId];
      if (!tenant) return;
      tenant.current += 1;
      tenant.keys[String(tenant.current)] = randomBytes(32).toString('base64');
    });
  }

  async destroyTenantKeys(tenantId: string): Promise<void> {
    await this.#update((file) => {
      delete file.tenants[tenantId];
    });
  }

  /** Ed25519 key that signs audit checkpoints in development; created on first use. */
  async auditSigningKey(): Promise<AuditSigningKey> {
    const existing = (await this.#read()).auditSigningKeys.at(-1);
    if (existing) return existing;
    await this.#update((file) => {
      if (file.auditSigningKeys.length > 0) return;
      const { privateKey, publicKey } = generateKeyPairSync('ed25519');
      file.auditSigningKeys.push({
        keyId: `local-ed25519-${randomBytes(4).toString('hex')}`,
        privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
        publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
      });
    });
    return (await this.#read()).auditSigningKeys.at(-1)!;
  }

  /** Secret key of the audit log's keyed hash of sensitive details; created on first use. */
  async auditRedactionKey(): Promise<Buffer> {
    let encoded = (await this.#read()).auditRedactionKey;
    if (!encoded) {
      await this.#update((file) => {
        file.auditRedactionKey ??= randomBytes(32).toString('base64');
      });
      encoded = (await this.#read()).auditRedactionKey!;
    }
    return Buffer.from(encoded, 'base64');
  }

  async #wrap(plaintextKey: Buffer, context: KeyWrapContext): Promise<WrappedDataKey> {
    const { wrappingKeyId, key } = await this.#currentWrappingKey(context.tenantId);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(wrapContextBytes(context));
    const body = Buffer.concat([cipher.update(plaintextKey), cipher.final()]);
    return {
      provider: this.name,
      wrappingKeyId,
      wrappedKey: Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64'),
    };
  }

  async #currentWrappingKey(tenantId: string) {
    let tenant = (await this.#read()).tenants[tenantId];
    if (!tenant) {
      await this.#update((file) => {
        file.tenants[tenantId] ??= { current: 1, keys: { '1': randomBytes(32).toString('base64') } };
      });
      tenant = (await this.#read()).tenants[tenantId]!;
    }
    return {
      wrappingKeyId: `local:${tenantId}:${tenant.current}`,
      key: Buffer.from(tenant.keys[String(tenant.current)]!, 'base64'),
    };
  }

  async #wrappingKey(wrappingKeyId: string, tenantId: string): Promise<Buffer> {
    const match = /^local:(.+):(\d+)$/.exec(wrappingKeyId);
    if (!match || match[1] !== tenantId) {
      throw new KeyUnavailableError(`wrapping key ${wrappingKeyId} does not belong to tenant ${tenantId}`);
    }
    for (const reload of [false, true]) {
      // Another process may have rotated the keyring since we read it.
      if (reload) this.#contents = undefined;
      const encoded = (await this.#read()).tenants[tenantId]?.keys[match[2]!];
      if (encoded) return Buffer.from(encoded, 'base64');
    }
    throw new KeyUnavailableError(
      `wrapping key ${wrappingKeyId} is not in the keyring (destroyed or never created)`,
    );
  }

  async #read(): Promise<KeyringFile> {
    if (this.#contents) return this.#contents;
    if (!existsSync(this.path)) {
      await this.#update(() => {});
      return this.#contents!;
    }
    await assertPrivate(this.path);
    this.#contents = keyringFileSchema.parse(JSON.parse(await readFile(this.path, 'utf8')));
    return this.#contents;
  }

  /** Read-modify-write under an exclusive lock file, replaced atomically, so processes never lose keys. */
  async #update(change: (file: KeyringFile) => void): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true, mode: 0o700 });
    const lock = `${this.path}.lock`;
    const handle = await acquireLock(lock);
    try {
      let file: KeyringFile = { format: 'safeguard-keyring/1', tenants: {}, auditSigningKeys: [] };
      if (existsSync(this.path)) {
        await assertPrivate(this.path);
        file = keyringFileSchema.parse(JSON.parse(await readFile(this.path, 'utf8')));
      }
      change(file);
      const temporary = `${this.path}.${process.pid}.tmp`;
      const out = await open(temporary, 'w', 0o600);
      try {
        await out.writeFile(JSON.stringify(file, null, 2));
        await out.sync();
      } finally {
        await out.close();
      }
      await chmod(temporary, 0o600);
      await rename(temporary, this.path);
      this.#contents = file;
    } finally {
      await handle.close();
      await rm(lock, { force: true });
    }
  }
}

function wrapContextBytes(context: KeyWrapContext): Buffer {
  return Buffer.from(
    JSON.stringify(['safeguard-keyring/1', context.tenantId, context.purpose, context.version]),
  );
}

async function assertPrivate(path: string): Promise<void> {
  const mode = (await stat(path)).mode & 0o777;
  if (mode & 0o077) {
    throw new Error(
      `key file ${path} has mode ${mode.toString(8)}; it must be readable by its owner only (chmod 600 ${path})`,
    );
  }
}

async function acquireLock(lock: string) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await open(lock, 'wx', 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = Date.now() - (await stat(lock).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs;
      if (age > 10_000) await rm(lock, { force: true }); // a crashed holder
      if (attempt > 500) throw new Error(`key file lock ${lock} is held by another process`);
      await sleep(10);
    }
  }
}

function enclosingRepository(directory: string): string | undefined {
  let current = directory;
  for (;;) {
    if (existsSync(join(current, '.git'))) return current;
    const parent = dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}
