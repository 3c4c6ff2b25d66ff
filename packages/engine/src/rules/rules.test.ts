import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCloudFormationTemplate } from '../adapters/cloudformation/index.js';
import { computeBoundary } from '../evaluate/boundary.js';
import { evaluateRules } from '../evaluate/evaluate.js';
import { loadInputs } from '../inputs.js';
import { createModel } from '../model/build.js';
import { allRules } from './index.js';
import type { AnyRule } from './rule.js';

/**
 * One table-driven test for every rule (STYLE: tests are data). In a fail fixture each resource whose native
 * id starts with `Bad` (Terraform: `bad`) must get a finding from the rule and no other resource may; a pass
 * fixture must yield no finding from the rule at all.
 */
const rulesDir = dirname(fileURLToPath(import.meta.url));

function fixtureDir(rule: AnyRule): string | undefined {
  for (const service of readdirSync(rulesDir, { withFileTypes: true })) {
    if (!service.isDirectory()) continue;
    const candidate = join(rulesDir, service.name, 'fixtures', rule.id);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** A fixture's model: CloudFormation (`*.cfn.yaml|json`) or Terraform plan JSON (`*.tfplan.json`). */
async function runFixture(rule: AnyRule, file: string) {
  const model = file.endsWith('.tf')
    ? await loadTerraformFixture(file)
    : file.endsWith('.tfplan.json')
      ? await loadInputs([file], { cwd: dirname(file) })
      : (() => {
          const output = loadCloudFormationTemplate(file, readFileSync(file, 'utf8'), { cwd: dirname(file) });
          return createModel(output.resources, output.errors, output.inputs);
        })();
  const findings = evaluateRules(model, [rule], computeBoundary(model));
  return { model, findings };
}

/** An HCL fixture is a one-file root module: copied alone into a folder of its own and loaded as Terraform. */
async function loadTerraformFixture(file: string) {
  const folder = mkdtempSync(join(tmpdir(), 'safeguard-fixture-'));
  try {
    copyFileSync(file, join(folder, 'main.tf'));
    return await loadInputs([folder], { cwd: folder });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** `Bad*` logical ids (CloudFormation) and `bad*` resource names (Terraform: `module.m.aws_s3_bucket.bad["a"]`). */
function isBad(nativeId: string): boolean {
  if (nativeId.startsWith('Bad')) return true;
  const name =
    nativeId
      .replace(/\[[^\]]*\]/g, '')
      .split('.')
      .pop() ?? '';
  return nativeId.includes('.') && name.startsWith('bad');
}

describe.each(allRules.map((rule) => [rule.id, rule] as const))('%s', (_id, rule) => {
  const dir = fixtureDir(rule);

  it('has pass and fail fixtures', () => {
    expect(dir, `no fixtures/${rule.id}/ beside the rule`).toBeDefined();
    const files = readdirSync(dir as string);
    expect(files.some((file) => file.startsWith('pass.'))).toBe(true);
    expect(files.some((file) => file.startsWith('fail.'))).toBe(true);
  });

  it('is fully described', () => {
    expect(rule.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)+$/);
    expect(rule.title.length).toBeGreaterThan(10);
    expect(rule.rationale.length).toBeGreaterThan(20);
    expect(rule.remediation.cloudformation.length).toBeGreaterThan(10);
    expect(rule.remediation.terraform.length).toBeGreaterThan(10);
    expect(rule.remediation.console.length).toBeGreaterThan(10);
    expect(rule.controls.length).toBeGreaterThan(0);
    expect(rule.kinds.length).toBeGreaterThan(0);
  });

  const files = dir
    ? readdirSync(dir).filter((file) => /\.(cfn\.(ya?ml|json)|tfplan\.json|tf)$/.test(file))
    : [];
  for (const file of files) {
    const path = join(dir as string, file);
    if (file.startsWith('fail.')) {
      it(`finds exactly the Bad* resources of ${file}`, async () => {
        const { model, findings } = await runFixture(rule, path);
        expect(model.errors).toEqual([]);
        const expected = model.resources
          .filter((resource) => isBad(resource.source.nativeId))
          .map((resource) => resource.source.nativeId)
          .sort();
        expect(expected.length, 'a fail fixture needs at least one Bad* resource').toBeGreaterThan(0);
        const flagged = [...new Set(findings.map((finding) => finding.resource.id))].sort();
        expect(flagged).toEqual(expected);
      });
    } else if (file.startsWith('pass.')) {
      it(`passes ${file}`, async () => {
        const { model, findings } = await runFixture(rule, path);
        expect(model.errors).toEqual([]);
        expect(findings.map((finding) => `${finding.resource.id}: ${finding.message}`)).toEqual([]);
      });
    }
  }
});
