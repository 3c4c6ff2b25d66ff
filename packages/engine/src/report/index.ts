// Reporters (R-ENG-5): pure functions from a scan result (and the catalog) to text.
import type { ScanResult } from '../evaluate/result.js';
import { renderHtml } from './html.js';
import { renderJson, renderJsonChunks } from './json.js';
import { renderJunit } from './junit.js';
import { type MarkdownOptions, renderMarkdown } from './markdown.js';
import { renderSarif, type SarifOptions } from './sarif.js';
import type { CatalogView } from './summary.js';
import { renderTerminal, type TerminalOptions } from './terminal.js';

export type ReportFormat = 'terminal' | 'json' | 'sarif' | 'junit' | 'markdown' | 'html';
export const REPORT_FORMATS: readonly ReportFormat[] = [
  'terminal',
  'json',
  'sarif',
  'junit',
  'markdown',
  'html',
];

/** The file extension each format is written with by default. */
export const REPORT_EXTENSIONS: Readonly<Record<ReportFormat, string>> = {
  terminal: '.txt',
  json: '.json',
  sarif: '.sarif',
  junit: '.xml',
  markdown: '.md',
  html: '.html',
};

export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}

export type RenderOptions = TerminalOptions & MarkdownOptions & SarifOptions;

/** Renders one format. Only the terminal report is ever coloured, and only when `options.color` is true. */
export function render(
  format: ReportFormat,
  result: ScanResult,
  catalog: CatalogView,
  options: RenderOptions = {},
): string {
  switch (format) {
    case 'terminal':
      return renderTerminal(result, catalog, options);
    case 'json':
      return renderJson(result, catalog);
    case 'sarif':
      return renderSarif(result, catalog, options);
    case 'junit':
      return renderJunit(result, catalog);
    case 'markdown':
      return renderMarkdown(result, catalog, options);
    case 'html':
      return renderHtml(result, catalog);
  }
}

/** The same text as `render`, in pieces: a large JSON report is written without holding all of it at once. */
export function renderChunks(
  format: ReportFormat,
  result: ScanResult,
  catalog: CatalogView,
  options: RenderOptions = {},
): Iterable<string | Uint8Array> {
  return format === 'json' ? renderJsonChunks(result, catalog) : [render(format, result, catalog, options)];
}

export { htmlEscape, renderHtml } from './html.js';
export { type JsonFinding, type JsonReport, jsonReportOf, renderJson, renderJsonChunks } from './json.js';
export { renderJunit, xmlEscape } from './junit.js';
export { type MarkdownOptions, markdownText, renderMarkdown } from './markdown.js';
export { renderSarif, type SarifOptions, sarifLogOf } from './sarif.js';
export {
  type CatalogView,
  type ControlView,
  controlsOf,
  type FrameworkSummary,
  type Gate,
  type ReportSummary,
  type SeverityCounts,
  summarize,
} from './summary.js';
export { printable, renderTerminal, type TerminalOptions } from './terminal.js';
