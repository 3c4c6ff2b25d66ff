import { readFileSync } from 'node:fs';
import { loadCatalog } from '@safeguard/catalog';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { fakeCatalog, fixtureResult, NASTY_ID } from './fixtures/scan.js';
import { artifactLocationOf, pascalCase, renderSarif } from './sarif.js';

/**
 * The official SARIF 2.1.0 schema (OASIS, errata 01; see fixtures/README.md). It is draft-04: Ajv 8 reads
 * it once the root `id` is spelled `$id` and the draft-04 meta-schema line is dropped; nothing else in the
 * schema differs between draft-04 and draft-07.
 */
function sarifValidator() {
  const schema = JSON.parse(
    readFileSync(new URL('./fixtures/sarif-schema-2.1.0.json', import.meta.url), 'utf8'),
  ) as Record<string, unknown>;
  expect(schema.title).toBe('Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema');
  const { $schema: _draft04, id, ...rest } = schema;
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats.default(ajv);
  return ajv.compile({ $id: String(id), ...rest });
}

describe('renderSarif', () => {
  const validate = sarifValidator();

  it.each([
    ['the full fixture (findings, suppressions, expired, unknowns, input errors)', () => fixtureResult()],
    ['a clean scan', () => fixtureResult({ errors: [], resources: [] })],
  ])('is valid against the official SARIF 2.1.0 schema: %s', (_name, build) => {
    const log = JSON.parse(renderSarif(build(), fakeCatalog()));
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('is valid with the real catalog too', () => {
    const log = JSON.parse(renderSarif(fixtureResult(), loadCatalog()));
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
  });

  it('the validator really rejects a broken log (the schema is in force)', () => {
    const log = JSON.parse(renderSarif(fixtureResult(), fakeCatalog()));
    log.runs[0].results[0].level = 'fatal';
    log.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    expect(validate(log)).toBe(false);
    expect(validate({ version: '2.1.0' })).toBe(false);
    // Formats are checked too (ajv-formats): a URI with a raw space is not a uri-reference.
    const spaced = JSON.parse(renderSarif(fixtureResult(), fakeCatalog()));
    spaced.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = 'a b\\c.yaml';
    expect(validate(spaced)).toBe(false);
    expect(JSON.stringify(validate.errors)).toMatch(/uri-reference/);
  });

  const result = fixtureResult();
  const log = JSON.parse(renderSarif(result, fakeCatalog()));
  const run = log.runs[0];

  it('describes the driver and only the rules that ran', () => {
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    expect(run.tool.driver).toMatchObject({ name: 'safeguard', version: '0.1.0' });
    expect(run.tool.driver.informationUri).toMatch(/^https:\/\//);
    const rules = run.tool.driver.rules;
    expect(rules.map((rule: { id: string }) => rule.id)).toEqual(result.rules.map((rule) => rule.id));
    const encrypted = rules.find((rule: { id: string }) => rule.id === 'test-bucket-encrypted');
    expect(encrypted.name).toBe('TestBucketEncrypted');
    expect(encrypted.shortDescription.text).toBe('S3 buckets encrypt data at rest');
    expect(encrypted.fullDescription.text).toMatch(/^Rationale of test-bucket-encrypted/);
    expect(encrypted.defaultConfiguration.level).toBe('error');
    expect(encrypted.properties).toEqual({
      tags: ['encryption-at-rest', 'security'],
      'security-severity': '8.0',
    });
    expect(encrypted.help.text).toMatch(/CloudFormation \/ CDK: Set BucketEncryption/);
    expect(encrypted.help.text).toMatch(/Terraform: Add aws_s3_bucket_server_side_encryption_configuration/);
    expect(encrypted.help.markdown).toMatch(/\| HIPAA \| SOC 2 \| GDPR \| HITRUST \|/);
    expect(encrypted.help.markdown).toMatch(/164\.312\(a\)\(2\)\(iv\) \| CC6\.1 \| 32\(1\)\(a\) \| 06\.d/);
    const levels = Object.fromEntries(
      rules.map(
        (rule: {
          id: string;
          defaultConfiguration: { level: string };
          properties: Record<string, string>;
        }) => [rule.id, [rule.defaultConfiguration.level, rule.properties['security-severity']]],
      ),
    );
    expect(levels).toEqual({
      'test-bucket-encrypted': ['error', '8.0'],
      'test-no-public': ['error', '9.5'],
      'test-logging': ['warning', '5.5'],
      'test-inventory': ['note', '3.0'],
    });
  });

  it('maps each finding to a result with ruleIndex, location, logical location and fingerprint', () => {
    expect(run.results).toHaveLength(result.findings.length);
    for (const [index, sarif] of run.results.entries()) {
      const finding = result.findings[index];
      expect(sarif.ruleId).toBe(finding?.ruleId);
      expect(run.tool.driver.rules[sarif.ruleIndex].id).toBe(sarif.ruleId);
      expect(sarif.message.text).toBe(finding?.message);
      expect(sarif.partialFingerprints).toEqual({ 'safeguard/v1': finding?.fingerprint });
    }
    const notes = run.results.find(
      (r: { ruleId: string; locations: { logicalLocations: { name: string }[] }[] }) =>
        r.ruleId === 'test-no-public' && r.locations[0]?.logicalLocations[0]?.name === 'NotesBucket',
    );
    expect(notes.level).toBe('error');
    expect(notes.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'templates/app.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 8 },
    });
    expect(notes.locations[0].logicalLocations[0].fullyQualifiedName).toBe(
      'Clinic/Data/NotesBucket/Resource',
    );
    const terraform = run.results.find(
      (r: { locations: { logicalLocations: { name: string }[] }[] }) =>
        r.locations[0]?.logicalLocations[0]?.name === NASTY_ID,
    );
    // No line known: no region at all; backslashes become slashes, special characters are percent-encoded.
    expect(terraform.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'infra%20dir/uploads%7C1.tfplan.json', uriBaseId: '%SRCROOT%' },
    });
  });

  it('marks suppressed results by where the suppression was declared; expired ones stay unsuppressed', () => {
    const byResource = (id: string) =>
      run.results.filter(
        (r: { locations: { logicalLocations: { name: string }[] }[] }) =>
          r.locations[0]?.logicalLocations[0]?.name === id,
      );
    expect(byResource('ArchiveBucket')[0].suppressions).toEqual([
      { kind: 'inSource', justification: 'marketing assets, never PHI' },
    ]);
    expect(byResource('NotesTopic')[0].suppressions).toEqual([
      { kind: 'external', justification: 'public by design: only\nopen data' },
    ]);
    const expired = byResource('ExpiredBucket')[0];
    expect(expired.suppressions).toBeUndefined();
    expect(expired.properties.expiredSuppression).toMatchObject({ expires: '2020-01-31' });
  });

  it('can leave suppressed findings out for consumers that ignore suppressions', () => {
    const omitted = JSON.parse(renderSarif(result, fakeCatalog(), { omitSuppressed: true }));
    expect(omitted.runs[0].results).toHaveLength(
      result.findings.filter((finding) => !finding.suppressed).length,
    );
    expect(omitted.runs[0].results.some((r: { suppressions?: unknown }) => r.suppressions)).toBe(false);
    expect(validate(omitted)).toBe(true);
  });

  it('reports input errors as failed-execution notifications with file and line', () => {
    const invocation = run.invocations[0];
    expect(invocation.executionSuccessful).toBe(false);
    expect(invocation.toolExecutionNotifications).toEqual([
      {
        level: 'error',
        message: { text: 'YAML: bad indentation of a mapping entry (fix the indent)' },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'templates/broken.yaml', uriBaseId: '%SRCROOT%' },
              region: { startLine: 3 },
            },
          },
        ],
      },
      {
        level: 'error',
        message: { text: 'cannot read file (EACCES)' },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'templates/unreadable.json', uriBaseId: '%SRCROOT%' },
            },
          },
        ],
      },
    ]);
    const clean = JSON.parse(renderSarif(fixtureResult({ errors: [] }), fakeCatalog()));
    expect(clean.runs[0].invocations[0].executionSuccessful).toBe(true);
  });
});

