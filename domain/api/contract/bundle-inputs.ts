// Input schemas of the key and bundle operations, used only by the contract (not re-exported by contract.ts).
import { z } from 'zod';
import { BUNDLE_MAX_BYTES, base64Length } from './files';
import { typedPathSchema } from './typed-path';

export const keyIdInputSchema = z.strictObject({
  keyId: z.string().regex(/^[0-9a-f]{16}$/, '키 ID는 16자리 소문자 16진수입니다.'),
  department: z.string().min(1).optional(),
});
/**
 * The text of a key enrollment file or rotation statement (under 2 KB); a longer text is some other file (a
 * .pledge package read as text), said so in the words of the screen.
 */
export const keyFileTextSchema = z
  .string()
  .min(
    1,
    "빈 파일입니다: 키 등록 파일('키등록_(부서)_(키 ID).pledgekey.json' 같은 이름의 .json 파일)을 고르세요.",
  )
  .max(
    20_000,
    "키 등록 파일이 아닙니다 (너무 큽니다): 키 등록 파일은 '키등록_(부서)_(키 ID).pledgekey.json' 같은 이름의 작은 .json 파일입니다. 기준 자료·제출 파일(.pledge)은 여기서 고르지 않습니다.",
  );
export const filePathSchema = typedPathSchema(z.string().min(1, '파일 경로를 입력하세요.').max(4096));
export const bundleDataSchema = z.strictObject({
  name: z.string().trim().min(1).max(255),
  dataBase64: z
    .string()
    .max(
      base64Length(BUNDLE_MAX_BYTES),
      `제출 파일은 ${BUNDLE_MAX_BYTES / (1024 * 1024)}MB 이하만 가져올 수 있습니다.`,
    ),
});
/**
 * The date the office received the files it imports now (접수일), when that was earlier: the day they came on the
 * share, by mail or on a USB stick. Absent: received when imported.
 */
export const receivedOnSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '접수일은 2020-07-15처럼 연-월-일로 입력하세요.')
  .optional();
export const bundlePeriodSchema = z.union([
  z.literal('plan'),
  z.string().regex(/^\d{4}-H[12]$/, '기간은 plan 또는 "2019-H1" 형식입니다.'),
]);
