import type { InlineSuppression } from '../../../model/resource.js';
import { parseHclBody } from './syntax.js';

type Hcl2Json = typeof import('@cdktf/hcl2json');

let hcl2json: Promise<Hcl2Json> | undefined;

/** hcl2json instantiates its WASM module when imported: load it once, and only when HCL is scanned. */
function loadHcl2Json(): Promise<Hcl2Json> {
  hcl2json ??= import('@cdktf/hcl2json');
  return hcl2json;
}

export type ParseResult =
  | { readonly ok: true; readonly body: Record<string, unknown> }
  | { readonly ok: false; readonly line?: number; readonly message: string };

/**
 * Parses HCL text to hcl2json's JSON form. hcl2json rejects with
 * `parse config: [main.tf:2,7-3,1: Invalid expression; Expected …]`: the line and reason are kept.
 */
export async function parseHcl(name: string, text: string): Promise<ParseResult> {
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    let line = 1;
    for (let index = text.indexOf('\n'); index >= 0 && index < nul; index = text.indexOf('\n', index + 1))
      line++;
    return { ok: false, line, message: 'not a text file (binary content: a NUL byte)' };
  }
  try {
    return { ok: true, body: parseHclBody(text) };
  } catch {
    // Not handled by the fast parser (or invalid): hcl2json decides, and words the error.
  }
  try {
    const { parse } = await loadHcl2Json();
    const body = await parse(name, text);
    if (body === null || typeof body !== 'object' || Array.isArray(body)) return { ok: true, body: {} };
    return { ok: true, body: body as Record<string, unknown> };
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    if (error instanceof RangeError && /call stack/i.test(raw))
      return { ok: false, message: 'nested too deeply (the parser ran out of stack)' };
    // hcl2json lists every diagnostic, `[name:line,col-col: Summary; Detail name:line,col: …]`: the one
    // on the earliest line is reported, with a count of the others.
    const body = raw.replace(/^parse config: \[?/, '').replace(/\]$/, '');
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const diagnostics = body
      .split(new RegExp(`(?:^|,? )${escaped}:(?=\\d+,\\d+)`))
      .map((part) => /^(\d+),\d+(?:-\d+(?:,\d+)?)?: (.*)$/s.exec(part.trim()))
      .filter((match): match is RegExpExecArray => match !== null)
      .map((match) => ({ line: Number(match[1]), text: (match[2] ?? '').trim().replace(/; /, ': ') }))
      .sort((a, b) => a.line - b.line);
    const [first] = diagnostics;
    if (!first) return { ok: false, message: `invalid HCL: ${body.replace(/\s+/g, ' ').trim()}` };
    const more = diagnostics.length - 1;
    return {
      ok: false,
      line: first.line,
      message: `invalid HCL: ${first.text.replace(/\s+/g, ' ')}${more > 0 ? ` (and ${more} more)` : ''}`,
    };
  }
}

export interface BlockPosition {
  readonly line: number;
  readonly suppressions: readonly InlineSuppression[];
}

const HEADER =
  /^[ \t]*(resource|data|module)[ \t]+("?)([A-Za-z0-9_-]+)\2(?:[ \t]+("?)([A-Za-z0-9_-]+)\4)?[ \t]*\{/;
const SUPPRESSION = /(?:#|\/\/)\s*safeguard:ignore\s+([A-Za-z0-9_.:-]+)(.*)$/;

function suppressionOf(text: string, file: string, line: number): InlineSuppression | undefined {
  const match = SUPPRESSION.exec(text);
  if (!match) return undefined;
  const rest = match[2] ?? '';
  const reason =
    /reason\s*=\s*"((?:[^"\\]|\\.)*)"/.exec(rest)?.[1] ?? /reason\s*=\s*'([^']*)'/.exec(rest)?.[1];
  const expires = /expires\s*=\s*"?(\d{4}-\d{2}-\d{2})"?/.exec(rest)?.[1];
  return {
    rule: match[1] ?? '',
    reason: reason === undefined || reason.trim() === '' ? undefined : reason.replace(/\\(.)/g, '$1'),
    expires,
    file,
    line,
  };
}

/** Net `{`/`}` of a line outside strings and comments (enough to find where a block ends). */
function braceDelta(line: string): number {
  let delta = 0;
  let inString = false;
  for (let index = 0; index < line.length; index++) {
    const ch = line[index];
    if (inString) {
      if (ch === '\\') index++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '#' || (ch === '/' && line[index + 1] === '/')) break;
    else if (ch === '{') delta++;
    else if (ch === '}') delta--;
  }
  return delta;
}

/**
 * Lines of `resource`/`data`/`module` blocks (the JSON from hcl2json has no positions), keyed
 * `resource.type.name` / `module.name`, in source order (duplicates keep their order), each with the
 * `# safeguard:ignore RULE reason="…" expires=YYYY-MM-DD` comments directly above or inside it (R-ENG-6).
 */
export function blockPositions(text: string, file: string): Map<string, BlockPosition[]> {
  const lines = text.split(/\r?\n/);
  const out = new Map<string, BlockPosition[]>();
  let heredoc: string | undefined;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (heredoc !== undefined) {
      if (line.trim() === heredoc) heredoc = undefined;
      continue;
    }
    if (/^[ \t]*locals[ \t]*\{[ \t]*$/.test(line)) {
      // Lines of local values (for errors such as a cycle): attributes at depth 1 of a `locals` block.
      let depth = 1;
      for (let below = index + 1; below < lines.length && depth > 0; below++) {
        const text = lines[below] ?? '';
        const name = depth === 1 ? /^[ \t]*([A-Za-z_][A-Za-z0-9_-]*)[ \t]*=(?!=)/.exec(text)?.[1] : undefined;
        if (name) out.set(`local.${name}`, [{ line: below + 1, suppressions: [] }]);
        depth += braceDelta(text);
      }
      continue;
    }
    const header = HEADER.exec(line);
    if (!header) {
      heredoc = /<<-?([A-Za-z_][A-Za-z0-9_-]*)\s*$/.exec(line)?.[1];
      continue;
    }
    const [, blockKind, , first, , second] = header;
    const key = second === undefined ? `${blockKind}.${first}` : `${blockKind}.${first}.${second}`;
    const suppressions: InlineSuppression[] = [];
    // Comments directly above the block header.
    for (let above = index - 1; above >= 0; above--) {
      const text = (lines[above] ?? '').trim();
      if (!(text.startsWith('#') || text.startsWith('//'))) break;
      const suppression = suppressionOf(text, file, above + 1);
      if (suppression) suppressions.unshift(suppression);
    }
    // Comments inside the block, up to its closing brace.
    let depth = braceDelta(line);
    let inner: string | undefined;
    for (let below = index + 1; below < lines.length && depth > 0; below++) {
      const text = lines[below] ?? '';
      if (inner !== undefined) {
        if (text.trim() === inner) inner = undefined;
        continue;
      }
      const suppression = suppressionOf(text, file, below + 1);
      if (suppression) suppressions.push(suppression);
      depth += braceDelta(text);
      inner = /<<-?([A-Za-z_][A-Za-z0-9_-]*)\s*$/.exec(text)?.[1];
    }
    const list = out.get(key) ?? [];
    list.push({ line: index + 1, suppressions });
    out.set(key, list);
  }
  return out;
}
