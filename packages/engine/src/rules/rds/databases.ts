import type { Resource } from '../../model/resource.js';
import { isRef, isUnknown, type ResourceRef, type Val } from '../../model/values.js';

/** A DB instance or cluster: the rules of this folder judge both through their shared facts. */
export type Db = Resource<'Database'> | Resource<'DbCluster'>;

/**
 * An instance whose storage, backups, IAM authentication and logs are its cluster's (an Aurora member) or its
 * source's (a read replica): those rules judge the cluster or source instead.
 */
export function delegated(db: Db): boolean {
  return db.kind === 'Database' && (db.facts.cluster !== undefined || db.facts.replicaOf !== undefined);
}

export function kindLabel(db: Db): string {
  return db.kind === 'DbCluster' ? 'cluster' : 'instance';
}

/** The AWS managed key (`aws/rds`): absent, or its alias. */
export function isAwsManagedRdsKey(key: Val<ResourceRef | string> | undefined): boolean {
  if (key === undefined) return true;
  if (isUnknown(key) || isRef(key)) return false;
  return /alias\/aws\/rds$/.test(key);
}

/** Engines RDS supports IAM database authentication and TLS enforcement parameters for. */
export function engineFamily(engine: Val<string>): 'postgres' | 'mysql' | 'mariadb' | 'other' | undefined {
  if (isUnknown(engine)) return undefined;
  if (engine.includes('postgres')) return 'postgres';
  if (engine === 'mariadb') return 'mariadb';
  if (engine.includes('mysql') || engine === 'aurora') return 'mysql';
  return 'other';
}
