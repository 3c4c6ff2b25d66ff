import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadInputs } from '../../../inputs.js';
import type { InputError, Model, Resource } from '../../../model/resource.js';
import { isRef } from '../../../model/values.js';
import { buildTerraformResources, type TfInstance } from '../build.js';

/**
 * ECR repositories (with their separate repository policies and the registry's scanning configuration) and
 * CodePipeline pipelines, read from the same estate as an HCL folder and as plan JSON: both go through the shared
 * Terraform mappings, so both must give the same facts.
 */
const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../fixtures');

function byAddress<K extends Resource['kind']>(model: Model, address: string, kind: K): Resource<K> {
  const found = model.resources.find((r) => r.source.nativeId === address);
  if (!found) throw new Error(`no ${address}`);
  expect(found.kind).toBe(kind);
  return found as Resource<K>;
}

const inputs = [
  ['HCL folder', 'ecr-codepipeline'],
  ['plan JSON', 'ecr-codepipeline.tfplan.json'],
] as const;

describe.each(inputs)('ECR and CodePipeline from a Terraform %s', (_format, input) => {
  const model = () => loadInputs([input], { cwd: fixtures });

  it('folds the repository policy into its repository and reads the registry scanning rules', async () => {
    const m = await model();
    expect(m.errors).toEqual([]);
    const api = byAddress(m, 'aws_ecr_repository.api', 'ContainerRepository');
    expect(api.service).toBe('ecr');
    expect(api.joined.map((source) => source.nativeId)).toEqual(['aws_ecr_repository_policy.api']);
    expect(m.resources.some((r) => r.source.nativeType === 'aws_ecr_repository_policy')).toBe(false);
    expect(api.facts.policy).toEqual([
      expect.objectContaining({
        sid: 'AnyonePull',
        effect: 'Allow',
        principal: '*',
        actions: ['ecr:BatchGetImage'],
      }),
    ]);
    // Defaults: no scan on push, mutable tags; KMS without kms_key is the AWS managed key (absent, not unknown).
    expect(api.facts.scanOnPush).toBe(false);
    expect(api.facts.tagMutability).toBe('MUTABLE');
    expect(api.facts.encryptionType).toBe('KMS');
    expect(api.facts.kmsKey).toBeUndefined();
    // "clinic-*" matches clinic-api: scanned continuously by the registry's enhanced scanning.
    expect(api.facts.registryScanning).toEqual({
      scanType: 'ENHANCED',
      frequency: 'CONTINUOUS_SCAN',
      declaredBy: 'aws_ecr_registry_scanning_configuration.this',
    });
    // The registry configuration stays in the inventory on its own.
    const registry = m.resources.find(
      (r) => r.source.nativeId === 'aws_ecr_registry_scanning_configuration.this',
    );
    expect(registry?.kind).toBe('Unmodelled');
    expect(registry?.service).toBe('ecr');
  });

  it('reads a customer managed key by reference and a repository no scanning filter matches', async () => {
    const m = await model();
    const reports = byAddress(m, 'aws_ecr_repository.reports', 'ContainerRepository');
    expect(reports.facts.policy).toEqual([]);
    expect(reports.facts.scanOnPush).toBe(true);
    expect(reports.facts.tagMutability).toBe('IMMUTABLE');
    expect(isRef(reports.facts.kmsKey) && reports.facts.kmsKey.$ref).toMatch(/#aws_kms_key\.images$/);
    expect(reports.facts.registryScanning?.frequency).toBe('MANUAL');
  });

  it('reads every artifact store and every action of a pipeline', async () => {
    const m = await model();
    const pipeline = byAddress(m, 'aws_codepipeline.api', 'Pipeline');
    expect(pipeline.service).toBe('codepipeline');
    expect(pipeline.facts.name).toBe('clinic-api');
    const stores = pipeline.facts.artifactStores;
    if (!Array.isArray(stores)) throw new Error('artifact stores unknown');
    expect(stores.map((store) => store.region)).toEqual(['us-east-1', 'us-west-2']);
    expect(isRef(stores[0]?.encryptionKey) && stores[0]?.encryptionKey.$ref).toMatch(/#aws_kms_key\.images$/);
    expect(stores[1]?.encryptionKey).toBeUndefined();
    const actions = pipeline.facts.actions;
    if (!Array.isArray(actions)) throw new Error('actions unknown');
    expect(actions.map((a) => `${a.stage}/${a.name}/${a.provider}`)).toEqual([
      'Source/GitHub/GitHub',
      'Build/Build/CodeBuild',
    ]);
    expect(actions[0]?.configuration).toContainEqual({
      name: 'OAuthToken',
      value: 'fixture-github-token-not-real-0000',
    });
    expect(actions[0]?.environment).toBeUndefined();
    expect(actions[1]?.environment).toEqual([
      { name: 'NPM_TOKEN', value: 'ci/npm-token', fromSecretStore: true },
      { name: 'STAGE', value: 'prod', fromSecretStore: false },
    ]);
  });
});

describe('ECR and CodePipeline Terraform mappings on odd shapes', () => {
  const types = [
    'aws_ecr_repository',
    'aws_ecr_repository_policy',
    'aws_ecr_registry_scanning_configuration',
    'aws_codepipeline',
  ];
  /** Values as a plan or a folder may give them: any JSON, with the attributes the mappings read. */
  const values = fc.oneof(
    fc.dictionary(fc.string(), fc.jsonValue()),
    fc.record(
      {
        name: fc.jsonValue(),
        repository: fc.oneof(fc.constant('r'), fc.jsonValue()),
        policy: fc.jsonValue().map((v) => (typeof v === 'object' ? JSON.stringify(v) : v)),
        image_scanning_configuration: fc.jsonValue(),
        encryption_configuration: fc.jsonValue(),
        image_tag_mutability: fc.jsonValue(),
        scan_type: fc.jsonValue(),
        rule: fc.oneof(
          fc.jsonValue(),
          fc.array(fc.record({ scan_frequency: fc.jsonValue(), repository_filter: fc.jsonValue() })),
        ),
        artifact_store: fc.jsonValue(),
        stage: fc.oneof(
          fc.jsonValue(),
          fc.array(
            fc.record({
              name: fc.jsonValue(),
              action: fc.array(fc.record({ name: fc.jsonValue(), configuration: fc.jsonValue() })),
            }),
          ),
        ),
      },
      { requiredKeys: [] },
    ),
  );

  it('never throw: every instance is mapped, none reported as unreadable', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...types), values), { maxLength: 5 }), (entries) => {
        const instances: TfInstance[] = entries.map(([type, v], index) => ({
          format: 'terraform-plan',
          inputKey: 'plan.json',
          address: `${type}.r${index}`,
          type,
          values: { name: 'r', ...v },
          file: 'plan.json',
          module: '',
          inlineSuppressions: [],
        }));
        const errors: InputError[] = [];
        buildTerraformResources(instances, errors);
        expect(errors).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
