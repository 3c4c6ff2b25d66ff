import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCloudFormationTemplate } from '../index.js';
import { parseTemplate } from '../parse.js';
import { expandServerless } from './transform.js';

/**
 * Differential check against the SAM translator's own test corpus (github.com/aws/serverless-application-model,
 * tests/translator/input/*.yaml and the CloudFormation SAM produces for each, output/*.json). Not vendored (800+
 * files): run it with a checkout, e.g. after refreshing data/sam-translator.yaml:
 *
 *   SAM_TRANSLATOR_TESTS=/path/to/serverless-application-model/tests/translator npx vitest run \
 *     packages/engine/src/adapters/cloudformation/sam
 *
 * For every input SAM accepts: loading never throws; the function properties the Function kind reads equal SAM's
 * after Globals; every stage, function URL and usage plan generated here equals SAM's on the properties the Api
 * and Function kinds read; every generated role has SAM's trust policy and no managed policy or inline policy SAM
 * does not give it (SAM adds more for event sources and destinations: see transform.ts).
 */
const corpus = process.env.SAM_TRANSLATOR_TESTS;

/** Inputs where this expansion knowingly differs (see transform.ts / role.ts). */
const KNOWN: Record<string, string> = {
  managed_policies_everything: 'names missing from SAM’s bundled managed-policy map stay as written in SAM',
  managed_policies_minimal: 'names missing from SAM’s bundled managed-policy map stay as written in SAM',
  function_with_tracing:
    'Tracing from a parameter (SAM resolves parameter defaults; here the role keeps X-Ray)',
  function_with_disabled_traffic_hook: '!Ref Function.Version names the function (no version resource here)',
};

const sortKeys = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(sortKeys)
    : value && typeof value === 'object'
      ? Object.fromEntries(
          Object.keys(value)
            .sort()
            .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
        )
      : value;
/** SAM writes AWS managed policy ARNs for partition aws as literals, this expansion as `Fn::Sub` with the partition. */
const canonical = (value: unknown): string =>
  JSON.stringify(sortKeys(value) ?? null).replace(
    /\{"Fn::Sub":"arn:\$\{AWS::Partition\}:iam::aws:policy\/([^"]*)"\}/g,
    '"arn:aws:iam::aws:policy/$1"',
  );

const STAGE_KEYS: Record<string, readonly string[]> = {
  'AWS::ApiGateway::Stage': [
    'StageName',
    'MethodSettings',
    'AccessLogSetting',
    'TracingEnabled',
    'CacheClusterEnabled',
  ],
  'AWS::ApiGatewayV2::Stage': ['StageName', 'AccessLogSettings', 'DefaultRouteSettings'],
  'AWS::Lambda::Url': ['AuthType'],
  'AWS::ApiGateway::UsagePlan': ['ApiStages', 'Throttle'],
  'AWS::IAM::Role': ['AssumeRolePolicyDocument', 'PermissionsBoundary', 'Path'],
};
const FUNCTION_KEYS = ['Runtime', 'Environment', 'VpcConfig', 'KmsKeyArn', 'ReservedConcurrentExecutions'];

const available = Boolean(corpus && existsSync(join(corpus, 'input')));

describe('SAM translator corpus (SAM_TRANSLATOR_TESTS)', () => {
  const dir = corpus ?? '';
  const inputs = available
    ? readdirSync(join(dir, 'input')).filter(
        (file) =>
          file.endsWith('.yaml') &&
          !file.startsWith('error_') &&
          existsSync(join(dir, 'output', file.replace(/\.yaml$/, '.json'))),
      )
    : [];

  it.skipIf(!available)('has inputs', () => expect(inputs.length).toBeGreaterThan(100));

  it.skipIf(!available)('expands every input as SAM does on the properties the model reads', () => {
    const problems: string[] = [];
    for (const file of inputs) {
      const name = file.replace(/\.yaml$/, '');
      if (KNOWN[name]) continue;
      const text = readFileSync(join(dir, 'input', file), 'utf8');
      expect(() => loadCloudFormationTemplate(file, text, { cwd: dir }), file).not.toThrow();
      const parsed = parseTemplate(file, text);
      if (!parsed.ok) continue;
      const body = parsed.template.body as Record<string, unknown>;
      const declared = (body.Resources ?? {}) as Record<string, Record<string, unknown>>;
      const mine = expandServerless(body.Globals, declared, new Map(), () => {}) as Record<
        string,
        { Type: string; Properties?: Record<string, unknown> }
      >;
      const theirs = (JSON.parse(readFileSync(join(dir, 'output', `${name}.json`), 'utf8')).Resources ??
        {}) as Record<string, { Type: string; Properties?: Record<string, unknown> }>;
      const differs = (id: string, key: string, a: unknown, b: unknown) => {
        if (canonical(a) !== canonical(b))
          problems.push(`${name} ${id}.${key}: ${canonical(a)} ≠ SAM ${canonical(b)}`);
      };
      for (const [id, resource] of Object.entries(mine)) {
        const sam = theirs[id];
        if (resource.Type === 'AWS::Serverless::Function' && sam?.Type === 'AWS::Lambda::Function') {
          for (const key of FUNCTION_KEYS)
            differs(id, key, resource.Properties?.[key], sam.Properties?.[key]);
        }
        const keys = STAGE_KEYS[resource.Type];
        if (!keys || id in declared) continue;
        if (!sam) {
          problems.push(`${name}: ${id} (${resource.Type}) is not generated by SAM`);
          continue;
        }
        for (const key of keys) differs(id, key, resource.Properties?.[key], sam.Properties?.[key]);
        if (resource.Type === 'AWS::IAM::Role') {
          const samManaged = new Set(((sam.Properties?.ManagedPolicyArns ?? []) as unknown[]).map(canonical));
          for (const arn of (resource.Properties?.ManagedPolicyArns ?? []) as unknown[])
            if (!samManaged.has(canonical(arn)))
              problems.push(`${name} ${id}: managed ${canonical(arn)} not SAM's`);
          const samInline = new Set(((sam.Properties?.Policies ?? []) as unknown[]).map(canonical));
          for (const policy of (resource.Properties?.Policies ?? []) as unknown[])
            if (!samInline.has(canonical(policy)))
              problems.push(`${name} ${id}: inline ${canonical(policy)} not SAM's`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
