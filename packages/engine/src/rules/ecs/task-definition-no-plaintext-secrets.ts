import { isUnknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass } from '../rule.js';
import { describeSecrets, noEchoNote, type PlaintextSecret, plaintextSecrets } from '../secrets/plaintext.js';

export const ecsTaskDefinitionNoPlaintextSecrets = defineRule({
  id: 'ecs-task-definition-no-plaintext-secrets',
  title: 'ECS container environments hold no plaintext secrets',
  severity: 'high',
  rationale:
    'Environment values are stored in the task definition, readable by anyone who can describe it; secrets belong ' +
    'in Secrets Manager (CMK) and are injected through the container Secrets list (R-INF-9).',
  remediation: {
    cloudformation:
      'Move the value to AWS::SecretsManager::Secret and reference it in Secrets: [{ Name, ValueFrom: !Ref Secret }].',
    terraform:
      'Use "secrets": [{ "name": …, "valueFrom": aws_secretsmanager_secret.x.arn }] instead of "environment".',
    console:
      'ECS → Task definitions → new revision → container → Environment variables → ValueFrom a secret.',
  },
  controls: ['secrets-management'],
  kinds: ['TaskDefinition'],
  check(task) {
    const containers = task.facts.containers;
    if (isUnknown(containers)) return cannotVerify(`container definitions are ${containers.$unknown}`);
    const problems: string[] = [];
    const all: PlaintextSecret[] = [];
    for (const container of containers) {
      if (isUnknown(container.environment))
        return cannotVerify(`a container environment is ${container.environment.$unknown}`);
      const secrets = plaintextSecrets(container.environment);
      all.push(...secrets);
      if (secrets.length > 0)
        problems.push(`${isUnknown(container.name) ? '?' : container.name}: ${describeSecrets(secrets)}`);
    }
    return problems.length > 0
      ? fail(
          `plaintext secret(s) in container environment: ${problems.join('; ')}${noEchoNote(
            all,
            'the task definition',
            "inject the secret through the container's Secrets with ValueFrom a Secrets Manager secret",
          )}`,
        )
      : pass;
  },
});
