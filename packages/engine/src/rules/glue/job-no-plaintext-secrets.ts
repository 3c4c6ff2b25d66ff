import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule } from '../rule.js';
import { plaintextSecrets, plaintextVerdict } from '../secrets/plaintext.js';

/**
 * Glue job arguments are named `--db-password`, `--SECRET_NAME`: the leading dashes go and hyphens read as
 * underscores, so the shared name patterns (and their pointer suffixes such as `_NAME`, `_ARN`) apply as they do to
 * environment variables. Findings name the argument as the job declares it.
 */
function argumentKey(name: string): string {
  return name.replace(/^-+/, '').replaceAll('-', '_');
}

export const glueJobNoPlaintextSecrets = defineRule({
  id: 'glue-job-no-plaintext-secrets',
  title: 'Glue job arguments hold no plaintext secrets',
  severity: 'high',
  rationale:
    'DefaultArguments and NonOverridableArguments are stored in the job definition and returned by GetJob to ' +
    'anyone who may read the job, and appear in the template and its deployment history; a database password ' +
    'there opens the PHI store it guards. Secrets belong in Secrets Manager with a CMK (R-INF-9), read by the job.',
  remediation: {
    cloudformation:
      'Store the secret in AWS::SecretsManager::Secret and pass its name or ARN (e.g. --db-secret-id: !Ref DbSecret), ' +
      'or use a Glue connection with a secret; read it in the script with the Secrets Manager API.',
    terraform:
      'Put the secret in aws_secretsmanager_secret and pass its ARN in default_arguments (e.g. "--db-secret-arn" = ' +
      'aws_secretsmanager_secret.db.arn), not the value.',
    console:
      'Glue → ETL jobs → the job → Job details → Job parameters: remove the secret; store it in Secrets Manager.',
  },
  controls: ['secrets-management'],
  kinds: ['GlueJob'],
  check(job) {
    const declared = job.facts.arguments;
    if (isUnknown(declared)) return cannotVerify(`job arguments are ${declared.$unknown}`);
    const names = new Map<string, string>();
    const secrets = plaintextSecrets(
      declared.map((argument) => {
        const key = argumentKey(argument.name);
        if (!names.has(key)) names.set(key, argument.name);
        return { ...argument, name: key };
      }),
    ).map((secret) => ({ ...secret, name: names.get(secret.name) ?? secret.name }));
    return plaintextVerdict(
      'plaintext secret(s) in job arguments',
      secrets,
      'the job definition',
      'keep the secret in Secrets Manager, pass its ARN and read it at run time',
    );
  },
});
