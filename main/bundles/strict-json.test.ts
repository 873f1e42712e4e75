import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseManifestBytes } from './manifest';
import {
  decodeUtf8Strict,
  parseStrictJson,
  parseStrictJsonBytes,
  parseStrictJsonCarefully,
  plainJsonProblem,
} from './strict-json';

describe('strict JSON', () => {
  it('agrees with JSON.parse on every JSON text without duplicate keys', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 2), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        const result = parseStrictJson(text);
        expect(result).toEqual({ ok: true, value: JSON.parse(text) });
      }),
      { numRuns: 1000 },
    );
  });

  it.each([
    ['{"a":1,"a":2}', 'duplicate-key', '"a"'],
    ['{"x":{"b":[{"c":1,"c":1}]}}', 'duplicate-key', '$.x.b[0]'],
    ['{"a":1} x', 'syntax', '남는 내용'],
    ['\ufeff{}', 'syntax', ''],
    ['{"a":"\\ud800"}', 'syntax', '서로게이트'],
    ['[1e999]', 'syntax', '표현 범위'],
    ['{"a":01}', 'syntax', ''],
    ["{'a':1}", 'syntax', ''],
    ['[1,]', 'syntax', ''],
    ['"\u0001"', 'syntax', '제어 문자'],
  ])('rejects %j as %s', (text, kind, fragment) => {
    const result = parseStrictJson(text);
    expect(result).toMatchObject({ ok: false, kind });
    if (!result.ok) expect(result.message).toContain(fragment);
  });

  it('keeps "__proto__" as data, never as the prototype', () => {
    const result = parseStrictJson('{"__proto__":{"polluted":true}}');
    if (!result.ok) throw new Error(result.message);
    expect(Object.getPrototypeOf(result.value)).toBe(Object.prototype);
    expect(Object.keys(result.value as object)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects invalid UTF-8 and overlong encodings', () => {
    expect(parseStrictJsonBytes(Buffer.from([0x22, 0xc0, 0xaf, 0x22]))).toMatchObject({
      ok: false,
      kind: 'encoding',
    });
    expect(parseStrictJsonBytes(Buffer.from([0x22, 0xff, 0x22]))).toMatchObject({
      ok: false,
      kind: 'encoding',
    });
  });

  it('names values JSON cannot carry', () => {
    expect(plainJsonProblem({ a: [1, Number.NaN] })).toContain('$.a[1]');
    expect(plainJsonProblem({ d: new Date(0) })).toContain('$.d');
    expect(plainJsonProblem({ u: undefined })).toContain('$.u');
    expect(plainJsonProblem({ ok: ['한글', null, true, 1.5] })).toBeNull();
  });
});

