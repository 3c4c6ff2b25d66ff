import type { EnvironmentVariable } from '../../model/kinds/lambda.js';
import { isUnknown, type Unknown } from '../../model/values.js';
import { cannotVerify, defineRule, fail, pass, skip, type Verdict } from '../rule.js';

/**
 * A dynamic reference to a secret in a Lambda function's or ECS container's environment. CloudFormation resolves
 * `{{resolve:secretsmanager:…}}` in any property and AWS warns that "the secret value may show up in the service
 * whose resource it's being used in" (CloudFormation User Guide, dynamic references to Secrets Manager): here the
 * value is stored in the function configuration / task definition, returned to anyone allowed
 * `lambda:GetFunctionConfiguration` or `ecs:DescribeTaskDefinition` and shown in the console. `ssm-secure` is
 * accepted only by a short list of properties that excludes these two, so CloudFormation rejects the change set.
 * Never prints a value (R-X-2): findings name the variable and the store only.
 */
export const secretsmanagerNoDynamicReferenceInEnvironment = defineRule({
  id: 'secretsmanager-no-dynamic-reference-in-environment',
  title: 'No secret is resolved into a Lambda or ECS environment by a dynamic reference',
  severity: 'medium',
  rationale:
    'A {{resolve:secretsmanager:…}} dynamic reference in a Lambda environment variable or an ECS container ' +
    'Environment is resolved at deploy time and the secret is stored in plaintext in the function configuration or ' +
    'task definition, readable by anyone who can describe it and outside Secrets Manager access control, audit and ' +
    'rotation (R-INF-9). CloudFormation rejects {{resolve:ssm-secure:…}} in these properties.',
  remediation: {
    cloudformation:
      'Lambda: pass the secret ARN (DB_SECRET_ARN: !Ref Secret), grant secretsmanager:GetSecretValue on it and read ' +
      'the value at run time with the AWS Parameters and Secrets Lambda Extension or the SDK. ECS: move the variable ' +
      'to the container Secrets: [{ Name: DB_PASSWORD, ValueFrom: !Ref Secret }] (append :json-key:: for one key; an ' +
      'SSM SecureString by its parameter ARN), which ECS injects at start without storing the value.',
    terraform:
      'Not judged for Terraform (see below). The same holds: do not put data.aws_secretsmanager_secret_version…' +
      'secret_string in aws_lambda_function environment variables; pass the secret ARN and read it at run time, and ' +
      'in ECS container_definitions use "secrets": [{ "name": …, "valueFrom": <secret ARN> }].',
    console:
      'Lambda → Configuration → Environment variables: replace the secret with its ARN and read it in code; ECS → ' +
      'Task definitions → new revision → container → Environment variables: choose ValueFrom with the secret ARN.',
  },
  controls: ['secrets-management', 'access-control'],
  kinds: ['Function', 'TaskDefinition'],
  notApplicable: {
    terraform:
      'Terraform has no dynamic references. A secret read with data.aws_secretsmanager_secret_version reaches the ' +
      'model as a plain value (read at plan time) or as a value known after apply that neither the plan (which lists ' +
      'the references of a whole variables map) nor a folder scan attributes to its data source, so it cannot be ' +
      'told reliably from any other value; lambda-function-no-plaintext-secrets still judges literal values.',
  },
  check(resource) {
    // Only CloudFormation resolves dynamic references (a `{{resolve:…}}` in Terraform stays text).
    if (resource.source.format !== 'cloudformation') return skip;
    if (resource.kind === 'Function') {
      const environment = resource.facts.environment;
      if (isUnknown(environment)) return cannotVerify(`environment is ${environment.$unknown}`);
      return verdictOf(
        findings(environment),
        "the function's configuration",
        'pass its ARN and read it at run time (Parameters and Secrets Lambda Extension or SDK)',
      );
    }
    const containers = resource.facts.containers;
    if (isUnknown(containers)) return cannotVerify(`container definitions are ${containers.$unknown}`);
    const all: Findings = { secretsManager: [], ssmSecure: [], unresolved: [] };
    for (const container of containers) {
      if (isUnknown(container.environment))
        return cannotVerify(`a container environment is ${container.environment.$unknown}`);
      const found = findings(container.environment);
      const prefix = `${isUnknown(container.name) || container.name === '' ? '?' : container.name}: `;
      all.secretsManager.push(...found.secretsManager.map((name) => prefix + name));
      all.ssmSecure.push(...found.ssmSecure.map((name) => prefix + name));
      all.unresolved.push(...found.unresolved.map(({ name, why }) => ({ name: prefix + name, why })));
    }
    return verdictOf(all, 'the task definition', "inject it through the container's Secrets with ValueFrom");
  },
});

interface Findings {
  readonly secretsManager: string[];
  readonly ssmSecure: string[];
  readonly unresolved: { readonly name: string; readonly why: Unknown }[];
}

function findings(variables: readonly EnvironmentVariable[]): Findings {
  const out: Findings = { secretsManager: [], ssmSecure: [], unresolved: [] };
  for (const variable of variables) {
    const store = variable.deployTimeSecret;
    if (store === undefined) continue;
    if (isUnknown(store)) out.unresolved.push({ name: variable.name, why: store });
    else if (store === 'ssm-secure') out.ssmSecure.push(variable.name);
    else out.secretsManager.push(variable.name);
  }
  return out;
}

/** `store`: where the resolved value ends up; `instead`: what to do with the secret. */
function verdictOf(found: Findings, store: string, instead: string): Verdict {
  const problems: string[] = [];
  if (found.secretsManager.length > 0)
    problems.push(
      `${found.secretsManager.join(', ')} resolve${found.secretsManager.length === 1 ? 's' : ''} a Secrets Manager ` +
        `secret ({{resolve:secretsmanager:…}}) that ${store} then holds in plaintext`,
    );
  if (found.ssmSecure.length > 0)
    problems.push(
      `${found.ssmSecure.join(', ')} use${found.ssmSecure.length === 1 ? 's' : ''} {{resolve:ssm-secure:…}}, which ` +
        'CloudFormation rejects in environment variables (the change set fails)',
    );
  if (problems.length > 0) return fail(`${problems.join('; ')} — ${instead}`);
  const first = found.unresolved[0];
  if (first !== undefined)
    return cannotVerify(`environment variable ${first.name} may resolve a secret: ${first.why.$unknown}`);
  return pass;
}