describe('SARIF helpers', () => {
  it.each([
    ['s3-bucket-sse-kms', 'S3BucketSseKms'],
    ['iam-policy-no-admin-access', 'IamPolicyNoAdminAccess'],
    ['baa', 'Baa'],
  ])('pascalCase(%s) = %s', (id, name) => expect(pascalCase(id)).toBe(name));

  it.each([
    ['templates/app.yaml', { uri: 'templates/app.yaml', uriBaseId: '%SRCROOT%' }],
    ['./cdk.out/App.template.json', { uri: 'cdk.out/App.template.json', uriBaseId: '%SRCROOT%' }],
    ['infra\\prod\\main.tfplan.json', { uri: 'infra/prod/main.tfplan.json', uriBaseId: '%SRCROOT%' }],
    ['a b/c#d?.yaml', { uri: 'a%20b/c%23d%3F.yaml', uriBaseId: '%SRCROOT%' }],
    ['weird:name.yaml', { uri: 'weird%3Aname.yaml', uriBaseId: '%SRCROOT%' }],
    ['/tmp/x y.yaml', { uri: 'file:///tmp/x%20y.yaml' }],
    ['C:\\work\\t.yaml', { uri: 'file:///C:/work/t.yaml' }],
  ])('artifactLocationOf(%j)', (file, expected) => expect(artifactLocationOf(file)).toEqual(expected));
});
