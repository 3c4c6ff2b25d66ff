#!/usr/bin/env node
// safeguard-audit verify — checks the audit log's hash chain, Merkle tree and signed checkpoints
// and names the first altered, missing or re-ordered entry (R-APP-2, 45 CFR 164.312(b)).
// Exit codes: 0 intact, 1 tampering found, 2 could not run (bad arguments, no database).
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const usage = `usage: safeguard-audit verify [--database-url URL | --data-dir DIR] [--schema NAME]
                              [--keyring FILE | --public-key FILE --key-id ID] [--json]
  --database-url   PostgreSQL URL (default: $DATABASE_URL)
  --data-dir       PGlite data directory (embedded database)
  --schema         schema holding the controls tables (default: safeguard)
  --keyring        local keyring file whose audit signing public keys are trusted
  --public-key     PEM public key trusted for checkpoint signatures (with --key-id)
  --json           print the result as JSON`;

async function loadLibrary() {
  // Built package first; the TypeScript sources when run through tsx in a checkout.
  const built = new URL('../dist/index.js', import.meta.url);
  if (existsSync(built)) {
    const library = await import(built.href);
    if (typeof library.verifyAuditLogAt === 'function') return library;
  }
  return import(new URL('../src/index.ts', import.meta.url).href);
}

function fail(message) {
  process.stderr.write(`safeguard-audit: ${message}\n${usage}\n`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      'database-url': { type: 'string' },
      'data-dir': { type: 'string' },
      schema: { type: 'string', default: 'safeguard' },
      keyring: { type: 'string' },
      'public-key': { type: 'string' },
      'key-id': { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
} catch (error) {
  fail(error.message);
}
const { values, positionals } = parsed;
if (values.help) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}
if (positionals[0] !== 'verify') fail('the only command is "verify"');
const dataDir = values['data-dir'];
const databaseUrl = values['database-url'] ?? (dataDir ? undefined : process.env.DATABASE_URL);
if (!dataDir && !databaseUrl) fail('give --database-url, --data-dir or set DATABASE_URL');
if (dataDir && values['database-url']) fail('give either --database-url or --data-dir, not both');

let trustedKeys;
if (values.keyring) {
  const file = JSON.parse(readFileSync(values.keyring, 'utf8'));
  trustedKeys = Object.fromEntries((file.auditSigningKeys ?? []).map((key) => [key.keyId, key.publicKeyPem]));
} else if (values['public-key']) {
  if (!values['key-id']) fail('--public-key needs --key-id');
  trustedKeys = { [values['key-id']]: readFileSync(values['public-key'], 'utf8') };
}

try {
  const library = await loadLibrary();
  const result = await library.verifyAuditLogAt({
    ...(dataDir ? { dataDir } : { databaseUrl }),
    schema: values.schema,
    ...(trustedKeys ? { trustedKeys } : {}),
  });
  process.stdout.write(
    values.json ? `${JSON.stringify(result, null, 2)}\n` : `${library.formatVerification(result)}\n`,
  );
  if (!trustedKeys)
    process.stdout.write('note: checkpoint signatures not checked (give --keyring or --public-key)\n');
  process.exit(result.ok ? 0 : 1);
} catch (error) {
  // The message only: a stack trace helps no operator and may carry connection details.
  process.stderr.write(
    `safeguard-audit: could not verify: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(2);
}
