import { setKey } from './values.js';
/**
 * A parser for the HCL expression language as hcl2json leaves it: every attribute value that is not a
 * plain literal comes back as a template string (`"clinic-${var.env}"`, `"${merge(local.tags, {…})}"`),
 * with `$${`/`%%{` as escapes. Parsing happens here, synchronously and cached, because the WASM
 * `getExpressionAst` costs about a millisecond per call — a 5,000-resource folder has tens of thousands
 * of expressions.
 */

export type Expr =
  | { readonly kind: 'literal'; readonly value: null | boolean | number | string }
  | { readonly kind: 'template'; readonly parts: readonly TemplatePart[] }
  | { readonly kind: 'tuple'; readonly items: readonly Expr[] }
  | { readonly kind: 'object'; readonly items: readonly { readonly key: Expr; readonly value: Expr }[] }
  | { readonly kind: 'variable'; readonly name: string }
  | { readonly kind: 'getattr'; readonly target: Expr; readonly name: string }
  | { readonly kind: 'index'; readonly target: Expr; readonly key: Expr }
  | { readonly kind: 'splat'; readonly source: Expr; readonly each: Expr }
  | { readonly kind: 'anon' }
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly Expr[]; readonly expand: boolean }
  | {
      readonly kind: 'for';
      readonly keyVar?: string;
      readonly valueVar: string;
      readonly collection: Expr;
      readonly keyExpr?: Expr;
      readonly valueExpr: Expr;
      readonly condition?: Expr;
      readonly group: boolean;
    }
  | { readonly kind: 'unary'; readonly op: '!' | '-'; readonly operand: Expr }
  | { readonly kind: 'binary'; readonly op: string; readonly left: Expr; readonly right: Expr }
  | { readonly kind: 'conditional'; readonly condition: Expr; readonly then: Expr; readonly otherwise: Expr }
  | { readonly kind: 'paren'; readonly inner: Expr };

export type TemplatePart =
  | { readonly kind: 'text'; text: string }
  | { readonly kind: 'interp'; readonly expr: Expr }
  | {
      readonly kind: 'if';
      readonly condition: Expr;
      readonly whenTrue: TemplatePart[];
      readonly otherwise: TemplatePart[];
    }
  | {
      readonly kind: 'for';
      readonly keyVar?: string;
      readonly valueVar: string;
      readonly collection: Expr;
      readonly body: TemplatePart[];
    };

export class HclSyntaxError extends Error {}

const BINARY_LEVELS: readonly (readonly string[])[] = [
  ['||'],
  ['&&'],
  ['==', '!='],
  ['<=', '>=', '<', '>'],
  ['+', '-'],
  ['*', '/', '%'],
];

