import { isUtf8 } from 'node:buffer';

/**
 * Strict UTF-8 and JSON for bytes from outside: JSON.parse silently keeps the last of two duplicate keys, so two
 * readers of `{"department":"A","department":"B"}` could disagree. This parser rejects duplicates at any depth,
 * lone surrogates, non-finite numbers, a byte-order mark and excessive nesting.
 */

export type StrictJsonResult =
  | { ok: true; value: unknown }
  | { ok: false; kind: 'encoding' | 'syntax' | 'duplicate-key'; message: string };

const MAX_DEPTH = 200;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** String.prototype.isWellFormed (ES2024) for an ES2023 target. */
export function isWellFormedString(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

/**
 * Decodes UTF-8, refusing invalid sequences; a leading BOM is kept as a character, so the parser rejects it.
 * Validation by `isUtf8` (simdutf) and decoding by `Buffer#toString` cost a fraction of a fatal TextDecoder.
 */
export function decodeUtf8Strict(bytes: Uint8Array): string | null {
  if (!isUtf8(bytes)) return null;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

export function parseStrictJsonBytes(bytes: Uint8Array): StrictJsonResult {
  const text = decodeUtf8Strict(bytes);
  if (text === null)
    return { ok: false, kind: 'encoding', message: 'UTF-8 로 올바르게 인코딩되지 않았습니다' };
  // Strict UTF-8 decoding never yields a lone surrogate, so the text need not be searched for one again.
  return parseStrictText(text, true);
}

class JsonFailure extends Error {
  constructor(
    readonly kind: 'syntax' | 'duplicate-key',
    message: string,
  ) {
    super(message);
  }
}

export function parseStrictJson(text: string): StrictJsonResult {
  return parseStrictText(text, false);
}

function parseStrictText(text: string, wellFormed: boolean): StrictJsonResult {
  const fast = parseFast(text, wellFormed);
  if (fast !== undefined) return { ok: true, value: fast };
  return parseCarefully(text);
}

/**
 * The quick path: the engine's JSON.parse, trusted only when a scan proves the strict parser would return the
 * same value. The scan counts the object keys written in the text and the deepest nesting, and notices escapes
 * that could make a lone surrogate; the parsed value must hold exactly as many keys (JSON.parse keeps one of two
 * duplicates, so a duplicate anywhere shows as a missing key) and only finite numbers. Anything else, including
 * every syntax error, goes to the careful parser, which alone decides rejections and their messages.
 * Returns undefined when the careful parser must decide.
 */
function parseFast(text: string, wellFormed: boolean): unknown {
  const scan = scanText(text);
  if (!scan || scan.maxDepth >= MAX_DEPTH || (!wellFormed && !isWellFormedString(text))) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
  const keys = countKeys(value);
  return keys === scan.keys ? value : undefined;
}

/** Object keys written in the text and the deepest bracket nesting; null when a surrogate escape appears. */
function scanText(text: string): { keys: number; maxDepth: number } | null {
  let keys = 0;
  let depth = 0;
  let maxDepth = 0;
  const n = text.length;
  // Strings (most of a document: its Korean text) are skipped with the engine's indexOf, from one quote or
  // backslash to the next, instead of looking at each of their characters here.
  let backslash = text.indexOf('\\');
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // a string: find its end, looking only at escapes
      i++;
      for (;;) {
        const quote = text.indexOf('"', i);
        if (quote === -1) {
          i = n; // unterminated: JSON.parse refuses it, and the careful parser says why
          break;
        }
        if (backslash !== -1 && backslash < i) backslash = text.indexOf('\\', i);
        if (backslash === -1 || backslash > quote) {
          i = quote;
          break;
        }
        // an escape before the closing quote (it may escape that quote)
        if (text.charCodeAt(backslash + 1) === 0x75) {
          // \uD800–\uDFFF: let the careful parser judge the surrogates
          const h1 = text.charCodeAt(backslash + 2) | 0x20;
          const h2 = text.charCodeAt(backslash + 3) | 0x20;
          if (h1 === 0x64 && ((h2 >= 0x38 && h2 <= 0x39) || (h2 >= 0x61 && h2 <= 0x66))) return null;
        }
        i = backslash + 2;
        backslash = text.indexOf('\\', i);
      }
      let j = i + 1;
      while (j < n) {
        const w = text.charCodeAt(j);
        if (w === 0x20 || w === 0x09 || w === 0x0a || w === 0x0d) j++;
        else break;
      }
      if (text.charCodeAt(j) === 0x3a) keys++;
    } else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > maxDepth) maxDepth = depth;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return { keys, maxDepth };
}

