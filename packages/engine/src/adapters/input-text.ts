import { readFileSync, statSync } from 'node:fs';

/**
 * Reading input files for the adapters (R-ENG-8): every way a file can fail to be text is one short
 * reason, never an exception, and never a hang (a FIFO or device is refused before it is opened).
 */

/** V8 cannot hold a longer string (`ERR_STRING_TOO_LONG`); larger files are refused before reading. */
export const MAX_INPUT_BYTES = 0x1fffffe8;

export type TextRead = { readonly text: string } | { readonly reason: string };

function codeOf(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/** A reason for a failed `stat`/`read`, in words. */
export function fileErrorReason(error: unknown): string {
  switch (codeOf(error)) {
    case 'ENOENT':
      return 'file not found';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'symbolic link loop';
    case 'EISDIR':
      return 'is a folder, not a file';
    case 'ENAMETOOLONG':
      return 'path too long';
    default:
      return `cannot read file (${codeOf(error) ?? (error instanceof Error ? error.message : String(error))})`;
  }
}

/**
 * Decodes file bytes: UTF-8 (a byte-order mark is dropped) or UTF-16 with a byte-order mark (what
 * Windows PowerShell's `>` writes). UTF-16 without a mark is named as such, not as binary.
 */
export function decodeText(bytes: Buffer): TextRead {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  if (looksLikeBomlessUtf16(bytes))
    return { reason: 'UTF-16 text without a byte-order mark: save the file as UTF-8' };
  return { text: bytes.toString('utf8', start) };
}

/** ASCII text in UTF-16 has a NUL in every other byte. */
function looksLikeBomlessUtf16(bytes: Buffer): boolean {
  const length = Math.min(bytes.length, 64) & ~1;
  if (length < 4) return false;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0 && bytes[i + 1] !== 0) evenNul++;
    if (bytes[i + 1] === 0 && bytes[i] !== 0) oddNul++;
  }
  const pairs = length / 2;
  return evenNul === pairs || oddNul === pairs;
}

/** Reads a regular file as text; folders, FIFOs, devices and files too large to hold are reasons. */
export function readInputText(path: string): TextRead {
  let size: number;
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) return { reason: 'is a folder, not a file' };
    if (!stats.isFile()) return { reason: 'not a regular file (a pipe, socket or device)' };
    size = stats.size;
  } catch (error) {
    return { reason: fileErrorReason(error) };
  }
  if (size > MAX_INPUT_BYTES)
    return { reason: `file too large (${Math.round(size / 2 ** 20)} MB; at most 512 MB is read)` };
  try {
    return decodeText(readFileSync(path));
  } catch (error) {
    return { reason: fileErrorReason(error) };
  }
}

/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  return 1 + newlinesBetween(text, 0, offset);
}

/** Newlines in `text` from `from` up to (not including) `to`; indexOf finds them far faster than a character loop. */
export function newlinesBetween(text: string, from: number, to: number): number {
  let count = 0;
  const end = Math.min(to, text.length);
  for (let index = text.indexOf('\n', from); index >= 0 && index < end; index = text.indexOf('\n', index + 1))
    count++;
  return count;
}

/**
 * The line and a one-line reason for a `JSON.parse` failure. V8 gives a position for some errors only
 * (and quotes a piece of the file in others), so the offset is found by a scan of the text: run only
 * on this error path, never for a file that parses.
 */
export function jsonErrorOf(text: string, error: unknown): { line?: number; message: string } {
  const raw = error instanceof Error ? error.message : String(error);
  const reason = raw
    .replace(/ (?:in JSON )?at position \d+.*$/s, '')
    // V8 quotes a piece of the file (`Unexpected token 'x', "…{"a": x…" is not valid JSON`): not repeated.
    .replace(/, (?:\.\.\.)?".*$/s, '')
    .replace(/^Unexpected end of JSON input$/, 'unexpected end of file')
    .replace(/[\u0000-\u001f]/g, (char) => JSON.stringify(char).slice(1, -1));
  const offset = jsonErrorOffset(text);
  return {
    line: offset === undefined ? undefined : lineAt(text, offset),
    message: `invalid JSON: ${reason}`,
  };
}

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

/** Offset of the first syntax error in JSON text (undefined if none is found). */
export function jsonErrorOffset(text: string): number | undefined {
  let i = 0;
  const n = text.length;
  const skip = () => {
    while (i < n && WHITESPACE.has(text.charCodeAt(i))) i++;
  };
  // Open containers: 'o' expects a first member, 'O' expects ',' or '}'; '[' expects a first element,
  // 'a' expects ',' or ']'. Values never recurse, so any depth of nesting is scanned.
  const stack: string[] = [];
  const value = (): boolean => {
    skip();
    const c = text[i];
    if (c === '{') {
      i++;
      skip();
      if (text[i] === '}') {
        i++;
        return true;
      }
      stack.push('o');
      return true;
    }
    if (c === '[') {
      i++;
      skip();
      if (text[i] === ']') {
        i++;
        return true;
      }
      stack.push('[');
      return true;
    }
    if (c === '"') return string();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(
      text.slice(i, i + 400),
    );
    if (!literal) return false;
    i += literal[0].length;
    return true;
  };
  const string = (): boolean => {
    i++;
    while (i < n) {
      const code = text.charCodeAt(i);
      if (code === 0x22) {
        i++;
        return true;
      }
      if (code < 0x20) return false;
      if (code === 0x5c) {
        const next = text[i + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return false;
          i += 6;
          continue;
        }
        if (next === undefined || !'"\\/bfnrt'.includes(next)) return false;
        i += 2;
        continue;
      }
      i++;
    }
    return false;
  };
  const member = (): boolean => {
    skip();
    if (text[i] !== '"' || !string()) return false;
    skip();
    if (text[i] !== ':') return false;
    i++;
    return value();
  };
  if (!value()) return Math.min(i, n);
  for (;;) {
    const top = stack[stack.length - 1];
    if (top === undefined) {
      skip();
      return i < n ? i : undefined;
    }
    if (top === 'o') {
      stack[stack.length - 1] = 'O';
      if (!member()) return Math.min(i, n);
      continue;
    }
    if (top === '[') {
      stack[stack.length - 1] = 'a';
      if (!value()) return Math.min(i, n);
      continue;
    }
    skip();
    const c = text[i];
    const close = top === 'O' ? '}' : ']';
    if (c === close) {
      i++;
      stack.pop();
      continue;
    }
    if (c !== ',') return Math.min(i, n);
    i++;
    if (top === 'O') {
      if (!member()) return Math.min(i, n);
    } else if (!value()) return Math.min(i, n);
  }
}
