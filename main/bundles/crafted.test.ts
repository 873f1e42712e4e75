import { createHash } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BundleCheck, InspectOptions } from './check-types';
import { keyId } from './key-material';
import { OFFICE_DEPARTMENT } from './schemas';
import { inspectBundle } from './verify';
import { writeBundle } from './write';
import { readZipEntries } from './read';
import { DEFAULT_LIMITS } from './limits';
import { assemble, canonicalEntry, manifestOf, resign, takeApart } from './test-support/craft';
import type { Piece } from './test-support/craft';
import { DEPARTMENT, generateKeyPair, lookupFor, registryEntry, sampleInput } from './test-support/fixtures';
import { buildRawZip } from './test-support/raw-zip';
import yauzl from 'yauzl';
import type { RawEntry } from './test-support/raw-zip';

const keys = generateKeyPair();
const officeKeys = generateKeyPair();
const strangerKeys = generateKeyPair();
const options: InspectOptions = {
  lookupKey: lookupFor(registryEntry(keys)),
  expectedType: 'pledge-submission',
};
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

let bundle: Buffer;
let pieces: Piece[];
beforeAll(async () => {
  bundle = await writeBundle(sampleInput(keys));
  pieces = await takeApart(bundle);
});

function expectRejected(check: BundleCheck, code: string, ...fragments: string[]): void {
  if (check.ok) throw new Error(`accepted, expected ${code}`);
  expect({ code: check.code, message: check.message }).toMatchObject({ code });
  for (const fragment of fragments) expect(check.message).toContain(fragment);
}

/** A valid bundle with one more raw entry appended. */
function withExtra(entry: RawEntry): Buffer {
  return buildRawZip([...pieces.map((p) => canonicalEntry(p)), entry]);
}

describe('path and entry attacks', () => {
  it.each([
    ['../evil', '상위 폴더'],
    ['documents/../../evil.json', '상위 폴더'],
    ['/etc/passwd', '절대 경로'],
    ['C:/Windows/evil.dll', '절대 경로'],
    ['..\\evil', '역슬래시'],
    ['documents/CON.json', 'Windows 예약 이름'],
    ['documents/com1', 'Windows 예약 이름'],
    ['documents/a.json.', '점이나 공백으로 끝납니다'],
    ['documents/a.json ', '점이나 공백으로 끝납니다'],
    ['documents//a.json', '빈 경로 구간'],
    ['documents/a\u202egnp.json', '보이지 않는 문자'],
    ['documents/a?.json', 'Windows 에서 쓸 수 없는 문자'],
  ])('refuses the entry name %j', async (name, reason) => {
    expectRejected(
      await inspectBundle(withExtra({ name, data: Buffer.from('{}') }), options),
      'ZIP_PATH',
      reason,
    );
  });

  it('refuses a symlink entry and a directory entry', async () => {
    const link = withExtra({
      name: 'documents/link.json',
      data: Buffer.from('/etc/passwd'),
      externalAttributes: (0o120777 << 16) >>> 0,
    });
    expectRejected(
      await inspectBundle(link, options),
      'ZIP_ENTRY_TYPE',
      '심볼릭 링크',
      'documents/link.json',
    );
    const dir = withExtra({
      name: 'documents/',
      data: Buffer.alloc(0),
      externalAttributes: ((0o40755 << 16) | 0x10) >>> 0,
    });
    expectRejected(await inspectBundle(dir, options), 'ZIP_ENTRY_TYPE', '폴더');
  });

  it('refuses a CP949 name without the UTF-8 flag', async () => {
    const cp949 = Buffer.from([0xc4, 0xab, 0xb5, 0xe5]); // "카드" in CP949
    expectRejected(
      await inspectBundle(withExtra({ name: cp949, data: Buffer.from('x'), flags: 0 }), options),
      'ZIP_PATH',
      'UTF-8',
    );
  });
});

