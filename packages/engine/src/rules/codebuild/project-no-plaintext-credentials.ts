import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule } from '../rule.js';
import { plaintextSecrets, plaintextVerdict } from '../secrets/plaintext.js';

export const codebuildProjectNoPlaintextCredentials = defineRule({
  id: 'codebuild-project-no-plaintext-credentials',
  title: 'CodeBuild projects keep AWS credentials and secrets out of plaintext environment variables',
  severity: 'high',
  rationale:
    'PLAINTEXT environment variables are visible in the project configuration and build logs; AWS keys or other ' +
    'secrets there give anyone who can read the project access to the pipeline that deploys the ePHI estate.',
  remediation: {
    cloudformation:
      'Use Type: SECRETS_MANAGER or PARAMETER_STORE for secret variables and the project service role instead of AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY.',
    terraform:
      'In environment_variable blocks use type = "SECRETS_MANAGER" (or "PARAMETER_STORE") with the secret name as value.',
    console: 'CodeBuild → the project → Edit → Environment → Environment variables → Type: Secrets Manager.',
  },
  controls: ['secrets-management'],
  kinds: ['BuildProject'],
  equivalents: {
    cdkNag: ['HIPAA.Security-CodeBuildProjectEnvVarAwsCred'],
    awsConfig: ['codebuild-project-envvar-awscred-check'],
  },
  check(project) {
    const environment = project.facts.environment;
    if (isUnknown(environment)) return cannotVerify(`environment variables are ${environment.$unknown}`);
    // As cdk-nag: AWS key variables in plaintext fail whatever their value (even a reference).
    const awsKeys = environment
      .filter(
        (v) => !v.fromSecretStore && (v.name === 'AWS_ACCESS_KEY_ID' || v.name === 'AWS_SECRET_ACCESS_KEY'),
      )
      .map((v) => ({ name: v.name, why: 'secret-like name with a literal value' as const }));
    const others = plaintextSecrets(environment).filter((s) => !awsKeys.some((k) => k.name === s.name));
    return plaintextVerdict(
      'plaintext credential(s) in PLAINTEXT variables',
      [...awsKeys, ...others],
      'the project configuration',
      'use Type: SECRETS_MANAGER with the secret name',
    );
  },
});
