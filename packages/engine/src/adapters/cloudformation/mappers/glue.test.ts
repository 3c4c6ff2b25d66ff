import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeBoundary } from '../../../evaluate/boundary.js';
import { evaluateRules } from '../../../evaluate/evaluate.js';
import { createModel } from '../../../model/build.js';
import type { Resource } from '../../../model/resource.js';
import { isUnknown } from '../../../model/values.js';
import { glueRules } from '../../../rules/glue/index.js';
import { loadCloudFormationTemplate } from '../index.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../../../rules/glue/fixtures');

function load(body: string, parameters = '') {
  const output = loadCloudFormationTemplate(
    'test.yaml',
    `AWSTemplateFormatVersion: '2010-09-09'\n${parameters}Resources:\n${body}`,
  );
  expect(output.errors).toEqual([]);
  return output.resources;
}

function byId<K extends Resource['kind']>(resources: readonly Resource[], id: string, kind: K): Resource<K> {
  const found = resources.find((resource) => resource.source.nativeId === id);
  if (!found) throw new Error(`no ${id}`);
  expect(found.kind).toBe(kind);
  return found as Resource<K>;
}

/** Every finding of the Glue rules on a fixture, as `rule id: resource: status: message`. */
function findingsOf(file: string): string[] {
  const path = join(fixtures, file);
  const output = loadCloudFormationTemplate(path, readFileSync(path, 'utf8'), { cwd: dirname(path) });
  const model = createModel(output.resources, output.errors, output.inputs);
  return evaluateRules(model, glueRules, computeBoundary(model)).map(
    (finding) => `${finding.ruleId}: ${finding.resource.id}: ${finding.status}: ${finding.message}`,
  );
}