/** Keys of every object in a parsed value; -1 when a number is not finite (e.g. 1e999). */
function countKeys(value: unknown): number {
  if (typeof value === 'number') return Number.isFinite(value) ? 0 : -1;
  if (typeof value !== 'object' || value === null) return 0;
  let total = 0;
  if (Array.isArray(value)) {
    for (const item of value) {
      const inner = countKeys(item);
      if (inner < 0) return -1;
      total += inner;
    }
    return total;
  }
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const inner = countKeys((value as Record<string, unknown>)[key]);
    if (inner < 0) return -1;
    total += inner + 1;
  }
  return total;
}

/** The character-by-character parser alone (the reference the quick path is tested against). */
export function parseStrictJsonCarefully(text: string): StrictJsonResult {
  return parseCarefully(text);
}

function parseCarefully(text: string): StrictJsonResult {
  const parser = new Parser(text);
  try {
    parser.skipWhitespace();
    const value = parser.parseValue(0, '$');
    parser.skipWhitespace();
    if (parser.pos !== text.length) parser.fail(`${parser.pos}번째 문자 뒤에 남는 내용이 있습니다`);
    return { ok: true, value };
  } catch (error) {
    if (error instanceof JsonFailure) return { ok: false, kind: error.kind, message: error.message };
    throw error;
  }
}

class Parser {
  pos = 0;
  constructor(private readonly text: string) {}

  fail(message: string): never {
    throw new JsonFailure('syntax', `JSON 문법 오류: ${message}`);
  }

