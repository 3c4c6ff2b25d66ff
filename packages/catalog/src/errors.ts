/** One problem found in the catalog data, located as precisely as the input allows. */
export interface CatalogIssue {
  /** Path relative to the data directory, e.g. `controls.yaml`, `frameworks/hipaa.yaml`. */
  readonly file: string;
  /** 1-based line, when the problem can be tied to a place in the file. */
  readonly line?: number;
  /** The entry concerned, e.g. `control "backup"`, `requirement "164.312(b)"`. */
  readonly entry?: string;
  /** The field inside the entry, e.g. `citations.hipaa[2]`. */
  readonly field?: string;
  /** What is wrong and, where it helps, what to do. */
  readonly message: string;
}

export function formatCatalogIssue(issue: CatalogIssue): string {
  const where = issue.line === undefined ? issue.file : `${issue.file}:${issue.line}`;
  return `${where}: ${issue.message}`;
}

/**
 * Thrown by `loadCatalog` when the data files are missing, unparsable or inconsistent. The message
 * lists every problem found, one per line, each starting with `file:line:`.
 */
export class CatalogError extends Error {
  override readonly name = 'CatalogError';
  readonly issues: readonly CatalogIssue[];

  constructor(issues: readonly CatalogIssue[]) {
    const lines = issues.map(formatCatalogIssue);
    super(
      lines.length === 1
        ? (lines[0] ?? '')
        : `${lines.length} problems in the control catalog data:\n${lines.map((line) => `  ${line}`).join('\n')}`,
    );
    this.issues = issues;
  }
}
