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

/** Decodes UTF-8, refusing invalid sequences and a leading BOM (kept as a character, so the parser rejects it). */
export function decodeUtf8Strict(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

export function parseStrictJsonBytes(bytes: Uint8Array): StrictJsonResult {
  const text = decodeUtf8Strict(bytes);
  if (text === null)
    return { ok: false, kind: 'encoding', message: 'UTF-8 로 올바르게 인코딩되지 않았습니다' };
  return parseStrictJson(text);
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