describe('CloudFormation Glue mappings', () => {
  it('joins a job, crawler and endpoint to their configuration by Ref, literal name or parameter', () => {
    const resources = load(
      `
  Security:
    Type: AWS::Glue::SecurityConfiguration
    Properties:
      Name: clinic
      EncryptionConfiguration:
        S3Encryptions: [{ S3EncryptionMode: SSE-KMS }, { S3EncryptionMode: SSE-S3 }]
        CloudWatchEncryption: { CloudWatchEncryptionMode: SSE-KMS }
  ByRef:
    Type: AWS::Glue::Job
    Properties:
      Role: r
      Command: { Name: glueetl, ScriptLocation: s3://s/a.py }
      SecurityConfiguration: !Ref Security
      DefaultArguments: { --a: '1' }
      NonOverridableArguments: { --b: '2' }
  ByName:
    Type: AWS::Glue::Crawler
    Properties:
      Role: r
      Targets: {}
      CrawlerSecurityConfiguration: clinic
  ByParameter:
    Type: AWS::Glue::DevEndpoint
    Properties:
      RoleArn: r
      EndpointName: notebook
      SecurityConfiguration: !Ref ConfigurationName
  Elsewhere:
    Type: AWS::Glue::Job
    Properties:
      Role: r
      Command: { Name: glueetl, ScriptLocation: s3://s/b.py }
      SecurityConfiguration: platform-shared
  NotAConfiguration:
    Type: AWS::Glue::Job
    Properties:
      Role: r
      Command: { Name: glueetl, ScriptLocation: s3://s/c.py }
      SecurityConfiguration: !Ref ByRef
`,
      'Parameters:\n  ConfigurationName:\n    Type: String\n    Default: clinic\n',
    );
    const security = byId(resources, 'Security', 'GlueSecurityConfiguration');
    // The weakest S3 entry counts; bookmarks are not declared.
    expect(security.facts).toEqual({
      name: 'clinic',
      s3Encryption: 'SSE-S3',
      cloudWatchEncryption: 'SSE-KMS',
      jobBookmarksEncryption: 'DISABLED',
    });
    const job = byId(resources, 'ByRef', 'GlueJob');
    expect(job.facts.securityConfiguration).toEqual({ configuration: security.id, ...security.facts });
    expect(job.facts.arguments).toEqual([
      { name: '--a', value: '1' },
      { name: '--b', value: '2' },
    ]);
    const crawler = byId(resources, 'ByName', 'GlueCrawler').facts.securityConfiguration;
    expect(!isUnknown(crawler) && crawler?.configuration).toBe(security.id);
    const endpoint = byId(resources, 'ByParameter', 'GlueDevEndpoint');
    expect(endpoint.facts.name).toBe('notebook');
    expect(
      !isUnknown(endpoint.facts.securityConfiguration) && endpoint.facts.securityConfiguration?.name,
    ).toBe('clinic');
    const elsewhere = byId(resources, 'Elsewhere', 'GlueJob').facts.securityConfiguration;
    expect(isUnknown(elsewhere) && elsewhere.$unknown).toBe(
      'security configuration "platform-shared" is not declared in this input',
    );
    const wrong = byId(resources, 'NotAConfiguration', 'GlueJob').facts.securityConfiguration;
    expect(isUnknown(wrong) && wrong.$unknown).toMatch(
      /names a AWS::Glue::Job, not a Glue security configuration/,
    );
  });

  it('fails the fixtures for the reasons they declare, never as unknown', () => {
    expect(findingsOf('glue-security-configuration-used/fail.cfn.yaml')).toEqual([
      'glue-security-configuration-encrypted: WeakSecurity: fail: not every part is KMS-encrypted: S3 encryption is SSE-S3, not SSE-KMS; CloudWatch Logs encryption is DISABLED, not SSE-KMS; job bookmark encryption is DISABLED, not CSE-KMS',
      'glue-security-configuration-encrypted: S3OnlySecurity: fail: not every part is KMS-encrypted: CloudWatch Logs encryption is DISABLED, not SSE-KMS; job bookmark encryption is DISABLED, not CSE-KMS',
      'glue-security-configuration-used: BadJobWithoutConfiguration: fail: no security configuration: Glue writes its S3 output, CloudWatch logs and job bookmarks without KMS encryption',
      'glue-security-configuration-used: BadJobWithWeakConfiguration: fail: security configuration "clinic-weak": S3 encryption is SSE-S3, not SSE-KMS; CloudWatch Logs encryption is DISABLED, not SSE-KMS; job bookmark encryption is DISABLED, not CSE-KMS',
      'glue-security-configuration-used: BadJobWithS3OnlyConfiguration: fail: security configuration "clinic-s3-only": CloudWatch Logs encryption is DISABLED, not SSE-KMS; job bookmark encryption is DISABLED, not CSE-KMS',
      'glue-security-configuration-used: BadCrawlerWithoutConfiguration: fail: no security configuration: Glue writes its CloudWatch logs without KMS encryption',
      'glue-security-configuration-used: BadCrawlerWithWeakConfiguration: fail: security configuration "clinic-s3-only": CloudWatch Logs encryption is DISABLED, not SSE-KMS',
      'glue-security-configuration-used: BadDevEndpoint: fail: security configuration "clinic-weak": S3 encryption is SSE-S3, not SSE-KMS',
      'glue-security-configuration-used-non-phi: PublicDataJob: fail: no security configuration: Glue writes its S3 output, CloudWatch logs and job bookmarks without KMS encryption (declared non-PHI)',
      'glue-security-configuration-used: BadInternalJobReadingPhi: fail: no security configuration: Glue writes its S3 output, CloudWatch logs and job bookmarks without KMS encryption',
    ]);
    expect(
      findingsOf('glue-security-configuration-encrypted/fail.cfn.yaml').filter((f) => f.includes('Bad')),
    ).toEqual([
      'glue-security-configuration-encrypted: BadSseS3: fail: not every part is KMS-encrypted: S3 encryption is SSE-S3, not SSE-KMS',
      'glue-security-configuration-encrypted: BadEmpty: fail: not every part is KMS-encrypted: S3 encryption is DISABLED, not SSE-KMS; CloudWatch Logs encryption is DISABLED, not SSE-KMS; job bookmark encryption is DISABLED, not CSE-KMS',
      'glue-security-configuration-encrypted: BadNoBookmarks: fail: not every part is KMS-encrypted: job bookmark encryption is DISABLED, not CSE-KMS',
      'glue-security-configuration-encrypted: BadMixedS3: fail: not every part is KMS-encrypted: S3 encryption is DISABLED, not SSE-KMS; CloudWatch Logs encryption is DISABLED, not SSE-KMS',
      'glue-security-configuration-encrypted: BadEitherWay: fail: not every part is KMS-encrypted: S3 encryption is SSE-S3 or DISABLED, not SSE-KMS',
    ]);
    expect(
      findingsOf('glue-job-no-plaintext-secrets/fail.cfn.yaml').filter((f) => f.startsWith('glue-job')),
    ).toEqual([
      'glue-job-no-plaintext-secrets: BadPasswordArgument: fail: plaintext secret(s) in job arguments: --db-password (secret-like name with a literal value)',
      'glue-job-no-plaintext-secrets: BadAccessKeyArgument: fail: plaintext secret(s) in job arguments: --partner_key (value looks like an AWS access key id)',
      "glue-job-no-plaintext-secrets: BadNoEchoArgument: fail: plaintext secret(s) in job arguments: --WAREHOUSE_PASSWORD (set from NoEcho parameter WarehousePassword) — NoEcho hides a parameter only in CloudFormation's output: the job definition stores its value in plaintext (keep the secret in Secrets Manager, pass its ARN and read it at run time)",
    ]);
    expect(findingsOf('glue-connection-no-plaintext-password/fail.cfn.yaml')).toEqual([
      'glue-connection-no-plaintext-password: BadLiteralPassword: fail: literal secret(s) in connection properties: PASSWORD (secret-like name with a literal value)',
      'glue-connection-no-plaintext-password: BadKafkaPassword: fail: literal secret(s) in connection properties: KAFKA_SASL_SCRAM_PASSWORD (secret-like name with a literal value)',
    ]);
  });

  it('never throws on odd shapes of Glue properties (property)', () => {
    const types = [
      'AWS::Glue::SecurityConfiguration',
      'AWS::Glue::Job',
      'AWS::Glue::Crawler',
      'AWS::Glue::DevEndpoint',
      'AWS::Glue::DataCatalogEncryptionSettings',
      'AWS::Glue::Connection',
    ];
    const keys = [
      'Name',
      'SecurityConfiguration',
      'CrawlerSecurityConfiguration',
      'EncryptionConfiguration',
      'DefaultArguments',
      'NonOverridableArguments',
      'Command',
      'DataCatalogEncryptionSettings',
      'ConnectionInput',
      'CatalogId',
    ];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            type: fc.constantFrom(...types),
            properties: fc.dictionary(fc.constantFrom(...keys), fc.jsonValue()),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        (entries) => {
          const template = {
            Resources: Object.fromEntries(
              entries.map((entry, index) => [
                `R${index}`,
                { Type: entry.type, Properties: entry.properties },
              ]),
            ),
          };
          const output = loadCloudFormationTemplate('t.json', JSON.stringify(template));
          expect(output.errors.filter((error) => error.message.includes('could not read'))).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