describe('duplicates', () => {
  it('refuses the same name twice (the Android "Master Key" shape)', async () => {
    const doc = pieces.find((p) => p.name.startsWith('documents/'))!;
    const evil = { name: doc.name, data: Buffer.from('{"pledgeNo":"evil"}') };
    const zip = buildRawZip([...pieces.map((p) => canonicalEntry(p)), canonicalEntry(evil)]);
    expectRejected(await inspectBundle(zip, options), 'ZIP_DUPLICATE', doc.name);
  });

  it('refuses one Hangul name in NFC and in NFD, and names differing only in case', async () => {
    const nfc = 'documents/카드.json'.normalize('NFC');
    const nfd = nfc.normalize('NFD');
    expect(nfc).not.toBe(nfd);
    const both = buildRawZip([
      ...pieces.map((p) => canonicalEntry(p)),
      { name: nfc, data: Buffer.from('{}') },
      { name: nfd, data: Buffer.from('{}') },
    ]);
    expectRejected(await inspectBundle(both, options), 'ZIP_DUPLICATE', '정규화');
    const cased = withExtra({ name: 'documents/CARD-1-1-1.json', data: Buffer.from('{}') });
    expectRejected(await inspectBundle(cased, options), 'ZIP_DUPLICATE', 'documents/card-1-1-1.json');
  });

  it('refuses a lone NFD name', async () => {
    const nfd = 'documents/카드.json'.normalize('NFD');
    expectRejected(
      await inspectBundle(withExtra({ name: nfd, data: Buffer.from('{}') }), options),
      'ZIP_PATH',
      'NFC',
    );
  });
});

