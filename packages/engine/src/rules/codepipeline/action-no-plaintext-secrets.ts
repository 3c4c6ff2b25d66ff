import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';
import { describeSecrets, noEchoNote, type PlaintextSecret, plaintextSecrets } from '../secrets/plaintext.js';

export const codepipelineActionNoPlaintextSecrets = defineRule({
  id: 'codepipeline-action-no-plaintext-secrets',
  title:
    'CodePipeline actions take tokens and secrets from a secret store, not from literals in the definition',
  severity: 'high',
  rationale:
    'A token written into an action configuration (a GitHub OAuthToken, a PLAINTEXT variable of a CodeBuild ' +
    'action) sits in the template or Terraform code, in its history and in every copy of it; whoever reads it can ' +
    'push to the repository the pipeline deploys into the ePHI estate.',
  remediation: {
    cloudformation:
      "Use a dynamic reference ('{{resolve:secretsmanager:github-token:SecretString:token}}') or a NoEcho parameter " +
      'for OAuthToken (better: a CodeStarSourceConnection action with ConnectionArn), and type SECRETS_MANAGER or ' +
      'PARAMETER_STORE for secret EnvironmentVariables of CodeBuild actions.',
    terraform:
      'Read the token from aws_secretsmanager_secret_version or a variable supplied by CI instead of a literal ' +
      '(better: provider "CodeStarSourceConnection" with ConnectionArn), and type "SECRETS_MANAGER" for secret ' +
      'EnvironmentVariables.',
    console:
      'CodePipeline → the pipeline → Edit → the source stage → connect through a CodeStar connection; in build ' +
      'actions set secret environment variables to Secrets Manager.',
  },
  controls: ['secrets-management'],
  kinds: ['Pipeline'],
  check(pipeline) {
    const actions = pipeline.facts.actions;
    if (isUnknown(actions)) return cannotVerify(`the pipeline stages are ${actions.$unknown}`);
    const problems: string[] = [];
    const fromNoEcho: PlaintextSecret[] = [];
    for (const action of actions) {
      const where = `stage "${action.stage}" action "${action.name}"`;
      // Action properties CodePipeline treats as secret (the GitHub OAuthToken) are masked in the pipeline it
      // returns: supplied from a NoEcho parameter they are stored nowhere in plaintext, so only literals count.
      const configuration = isUnknown(action.configuration)
        ? []
        : plaintextSecrets(action.configuration).filter(
            (secret) => secret.why !== 'value of a NoEcho parameter',
          );
      if (configuration.length > 0) problems.push(`${where}: ${describeSecrets(configuration)}`);
      // A CodeBuild action's PLAINTEXT variables are shown as written, a NoEcho parameter's value included.
      const environment =
        action.environment === undefined || isUnknown(action.environment)
          ? []
          : plaintextSecrets(action.environment);
      if (environment.length > 0) {
        problems.push(`${where}: PLAINTEXT EnvironmentVariables ${describeSecrets(environment)}`);
        fromNoEcho.push(...environment);
      }
      // CloudFormation writes the secret itself into the EnvironmentVariables text, which the pipeline then shows
      // (the CloudFormation mapping marks such literals `deployTimeSecret`).
      const resolved =
        action.environment === undefined || isUnknown(action.environment)
          ? []
          : action.environment.filter(
              (variable) =>
                typeof variable.value === 'string' && typeof variable.deployTimeSecret === 'string',
            );
      if (resolved.length > 0)
        problems.push(
          `${where}: PLAINTEXT EnvironmentVariables ${resolved.map((v) => v.name).join(', ')} ` +
            `${resolved.length === 1 ? 'holds' : 'hold'} a ` +
            '{{resolve:…}} reference that CloudFormation replaces with the secret in the pipeline definition ' +
            '(use type SECRETS_MANAGER with the secret name)',
        );
    }
    return problems.length > 0
      ? fail(
          `${problems.join('; ')}${noEchoNote(
            fromNoEcho,
            'the pipeline definition',
            'use type SECRETS_MANAGER with the secret name',
          )}`,
        )
      : pass;
  },
});
