import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Resource } from '../../../model/resource.js';
import { isUnknown } from '../../../model/values.js';
import { loadCloudFormationTemplate } from '../index.js';

/** What the ECR and CodePipeline mappings read that the rule fixtures alone do not show. */
function load(body: string): Resource[] {
  const output = loadCloudFormationTemplate(
    'test.yaml',
    `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n${body}`,
  );
  expect(output.errors).toEqual([]);
  return output.resources;
}

function byId<K extends Resource['kind']>(resources: Resource[], id: string, kind: K): Resource<K> {
  const found = resources.find((r) => r.source.nativeId === id);
  if (!found) throw new Error(`no ${id}`);
  expect(found.kind).toBe(kind);
  return found as Resource<K>;
}

describe('ECR and CodePipeline CloudFormation mappings', () => {
  it('applies the AWS defaults to a bare repository and pipeline', () => {
    const resources = load(`
  Repo:
    Type: AWS::ECR::Repository
  Pipeline:
    Type: AWS::CodePipeline::Pipeline
    Properties:
      RoleArn: arn:aws:iam::111122223333:role/pipeline
      ArtifactStore: { Type: S3, Location: artifacts }
      Stages: []
`);
    const repo = byId(resources, 'Repo', 'ContainerRepository');
    expect(repo.service).toBe('ecr');
    expect(repo.facts).toEqual({
      name: undefined,
      scanOnPush: false,
      registryScanning: undefined,
      encryptionType: 'AES256',
      kmsKey: undefined,
      tagMutability: 'MUTABLE',
      policy: [],
    });
    const pipeline = byId(resources, 'Pipeline', 'Pipeline');
    expect(pipeline.service).toBe('codepipeline');
    expect(pipeline.facts.artifactStores).toEqual([{ region: undefined, encryptionKey: undefined }]);
    expect(pipeline.facts.actions).toEqual([]);
  });

  it('matches registry scanning filters as ECR does: contains without a wildcard, glob with one', () => {
    const resources = load(`
  Scanning:
    Type: AWS::ECR::RegistryScanningConfiguration
    Properties:
      ScanType: BASIC
      Rules:
        - ScanFrequency: SCAN_ON_PUSH
          RepositoryFilters: [{ Filter: prod, FilterType: WILDCARD }, { Filter: 'api-*', FilterType: WILDCARD }]
  RepoProd:
    Type: AWS::ECR::Repository
    Properties: { RepositoryName: repo-prod-repo }
  ApiRepo:
    Type: AWS::ECR::Repository
    Properties: { RepositoryName: api-gateway }
  MyApi:
    Type: AWS::ECR::Repository
    Properties: { RepositoryName: my-api-x }
  Generated:
    Type: AWS::ECR::Repository
`);
    const frequency = (id: string) =>
      byId(resources, id, 'ContainerRepository').facts.registryScanning?.frequency;
    expect(frequency('RepoProd')).toBe('SCAN_ON_PUSH');
    expect(frequency('ApiRepo')).toBe('SCAN_ON_PUSH');
    expect(frequency('MyApi')).toBe('MANUAL');
    // A name CloudFormation generates may or may not contain "prod": unknown, never a guess.
    expect(isUnknown(frequency('Generated'))).toBe(true);
    expect(resources.find((r) => r.source.nativeId === 'Scanning')?.kind).toBe('Unmodelled');
  });

  it('keeps deploy-time values unknown: a CodeBuild action environment built with Fn::Sub', () => {
    const resources = load(`
  Pipeline:
    Type: AWS::CodePipeline::Pipeline
    Properties:
      RoleArn: arn:aws:iam::111122223333:role/pipeline
      ArtifactStores:
        - Region: !Ref AWS::Region
          ArtifactStore: { Type: S3, Location: artifacts, EncryptionKey: { Id: alias/pipeline, Type: KMS } }
      Stages:
        - Name: Build
          Actions:
            - Name: Build
              ActionTypeId: { Category: Build, Owner: AWS, Provider: CodeBuild, Version: '1' }
              Configuration:
                ProjectName: api
                EnvironmentVariables: !Sub '[{"name":"REGION","value":"\${AWS::Region}"}]'
`);
    const pipeline = byId(resources, 'Pipeline', 'Pipeline');
    const stores = pipeline.facts.artifactStores;
    if (isUnknown(stores)) throw new Error('stores unknown');
    expect(isUnknown(stores[0]?.region)).toBe(true);
    expect(stores[0]?.encryptionKey).toBe('alias/pipeline');
    const actions = pipeline.facts.actions;
    if (isUnknown(actions)) throw new Error('actions unknown');
    expect(isUnknown(actions[0]?.environment)).toBe(true);
  });

  it('never throws on odd property shapes (property)', () => {
    const types = [
      'AWS::ECR::Repository',
      'AWS::ECR::RegistryScanningConfiguration',
      'AWS::CodePipeline::Pipeline',
    ];
    const properties = fc.oneof(
      fc.dictionary(fc.string(), fc.jsonValue()),
      fc.record(
        {
          RepositoryName: fc.jsonValue(),
          ImageScanningConfiguration: fc.jsonValue(),
          EncryptionConfiguration: fc.jsonValue(),
          ImageTagMutability: fc.jsonValue(),
          RepositoryPolicyText: fc.jsonValue(),
          Rules: fc.jsonValue(),
          ArtifactStore: fc.jsonValue(),
          ArtifactStores: fc.jsonValue(),
          Stages: fc.oneof(
            fc.jsonValue(),
            fc.array(
              fc.record({
                Name: fc.jsonValue(),
                Actions: fc.array(fc.record({ Configuration: fc.jsonValue() })),
              }),
            ),
          ),
        },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...types), properties), { maxLength: 4 }), (entries) => {
        const template = {
          Resources: Object.fromEntries(
            entries.map(([type, p], index) => [`R${index}`, { Type: type, Properties: p }]),
          ),
        };
        const output = loadCloudFormationTemplate('odd.json', JSON.stringify(template));
        for (const error of output.errors) expect(error.message).not.toMatch(/could not read/);
      }),
      { numRuns: 300 },
    );
  });
});
