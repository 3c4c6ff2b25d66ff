import { describeVal, isUnknown, type Val } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass, skip } from '../rule.js';
import { type Db, engineFamily } from './databases.js';

/**
 * The TLS-enforcing parameter of an engine and its value in the engine's default parameter group:
 * - RDS for PostgreSQL: `rds.force_ssl`, default 1 from major version 15, 0 before (RDS user guide, "Using SSL
 *   with a PostgreSQL DB instance");
 * - Aurora PostgreSQL: `rds.force_ssl` in the cluster parameter group, default 0;
 * - MySQL and Aurora MySQL: `require_secure_transport`, default OFF;
 * - MariaDB: `require_secure_transport`, default OFF up to 11.4, ON from 11.8.
 */
function tlsParameter(
  db: Db,
  family: 'postgres' | 'mysql' | 'mariadb',
): { name: string; defaultOn: Val<boolean> } {
  const engine = db.facts.engine as string;
  const version = db.facts.engineVersion;
  const major = typeof version === 'string' ? Number.parseFloat(version) : undefined;
  if (family === 'postgres') {
    if (engine.startsWith('aurora')) return { name: 'rds.force_ssl', defaultOn: false };
    // An absent version is the newest AWS offers at creation (≥ 15).
    return {
      name: 'rds.force_ssl',
      defaultOn: version === undefined ? true : isUnknown(version) ? version : (major ?? 0) >= 15,
    };
  }
  if (family === 'mariadb')
    return {
      name: 'require_secure_transport',
      defaultOn: version === undefined ? true : isUnknown(version) ? version : (major ?? 0) >= 11.8,
    };
  return { name: 'require_secure_transport', defaultOn: false };
}

function isOn(value: string): boolean {
  return ['1', 'on', 'true'].includes(value.trim().toLowerCase());
}

export const rdsForceSsl = defineRule({
  id: 'rds-force-ssl',
  title: 'RDS databases refuse connections without TLS',
  severity: 'high',
  rationale:
    'Without rds.force_ssl=1 (PostgreSQL) or require_secure_transport=ON (MySQL, MariaDB) a client can send ' +
    'credentials and ePHI in cleartext; the server must refuse such connections (R-INF-3, R-INF-5).',
  remediation: {
    cloudformation:
      'Attach an AWS::RDS::DBParameterGroup (Aurora: AWS::RDS::DBClusterParameterGroup) with Parameters: ' +
      '{ rds.force_ssl: "1" } (MySQL/MariaDB: { require_secure_transport: "ON" }).',
    terraform:
      'Add an aws_db_parameter_group (aws_rds_cluster_parameter_group) with parameter { name = "rds.force_ssl" value = "1" }.',
    console:
      'RDS → Parameter groups → create one with rds.force_ssl = 1 → Modify the database to use it → reboot.',
  },
  controls: ['encryption-in-transit'],
  kinds: ['Database', 'DbCluster'],
  equivalents: { awsConfig: ['rds-instance-ssl-enabled'] },
  check(db) {
    // Aurora members take TLS settings from the cluster parameter group.
    if (db.kind === 'Database' && db.facts.cluster !== undefined) return skip;
    const family = engineFamily(db.facts.engine);
    if (family === undefined) return cannotVerify(`engine is ${describeVal(db.facts.engine)}`);
    if (family === 'other') return skip;
    const { name, defaultOn } = tlsParameter(db, family);
    const group = db.facts.parameterGroup;
    if (group.source === 'external')
      return cannotVerify(
        `parameter group ${JSON.stringify(group.name)} is not declared in this input; ${name} cannot be read`,
      );
    let value: Val<boolean> = defaultOn;
    let origin = 'the default parameter group';
    if (group.source === 'template') {
      if (isUnknown(group.parameters))
        return cannotVerify(`parameter group parameters are ${group.parameters.$unknown}`);
      const set = group.parameters[name];
      if (set !== undefined) {
        if (isUnknown(set)) return cannotVerify(`${name} is ${set.$unknown}`);
        value = isOn(set);
        origin = `the parameter group (${name}=${set})`;
      } else origin = `the parameter group, which leaves ${name} at its default`;
    }
    if (isUnknown(value))
      return cannotVerify(`engine version is ${value.$unknown}; the default of ${name} depends on it`);
    return value ? pass : fail(`${name} is off through ${origin}: clients may connect without TLS`);
  },
});
