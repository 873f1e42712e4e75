import { createHash } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../services/errors';
import {
  createEnrollment,
  createRotation,
  fingerprint,
  generateKeyPair,
  keyId,
  parseEnrollment,
  readPrivateKeyFile,
  verifyRotation,
  writePrivateKeyFile,
} from './keys';

const dir = mkdtempSync(join(tmpdir(), 'pledge-keys-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const posix = process.platform !== 'win32';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof UserError) return `${error.code}: ${error.message}`;
    throw error;
  }
  return 'no error';
}

describe('key material', () => {
  const pair = generateKeyPair();

  it('exports SPKI and PKCS#8 PEM', () => {
    expect(pair.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    expect(pair.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
  });

  it('keyId is the first 16 hex of SHA-256 over the raw 32-byte key (the last 32 bytes of the SPKI DER)', () => {
    const der = Buffer.from(pair.publicKeyPem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
    expect(der).toHaveLength(44);
    const expected = createHash('sha256').update(der.subarray(12)).digest('hex').slice(0, 16);
    expect(keyId(pair.publicKeyPem)).toBe(expected);
  });

  it('fingerprint is four groups of four unambiguous characters, stable per key and different between keys', () => {
    const fp = fingerprint(pair.publicKeyPem);
    expect(fp).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(fingerprint(pair.publicKeyPem)).toBe(fp);
    expect(fingerprint(generateKeyPair().publicKeyPem)).not.toBe(fp);
  });

  it('refuses non-Ed25519 keys', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 })
      .publicKey.export({ type: 'spki', format: 'pem' })
      .toString();
    expect(codeOf(() => keyId(rsa))).toMatch(/^KEY_INVALID: 공개 키가 Ed25519 가 아닙니다/);
    expect(codeOf(() => keyId('garbage'))).toMatch(/^KEY_INVALID/);
  });
});

describe('private key files', () => {
  const pair = generateKeyPair();

  it('writes 0600 and reads back the same key', () => {
    const path = join(dir, 'dept.key');
    writePrivateKeyFile(path, pair.privateKeyPem);
    if (posix) expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readPrivateKeyFile(path)).toBe(pair.privateKeyPem);
  });

  it('does not overwrite an existing key unless asked', () => {
    const path = join(dir, 'once.key');
    writePrivateKeyFile(path, pair.privateKeyPem);
    const other = generateKeyPair();
    expect(codeOf(() => writePrivateKeyFile(path, other.privateKeyPem))).toMatch(/^KEY_FILE_EXISTS/);
    writePrivateKeyFile(path, other.privateKeyPem, { overwrite: true });
    expect(readPrivateKeyFile(path)).toBe(other.privateKeyPem);
  });

  it.runIf(posix)('refuses a group- or world-readable key file with a Korean message', () => {
    const path = join(dir, 'open.key');
    writeFileSync(path, pair.privateKeyPem);
    chmodSync(path, 0o644);
    expect(codeOf(() => readPrivateKeyFile(path))).toBe(
      `KEY_FILE_MODE: 개인 키 파일 ${path} 을 다른 사용자도 읽을 수 있습니다 (권한 644). chmod 600 으로 권한을 줄인 뒤 다시 시도하십시오`,
    );
    chmodSync(path, 0o640);
    expect(codeOf(() => readPrivateKeyFile(path))).toMatch(/^KEY_FILE_MODE/);
  });

  it.runIf(posix)('refuses a symlink and a file that is not a key', () => {
    const target = join(dir, 'dept.key');
    const link = join(dir, 'link.key');
    symlinkSync(target, link);
    expect(codeOf(() => readPrivateKeyFile(link))).toMatch(/^KEY_FILE_TYPE/);
    const junk = join(dir, 'junk.key');
    writeFileSync(junk, 'not a key', { mode: 0o600 });
    expect(codeOf(() => readPrivateKeyFile(junk))).toMatch(/^KEY_FILE_INVALID/);
    expect(codeOf(() => readPrivateKeyFile(join(dir, 'missing.key')))).toMatch(/^KEY_FILE_MISSING/);
  });
});

