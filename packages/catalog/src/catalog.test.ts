import { describe, expect, it } from 'vitest';
import { FRAMEWORK_IDS, type FrameworkId, loadCatalog } from './index.js';

const catalog = loadCatalog();

/** Appendix A to 45 CFR Part 164 Subpart C, plus 164.314 and 164.316: id → marking. */
const HIPAA_SPOT_CHECKS: ReadonlyArray<[id: string, title: string, marking: 'required' | 'addressable']> = [
  ['164.308(a)(1)(ii)(A)', 'Risk analysis', 'required'],
  ['164.308(a)(1)(ii)(B)', 'Risk management', 'required'],
  ['164.308(a)(1)(ii)(C)', 'Sanction policy', 'required'],
  ['164.308(a)(1)(ii)(D)', 'Information system activity review', 'required'],
  ['164.308(a)(2)', 'Assigned security responsibility', 'required'],
  ['164.308(a)(3)(ii)(A)', 'Authorization and/or supervision', 'addressable'],
  ['164.308(a)(3)(ii)(B)', 'Workforce clearance procedure', 'addressable'],
  ['164.308(a)(3)(ii)(C)', 'Termination procedures', 'addressable'],
  ['164.308(a)(4)(ii)(A)', 'Isolating health care clearinghouse functions', 'required'],
  ['164.308(a)(4)(ii)(B)', 'Access authorization', 'addressable'],
  ['164.308(a)(4)(ii)(C)', 'Access establishment and modification', 'addressable'],
  ['164.308(a)(5)(ii)(A)', 'Security reminders', 'addressable'],
  ['164.308(a)(5)(ii)(B)', 'Protection from malicious software', 'addressable'],
  ['164.308(a)(5)(ii)(C)', 'Log-in monitoring', 'addressable'],
  ['164.308(a)(5)(ii)(D)', 'Password management', 'addressable'],
  ['164.308(a)(6)(ii)', 'Response and reporting', 'required'],
  ['164.308(a)(7)(ii)(A)', 'Data backup plan', 'required'],
  ['164.308(a)(7)(ii)(B)', 'Disaster recovery plan', 'required'],
  ['164.308(a)(7)(ii)(C)', 'Emergency mode operation plan', 'required'],
  ['164.308(a)(7)(ii)(D)', 'Testing and revision procedures', 'addressable'],
  ['164.308(a)(7)(ii)(E)', 'Applications and data criticality analysis', 'addressable'],
  ['164.308(a)(8)', 'Evaluation', 'required'],
  ['164.308(b)(3)', 'Written contract or other arrangement', 'required'],
  ['164.310(a)(2)(i)', 'Contingency operations', 'addressable'],
  ['164.310(a)(2)(ii)', 'Facility security plan', 'addressable'],
  ['164.310(a)(2)(iii)', 'Access control and validation procedures', 'addressable'],
  ['164.310(a)(2)(iv)', 'Maintenance records', 'addressable'],
  ['164.310(b)', 'Workstation use', 'required'],
  ['164.310(c)', 'Workstation security', 'required'],
  ['164.310(d)(2)(i)', 'Disposal', 'required'],
  ['164.310(d)(2)(ii)', 'Media re-use', 'required'],
  ['164.310(d)(2)(iii)', 'Accountability', 'addressable'],
  ['164.310(d)(2)(iv)', 'Data backup and storage', 'addressable'],
  ['164.312(a)(2)(i)', 'Unique user identification', 'required'],
  ['164.312(a)(2)(ii)', 'Emergency access procedure', 'required'],
  ['164.312(a)(2)(iii)', 'Automatic logoff', 'addressable'],
  ['164.312(a)(2)(iv)', 'Encryption and decryption', 'addressable'],
  ['164.312(b)', 'Audit controls', 'required'],
  ['164.312(c)(2)', 'Mechanism to authenticate electronic protected health information', 'addressable'],
  ['164.312(d)', 'Person or entity authentication', 'required'],
  ['164.312(e)(2)(i)', 'Integrity controls', 'addressable'],
  ['164.312(e)(2)(ii)', 'Encryption', 'addressable'],
  ['164.314(a)(2)(i)', 'Business associate contracts', 'required'],
  ['164.314(a)(2)(ii)', 'Other arrangements', 'required'],
  ['164.314(a)(2)(iii)', 'Business associate contracts with subcontractors', 'required'],
  ['164.316(a)', 'Policies and procedures', 'required'],
  ['164.316(b)(2)(i)', 'Time limit', 'required'],
  ['164.316(b)(2)(ii)', 'Availability', 'required'],
  ['164.316(b)(2)(iii)', 'Updates', 'required'],
];

