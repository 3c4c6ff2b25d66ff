// Regenerates the "Mapping to Safeguard controls" table of docs/cdk.md from CONTROL_MAP and the catalog, so
// the HIPAA implementation specifications each construct serves come from the catalog, never typed by hand.
// Run after `npm run build`: node packages/cdk/scripts/control-doc.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { loadCatalog } from '@safeguard/catalog';
import { CONTROL_MAP } from '../dist/control-map.js';

const catalog = loadCatalog();
const hipaa = catalog.frameworks.get('hipaa');
const rank = new Map(hipaa.requirements.map((requirement, index) => [requirement.id, index]));
const title = new Map(hipaa.requirements.map((requirement) => [requirement.id, requirement.title]));
let table =
  '| Construct | Safeguard controls | HIPAA implementation specifications (from the catalog) | SOC 2 |\n| --- | --- | --- | --- |\n';
for (const [construct, controls] of Object.entries(CONTROL_MAP)) {
  const cited = (framework) => [
    ...new Set(controls.flatMap((id) => catalog.control(id).citations[framework])),
  ];
  const specs = cited('hipaa').sort((a, b) => (rank.get(a) ?? 999) - (rank.get(b) ?? 999));
  table += `| \`${construct}\` | ${controls.map((id) => `\`${id}\``).join(', ')} | ${specs.map((id) => `${id} ${title.get(id) ?? ''}`.trim()).join('; ')} | ${cited('soc2').join(', ')} |\n`;
}
const file = new URL('../../../docs/cdk.md', import.meta.url);
const text = readFileSync(file, 'utf8');
const start = '<!-- control-map:start -->';
const end = '<!-- control-map:end -->';
if (!text.includes(start) || !text.includes(end))
  throw new Error(`docs/cdk.md has no ${start} … ${end} markers`);
writeFileSync(
  file,
  `${text.slice(0, text.indexOf(start) + start.length)}\n${table}${text.slice(text.indexOf(end))}`,
);
console.log(`docs/cdk.md: ${Object.keys(CONTROL_MAP).length} constructs mapped`);
