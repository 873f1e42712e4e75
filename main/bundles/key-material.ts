import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
} from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { UserError } from '../services/errors';

/** Ed25519 key material as PEM text: public keys as SPKI, private keys as PKCS#8 (what `openssl` reads). */
export type KeyPairPem = { publicKeyPem: string; privateKeyPem: string };

export const KEY_ID_PATTERN = /^[0-9a-f]{16}$/;

export function generateKeyPair(): KeyPairPem {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

/** Parses an SPKI PEM and insists on Ed25519 (an RSA or EC key must never slip in as "a key"). */
export function loadPublicKey(publicKeyPem: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey({ key: publicKeyPem, format: 'pem' });
  } catch {
    throw new UserError('KEY_INVALID', '공개 키(PEM)를 읽을 수 없습니다');
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new UserError(
      'KEY_INVALID',
      `공개 키가 Ed25519 가 아닙니다 (${key.asymmetricKeyType ?? '알 수 없음'})`,
    );
  }
  return key;
}

export function loadPrivateKey(privateKeyPem: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: privateKeyPem, format: 'pem' });
  } catch {
    throw new UserError('KEY_INVALID', '개인 키(PEM)를 읽을 수 없습니다');
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new UserError(
      'KEY_INVALID',
      `개인 키가 Ed25519 가 아닙니다 (${key.asymmetricKeyType ?? '알 수 없음'})`,
    );
  }
  return key;
}

/** The raw 32-byte Ed25519 public key (the JWK "x" member). */
export function rawPublicKey(publicKeyPem: string): Buffer {
  const jwk = loadPublicKey(publicKeyPem).export({ format: 'jwk' });
  const raw = Buffer.from(jwk.x ?? '', 'base64url');
  if (raw.length !== 32) throw new UserError('KEY_INVALID', '공개 키의 길이가 32바이트가 아닙니다');
  return raw;
}

/** The public key that belongs to a private key, as SPKI PEM. */
export function publicKeyPemOf(privateKeyPem: string): string {
  return createPublicKey(loadPrivateKey(privateKeyPem)).export({ type: 'spki', format: 'pem' }).toString();
}

/** First 16 hex digits of SHA-256 over the raw public key: a lookup hint, never proof of anything. */
export function keyId(publicKeyPem: string): string {
  return createHash('sha256').update(rawPublicKey(publicKeyPem)).digest('hex').slice(0, 16);
}

// Crockford's base32: digits and letters without I, L, O, U, so nothing is misheard or misread over the phone.
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * 80 bits of SHA-256 over the raw public key as four groups of four base32 characters ("7KQ2-M9XD-…"), read
 * aloud between a department and the planning office to confirm an enrollment.
 */
export function fingerprint(publicKeyPem: string): string {
  const digest = createHash('sha256').update(rawPublicKey(publicKeyPem)).digest();
  let bits = 0n;
  for (let i = 0; i < 10; i++) bits = (bits << 8n) | BigInt(digest[i] ?? 0);
  let out = '';
  for (let i = 15; i >= 0; i--) out += CROCKFORD[Number((bits >> BigInt(i * 5)) & 31n)];
  return `${out.slice(0, 4)}-${out.slice(4, 8)}-${out.slice(8, 12)}-${out.slice(12, 16)}`;
}

/** Ed25519 signature (64 bytes) over exactly these bytes. */
export function signBytes(bytes: Uint8Array, privateKeyPem: string): Buffer {
  return sign(null, bytes, loadPrivateKey(privateKeyPem));
}

/** True only for a valid signature by this key; malformed keys or signatures count as invalid. */
export function verifyBytes(bytes: Uint8Array, signature: Uint8Array, publicKeyPem: string): boolean {
  if (signature.length !== 64) return false;
  try {
    return verify(null, bytes, cachedPublicKey(publicKeyPem), signature);
  } catch {
    return false;
  }
}

// Parsing a PEM costs more than verifying a signature; an import checks thousands of bundles by a few keys.
const publicKeyCache = new Map<string, KeyObject>();
const PUBLIC_KEY_CACHE_MAX = 4096;

function cachedPublicKey(publicKeyPem: string): KeyObject {
  const cached = publicKeyCache.get(publicKeyPem);
  if (cached) return cached;
  const key = loadPublicKey(publicKeyPem); // throws for a malformed or non-Ed25519 key: never cached
  if (publicKeyCache.size >= PUBLIC_KEY_CACHE_MAX) publicKeyCache.clear();
  publicKeyCache.set(publicKeyPem, key);
  return key;
}