describe('zip bombs and size lies', () => {
  it('refuses an entry whose declared size exceeds the per-entry limit before inflating it', async () => {
    const zeros = Buffer.alloc(60 * 1024 * 1024);
    const zip = withExtra({ name: 'documents/bomb.json', data: zeros, method: 8 });
    expect(zip.length).toBeLessThan(200 * 1024);
    expectRejected(
      await inspectBundle(zip, options),
      'ZIP_LIMIT',
      '압축 해제 크기',
      '한도를 넘습니다 (zip bomb 의심)',
    );
  });

  it('refuses a compression ratio above the limit', async () => {
    const zip = withExtra({
      name: 'documents/ratio.json',
      data: Buffer.alloc(4 * 1024 * 1024, 0x20),
      method: 8,
    });
    expectRejected(await inspectBundle(zip, options), 'ZIP_LIMIT', '압축률');
  });

  it('refuses more entries than the limit, and a bundle larger than the limit', async () => {
    expectRejected(
      await inspectBundle(bundle, { ...options, limits: { maxEntries: 5 } }),
      'ZIP_LIMIT',
      '항목 수',
    );
    expectRejected(
      await inspectBundle(bundle, { ...options, limits: { maxBundleBytes: 100 } }),
      'ZIP_LIMIT',
      '파일 크기',
    );
  });

  it('refuses deflated entries: bundle format 1 stores every entry uncompressed', async () => {
    const zip = withExtra({ name: 'documents/x.json', data: Buffer.from('{"a":1}'), method: 8 });
    expectRejected(await inspectBundle(zip, options), 'ZIP_INVALID', 'documents/x.json', '압축되어 있습니다');
  });

  it('reader with deflate allowed: inflates a valid entry, rejects size lies cleanly through yauzl', async () => {
    const deflate = { methods: [0, 8] as const };
    const good = buildRawZip([{ name: 'a.json', data: Buffer.from('{"a":1}'.repeat(50)), method: 8 }]);
    const read = await readZipEntries(good, DEFAULT_LIMITS, { methods: [...deflate.methods] });
    expect(read.ok && read.entries[0]!.data.toString()).toBe('{"a":1}'.repeat(50));
    const under = buildRawZip([
      {
        name: 'a.json',
        data: Buffer.alloc(300_000, 0x41),
        method: 8,
        uncompressedSize: 1000,
        localUncompressedSize: 1000,
      },
    ]);
    const underRead = await readZipEntries(under, DEFAULT_LIMITS, { methods: [...deflate.methods] });
    expect(underRead).toMatchObject({ ok: false, code: 'ZIP_INVALID' });
    expect(!underRead.ok && underRead.message).toContain('선언된 크기를 넘습니다');
    const over = buildRawZip([
      {
        name: 'a.json',
        data: Buffer.from('{"a":1}'),
        method: 8,
        uncompressedSize: 5000,
        localUncompressedSize: 5000,
      },
    ]);
    const overRead = await readZipEntries(over, DEFAULT_LIMITS, { methods: [...deflate.methods] });
    expect(overRead).toMatchObject({ ok: false, code: 'ZIP_INVALID' });
    expect(!overRead.ok && overRead.message).toContain('선언된 크기보다 작습니다');
    const junk = deflateRawSync(Buffer.from('x'.repeat(100)));
    junk[0] = 0xff;
    const broken = buildRawZip([
      { name: 'a.json', data: Buffer.from('x'.repeat(100)), method: 8, storedData: junk },
    ]);
    expect(await readZipEntries(broken, DEFAULT_LIMITS, { methods: [...deflate.methods] })).toMatchObject({
      ok: false,
      code: 'ZIP_INVALID',
    });
  });

  it('rejects cleanly when the central directory understates the inflated size', async () => {
    const big = Buffer.alloc(300_000, 0x41);
    const zip = withExtra({
      name: 'documents/lie.json',
      data: big,
      method: 8,
      uncompressedSize: 1000,
      localUncompressedSize: 1000,
    });
    expectRejected(await inspectBundle(zip, options), 'ZIP_INVALID', 'documents/lie.json');
  });

  it('rejects cleanly when the central directory overstates the inflated size', async () => {
    const zip = withExtra({
      name: 'documents/lie.json',
      data: Buffer.from('{"a":1}'),
      method: 8,
      uncompressedSize: 5000,
      localUncompressedSize: 5000,
    });
    expectRejected(await inspectBundle(zip, options), 'ZIP_INVALID', 'documents/lie.json');
  });

  it('rejects a size lie in the local header only', async () => {
    const entries = pieces.map((p) => canonicalEntry(p));
    entries[2] = { ...entries[2]!, localUncompressedSize: 1 };
    expectRejected(
      await inspectBundle(buildRawZip(entries), options),
      'ZIP_INVALID',
      '로컬 헤더',
      '원래 크기',
    );
  });

  it('rejects a local name that differs from the central directory name', async () => {
    const entries = pieces.map((p) => canonicalEntry(p));
    const name = Buffer.from(pieces[2]!.name);
    name[name.length - 1] = 0x78;
    entries[2] = { ...entries[2]!, localName: name };
    expectRejected(await inspectBundle(buildRawZip(entries), options), 'ZIP_INVALID', '로컬 헤더 이름');
  });

  it('rejects unsupported methods, encryption, prefixes, trailing data and comments', async () => {
    const bzip = withExtra({ name: 'documents/x.json', data: Buffer.from('{}'), method: 12 });
    expectRejected(await inspectBundle(bzip, options), 'ZIP_INVALID', '압축 방식(12)');
    const encrypted = withExtra({ name: 'documents/x.json', data: Buffer.from('{}'), flags: 0x0801 });
    expectRejected(await inspectBundle(encrypted, options), 'ZIP_INVALID', '암호화');
    const entries = pieces.map((p) => canonicalEntry(p));
    expectRejected(
      await inspectBundle(buildRawZip(entries, { prefix: Buffer.from('MZ polyglot') }), options),
      'ZIP_INVALID',
    );
    expectRejected(
      await inspectBundle(Buffer.concat([bundle, Buffer.from('tail')]), options),
      'ZIP_INVALID',
      '끝 레코드',
    );
    expectRejected(
      await inspectBundle(buildRawZip(entries, { comment: Buffer.from('hi') }), options),
      'ZIP_INVALID',
      '주석',
    );
    expectRejected(await inspectBundle(Buffer.from('not a zip at all, just text'), options), 'ZIP_INVALID');
  });

  it('rejects a stored entry whose bytes fail the CRC-32', async () => {
    const entries = pieces.map((p) => canonicalEntry(p));
    const sig = entries.findIndex((e) => e.name === 'manifest.sig');
    entries[sig] = { ...entries[sig]!, crc32: 12345 };
    expectRejected(
      await inspectBundle(buildRawZip(entries), options),
      'ZIP_INVALID',
      'CRC-32',
      'manifest.sig',
    );
  });

  it('reads stored entries as a second zip parser (yauzl) reads them, each in memory of its own', async () => {
    const read = await readZipEntries(bundle, DEFAULT_LIMITS);
    if (!read.ok) throw new Error(read.message);
    const byYauzl = await readWithYauzl(bundle);
    expect(read.entries.map((e) => e.name)).toEqual(byYauzl.map((e) => e.name));
    read.entries.forEach((e, i) => {
      expect(e.data.equals(byYauzl[i]!.data)).toBe(true);
      expect(e.data.buffer).not.toBe(bundle.buffer);
    });
    expect(read.entries.length).toBe(pieces.length);
  });

  it('rejects a deflate stream that is corrupt', async () => {
    const entries = pieces.map((p) => canonicalEntry(p));
    const junk = deflateRawSync(Buffer.from('x'.repeat(100)));
    junk[0] = 0xff;
    entries[0] = { ...entries[0]!, storedData: junk };
    expectRejected(await inspectBundle(buildRawZip(entries), options), 'ZIP_INVALID', 'manifest.json');
  });
});

