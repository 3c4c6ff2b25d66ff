// @safeguard/controls — application controls for Node services handling PHI.

export { type AuditEntry, type AuditEventInput, defaultSensitiveDetailKeys } from './audit/audit-entry.js';
export {
  type AuditCheckpoint,
  AuditLog,
  type AuditSearch,
  AuditTamperError,
  type InclusionProof,
} from './audit/audit-log.js';
export { awsKmsCheckpointPublicKey, awsKmsCheckpointSigner } from './audit/aws-kms-checkpoint-signer.js';
export {
  type CheckpointSigner,
  ed25519CheckpointSigner,
  type TrustedCheckpointKeys,
} from './audit/checkpoint-signer.js';
export { verifyExportedEntry } from './audit/exported-entry.js';
export { verifyInclusion } from './audit/merkle-tree.js';
export {
  type AuditProblem,
  type AuditVerification,
  formatVerification,
  verifyAuditLog,
  verifyAuditLogAt,
} from './audit/verify-audit-log.js';
export { type Controls, type OpenControlsOptions, openControls } from './controls.js';
export { AwsKmsKeyProvider, type AwsKmsKeyProviderOptions } from './crypto/aws-kms-key-provider.js';
export {
  FieldCipher,
  FieldDecryptionError,
  type FieldLocation,
  type FieldValue,
  isFieldCiphertext,
} from './crypto/field-cipher.js';
export type { KeyProvider, KeyPurpose, KeyWrapContext, WrappedDataKey } from './crypto/key-provider.js';
export { KeyUnavailableError } from './crypto/key-provider.js';
export { LocalKeyring, type LocalKeyringOptions } from './crypto/local-keyring.js';
export { type KeyCacheOptions, TenantKeyStore, TenantShreddedError } from './crypto/tenant-key-store.js';
export {
  enqueueOutboxEvent,
  type OutboxConsumer,
  OutboxDeliveryError,
  type OutboxEvent,
  type OutboxEventInput,
  OutboxWorker,
  type OutboxWorkerOptions,
  outboxBacklog,
} from './outbox/outbox.js';
export {
  type QuotaDecision,
  QuotaLedger,
  type QuotaLimit,
  type QuotaOutcome,
  type QuotaUsage,
} from './quotas/quota-ledger.js';
export {
  type AccessContext,
  ProtectedCollection,
  type ProtectedCollectionDefinition,
  RecordNotFoundError,
  type RecordVersion,
  type WriteOptions,
} from './records/protected-collection.js';
export {
  type Database,
  type OpenDatabaseOptions,
  openDatabase,
  type SqlExecutor,
} from './storage/database.js';
export { applyMigrations } from './storage/migrations.js';
export { withoutTenant, withTenant } from './tenancy/tenant-scope.js';
