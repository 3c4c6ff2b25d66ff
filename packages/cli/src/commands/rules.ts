import { loadCatalog } from '@safeguard/catalog';
import { type AnyRule, allRules, SEVERITIES } from '@safeguard/engine';
import { parseCommandArgs } from '../args.js';
import { type CliIo, UsageError } from '../io.js';

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

/** `safeguard rules [--stats] [--json]`: every rule with severity and kinds; stats count what is covered. */
export function rulesCommand(args: readonly string[], io: CliIo): number {
  const { values } = parseCommandArgs('rules', args, {
    stats: { type: 'boolean' },
    json: { type: 'boolean' },
  });
  const rules = [...allRules].sort((a, b) => a.id.localeCompare(b.id));
  if (values.json) {
    io.stdout.write(
      `${JSON.stringify(
        rules.map((rule) => ({
          id: rule.id,
          title: rule.title,
          severity: rule.severity,
          kinds: rule.kinds,
          controls: rule.controls,
          equivalents: rule.equivalents ?? {},
          notApplicable: rule.notApplicable ?? {},
        })),
        null,
        2,
      )}\n`,
    );
    return 0;
  }
  if (values.stats) {
    io.stdout.write(statsOf(rules));
    return 0;
  }
  const width = Math.max(...rules.map((rule) => rule.id.length)) + 2;
  for (const rule of rules) io.stdout.write(`${pad(rule.id, width)}${pad(rule.severity, 10)}${rule.title}\n`);
  io.stdout.write(
    `\n${rules.length} rules. \`safeguard explain <rule>\` explains one; \`safeguard rules --stats\` counts coverage.\n`,
  );
  return 0;
}

function statsOf(rules: readonly AnyRule[]): string {
  const lines: string[] = [`${rules.length} rules`];
  for (const severity of SEVERITIES)
    lines.push(`  ${pad(severity, 10)}${rules.filter((rule) => rule.severity === severity).length}`);
  // Equivalents may name other cdk-nag packs (AwsSolutions-GL1): only the HIPAA Security pack is counted.
  const nag = new Set(
    rules.flatMap((rule) => rule.equivalents?.cdkNag ?? []).filter((id) => id.startsWith('HIPAA.Security-')),
  );
  const config = new Set(rules.flatMap((rule) => rule.equivalents?.awsConfig ?? []));
  lines.push(`cdk-nag HIPAA Security rules covered: ${nag.size}`);
  lines.push(`AWS Config HIPAA conformance-pack rules covered: ${config.size}`);
  const notTerraform = rules.filter((rule) => rule.notApplicable?.terraform);
  lines.push(
    `rules that cannot judge Terraform: ${notTerraform.length}${notTerraform.length ? ` (${notTerraform.map((rule) => rule.id).join(', ')})` : ''}`,
  );
  const kinds = new Set(rules.flatMap((rule) => rule.kinds));
  lines.push(`canonical kinds judged: ${kinds.size}`);
  return `${lines.join('\n')}\n`;
}

/** `safeguard explain RULE`: everything a reviewer needs, with citations from the catalog. */
export function explainCommand(args: readonly string[], io: CliIo): number {
  const { positionals } = parseCommandArgs('explain', args, {});
  const id = positionals[0];
  if (!id) throw new UsageError('explain: name a rule id (see `safeguard rules`)');
  const rule = allRules.find((candidate) => candidate.id === id);
  if (!rule) {
    const near = allRules
      .filter((candidate) => candidate.id.includes(id) || id.includes(candidate.id.split('-')[0] ?? ''))
      .slice(0, 5);
    throw new UsageError(
      `explain: no rule "${id}"${near.length ? `; did you mean ${near.map((r) => r.id).join(', ')}?` : ''}`,
    );
  }
  const catalog = loadCatalog();
  const out: string[] = [
    `${rule.id} — ${rule.title}`,
    `severity: ${rule.severity}`,
    `applies to: ${rule.kinds.join(', ')}`,
    '',
    rule.rationale,
    '',
    'Controls:',
  ];
  for (const controlId of rule.controls) {
    const control = catalog.control(controlId);
    out.push(`  ${control.id} — ${control.title}`);
    for (const [framework, citations] of Object.entries(control.citations)) {
      if (citations.length > 0) out.push(`    ${pad(framework, 8)} ${citations.join(', ')}`);
    }
  }
  out.push(
    '',
    'Remediation:',
    `  CloudFormation: ${rule.remediation.cloudformation}`,
    `  Terraform:      ${rule.remediation.terraform}`,
    `  Console:        ${rule.remediation.console}`,
  );
  if (rule.equivalents?.cdkNag?.length) out.push('', `cdk-nag: ${rule.equivalents.cdkNag.join(', ')}`);
  if (rule.equivalents?.awsConfig?.length) out.push(`AWS Config: ${rule.equivalents.awsConfig.join(', ')}`);
  for (const [format, reason] of Object.entries(rule.notApplicable ?? {}))
    out.push(`not applicable to ${format}: ${reason}`);
  io.stdout.write(`${out.join('\n')}\n`);
  return 0;
}
