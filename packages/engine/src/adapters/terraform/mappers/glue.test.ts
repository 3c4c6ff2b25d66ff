import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeBoundary } from '../../../evaluate/boundary.js';
import { evaluateRules } from '../../../evaluate/evaluate.js';
import { loadInputs } from '../../../inputs.js';
import type { InputError, Model, Resource } from '../../../model/resource.js';
import { isUnknown } from '../../../model/values.js';
import { glueSecurityConfigurationUsed } from '../../../rules/glue/security-configuration-used.js';
import { buildTerraformResources, type TfInstance } from '../build.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../../../rules/glue/fixtures');

/** A folder scan of one main.tf, as the rule fixtures are loaded. */
async function loadHcl(text: string): Promise<Model> {
  const folder = mkdtempSync(join(tmpdir(), 'safeguard-glue-'));
  try {
    writeFileSync(join(folder, 'main.tf'), text);
    return await loadInputs([folder], { cwd: folder });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function byAddress<K extends Resource['kind']>(model: Model, address: string, kind: K): Resource<K> {
  const found = model.resources.find((resource) => resource.source.nativeId === address);
  if (!found) throw new Error(`no ${address}`);
  expect(found.kind).toBe(kind);
  return found as Resource<K>;
}

describe('Terraform Glue mappings', () => {
  it('joins jobs and crawlers of a plan to the security configuration they name, by reference or by name', async () => {
    const dir = join(fixtures, 'glue-security-configuration-used');
    const model = await loadInputs(['fail.tfplan.json'], { cwd: dir });
    expect(model.errors).toEqual([]);
    const claims = byAddress(model, 'aws_glue_job.claims', 'GlueJob');
    expect(claims.service).toBe('glue');
    expect(claims.facts.name).toBe('claims-etl');
    expect(claims.facts.command).toBe('glueetl');
    expect(claims.facts.securityConfiguration).toEqual({
      configuration: 'fail.tfplan.json#aws_glue_security_configuration.phi',
      name: 'clinic-phi',
      s3Encryption: 'SSE-KMS',
      cloudWatchEncryption: 'SSE-KMS',
      jobBookmarksEncryption: 'CSE-KMS',
    });
    // The reference is kept for the PHI boundary.
    expect(claims.references).toContain('fail.tfplan.json#aws_glue_security_configuration.phi');
    expect(claims.facts.arguments).toEqual([{ name: '--job-bookmark-option', value: 'job-bookmark-enable' }]);
    const weak = byAddress(model, 'aws_glue_job.bad_weak', 'GlueJob').facts.securityConfiguration;
    expect(!isUnknown(weak) && weak?.s3Encryption).toBe('SSE-S3');
    const crawler = byAddress(model, 'aws_glue_crawler.bad_weak', 'GlueCrawler').facts.securityConfiguration;
    expect(!isUnknown(crawler) && crawler?.configuration).toBe(
      'fail.tfplan.json#aws_glue_security_configuration.weak',
    );
    expect(byAddress(model, 'aws_glue_job.bad_none', 'GlueJob').facts.securityConfiguration).toBeUndefined();
  });

  it('reads an HCL folder the same way, and a catalog setting as the region-level resource it is', async () => {
    const model = await loadHcl(`
provider "aws" {
  region = "eu-west-1"
}
resource "aws_glue_security_configuration" "s3_only" {
  name = "s3-only"
  encryption_configuration {
    cloudwatch_encryption {}
    job_bookmarks_encryption {}
    s3_encryption {
      s3_encryption_mode = "SSE-KMS"
    }
  }
}
resource "aws_glue_crawler" "c" {
  name                   = "c"
  role                   = "arn:aws:iam::111122223333:role/glue"
  database_name          = "d"
  security_configuration = aws_glue_security_configuration.s3_only.id
}
resource "aws_glue_dev_endpoint" "e" {
  name                   = "e"
  role_arn               = "arn:aws:iam::111122223333:role/glue"
  security_configuration = "s3-only"
}
resource "aws_glue_data_catalog_encryption_settings" "catalog" {
  data_catalog_encryption_settings {
    connection_password_encryption {
      return_connection_password_encrypted = true
    }
    encryption_at_rest {
      catalog_encryption_mode = "SSE-KMS-WITH-SERVICE-ROLE"
    }
  }
}
resource "aws_glue_connection" "db" {
  name = "db"
  connection_properties = {
    USERNAME = "etl"
    PASSWORD = "not-a-real-one"
  }
}
`);
    expect(model.errors).toEqual([]);
    const crawler = byAddress(model, 'aws_glue_crawler.c', 'GlueCrawler').facts.securityConfiguration;
    expect(!isUnknown(crawler) && crawler?.cloudWatchEncryption).toBe('DISABLED');
    const endpoint = byAddress(model, 'aws_glue_dev_endpoint.e', 'GlueDevEndpoint').facts
      .securityConfiguration;
    expect(!isUnknown(endpoint) && endpoint?.s3Encryption).toBe('SSE-KMS');
    const catalog = byAddress(
      model,
      'aws_glue_data_catalog_encryption_settings.catalog',
      'GlueDataCatalogEncryption',
    );
    expect(catalog.facts).toEqual({
      catalogId: undefined,
      region: 'eu-west-1',
      encryptionAtRest: 'SSE-KMS-WITH-SERVICE-ROLE',
      atRestKey: undefined,
      connectionPasswordEncryption: true,
    });
    const connection = byAddress(model, 'aws_glue_connection.db', 'GlueConnection');
    expect(connection.facts.connectionType).toBe('JDBC');
    expect(connection.facts.properties).toEqual([
      { name: 'USERNAME', value: 'etl' },
      { name: 'PASSWORD', value: 'not-a-real-one' },
    ]);
  });

  it('cannot verify a job whose configuration is not in the input or not known, and never guesses', async () => {
    const model = await loadHcl(`
variable "security_configuration" {
  type = string
}
resource "aws_glue_job" "elsewhere" {
  name                   = "elsewhere"
  role_arn               = "arn:aws:iam::111122223333:role/glue"
  security_configuration = "shared-platform-config"
  command {
    script_location = "s3://scripts/a.py"
  }
}
resource "aws_glue_job" "from_variable" {
  name                   = "from-variable"
  role_arn               = "arn:aws:iam::111122223333:role/glue"
  security_configuration = var.security_configuration
  command {
    script_location = "s3://scripts/b.py"
  }
}
`);
    expect(model.errors).toEqual([]);
    const findings = evaluateRules(model, [glueSecurityConfigurationUsed], computeBoundary(model));
    expect(findings.map((finding) => [finding.resource.id, finding.status])).toEqual([
      ['aws_glue_job.elsewhere', 'unknown'],
      ['aws_glue_job.from_variable', 'unknown'],
    ]);
    expect(findings[0]?.message).toMatch(/"shared-platform-config" is not declared in this input/);
  });

  it('never throws on odd shapes of Glue resources (property)', () => {
    const types = [
      'aws_glue_security_configuration',
      'aws_glue_job',
      'aws_glue_crawler',
      'aws_glue_dev_endpoint',
      'aws_glue_data_catalog_encryption_settings',
      'aws_glue_connection',
    ];
    const value = fc.oneof(fc.jsonValue(), fc.constant({ $unknown: 'known after apply' }));
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            type: fc.constantFrom(...types),
            values: fc.dictionary(
              fc.constantFrom(
                'name',
                'security_configuration',
                'encryption_configuration',
                'default_arguments',
                'non_overridable_arguments',
                'command',
                'data_catalog_encryption_settings',
                'connection_properties',
                'catalog_id',
              ),
              value,
            ),
          }),
          { maxLength: 5 },
        ),
        (entries) => {
          const instances: TfInstance[] = entries.map((entry, index) => ({
            format: 'terraform-plan',
            inputKey: 'plan.json',
            address: `${entry.type}.r${index}`,
            type: entry.type,
            values: entry.values,
            file: 'plan.json',
            module: '',
            inlineSuppressions: [],
          }));
          const errors: InputError[] = [];
          const resources = buildTerraformResources(instances, errors);
          expect(errors).toEqual([]);
          expect(resources.every((resource) => resource.kind.startsWith('Glue'))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