// Sticky patterns match at `lastIndex` without slicing the rest of the file.
const NUMBER = /[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/y;
const HEREDOC = /<<(-?)([A-Za-z_][A-Za-z0-9_-]*)\r?\n/y;

function isIdentStart(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}
function isIdentPart(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return isIdentStart(ch) || (code >= 48 && code <= 57) || code === 45;
}

class Parser {
  pos = 0;
  /** The last run of whitespace/comments skipped: a token ended at its start if `pos` is at its end. */
  private wsStart = 0;
  private wsEnd = -1;
  constructor(readonly src: string) {}

  /** Offset just after the last token consumed. */
  tokenEnd(): number {
    return this.pos === this.wsEnd ? this.wsStart : this.pos;
  }

  fail(message: string): never {
    throw new HclSyntaxError(`${message} at offset ${this.pos} of \`${this.src.slice(0, 120)}\``);
  }

  peek(offset = 0): string {
    return this.src[this.pos + offset] ?? '';
  }

  startsWith(text: string): boolean {
    return this.src.startsWith(text, this.pos);
  }

  skipSpace(): void {
    const start = this.pos;
    this.skipSpaceOnly();
    if (this.pos > start) {
      this.wsStart = start;
      this.wsEnd = this.pos;
    }
  }

  private skipSpaceOnly(): void {
    for (;;) {
      const ch = this.peek();
      if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') this.pos++;
      else if (ch === '#' || this.startsWith('//')) {
        while (this.pos < this.src.length && this.peek() !== '\n') this.pos++;
      } else if (this.startsWith('/*')) {
        const end = this.src.indexOf('*/', this.pos + 2);
        this.pos = end < 0 ? this.src.length : end + 2;
      } else return;
    }
  }

  expect(text: string): void {
    this.skipSpace();
    if (!this.startsWith(text)) this.fail(`expected "${text}"`);
    this.pos += text.length;
  }

  accept(text: string): boolean {
    this.skipSpace();
    if (this.startsWith(text)) {
      this.pos += text.length;
      return true;
    }
    return false;
  }

  identifier(): string {
    this.skipSpace();
    if (!isIdentStart(this.peek())) this.fail('expected a name');
    const start = this.pos;
    while (isIdentPart(this.peek())) this.pos++;
    return this.src.slice(start, this.pos);
  }

  /** True if the next word is `word` as a whole keyword. */
  keyword(word: string): boolean {
    this.skipSpace();
    return this.startsWith(word) && !isIdentPart(this.src[this.pos + word.length] ?? '');
  }

  expression(): Expr {
    const condition = this.binary(0);
    this.skipSpace();
    if (this.peek() === '?') {
      this.pos++;
      const then = this.expression();
      this.expect(':');
      const otherwise = this.expression();
      return { kind: 'conditional', condition, then, otherwise };
    }
    return condition;
  }

  binary(level: number): Expr {
    if (level >= BINARY_LEVELS.length) return this.unary();
    let left = this.binary(level + 1);
    const ops = BINARY_LEVELS[level] ?? [];
    for (;;) {
      this.skipSpace();
      const op = ops.find((candidate) => this.startsWith(candidate));
      if (!op) return left;
      // `=` of an object item, `=>` of a for expression and `<<` heredocs are not comparisons.
      if ((op === '>' || op === '<') && (this.peek(1) === '>' || this.peek(1) === '<')) return left;
      if (op === '-' && this.peek(1) === '>') return left;
      this.pos += op.length;
      const right = this.binary(level + 1);
      left = { kind: 'binary', op, left, right };
    }
  }

  unary(): Expr {
    this.skipSpace();
    const ch = this.peek();
    if (ch === '!' && this.peek(1) !== '=') {
      this.pos++;
      return { kind: 'unary', op: '!', operand: this.unary() };
    }
    if (ch === '-') {
      this.pos++;
      return { kind: 'unary', op: '-', operand: this.unary() };
    }
    return this.postfix(this.primary());
  }

  postfix(start: Expr): Expr {
    let target = start;
    for (;;) {
      this.skipSpace();
      if (this.startsWith('.*')) {
        this.pos += 2;
        target = { kind: 'splat', source: target, each: this.splatChain({ kind: 'anon' }, false) };
      } else if (this.startsWith('[*]') || /^\[\s*\*\s*\]/.test(this.src.slice(this.pos, this.pos + 8))) {
        this.pos = this.src.indexOf(']', this.pos) + 1;
        target = { kind: 'splat', source: target, each: this.splatChain({ kind: 'anon' }, true) };
      } else if (this.peek() === '.' && /[0-9]/.test(this.peek(1))) {
        this.pos++;
        const start = this.pos;
        while (/[0-9]/.test(this.peek())) this.pos++;
        target = {
          kind: 'index',
          target,
          key: { kind: 'literal', value: Number(this.src.slice(start, this.pos)) },
        };
      } else if (this.peek() === '.' && isIdentStart(this.peek(1))) {
        this.pos++;
        target = { kind: 'getattr', target, name: this.identifier() };
      } else if (this.peek() === '[') {
        this.pos++;
        const key = this.expression();
        this.expect(']');
        target = { kind: 'index', target, key };
      } else return target;
    }
  }

  /** Attribute (and, for a full splat, index) steps applied to every element of a splat. */
  splatChain(anon: Expr, full: boolean): Expr {
    let each = anon;
    for (;;) {
      this.skipSpace();
      if (this.peek() === '.' && isIdentStart(this.peek(1))) {
        this.pos++;
        each = { kind: 'getattr', target: each, name: this.identifier() };
      } else if (full && this.peek() === '[' && this.peek(1) !== '*') {
        this.pos++;
        const key = this.expression();
        this.expect(']');
        each = { kind: 'index', target: each, key };
      } else return each;
    }
  }

  primary(): Expr {
    this.skipSpace();
    const ch = this.peek();
    if (ch === '') this.fail('unexpected end of expression');
    if (/[0-9]/.test(ch)) {
      NUMBER.lastIndex = this.pos;
      const match = NUMBER.exec(this.src);
      const text = match?.[0] ?? ch;
      this.pos += text.length;
      return { kind: 'literal', value: Number(text) };
    }
    if (ch === '"') {
      this.pos++;
      return unwrapTemplate(this.template('"'));
    }
    if (this.startsWith('<<')) return this.heredoc();
    if (ch === '(') {
      this.pos++;
      const inner = this.expression();
      this.expect(')');
      return { kind: 'paren', inner };
    }
    if (ch === '[') {
      this.pos++;
      if (this.keyword('for')) return this.forExpression(']');
      const items: Expr[] = [];
      while (!this.accept(']')) {
        items.push(this.expression());
        if (!this.accept(',')) {
          this.expect(']');
          break;
        }
      }
      return { kind: 'tuple', items };
    }
    if (ch === '{') {
      this.pos++;
      if (this.keyword('for')) return this.forExpression('}');
      const items: { key: Expr; value: Expr }[] = [];
      while (!this.accept('}')) {
        const keyExpr = this.expression();
        const key: Expr = keyExpr.kind === 'variable' ? { kind: 'literal', value: keyExpr.name } : keyExpr;
        this.skipSpace();
        if (this.peek() === '=' || this.peek() === ':') this.pos++;
        else this.fail('expected "=" in object');
        const value = this.expression();
        items.push({ key, value });
        this.accept(',');
      }
      return { kind: 'object', items };
    }
    if (isIdentStart(ch)) {
      let name = this.identifier();
      while (this.startsWith('::') && isIdentStart(this.peek(2))) {
        this.pos += 2;
        name = `${name}::${this.identifier()}`;
      }
      if (name === 'true') return { kind: 'literal', value: true };
      if (name === 'false') return { kind: 'literal', value: false };
      if (name === 'null') return { kind: 'literal', value: null };
      this.skipSpace();
      if (this.peek() === '(') {
        this.pos++;
        const args: Expr[] = [];
        let expand = false;
        while (!this.accept(')')) {
          args.push(this.expression());
          if (this.accept('...')) expand = true;
          if (!this.accept(',')) {
            this.expect(')');
            break;
          }
        }
        return { kind: 'call', name, args, expand };
      }
      return { kind: 'variable', name };
    }
    this.fail(`unexpected "${ch}"`);
  }

  forExpression(close: ']' | '}'): Expr {
    this.expect('for');
    const first = this.identifier();
    let keyVar: string | undefined;
    let valueVar = first;
    if (this.accept(',')) {
      keyVar = first;
      valueVar = this.identifier();
    }
    if (!this.keyword('in')) this.fail('expected "in"');
    this.pos += 2;
    const collection = this.expression();
    this.expect(':');
    let keyExpr: Expr | undefined;
    let valueExpr = this.expression();
    if (close === '}') {
      this.expect('=>');
      keyExpr = valueExpr;
      valueExpr = this.expression();
    }
    const group = this.accept('...');
    let condition: Expr | undefined;
    if (this.keyword('if')) {
      this.pos += 2;
      condition = this.expression();
    }
    this.expect(close);
    return { kind: 'for', keyVar, valueVar, collection, keyExpr, valueExpr, condition, group };
  }

  heredoc(): Expr {
    HEREDOC.lastIndex = this.pos;
    const match = HEREDOC.exec(this.src);
    if (!match) this.fail('malformed heredoc');
    this.pos += match[0].length;
    const marker = match[2] ?? '';
    const lines: string[] = [];
    for (;;) {
      if (this.pos >= this.src.length) this.fail('unterminated heredoc');
      const end = this.src.indexOf('\n', this.pos);
      const line = this.src.slice(this.pos, end < 0 ? this.src.length : end).replace(/\r$/, '');
      this.pos = end < 0 ? this.src.length : end + 1;
      if (line.trim() === marker) break;
      lines.push(line);
    }
    let body = lines;
    if (match[1] === '-') {
      const indents = lines
        .filter((line) => line.trim() !== '')
        .map((line) => /^[ \t]*/.exec(line)?.[0].length ?? 0);
      const strip = indents.length > 0 ? Math.min(...indents) : 0;
      body = lines.map((line) => line.slice(strip));
    }
    return unwrapTemplate(parseTemplateText(body.map((line) => `${line}\n`).join('')));
  }

  /**
   * Template parts up to `terminator` (`"` for a quoted string, '' for the end of the input). Quoted
   * strings decode backslash escapes; hcl2json's top-level strings are already decoded.
   */
  template(terminator: '"' | ''): TemplatePart[] {
    const root: TemplatePart[] = [];
    const stack: { parts: TemplatePart[]; node?: TemplatePart; inElse?: boolean }[] = [{ parts: root }];
    let text = '';
    let stripNext = false;
    const current = (): TemplatePart[] => {
      const top = stack[stack.length - 1];
      if (!top) return root;
      return top.parts;
    };
    const flush = (stripTrailing: boolean) => {
      let chunk = text;
      if (stripNext) chunk = chunk.replace(/^\s+/, '');
      if (stripTrailing) chunk = chunk.replace(/\s+$/, '');
      if (chunk !== '') current().push({ kind: 'text', text: chunk });
      text = '';
      stripNext = false;
    };
    for (;;) {
      if (this.pos >= this.src.length) {
        if (terminator === '"') this.fail('unterminated string');
        break;
      }
      const ch = this.peek();
      if (terminator === '"' && ch === '"') {
        this.pos++;
        break;
      }
      if (terminator === '"' && ch === '\\') {
        text += this.escape();
        continue;
      }
      if ((ch === '$' || ch === '%') && this.peek(1) === ch && this.peek(2) === '{') {
        text += `${ch}{`;
        this.pos += 3;
        continue;
      }
      if (ch === '$' && this.peek(1) === '{') {
        this.pos += 2;
        const strip = this.peek() === '~';
        if (strip) this.pos++;
        flush(strip);
        const expr = this.expression();
        this.skipSpace();
        if (this.peek() === '~') {
          this.pos++;
          stripNext = true;
        }
        this.expect('}');
        current().push({ kind: 'interp', expr });
        continue;
      }
      if (ch === '%' && this.peek(1) === '{') {
        this.pos += 2;
        const strip = this.peek() === '~';
        if (strip) this.pos++;
        flush(strip);
        this.directive(stack);
        this.skipSpace();
        if (this.peek() === '~') {
          this.pos++;
          stripNext = true;
        }
        this.expect('}');
        continue;
      }
      text += ch;
      this.pos++;
    }
    flush(false);
    if (stack.length !== 1) this.fail('unclosed template directive');
    return root;
  }

  directive(stack: { parts: TemplatePart[]; node?: TemplatePart; inElse?: boolean }[]): void {
    const top = stack[stack.length - 1];
    const word = this.identifier();
    if (word === 'if') {
      const node: TemplatePart = { kind: 'if', condition: this.expression(), whenTrue: [], otherwise: [] };
      top?.parts.push(node);
      stack.push({ parts: node.whenTrue, node });
    } else if (word === 'else') {
      if (top?.node?.kind !== 'if' || top.inElse) this.fail('"else" without "if"');
      top.parts = top.node.otherwise;
      top.inElse = true;
    } else if (word === 'endif') {
      if (top?.node?.kind !== 'if') this.fail('"endif" without "if"');
      stack.pop();
    } else if (word === 'for') {
      const first = this.identifier();
      let keyVar: string | undefined;
      let valueVar = first;
      if (this.accept(',')) {
        keyVar = first;
        valueVar = this.identifier();
      }
      if (!this.keyword('in')) this.fail('expected "in"');
      this.pos += 2;
      const node: TemplatePart = { kind: 'for', keyVar, valueVar, collection: this.expression(), body: [] };
      top?.parts.push(node);
      stack.push({ parts: node.body, node });
    } else if (word === 'endfor') {
      if (top?.node?.kind !== 'for') this.fail('"endfor" without "for"');
      stack.pop();
    } else this.fail(`unknown template directive "${word}"`);
  }

  escape(): string {
    const next = this.peek(1);
    this.pos += 2;
    switch (next) {
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      case '"':
        return '"';
      case '\\':
        return '\\';
      case 'u':
      case 'U': {
        const length = next === 'u' ? 4 : 8;
        const hex = this.src.slice(this.pos, this.pos + length);
        if (!/^[0-9A-Fa-f]+$/.test(hex) || hex.length !== length) this.fail('bad unicode escape');
        this.pos += length;
        return String.fromCodePoint(Number.parseInt(hex, 16));
      }
      default:
        this.fail(`bad escape "\\${next}"`);
    }
  }
}

/** A template that is exactly one interpolation yields the interpolated value itself, not a string. */
function unwrapTemplate(parts: TemplatePart[]): Expr {
  if (parts.length === 0) return { kind: 'literal', value: '' };
  const [only] = parts;
  if (parts.length === 1 && only?.kind === 'interp') return only.expr;
  if (parts.length === 1 && only?.kind === 'text') return { kind: 'literal', value: only.text };
  return { kind: 'template', parts };
}

function parseTemplateText(text: string): TemplatePart[] {
  return new Parser(text).template('');
}

const cache = new Map<string, Expr>();

/**
 * The expression of one hcl2json string value (a template in Terraform's JSON syntax). Results are
 * cached: a generated folder repeats the same expressions thousands of times. Throws {@link HclSyntaxError}.
 */
export function parseTemplateString(text: string): Expr {
  if (!text.includes('{')) return { kind: 'literal', value: text };
  const cached = cache.get(text);
  if (cached) return cached;
  const expr = unwrapTemplate(parseTemplateText(text));
  if (cache.size > 50_000) cache.clear();
  cache.set(text, expr);
  return expr;
}

/** Parses native HCL expression syntax (a `-var` value, a type constraint). Throws {@link HclSyntaxError}. */
export function parseExpression(text: string): Expr {
  const parser = new Parser(text);
  const expr = parser.expression();
  parser.skipSpace();
  if (parser.pos < text.length) parser.fail('unexpected text after expression');
  return expr;
}

/** True when the string value contains template syntax at all (anything else is a plain literal). */
export function isTemplate(text: string): boolean {
  return text.includes('${') || text.includes('%{');
}

/** Escapes a literal string as a template of hcl2json's JSON form. */
function escapeLiteral(text: string): string {
  return text.replace(/([$%])\{/g, (_match, sigil: string) => `${sigil}${sigil}{`);
}

class BodyParser extends Parser {
  /** Skips spaces and tabs only (newlines end attributes). */
  inlineSpace(): void {
    while (this.peek() === ' ' || this.peek() === '\t') this.pos++;
  }

  /** After an attribute or block: a newline, a comment to the end of line, `}` or the end of input. */
  endOfItem(): void {
    const end = this.tokenEnd();
    const gap = this.src.slice(end, this.pos);
    this.skipSpace();
    if (this.pos >= this.src.length || this.peek() === '}') return;
    const between = this.src.slice(end, this.pos);
    if (!gap.includes('\n') && !between.includes('\n') && this.src[end - 1] !== '\n') {
      this.fail('expected a newline after the item');
    }
  }

  body(nested: boolean): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (;;) {
      this.skipSpace();
      if (this.pos >= this.src.length) {
        if (nested) this.fail('unclosed block');
        return out;
      }
      if (this.peek() === '}') {
        if (!nested) this.fail('unexpected "}"');
        this.pos++;
        return out;
      }
      const name = this.identifier();
      this.inlineSpace();
      if (this.peek() === '=' && this.peek(1) !== '=') {
        this.pos++;
        if (Object.hasOwn(out, name)) this.fail(`duplicate attribute "${name}"`);
        setKey(out, name, this.value());
        this.endOfItem();
        continue;
      }
      const labels: string[] = [];
      for (;;) {
        this.inlineSpace();
        if (this.peek() === '"') {
          this.pos++;
          const label = unwrapTemplate(this.template('"'));
          if (label.kind !== 'literal' || typeof label.value !== 'string')
            this.fail('block labels must be literal');
          labels.push(label.value);
        } else if (isIdentStart(this.peek())) labels.push(this.identifier());
        else break;
      }
      if (this.peek() !== '{') this.fail('expected "=" or a block');
      this.pos++;
      const block = this.body(true);
      this.endOfItem();
      let node = out;
      let key = name;
      for (const label of labels) {
        const next = Object.hasOwn(node, key) ? node[key] : undefined;
        const child =
          next && typeof next === 'object' && !Array.isArray(next) ? (next as Record<string, unknown>) : {};
        setKey(node, key, child);
        node = child;
        key = label;
      }
      const list = Object.hasOwn(node, key) && Array.isArray(node[key]) ? (node[key] as unknown[]) : [];
      list.push(block);
      setKey(node, key, list);
    }
  }

  /** An attribute value in hcl2json's shape: literals as JSON, constructors structurally, else `${…}`. */
  value(): unknown {
    this.skipSpace();
    const start = this.pos;
    const ch = this.peek();
    if ((ch === '{' || ch === '[') && !this.constructorIsFor()) {
      const structural = ch === '{' ? this.objectValue() : this.tupleValue();
      const follow = this.pos;
      this.skipSpace();
      const next = this.peek();
      const gap = this.src.slice(this.tokenEnd(), this.pos);
      this.pos = follow;
      if (next === '' || next === '}' || next === ']' || next === ',' || gap.includes('\n'))
        return structural;
      this.pos = start;
    }
    const expr = this.expression();
    if (expr.kind === 'literal')
      return typeof expr.value === 'string' ? escapeLiteral(expr.value) : expr.value;
    const text = `\${${this.src.slice(start, this.tokenEnd())}}`;
    if (cache.size < 50_000) cache.set(text, expr);
    return text;
  }

  constructorIsFor(): boolean {
    const save = this.pos;
    this.pos++;
    const isFor = this.keyword('for');
    this.pos = save;
    return isFor;
  }

  objectValue(): Record<string, unknown> {
    this.pos++;
    const out: Record<string, unknown> = {};
    while (!this.accept('}')) {
      this.skipSpace();
      const keyStart = this.pos;
      const keyExpr = this.expression();
      let key: string;
      if (keyExpr.kind === 'variable') key = keyExpr.name;
      else if (keyExpr.kind === 'literal' && keyExpr.value !== null) key = String(keyExpr.value);
      else key = `\${${this.src.slice(keyStart, this.tokenEnd())}}`;
      this.skipSpace();
      if (this.peek() === '=' || this.peek() === ':') this.pos++;
      else this.fail('expected "=" in object');
      setKey(out, key, this.value());
      this.accept(',');
    }
    return out;
  }

  tupleValue(): unknown[] {
    this.pos++;
    const out: unknown[] = [];
    while (!this.accept(']')) {
      out.push(this.value());
      if (!this.accept(',')) {
        this.expect(']');
        break;
      }
    }
    return out;
  }
}

/**
 * Parses a `.tf` file to the JSON shape hcl2json produces (blocks as nested objects ending in lists of
 * bodies, expressions as `${…}` templates). It is the fast path — the Go/WASM parser costs ~80 ms per
 * 100-resource file — and throws {@link HclSyntaxError} on anything it does not handle, in which case
 * the caller asks hcl2json (which also gives the canonical error message and position).
 */
export function parseHclBody(text: string): Record<string, unknown> {
  return new BodyParser(text.replace(/^\uFEFF/, '')).body(false);
}
