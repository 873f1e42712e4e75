import { z } from 'zod';
import { fingerprint, keyId, loadPublicKey } from './key-material';
import { departmentSchema, isoDateTimeSchema, keyIdSchema, OFFICE_DEPARTMENT } from './schemas';
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

/** What a key enrollment file is, for a message about a file that is not one. */
export const ENROLLMENT_FILE_HINT =
  "키 등록 파일은 상대 PC의 '제출 파일' 화면에서 내보낸 '키등록_(부서)_(키 ID).pledgekey.json' 같은 이름의 작은 .json 파일입니다.";

/** The enrollment's fields in the words of the screens, to name the wrong ones of a damaged file. */
const FIELD_LABELS: Record<string, string> = {
  formatVersion: '형식 판',
  role: '역할',
  department: '부서',
  keyId: '키 ID',
  fingerprint: '지문',
  publicKeyPem: '공개 키',
  createdAt: '만든 시각',
};

const invalid = (message: string): EnrollmentResult => ({ ok: false, code: 'ENROLLMENT_INVALID', message });

/** A file that is not an enrollment, said by what it is (as far as its first characters tell) and what to choose. */
function notAnEnrollment(text: string, value: unknown): EnrollmentResult {
  if (text.startsWith('PK'))
    return invalid(
      `이 파일은 키 등록 파일이 아니라 ZIP 파일(제출 파일이나 기준 자료 .pledge)입니다. ${ENROLLMENT_FILE_HINT}`,
    );
  const type =
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>).type
      : undefined;
  if (type === 'pledge-key-rotation-statement')
    return invalid(
      "이 파일은 키 등록 파일이 아니라 키 교체 문서입니다. 키 교체 문서는 기획담당관 PC의 '부서 키 등록부'에서 가져옵니다.",
    );
  return invalid(
    `이 파일은 이 프로그램의 키 등록 파일이 아닙니다${value === undefined ? ' (JSON 형식이 아님)' : ''}. ${ENROLLMENT_FILE_HINT}`,
  );
}

/** An enrollment file that says it is one but does not read as one: what to do, then which part. */
const damaged = (detail: string): EnrollmentResult =>
  invalid(
    `키 등록 파일이 손상되었거나 고쳐졌습니다. 보낸 쪽에 키 등록 파일을 다시 내보내 달라고 하세요. (자세히: ${detail})`,
  );

/** Strict: duplicate keys, unknown fields, a non-Ed25519 key or a key id/fingerprint that does not match fail. */
export function parseEnrollment(text: string): EnrollmentResult {
  const parsed = parseStrictJson(text);
  if (!parsed.ok) {
    if (text.includes('"pledge-key-enrollment"')) return damaged(parsed.message);
    return notAnEnrollment(text.replace(/^\uFEFF/, ''), undefined);
  }
  const value = parsed.value;
  if (
    typeof value !== 'object' ||
    value === null ||
    (value as Record<string, unknown>).type !== 'pledge-key-enrollment'
  )
    return notAnEnrollment(text, value);
  const result = enrollmentSchema.safeParse(value);
  if (!result.success) {
    const fields = [
      ...new Set(result.error.issues.map((i) => FIELD_LABELS[String(i.path[0])] ?? '알 수 없는 항목')),
    ];
    return damaged(`올바르지 않은 항목 — ${fields.join(', ')}`);
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
