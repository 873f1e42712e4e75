import { z } from 'zod';
import { keyId, loadPublicKey, publicKeyPemOf, signBytes, verifyBytes } from './key-material';
import { departmentSchema, describeIssues, isoDateTimeSchema, keyIdSchema } from './schemas';
import { parseStrictJson, parseStrictJsonBytes } from './strict-json';

/**
 * A key rotation statement: the old key vouches for the new one. The signed payload travels as base64 of its
 * exact bytes, so the verifier checks the signature before parsing and nothing is re-serialised.
 */
export const rotationPayloadSchema = z.strictObject({
  type: z.literal('pledge-key-rotation'),
  formatVersion: z.literal(1),
  department: departmentSchema,
  oldKeyId: keyIdSchema,
  newKeyId: keyIdSchema,
  newPublicKeyPem: z.string().min(1).max(1000),
  createdAt: isoDateTimeSchema,
});
export type RotationPayload = z.infer<typeof rotationPayloadSchema>;

const statementSchema = z.strictObject({
  type: z.literal('pledge-key-rotation-statement'),
  payload: z.base64(),
  signature: z.base64(),
});

export type RotationInput = {
  oldPrivateKeyPem: string;
  newPublicKeyPem: string;
  department: string;
  createdAt: string;
};

export function createRotation(input: RotationInput): string {
  const payload = rotationPayloadSchema.parse({
    type: 'pledge-key-rotation',
    formatVersion: 1,
    department: input.department,
    oldKeyId: keyId(publicKeyPemOf(input.oldPrivateKeyPem)),
    newKeyId: keyId(input.newPublicKeyPem),
    newPublicKeyPem: input.newPublicKeyPem,
    createdAt: input.createdAt,
  });
  if (payload.oldKeyId === payload.newKeyId) throw new Error('새 키가 이전 키와 같습니다');
  const payloadBytes = Buffer.from(JSON.stringify(payload), 'utf8');
  const statement = {
    type: 'pledge-key-rotation-statement',
    payload: payloadBytes.toString('base64'),
    signature: signBytes(payloadBytes, input.oldPrivateKeyPem).toString('base64'),
  };
  return `${JSON.stringify(statement, null, 2)}\n`;
}

export type RotationResult =
  { ok: true; rotation: RotationPayload } | { ok: false; code: string; message: string };

/** Verifies the old key's signature over the exact payload bytes first, then the payload's content. */
export function verifyRotation(statement: string, oldPublicKeyPem: string): RotationResult {
  const fail = (message: string, code = 'ROTATION_INVALID'): RotationResult => ({ ok: false, code, message });
  const outer = parseStrictJson(statement);
  if (!outer.ok) return fail(`키 교체 문서를 읽을 수 없습니다: ${outer.message}`);
  const parsedOuter = statementSchema.safeParse(outer.value);
  if (!parsedOuter.success)
    return fail(`키 교체 문서 형식이 올바르지 않습니다: ${describeIssues(parsedOuter.error)}`);
  const payloadBytes = Buffer.from(parsedOuter.data.payload, 'base64');
  const signature = Buffer.from(parsedOuter.data.signature, 'base64');
  if (!verifyBytes(payloadBytes, signature, oldPublicKeyPem)) {
    return fail(
      `키 교체 문서의 서명이 이전 키(키 ID ${safeKeyId(oldPublicKeyPem)})로 검증되지 않습니다`,
      'SIGNATURE_INVALID',
    );
  }
  const inner = parseStrictJsonBytes(payloadBytes);
  if (!inner.ok) return fail(`키 교체 문서의 내용을 읽을 수 없습니다: ${inner.message}`);
  const payload = rotationPayloadSchema.safeParse(inner.value);
  if (!payload.success)
    return fail(`키 교체 문서의 내용이 올바르지 않습니다: ${describeIssues(payload.error)}`);
  const rotation = payload.data;
  if (rotation.oldKeyId !== safeKeyId(oldPublicKeyPem))
    return fail(`키 교체 문서의 이전 키 ID ${rotation.oldKeyId} 가 검증한 키와 다릅니다`);
  try {
    loadPublicKey(rotation.newPublicKeyPem);
  } catch {
    return fail('키 교체 문서의 새 공개 키가 Ed25519 공개 키(PEM)가 아닙니다');
  }
  if (keyId(rotation.newPublicKeyPem) !== rotation.newKeyId)
    return fail(`키 교체 문서의 새 키 ID ${rotation.newKeyId} 가 새 공개 키와 맞지 않습니다`);
  if (rotation.newKeyId === rotation.oldKeyId) return fail('키 교체 문서의 새 키가 이전 키와 같습니다');
  return { ok: true, rotation };
}

function safeKeyId(publicKeyPem: string): string {
  try {
    return keyId(publicKeyPem);
  } catch {
    return '(읽을 수 없는 키)';
  }
}