describe('entry set', () => {
  it('rejects a missing member, an extra file, a missing signature and a short signature', async () => {
    const doc = pieces[2]!.name;
    expectRejected(
      await inspectBundle(assemble(pieces.filter((p) => p.name !== doc)), options),
      'MEMBER_MISSING',
      doc,
    );
    expectRejected(
      await inspectBundle(withExtra({ name: 'documents/zz.json', data: Buffer.from('{}') }), options),
      'MEMBER_EXTRA',
      'documents/zz.json',
    );
    expectRejected(
      await inspectBundle(assemble(pieces.filter((p) => p.name !== 'manifest.sig')), options),
      'MEMBER_MISSING',
      'manifest.sig',
    );
    const short = pieces.map((p) => (p.name === 'manifest.sig' ? { ...p, data: p.data.subarray(0, 63) } : p));
    expectRejected(await inspectBundle(assemble(short), options), 'SIGNATURE_INVALID', '64바이트');
  });

  it('rejects entries in another order', async () => {
    const swapped = [pieces[1]!, pieces[0]!, ...pieces.slice(2)];
    expectRejected(await inspectBundle(assemble(swapped), options), 'MEMBER_ORDER', 'manifest.json');
  });

  it('rejects a changed member with the original manifest, naming it', async () => {
    const doc = pieces.find((p) => p.name === 'documents/card-1-1-1.json')!;
    const changed = Buffer.from(doc.data);
    changed[changed.indexOf('35')] = '9'.charCodeAt(0);
    const zip = assemble(pieces.map((p) => (p === doc ? { ...p, data: changed } : p)));
    expectRejected(
      await inspectBundle(zip, options),
      'MEMBER_HASH',
      '구성 파일 documents/card-1-1-1.json 의 SHA-256 이 매니페스트와 다릅니다',
    );
  });

  it('rejects a manifest that lists a file the zip lacks (validly signed)', async () => {
    const manifest = manifestOf(pieces);
    const members = manifest.members as { path: string }[];
    const extra = {
      path: 'documents/zzz.json',
      sha256: sha256(Buffer.from('{}')),
      size: 2,
      mediaType: 'application/json',
      role: 'document',
    };
    const bytes = Buffer.from(JSON.stringify({ ...manifest, members: [...members, extra] }));
    expectRejected(
      await inspectBundle(assemble(resign(pieces, bytes, keys.privateKeyPem)), options),
      'MEMBER_MISSING',
      'documents/zzz.json',
    );
  });
});