describe('manifest parsing', () => {
  const valid = {
    type: 'pledge-submission',
    formatVersion: 1,
    appVersion: '0.1.0',
    department: '교통정책과',
    keyId: '0123456789abcdef',
    period: 'plan',
    createdAt: '2018-09-18T09:00:00+09:00',
    revision: 1,
    previousBundleSha256: null,
    members: [
      {
        path: 'documents/plan-1-1-1.json',
        sha256: 'a'.repeat(64),
        size: 10,
        mediaType: 'application/json',
        role: 'document',
      },
    ],
  };
  const bytes = (v: unknown) => Buffer.from(JSON.stringify(v));

  it('accepts a valid manifest', () => {
    expect(parseManifestBytes(bytes(valid))).toMatchObject({ ok: true, manifest: valid });
  });

  it('rejects duplicate keys inside members', () => {
    const text = JSON.stringify(valid).replace('"size":10', '"size":10,"size":11');
    expect(parseManifestBytes(Buffer.from(text))).toMatchObject({
      ok: false,
      code: 'MANIFEST_DUPLICATE_KEY',
    });
  });

  it.each([
    ['a baseline not from 기획담당관', { type: 'pledge-baseline' }, 'department'],
    ['an unknown period', { period: '2019-H3' }, 'period'],
    ['revision 0', { revision: 0 }, 'revision'],
    ['an uppercase hash', { previousBundleSha256: 'A'.repeat(64) }, 'previousBundleSha256'],
    [
      'unsorted members',
      { members: [valid.members[0], { ...valid.members[0], path: 'documents/a.json' }] },
      '정렬',
    ],
    [
      'an attachment not named by its hash',
      {
        members: [
          {
            path: 'attachments/x',
            sha256: 'b'.repeat(64),
            size: 1,
            mediaType: 'application/pdf',
            role: 'attachment',
          },
        ],
      },
      'attachments/<SHA-256>',
    ],
    [
      'a document path with ..',
      { members: [{ ...valid.members[0], path: 'documents/../x.json' }] },
      'members[0].path',
    ],
  ])('rejects %s', (_label, change, fragment) => {
    const result = parseManifestBytes(bytes({ ...valid, ...change }));
    expect(result).toMatchObject({ ok: false, code: 'MANIFEST_INVALID' });
    if (!result.ok) expect(result.message).toContain(fragment);
  });

  describe('quick path (JSON.parse plus a key count) against the careful parser', () => {
    const same = (text: string): void => {
      const quick = parseStrictJson(text);
      const careful = parseStrictJsonCarefully(text);
      expect(quick).toEqual(careful);
    };

    it('gives the same answer on valid texts and on texts with a duplicate key spliced in at any depth', () => {
      fc.assert(
        fc.property(
          fc.jsonValue(),
          fc.jsonValue(),
          fc.string({ maxLength: 6 }),
          fc.nat(40),
          (value, other, key, depth) => {
            const text = JSON.stringify(value);
            same(text);
            const k = JSON.stringify(key);
            const dup = `{${k}:${JSON.stringify(other)},${k}:${text}}`;
            const nested = `${'['.repeat(depth)}{"x":${dup}}${']'.repeat(depth)}`;
            same(nested);
            expect(parseStrictJson(nested)).toMatchObject({ ok: false, kind: 'duplicate-key' });
          },
        ),
        { numRuns: 500 },
      );
    });

    it('is not fooled by key-like text inside strings, escapes, surrogates, huge numbers or deep nesting', () => {
      for (const text of [
        '{"a":"x\\":1,"b":"\\"a\\":2"}',
        '{"a":1,"b":{"a":2}}',
        '{"a\\u0062":1,"ab":2}',
        '{"ab":1,"a\\u0062":2}',
        '{"__proto__":1,"__proto__":2}',
        '{"__proto__":{"x":1}}',
        '{"s":"\\ud800"}',
        '{"s":"\\ud83d\\ude00"}',
        '{"s":"\\uDC00x"}',
        '{"n":1e999}',
        '{"n":-0}',
        `${'['.repeat(199)}1${']'.repeat(199)}`,
        `${'['.repeat(201)}1${']'.repeat(201)}`,
        `${'['.repeat(200)}${']'.repeat(200)}`,
        '{"a":1,}',
        '{"a" : 1 , "a" : 1}',
        '\ufeff{}',
        '{"a":1} x',
      ]) {
        same(text);
      }
      expect(parseStrictJson('{"a\\u0062":1,"ab":2}')).toMatchObject({ ok: false, kind: 'duplicate-key' });
      expect(parseStrictJson('{"s":"\\ud800"}')).toMatchObject({ ok: false, kind: 'syntax' });
      expect(parseStrictJson('{"n":1e999}')).toMatchObject({ ok: false, kind: 'syntax' });
      expect(parseStrictJson('{"__proto__":{"x":1}}')).toEqual({
        ok: true,
        value: JSON.parse('{"__proto__":{"x":1}}'),
      });
    });
  });
});

describe('decodeUtf8Strict', () => {
  it('refuses invalid UTF-8 and decodes the next input afresh (one shared decoder)', () => {
    const valid = Buffer.from('{"부서":"도시교통실"}', 'utf8');
    const truncated = valid.subarray(0, valid.length - 4); // cuts a 3-byte sequence in half
    expect(decodeUtf8Strict(Buffer.from([0xff, 0xfe, 0x41]))).toBeNull();
    expect(decodeUtf8Strict(truncated)).toBeNull();
    expect(decodeUtf8Strict(valid)).toBe('{"부서":"도시교통실"}');
    expect(decodeUtf8Strict(Buffer.from([0xef, 0xbb, 0xbf, 0x41]))).toBe('\uFEFFA');
  });
});
