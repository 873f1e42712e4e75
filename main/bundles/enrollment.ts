import { z } from 'zod';
import { fingerprint, keyId, loadPublicKey } from './key-material';
import {
  departmentSchema,
  describeIssues,
  isoDateTimeSchema,
  keyIdSchema,
  OFFICE_DEPARTMENT,
} from './schemas';
import { parseStrictJson } from './strict-json';

/**
 * An enrollment file carries a new public key to the planning office. It is not proof of anything by itself:
 * the office approves it after both sides read the fingerprint to each other over the phone.
 */
export const enrollmentSchema = z
  .strictObject({
    type: z.literal('pledge-key-enrollment'),
    formatVersion: z.literal(1),
    role: z.enum(['department', 'office']),
    department: departmentSchema,
    keyId: keyIdSchema,
    fingerprint: z.string().regex(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/),
    publicKeyPem: z.string().min(1).max(1000),
    createdAt: isoDateTimeSchema,
  })
  .refine((e) => e.role !== 'office' || e.department === OFFICE_DEPARTMENT, {
    message: `총괄부서 키의 부서는 ${OFFICE_DEPARTMENT} 이어야 합니다`,
    path: ['department'],
  });
export type Enrollment = z.infer<typeof enrollmentSchema>;

export type EnrollmentInput = {
  role: 'department' | 'office';
  department: string;
  publicKeyPem: string;
  createdAt: string;
};

export function createEnrollment(input: EnrollmentInput): string {
  const enrollment: Enrollment = enrollmentSchema.parse({
    type: 'pledge-key-enrollment',
    formatVersion: 1,
    role: input.role,
    department: input.department,
    keyId: keyId(input.publicKeyPem),
    fingerprint: fingerprint(input.publicKeyPem),
    publicKeyPem: input.publicKeyPem,
    createdAt: input.createdAt,
  });
  return `${JSON.stringify(enrollment, null, 2)}\n`;
}

export type EnrollmentResult =
  { ok: true; enrollment: Enrollment } | { ok: false; code: string; message: string };

/** Strict: duplicate keys, unknown fields, a non-Ed25519 key or a key id/fingerprint that does not match fail. */
export function parseEnrollment(text: string): EnrollmentResult {
  const parsed = parseStrictJson(text);
  if (!parsed.ok)
    return {
      ok: false,
      code: 'ENROLLMENT_INVALID',
      message: `키 등록 파일을 읽을 수 없습니다: ${parsed.message}`,
    };
  const result = enrollmentSchema.safeParse(parsed.value);
  if (!result.success) {
    return {
      ok: false,
      code: 'ENROLLMENT_INVALID',
      message: `키 등록 파일이 올바르지 않습니다: ${describeIssues(result.error)}`,
    };
  }
  const enrollment = result.data;
  try {
    loadPublicKey(enrollment.publicKeyPem);
  } catch {
    return {
      ok: false,
      code: 'ENROLLMENT_INVALID',
      message: '키 등록 파일의 공개 키가 Ed25519 공개 키(PEM)가 아닙니다',
    };
  }
  if (keyId(enrollment.publicKeyPem) !== enrollment.keyId) {
    return {
      ok: false,
      code: 'ENROLLMENT_INVALID',
      message: `키 등록 파일의 키 ID ${enrollment.keyId} 가 공개 키와 맞지 않습니다`,
    };
  }
  if (fingerprint(enrollment.publicKeyPem) !== enrollment.fingerprint) {
    return {
      ok: false,
      code: 'ENROLLMENT_INVALID',
      message: '키 등록 파일의 지문(fingerprint)이 공개 키와 맞지 않습니다',
    };
  }
  return { ok: true, enrollment };
}
