// Writes docs/rules.md from the rule registry: every rule with severity, kinds, controls and the cdk-nag /
// AWS Config checks it covers, then the cdk-nag HIPAA Security rules that no rule covers (should be none).
// Run after `npm run build`: node packages/cli/scripts/rules-doc.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { allRules } from '@safeguard/engine';

const root = new URL('../../../', import.meta.url);
const rules = [...allRules].sort((a, b) => a.id.localeCompare(b.id));
const nagPack = readFileSync(new URL('node_modules/cdk-nag/lib/packs/hipaa-security.js', root), 'utf8');
const nagRules = [
  ...new Set([...nagPack.matchAll(/rule: [a-z0-9_]+\.([A-Z][A-Za-z0-9]+)/g)].map((m) => m[1])),
].sort();
const covered = new Set(
  rules.flatMap((rule) => (rule.equivalents?.cdkNag ?? []).map((id) => id.replace('HIPAA.Security-', ''))),
);
let md = `# Rules\n\n${rules.length} rules, generated from the registry by \`node packages/cli/scripts/rules-doc.mjs\`; \`safeguard explain <rule>\` shows rationale, citations and remediation.\n\n`;
md += `cdk-nag HIPAA Security pack: ${nagRules.filter((r) => covered.has(r)).length} of ${nagRules.length} rules covered.`;
const missing = nagRules.filter((r) => !covered.has(r));
md += missing.length ? ` Not covered: ${missing.join(', ')}.\n\n` : ' None is missing.\n\n';
md +=
  '| Rule | Severity | Judges | Controls | cdk-nag | AWS Config |\n| --- | --- | --- | --- | --- | --- |\n';
for (const rule of rules) {
  md += `| \`${rule.id}\` ${rule.title} | ${rule.severity} | ${rule.kinds.join(', ')} | ${rule.controls.join(', ')} | ${(rule.equivalents?.cdkNag ?? []).map((id) => id.replace('HIPAA.Security-', '')).join(', ')} | ${(rule.equivalents?.awsConfig ?? []).join(', ')} |\n`;
}
writeFileSync(new URL('docs/rules.md', root), md);
console.log(
  `wrote docs/rules.md (${rules.length} rules; cdk-nag ${nagRules.length - missing.length}/${nagRules.length})`,
);