  skipWhitespace(): void {
    const t = this.text;
    while (this.pos < t.length) {
      const c = t.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) this.pos++;
      else break;
    }
  }

  parseValue(depth: number, where: string): unknown {
    if (depth > MAX_DEPTH) this.fail(`중첩이 ${MAX_DEPTH}단계를 넘습니다 (${where})`);
    const c = this.text[this.pos];
    switch (c) {
      case '{':
        return this.parseObject(depth, where);
      case '[':
        return this.parseArray(depth, where);
      case '"':
        return this.parseString();
      case 't':
        return this.literal('true', true);
      case 'f':
        return this.literal('false', false);
      case 'n':
        return this.literal('null', null);
      default:
        if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.parseNumber();
        return this.fail(
          c === undefined
            ? `${where} 에서 값이 끝나지 않았습니다`
            : `${this.pos}번째 위치에 예상하지 못한 문자가 있습니다`,
        );
    }
  }

  private literal<T>(word: string, value: T): T {
    if (!this.text.startsWith(word, this.pos))
      this.fail(`${this.pos}번째 위치에 예상하지 못한 문자가 있습니다`);
    this.pos += word.length;
    return value;
  }

  private parseObject(depth: number, where: string): Record<string, unknown> {
    this.pos++; // {
    const result: Record<string, unknown> = {};
    const seen = new Set<string>();
    this.skipWhitespace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return result;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.pos] !== '"')
        this.fail(`${where} 의 ${this.pos}번째 위치에 키(문자열)가 와야 합니다`);
      const key = this.parseString();
      if (seen.has(key)) {
        throw new JsonFailure('duplicate-key', `${where} 에 키 "${key}" 가 두 번 이상 나옵니다`);
      }
      seen.add(key);
      this.skipWhitespace();
      if (this.text[this.pos] !== ':') this.fail(`${where}.${key} 뒤에 ':' 가 와야 합니다`);
      this.pos++;
      this.skipWhitespace();
      const value = this.parseValue(depth + 1, `${where}.${key}`);
      // defineProperty: a key named "__proto__" becomes data, never the prototype.
      Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
      this.skipWhitespace();
      const next = this.text[this.pos];
      this.pos++;
      if (next === '}') return result;
      if (next !== ',') this.fail(`${where} 의 ${this.pos - 1}번째 위치에 ',' 또는 '}' 가 와야 합니다`);
    }
  }

  private parseArray(depth: number, where: string): unknown[] {
    this.pos++; // [
    const result: unknown[] = [];
    this.skipWhitespace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return result;
    }
    for (;;) {
      this.skipWhitespace();
      result.push(this.parseValue(depth + 1, `${where}[${result.length}]`));
      this.skipWhitespace();
      const next = this.text[this.pos];
      this.pos++;
      if (next === ']') return result;
      if (next !== ',') this.fail(`${where} 의 ${this.pos - 1}번째 위치에 ',' 또는 ']' 가 와야 합니다`);
    }
  }

  private parseNumber(): number {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(
      this.text.slice(this.pos, this.pos + 400),
    );
    if (!match) return this.fail(`${this.pos}번째 위치의 숫자 형식이 올바르지 않습니다`);
    const value = Number(match[0]);
    if (!Number.isFinite(value)) this.fail(`${this.pos}번째 위치의 숫자가 표현 범위를 넘습니다`);
    this.pos += match[0].length;
    return value;
  }

  parseString(): string {
    const t = this.text;
    this.pos++; // opening quote
    let out = '';
    let start = this.pos;
    for (;;) {
      if (this.pos >= t.length) this.fail('문자열이 닫히지 않았습니다');
      const c = t.charCodeAt(this.pos);
      if (c === 0x22) {
        out += t.slice(start, this.pos);
        this.pos++;
        break;
      }
      if (c < 0x20) this.fail(`${this.pos}번째 위치의 문자열에 제어 문자가 있습니다`);
      if (c === 0x5c) {
        out += t.slice(start, this.pos);
        const e = t[this.pos + 1];
        this.pos += 2;
        switch (e) {
          case '"':
            out += '"';
            break;
          case '\\':
            out += '\\';
            break;
          case '/':
            out += '/';
            break;
          case 'b':
            out += '\b';
            break;
          case 'f':
            out += '\f';
            break;
          case 'n':
            out += '\n';
            break;
          case 'r':
            out += '\r';
            break;
          case 't':
            out += '\t';
            break;
          case 'u': {
            const hex = t.slice(this.pos, this.pos + 4);
            if (!/^[0-9a-fA-F]{4}$/.test(hex))
              this.fail(`${this.pos}번째 위치의 \\u 이스케이프가 올바르지 않습니다`);
            out += String.fromCharCode(parseInt(hex, 16));
            this.pos += 4;
            break;
          }
          default:
            this.fail(`${this.pos - 2}번째 위치의 이스케이프가 올바르지 않습니다`);
        }
        start = this.pos;
        continue;
      }
      this.pos++;
    }
    if (!isWellFormedString(out)) this.fail('문자열에 짝이 없는 서로게이트(\\ud800 등)가 있습니다');
    return out;
  }
}

/**
 * Checks that a value is plain JSON data (null, booleans, finite numbers, well-formed strings, arrays, plain
 * objects) so that JSON.stringify neither drops nor rewrites anything. Returns a Korean reason or null.
 */
export function plainJsonProblem(value: unknown, where = '$', depth = 0): string | null {
  if (depth > MAX_DEPTH) return `${where}: 중첩이 ${MAX_DEPTH}단계를 넘습니다`;
  if (value === null || typeof value === 'boolean') return null;
  if (typeof value === 'number')
    return Number.isFinite(value) ? null : `${where}: 유한한 숫자가 아닙니다 (${value})`;
  if (typeof value === 'string')
    return isWellFormedString(value) ? null : `${where}: 짝이 없는 서로게이트 문자가 있습니다`;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const problem = plainJsonProblem(value[i], `${where}[${i}]`, depth + 1);
      if (problem) return problem;
    }
    return null;
  }
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) return `${where}: 일반 객체가 아닙니다`;
    for (const [key, item] of Object.entries(value)) {
      if (!isWellFormedString(key)) return `${where}: 키에 짝이 없는 서로게이트 문자가 있습니다`;
      const problem = plainJsonProblem(item, `${where}.${key}`, depth + 1);
      if (problem) return problem;
    }
    return null;
  }
  return `${where}: JSON 으로 나타낼 수 없는 값입니다 (${typeof value})`;
}