/** The 18 standards of Appendix A, with the section they belong to. */
const APPENDIX_A_STANDARDS = [
  '164.308(a)(1)(i)',
  '164.308(a)(2)',
  '164.308(a)(3)(i)',
  '164.308(a)(4)(i)',
  '164.308(a)(5)(i)',
  '164.308(a)(6)(i)',
  '164.308(a)(7)(i)',
  '164.308(a)(8)',
  '164.308(b)(1)',
  '164.310(a)(1)',
  '164.310(b)',
  '164.310(c)',
  '164.310(d)(1)',
  '164.312(a)(1)',
  '164.312(b)',
  '164.312(c)(1)',
  '164.312(d)',
  '164.312(e)(1)',
];

const hipaa = () => catalog.frameworks.get('hipaa')!;
const inAppendixA = (id: string) => /^164\.31[02]|^164\.308/.test(id);

describe('shipped catalog data', () => {
  it('loads every framework with its source named', () => {
    expect([...catalog.frameworks.keys()]).toEqual([...FRAMEWORK_IDS]);
    for (const framework of catalog.frameworks.values()) {
      expect(framework.source.title).not.toBe('');
      expect(framework.source.url).toMatch(/^https:\/\//);
      expect(framework.source.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('is memoised for the default directory', () => {
    expect(loadCatalog()).toBe(catalog);
  });
});

describe('HIPAA Security Rule (R-CAT-1)', () => {
  it('has the 18 standards and 36 implementation specifications of Appendix A', () => {
    const appendix = hipaa().requirements.filter((r) => inAppendixA(r.id));
    expect(appendix.filter((r) => r.type === 'standard').map((r) => r.id)).toEqual(APPENDIX_A_STANDARDS);
    const specifications = appendix.filter((r) => r.type === 'specification');
    expect(specifications).toHaveLength(36);
    // Appendix A: 14 required and 22 addressable implementation specifications.
    expect(specifications.filter((r) => r.requirement === 'required')).toHaveLength(14);
    expect(specifications.filter((r) => r.requirement === 'addressable')).toHaveLength(22);
  });

  it('has the standards and specifications of 164.314 and 164.316', () => {
    const rest = hipaa().requirements.filter((r) => !inAppendixA(r.id));
    expect(rest.map((r) => `${r.type}:${r.id}`)).toEqual([
      'standard:164.314(a)(1)',
      'specification:164.314(a)(2)(i)',
      'specification:164.314(a)(2)(ii)',
      'specification:164.314(a)(2)(iii)',
      'standard:164.314(b)(1)',
      'specification:164.314(b)(2)',
      'standard:164.316(a)',
      'standard:164.316(b)(1)',
      'specification:164.316(b)(2)(i)',
      'specification:164.316(b)(2)(ii)',
      'specification:164.316(b)(2)(iii)',
    ]);
    expect(hipaa().requirements).toHaveLength(65);
  });

  it.each(HIPAA_SPOT_CHECKS)('%s %s is %s', (id, title, marking) => {
    const requirement = catalog.requirement('hipaa', id);
    expect(requirement, id).toBeDefined();
    expect(requirement?.title.startsWith(title)).toBe(true);
    expect(requirement?.requirement).toBe(marking);
  });

  it('ties every specification to its standard and section', () => {
    expect(catalog.requirement('hipaa', '164.312(a)(2)(iv)')).toMatchObject({
      parent: '164.312(a)(1)',
      type: 'specification',
      section: 'Technical',
    });
    expect(catalog.requirement('hipaa', '164.308(b)(3)')?.parent).toBe('164.308(b)(1)');
    expect(catalog.requirement('hipaa', '164.316(b)(2)(i)')).toMatchObject({
      parent: '164.316(b)(1)',
      section: 'Policies and documentation',
    });
    expect(catalog.requirement('hipaa', '164.314(a)(2)(i)')?.section).toBe('Organizational');
    expect(catalog.requirement('hipaa', '164.310(d)(2)(i)')?.section).toBe('Physical');
    for (const requirement of hipaa().requirements) {
      if (requirement.type === 'specification') expect(requirement.requirement, requirement.id).toBeDefined();
    }
  });

  it('marks standards without specifications Required and leaves the others unmarked', () => {
    expect(catalog.requirement('hipaa', '164.312(b)')?.requirement).toBe('required');
    expect(catalog.requirement('hipaa', '164.312(a)(1)')?.requirement).toBeUndefined();
  });
});

describe('SOC 2, GDPR and HITRUST (R-CAT-2)', () => {
  it('has every 2017 Trust Services Criterion', () => {
    const ids = catalog.frameworks.get('soc2')!.requirements.map((r) => r.id);
    const expected = [
      ...range('CC1', 5),
      ...range('CC2', 3),
      ...range('CC3', 4),
      ...range('CC4', 2),
      ...range('CC5', 3),
      ...range('CC6', 8),
      ...range('CC7', 5),
      ...range('CC8', 1),
      ...range('CC9', 2),
      ...range('A1', 3),
      ...range('C1', 2),
      ...range('PI1', 5),
      ...range('P1', 1),
      ...range('P2', 1),
      ...range('P3', 2),
      ...range('P4', 3),
      ...range('P5', 2),
      ...range('P6', 7),
      ...range('P7', 1),
      ...range('P8', 1),
    ];
    expect(ids).toEqual(expected);
    expect(ids).toHaveLength(61);
  });

  it('has the GDPR provisions in scope', () => {
    const ids = catalog.frameworks.get('gdpr')!.requirements.map((r) => r.id);
    for (const id of [
      '5(1)(f)',
      '25(1)',
      '25(2)',
      '30(1)',
      '30(2)',
      '32(1)(a)',
      '32(1)(b)',
      '32(1)(c)',
      '32(1)(d)',
      '32(2)',
      '32(4)',
      '33(1)',
      '33(3)',
      '33(5)',
      '34(1)',
    ]) {
      expect(ids).toContain(id);
    }
  });

  it('names the HITRUST file a subset and has the control references the controls use', () => {
    const hitrust = catalog.frameworks.get('hitrust')!;
    expect(hitrust.source.title).toMatch(/subset/i);
    expect(catalog.requirement('hitrust', '09.aa')?.title).toBe('Audit Logging');
    expect(catalog.requirement('hitrust', '10.g')?.title).toBe('Key Management');
  });
});

describe('controls', () => {
  it('has every control id the rules use', () => {
    for (const id of [
      'encryption-at-rest',
      'encryption-in-transit',
      'key-management',
      'audit-logging',
      'log-retention',
      'log-integrity',
      'log-protection',
      'security-monitoring',
      'threat-detection',
      'security-assessment',
      'incident-response',
      'network-segmentation',
      'public-exposure',
      'boundary-protection',
      'web-application-protection',
      'least-privilege',
      'unique-user-identification',
      'strong-authentication',
      'secrets-management',
      'backup',
      'disaster-recovery',
      'high-availability',
      'data-integrity',
      'vulnerability-management',
      'configuration-management',
      'capacity-management',
      'baa-covered-services',
      'asset-inventory',
      'data-lifecycle',
      'privacy-by-design',
      'access-control',
    ]) {
      expect(catalog.hasControl(id), id).toBe(true);
    }
  });

  it('cites HIPAA in every control, names its basis, and cites only requirements that exist', () => {
    for (const control of catalog.controls.values()) {
      expect(control.citations.hipaa.length, control.id).toBeGreaterThan(0);
      expect(control.basis, control.id).not.toBe('');
      for (const framework of FRAMEWORK_IDS) {
        for (const citation of control.citations[framework]) {
          expect(
            catalog.requirement(framework, citation),
            `${control.id} → ${framework} ${citation}`,
          ).toBeDefined();
        }
      }
    }
  });

  it('throws a clear error for an unknown control', () => {
    expect(() => catalog.control('encryption-at-rst')).toThrow(/unknown catalog control "encryption-at-rst"/);
    expect(catalog.control('backup').title).toBe('Back up ePHI');
  });

  it('finds the controls serving a requirement', () => {
    const ids = catalog.controlsFor('hipaa', '164.312(a)(2)(iv)').map((control) => control.id);
    expect(ids).toEqual(['encryption-at-rest', 'key-management']);
    expect(catalog.controlsFor('hipaa', '164.310(c)')).toEqual([]);
  });
});

describe('crosswalk', () => {
  it('links encryption at rest across HIPAA, SOC 2 and GDPR (R-CAT-2)', () => {
    const toSoc2 = catalog.crosswalk('hipaa', 'soc2').find((row) => row.from.id === '164.312(a)(2)(iv)')!;
    expect(toSoc2.controls).toContain('encryption-at-rest');
    expect(toSoc2.to.map((target) => target.requirement.id)).toContain('CC6.1');
    expect(toSoc2.to.find((target) => target.requirement.id === 'CC6.1')?.controls).toContain(
      'encryption-at-rest',
    );

    const toGdpr = catalog.crosswalk('soc2', 'gdpr').find((row) => row.from.id === 'CC6.1')!;
    const viaEncryption = toGdpr.to.find((target) => target.requirement.id === '32(1)(a)');
    expect(viaEncryption?.controls).toContain('encryption-at-rest');
  });

  it('has a row for every requirement of the first framework, touched or not', () => {
    for (const [a, b] of pairs()) {
      const rows = catalog.crosswalk(a, b);
      expect(rows.map((row) => row.from.id)).toEqual(
        catalog.frameworks.get(a)!.requirements.map((r) => r.id),
      );
    }
  });

  it('is symmetric: a→b links exactly what b→a links', () => {
    for (const [a, b] of pairs()) {
      const forward = catalog
        .crosswalk(a, b)
        .flatMap((row) =>
          row.to.flatMap((t) => t.controls.map((c) => `${row.from.id}|${t.requirement.id}|${c}`)),
        );
      const backward = catalog
        .crosswalk(b, a)
        .flatMap((row) =>
          row.to.flatMap((t) => t.controls.map((c) => `${t.requirement.id}|${row.from.id}|${c}`)),
        );
      expect(new Set(forward)).toEqual(new Set(backward));
    }
  });

  it('rejects an unknown framework', () => {
    expect(() => catalog.crosswalk('hipaa', 'iso' as FrameworkId)).toThrow(/unknown framework "iso"/);
  });
});

describe('overlap (R-CAT-3)', () => {
  it('reports counts consistent with the crosswalk and per-framework coverage', () => {
    const report = catalog.overlap(['hipaa', 'soc2', 'gdpr']);
    expect(report.perFramework.map((entry) => entry.framework)).toEqual(['hipaa', 'soc2', 'gdpr']);
    expect(report.totalRequirements).toBe(65 + 61 + 16);
    for (const entry of report.perFramework) {
      const touched = catalog.frameworks
        .get(entry.framework)!
        .requirements.filter((r) => catalog.controlsFor(entry.framework, r.id).length > 0).length;
      expect(entry.touched).toBe(touched);
      expect(entry.shared).toBeLessThanOrEqual(entry.touched);
    }
    expect(report.touchedRequirements).toBe(
      report.perFramework.reduce((sum, entry) => sum + entry.touched, 0),
    );
    expect(report.percentage).toBeCloseTo((report.sharedRequirements / report.touchedRequirements) * 100, 1);
    expect(report.percentageOfAll).toBeCloseTo(
      (report.sharedRequirements / report.totalRequirements) * 100,
      1,
    );
  });

  it('counts nothing as shared when only one framework is listed', () => {
    const report = catalog.overlap(['hipaa']);
    expect(report.sharedRequirements).toBe(0);
    expect(report.touchedRequirements).toBeGreaterThan(30);
  });
});

function range(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, index) => `${prefix}.${index + 1}`);
}

function pairs(): Array<[FrameworkId, FrameworkId]> {
  return FRAMEWORK_IDS.flatMap((a) =>
    FRAMEWORK_IDS.filter((b) => b !== a).map((b): [FrameworkId, FrameworkId] => [a, b]),
  );
}
