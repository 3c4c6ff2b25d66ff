import {
  type Catalog,
  FRAMEWORK_IDS,
  type Framework,
  type FrameworkId,
  type OverlapReport,
} from './model.js';

/**
 * Plain-text views of the catalog for the CLI (`safeguard catalog`, `safeguard catalog crosswalk`).
 * No colour and no terminal assumptions: the output is also pasted into tickets and audit notes.
 */

/** Frameworks with their requirement counts, then every control with its citations. */
export function formatCatalogList(catalog: Catalog): string {
  const lines: string[] = ['Frameworks'];
  for (const framework of catalog.frameworks.values()) {
    lines.push(`  ${pad(framework.id, 8)} ${framework.name} (${framework.version})`);
    lines.push(`  ${pad('', 8)} ${describeCounts(framework)}`);
    lines.push(`  ${pad('', 8)} source: ${framework.source.publisher}, ${framework.source.url}`);
  }
  lines.push('', `Controls (${catalog.controls.size})`);
  for (const control of catalog.controls.values()) {
    lines.push(`  ${control.id} — ${control.title}`);
    for (const framework of FRAMEWORK_IDS) {
      const citations = control.citations[framework];
      lines.push(`    ${pad(framework, 8)} ${citations.length > 0 ? citations.join(', ') : '—'}`);
    }
  }
  const overlap = catalog.overlap(['hipaa', 'soc2', 'gdpr']);
  lines.push('', formatOverlap(overlap));
  return `${lines.join('\n')}\n`;
}

function describeCounts(framework: Framework): string {
  const total = framework.requirements.length;
  if (framework.id !== 'hipaa') return `${total} requirements`;
  const standards = framework.requirements.filter((r) => r.type === 'standard').length;
  const specifications = framework.requirements.filter((r) => r.type === 'specification');
  const required = specifications.filter((r) => r.requirement === 'required').length;
  const addressable = specifications.length - required;
  return (
    `${total} requirements: ${standards} standards, ${specifications.length} implementation specifications ` +
    `(${required} required, ${addressable} addressable)`
  );
}

/**
 * A table with one line per requirement of `a` that a control touches: the requirements of `b` it
 * reaches and the controls that connect them. Requirements of `a` no control touches are listed
 * after the table, so gaps are visible rather than hidden.
 */
export function formatCrosswalk(catalog: Catalog, a: FrameworkId, b: FrameworkId): string {
  const rows = catalog.crosswalk(a, b);
  const nameA = catalog.frameworks.get(a)?.name ?? a;
  const nameB = catalog.frameworks.get(b)?.name ?? b;
  const touched = rows.filter((row) => row.controls.length > 0);
  const untouched = rows.filter((row) => row.controls.length === 0);

  // Long id and control lists wrap inside their column so the table stays within 120 columns.
  const table = touched.map((row) => [
    [row.from.id],
    [truncate(row.from.title, 30)],
    row.to.length > 0
      ? wrapList(
          row.to.map((target) => target.requirement.id),
          24,
        )
      : ['—'],
    wrapList(row.controls, 40),
  ]);
  const header = [a, 'title', b, 'via controls'];
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...table.flatMap((cells) => (cells[column] ?? []).map((line) => line.length))),
  );
  const render = (cells: readonly string[]) =>
    cells
      .map((cell, column) => pad(cell, widths[column] ?? 0))
      .join('  ')
      .trimEnd();

  const lines = [
    `Crosswalk ${nameA} (${a}) → ${nameB} (${b})`,
    '',
    render(header),
    render(widths.map((w) => '-'.repeat(w))),
  ];
  for (const cells of table) {
    const height = Math.max(...cells.map((cell) => cell.length));
    for (let line = 0; line < height; line++) lines.push(render(cells.map((cell) => cell[line] ?? '')));
  }
  lines.push('');
  if (untouched.length > 0) {
    lines.push(`${a} requirements no Safeguard control touches (${untouched.length}):`);
    lines.push(...wrap(untouched.map((row) => row.from.id).join(', '), 100).map((line) => `  ${line}`));
    lines.push('');
  }
  lines.push(formatOverlap(catalog.overlap(a === b ? [a] : [a, b])));
  return `${lines.join('\n')}\n`;
}

/**
 * The overlap figure and per-framework coverage, two lines (definition: docs/catalog.md, "Overlap").
 */
export function formatOverlap(overlap: OverlapReport): string {
  const coverage = overlap.perFramework
    .map((entry) => `${entry.framework} ${entry.touched}/${entry.total} (${entry.coveragePercentage}%)`)
    .join(', ');
  return (
    `Overlap ${overlap.frameworks.join(' + ')}: ${overlap.percentage}% ` +
    `(${overlap.sharedRequirements} of ${overlap.touchedRequirements} touched requirements are served by a control ` +
    `shared with another of these frameworks; ${overlap.percentageOfAll}% of all ${overlap.totalRequirements})\n` +
    `Coverage by Safeguard controls: ${coverage}`
  );
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

function truncate(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

/** Joins items with ", " into lines of at most `width` characters (an item longer than that stands alone). */
function wrapList(items: readonly string[], width: number): string[] {
  const lines: string[] = [];
  let current = '';
  items.forEach((item, index) => {
    const piece = index < items.length - 1 ? `${item},` : item;
    if (current !== '' && current.length + 1 + piece.length > width) {
      lines.push(current);
      current = piece;
    } else current = current === '' ? piece : `${current} ${piece}`;
  });
  if (current !== '') lines.push(current);
  return lines;
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    if (current !== '' && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else current = current === '' ? word : `${current} ${word}`;
  }
  if (current !== '') lines.push(current);
  return lines;
}