describe('enrollment', () => {
  const pair = generateKeyPair();
  const input = {
    role: 'department' as const,
    department: '도시교통실 교통정책과',
    publicKeyPem: pair.publicKeyPem,
    createdAt: '2019-01-02T03:04:05Z',
  };

  it('round-trips and carries key id and fingerprint', () => {
    const result = parseEnrollment(createEnrollment(input));
    if (!result.ok) throw new Error(result.message);
    expect(result.enrollment).toMatchObject({
      ...input,
      keyId: keyId(pair.publicKeyPem),
      fingerprint: fingerprint(pair.publicKeyPem),
    });
  });

  it('rejects duplicate keys, unknown fields, a mismatched key id and an office role outside 기획담당관', () => {
    const text = createEnrollment(input);
    const dup = text.replace('"role": "department"', '"role": "office", "role": "department"');
    expect(parseEnrollment(dup)).toMatchObject({ ok: false, code: 'ENROLLMENT_INVALID' });
    expect(
      parseEnrollment(dup).ok === false && (parseEnrollment(dup) as { message: string }).message,
    ).toContain('"role"');
    const obj = JSON.parse(text) as Record<string, unknown>;
    expect(parseEnrollment(JSON.stringify({ ...obj, extra: 1 }))).toMatchObject({ ok: false });
    const otherKey = generateKeyPair().publicKeyPem;
    const swapped = parseEnrollment(JSON.stringify({ ...obj, publicKeyPem: otherKey }));
    expect(swapped).toMatchObject({ ok: false, code: 'ENROLLMENT_INVALID' });
    expect(!swapped.ok && swapped.message).toContain('키 ID');
    expect(parseEnrollment(JSON.stringify({ ...obj, role: 'office' }))).toMatchObject({ ok: false });
  });
});

describe('rotation', () => {
  const oldPair = generateKeyPair();
  const newPair = generateKeyPair();
  const statement = createRotation({
    oldPrivateKeyPem: oldPair.privateKeyPem,
    newPublicKeyPem: newPair.publicKeyPem,
    department: '복지정책과',
    createdAt: '2020-03-01T00:00:00Z',
  });

  it('verifies with the old public key and names both keys', () => {
    const result = verifyRotation(statement, oldPair.publicKeyPem);
    if (!result.ok) throw new Error(result.message);
    expect(result.rotation).toMatchObject({
      department: '복지정책과',
      oldKeyId: keyId(oldPair.publicKeyPem),
      newKeyId: keyId(newPair.publicKeyPem),
      newPublicKeyPem: newPair.publicKeyPem,
    });
  });

  it('fails with another key, a changed payload or a changed signature', () => {
    expect(verifyRotation(statement, newPair.publicKeyPem)).toMatchObject({
      ok: false,
      code: 'SIGNATURE_INVALID',
    });
    const obj = JSON.parse(statement) as { payload: string; signature: string };
    const payload = JSON.parse(Buffer.from(obj.payload, 'base64').toString()) as Record<string, unknown>;
    const forgedPayload = Buffer.from(JSON.stringify({ ...payload, department: '다른과' })).toString(
      'base64',
    );
    expect(
      verifyRotation(JSON.stringify({ ...obj, payload: forgedPayload }), oldPair.publicKeyPem),
    ).toMatchObject({ ok: false, code: 'SIGNATURE_INVALID' });
    const sig = Buffer.from(obj.signature, 'base64');
    sig[0] = sig[0]! ^ 1;
    expect(
      verifyRotation(JSON.stringify({ ...obj, signature: sig.toString('base64') }), oldPair.publicKeyPem),
    ).toMatchObject({ ok: false });
    expect(verifyRotation('{"type":"x","type":"y"}', oldPair.publicKeyPem)).toMatchObject({
      ok: false,
      code: 'ROTATION_INVALID',
    });
  });
});