describe('signature and manifest', () => {
  it('rejects a forged signature and a signature by another key under the claimed key id', async () => {
    const forged = pieces.map((p) => (p.name === 'manifest.sig' ? { ...p, data: Buffer.alloc(64, 7) } : p));
    expectRejected(
      await inspectBundle(assemble(forged), options),
      'SIGNATURE_INVALID',
      '매니페스트 서명이 올바르지 않습니다',
    );
    const manifestBytes = pieces[0]!.data;
    expectRejected(
      await inspectBundle(assemble(resign(pieces, manifestBytes, strangerKeys.privateKeyPem)), options),
      'SIGNATURE_INVALID',
    );
  });

  it('rejects a changed manifest field even when everything else is intact', async () => {
    const manifest = manifestOf(pieces);
    const bytes = Buffer.from(JSON.stringify({ ...manifest, revision: 99 }, null, 2) + '\n');
    const zip = assemble(pieces.map((p) => (p.name === 'manifest.json' ? { ...p, data: bytes } : p)));
    expectRejected(await inspectBundle(zip, options), 'SIGNATURE_INVALID');
  });

  it('rejects a validly signed manifest with a duplicate key, at any depth', async () => {
    const text = pieces[0]!.data.toString('utf8');
    const top = Buffer.from(text.replace('"department":', '"department": "기획담당관",\n  "department":'));
    expectRejected(
      await inspectBundle(assemble(resign(pieces, top, keys.privateKeyPem)), options),
      'MANIFEST_DUPLICATE_KEY',
      'department',
    );
    const deep = Buffer.from(
      text.replace('"role": "attachment"', '"role": "attachment", "role": "document"'),
    );
    expect(deep.equals(Buffer.from(text))).toBe(false);
    expectRejected(
      await inspectBundle(assemble(resign(pieces, deep, keys.privateKeyPem)), options),
      'MANIFEST_DUPLICATE_KEY',
      'role',
    );
  });

  it('rejects a validly signed manifest with an unknown field or a bad member path', async () => {
    const manifest = manifestOf(pieces);
    const extraField = Buffer.from(JSON.stringify({ ...manifest, approvedBy: 'someone' }));
    expectRejected(
      await inspectBundle(assemble(resign(pieces, extraField, keys.privateKeyPem)), options),
      'MANIFEST_INVALID',
      'approvedBy',
    );
    const future = Buffer.from(JSON.stringify({ ...manifest, formatVersion: 2 }));
    expectRejected(
      await inspectBundle(assemble(resign(pieces, future, keys.privateKeyPem)), options),
      'MANIFEST_INVALID',
      'formatVersion',
    );
  });

  it('rejects a baseline presented as a submission and the reverse', async () => {
    const baseline = await writeBundle(
      sampleInput(officeKeys, { type: 'pledge-baseline', department: OFFICE_DEPARTMENT }),
    );
    const registry = lookupFor(
      registryEntry(keys),
      registryEntry(officeKeys, { department: OFFICE_DEPARTMENT, role: 'office' }),
    );
    expectRejected(
      await inspectBundle(baseline, { lookupKey: registry, expectedType: 'pledge-submission' }),
      'TYPE_MISMATCH',
      'pledge-baseline',
    );
    const accepted = await inspectBundle(baseline, { lookupKey: registry, expectedType: 'pledge-baseline' });
    expect(accepted.ok).toBe(true);
    expectRejected(
      await inspectBundle(bundle, { lookupKey: registry, expectedType: 'pledge-baseline' }),
      'TYPE_MISMATCH',
      'pledge-submission',
    );
  });

  it('rejects a baseline signed with a department key when roles are known', async () => {
    const baseline = await writeBundle(
      sampleInput(keys, { type: 'pledge-baseline', department: OFFICE_DEPARTMENT }),
    );
    const registry = lookupFor(registryEntry(keys, { department: OFFICE_DEPARTMENT, role: 'department' }));
    expectRejected(
      await inspectBundle(baseline, { lookupKey: registry, expectedType: 'pledge-baseline' }),
      'KEY_ROLE',
      OFFICE_DEPARTMENT,
    );
  });
});

