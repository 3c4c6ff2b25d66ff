import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listNagAcknowledgements } from '@safeguard/cdk';
import { HIPAASecurityChecks } from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkTemplate } from '../../../packages/cdk/src/testing/template-checks.js';
import { buildReferenceApp } from './app.js';

describe('reference app (clinic API, prod profile)', () => {
  const outdir = mkdtempSync(join(tmpdir(), 'reference-app-'));
  let built: ReturnType<typeof buildReferenceApp>;

  beforeAll(() => {
    // nag: true registers cdk-nag as a synth-time validation: synth itself throws on an unacknowledged finding.
    built = buildReferenceApp({ outdir, nag: true });
    built.app.synth();
  });
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('synthesizes both stacks offline', () => {
    const templates = readdirSync(outdir).filter((file) => file.endsWith('.template.json'));
    expect(templates).toHaveLength(2);
  });

  it('has zero unacknowledged cdk-nag HIPAA findings, each acknowledgement with a reason', () => {
    const report = new HIPAASecurityChecks().validateScope(built.app);
    expect(report.violations.map((v) => `${v.ruleName}: ${v.violatingResources.length}`)).toEqual([]);

    // The same pack with acknowledgements ignored: what the acknowledgements cover.
    const unacknowledged = new HIPAASecurityChecks();
    (unacknowledged as unknown as { isAcknowledged: () => boolean }).isAcknowledged = () => false;
    const before = unacknowledged
      .validateScope(built.app)
      .violations.reduce((sum, v) => sum + v.violatingResources.length, 0);

    const acknowledgements = listNagAcknowledgements(built.app);
    for (const a of acknowledgements) expect(a.reason.length).toBeGreaterThan(60);
    console.log(
      `cdk-nag HIPAA (reference app): ${before} findings without acknowledgements, 0 with; ` +
        `${acknowledgements.length} acknowledgements (${new Set(acknowledgements.map((a) => a.id)).size} rule ids)`,
    );
  });

  it('passes the additional checks the Safeguard engine applies', () => {
    for (const file of readdirSync(outdir).filter((f) => f.endsWith('.template.json'))) {
      const template = JSON.parse(readFileSync(join(outdir, file), 'utf8'));
      expect({ file, problems: checkTemplate(template) }).toEqual({ file, problems: [] });
    }
  });

  it('records no HIPAA override in the prod profile', () => {
    for (const stack of [built.environment.stack, built.environment.recoveryStack]) {
      const template = JSON.parse(readFileSync(join(outdir, stack.templateFile), 'utf8'));
      expect(template.Metadata?.SafeguardHipaaOverrides).toBeUndefined();
    }
  });
});