describe('keys', () => {
  const id = keyId(keys.publicKeyPem);
  it('quarantines an unknown key when nothing else is wrong', async () => {
    const check = await inspectBundle(bundle, {
      ...options,
      lookupKey: lookupFor(registryEntry(strangerKeys)),
    });
    expectRejected(check, 'KEY_UNKNOWN', `등록되지 않은 키(키 ID ${id}`);
    expect(check.ok === false && check.quarantine).toBe(true);
  });

  it('does not quarantine an unknown key when a member is also tampered with', async () => {
    const doc = pieces[2]!;
    const zip = assemble(
      pieces.map((p) => (p === doc ? { ...p, data: Buffer.concat([p.data, Buffer.from(' ')]) } : p)),
    );
    const check = await inspectBundle(zip, { ...options, lookupKey: lookupFor() });
    expectRejected(check, 'MEMBER_SIZE', doc.name);
    expect(check.ok === false && check.quarantine).toBeFalsy();
  });

  it('quarantines pending and revoked keys', async () => {
    const pending = await inspectBundle(bundle, {
      ...options,
      lookupKey: lookupFor(registryEntry(keys, { status: 'pending' })),
    });
    expectRejected(pending, 'KEY_PENDING', id);
    expect(pending.ok === false && pending.quarantine).toBe(true);
    const revoked = await inspectBundle(bundle, {
      ...options,
      lookupKey: lookupFor(registryEntry(keys, { status: 'revoked', revokedAt: '2019-01-01T00:00:00Z' })),
    });
    expectRejected(revoked, 'KEY_REVOKED', '폐기된 키', id, '다시 승인할 수 없어');
    expect(revoked.ok === false ? revoked.message : '').not.toContain('승인하면');
    expect(revoked.ok === false && revoked.quarantine).toBe(true);
  });

  it('checks the validity window against the signed createdAt', async () => {
    const late = lookupFor(registryEntry(keys, { validFrom: '2020-01-01T00:00:00Z' }));
    expectRejected(
      await inspectBundle(bundle, { ...options, lookupKey: late }),
      'KEY_NOT_YET_VALID',
      '2019-07-10',
    );
    // A key retired by a rotation (the state applyRotation writes) at the bundle's createdAt or before: refused,
    // not quarantined, saying when it was replaced; retired a millisecond after it: accepted.
    const retiredBefore = lookupFor(
      registryEntry(keys, { status: 'retired', revokedAt: '2019-07-10T09:30:00.000Z' }),
    );
    const refused = await inspectBundle(bundle, { ...options, lookupKey: retiredBefore });
    expectRejected(refused, 'KEY_RETIRED', id, '키 교체로 2019-07-10 18:30에 새 키로 바뀐');
    expect(refused.ok === false && refused.quarantine).toBeFalsy();
    const retiredAfter = lookupFor(
      registryEntry(keys, { status: 'retired', revokedAt: '2019-07-10T09:30:00.001Z' }),
    );
    expect((await inspectBundle(bundle, { ...options, lookupKey: retiredAfter })).ok).toBe(true);
    // Retired with no end recorded: valid for nothing.
    const retiredNoEnd = lookupFor(registryEntry(keys, { status: 'retired', revokedAt: null }));
    expectRejected(await inspectBundle(bundle, { ...options, lookupKey: retiredNoEnd }), 'KEY_RETIRED', id);
    // A revoked key refuses whatever the dates (lost or stolen: a thief can date a bundle as he likes).
    const revokedLater = lookupFor(
      registryEntry(keys, { status: 'revoked', revokedAt: '2030-01-01T00:00:00.000Z' }),
    );
    expectRejected(await inspectBundle(bundle, { ...options, lookupKey: revokedLater }), 'KEY_REVOKED', id);
    // An approved key carrying an end of validity is not something the app writes; a caller's snapshot with one
    // is still honoured.
    const endedBefore = lookupFor(registryEntry(keys, { revokedAt: '2019-07-10T09:30:00.000Z' }));
    expectRejected(await inspectBundle(bundle, { ...options, lookupKey: endedBefore }), 'KEY_REVOKED', id);
    const endedAfter = lookupFor(registryEntry(keys, { revokedAt: '2019-07-10T09:30:00.001Z' }));
    expect((await inspectBundle(bundle, { ...options, lookupKey: endedAfter })).ok).toBe(true);
  });

  it('looks keys up by department as well as id', async () => {
    const otherDept = lookupFor(registryEntry(keys, { department: '다른 부서' }));
    expectRejected(
      await inspectBundle(bundle, { ...options, lookupKey: otherDept }),
      'KEY_UNKNOWN',
      DEPARTMENT,
    );
  });
});

describe('documents', () => {
  it('rejects a document with duplicate keys even when its hash is listed', async () => {
    const bad = Buffer.from('{"pledgeNo":"1-1-1","pledgeNo":"9-9-9"}');
    const manifest = manifestOf(pieces);
    const members = (manifest.members as { path: string; sha256: string; size: number }[]).map((m) =>
      m.path === 'documents/card-1-1-1.json' ? { ...m, sha256: sha256(bad), size: bad.length } : m,
    );
    const swapped = pieces.map((p) => (p.name === 'documents/card-1-1-1.json' ? { ...p, data: bad } : p));
    const zip = assemble(
      resign(swapped, Buffer.from(JSON.stringify({ ...manifest, members })), keys.privateKeyPem),
    );
    expectRejected(
      await inspectBundle(zip, options),
      'DOCUMENT_INVALID',
      'documents/card-1-1-1.json',
      'pledgeNo',
    );
  });

  it("passes documents to the caller's validator and reports its message", async () => {
    const seen: string[] = [];
    const check = await inspectBundle(bundle, {
      ...options,
      validateDocument: (path, json) => {
        seen.push(path);
        return (json as { progress?: number }).progress === 35
          ? '진척률은 이 부서가 보고할 수 없는 사업입니다'
          : null;
      },
    });
    expectRejected(check, 'DOCUMENT_INVALID', 'documents/card-1-1-1.json', '진척률은');
    expect(seen).toContain('documents/card-1-1-1.json');
  });
});

/** Every entry as yauzl reads it: the reference the stored-entry reader is compared with. */
function readWithYauzl(bytes: Buffer): Promise<{ name: string; data: Buffer }[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('no zip'));
      const entries: { name: string; data: Buffer }[] = [];
      zip.on('error', reject);
      zip.on('end', () => resolve(entries));
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (openError, stream) => {
          if (openError || !stream) return reject(openError ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            entries.push({ name: entry.fileName, data: Buffer.concat(chunks) });
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}
