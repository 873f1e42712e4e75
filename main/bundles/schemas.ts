import { z } from 'zod';
import { KEY_ID_PATTERN } from './key-material';
import { DEPARTMENT_NAME_MAX } from '../../domain/catalog/department-name';
import { hasControlCharacter } from '../../domain/text/control-characters';

/** The planning office (총괄부서) signs baselines and registers department keys. */
export const OFFICE_DEPARTMENT = '기획담당관';

export const departmentSchema = z
  .string()
  .min(1)
  .max(DEPARTMENT_NAME_MAX)
  .refine((s) => s === s.trim() && s === s.normalize('NFC') && !hasControlCharacter(s), {
    message: '부서명에 앞뒤 공백, 제어 문자가 있거나 NFC 로 정규화되지 않았습니다',
  });

export const keyIdSchema = z.string().regex(KEY_ID_PATTERN, '키 ID 는 16자리 소문자 16진수입니다');
export const sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, 'SHA-256 은 64자리 소문자 16진수입니다');
export const isoDateTimeSchema = z.iso.datetime({ offset: true });

/** "members[2].sha256: …" for the first few zod issues, so a message names the field. */
export function describeIssues(error: z.ZodError, max = 3): string {
  return error.issues
    .slice(0, max)
    .map((issue) => {
      const path = issue.path
        .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
        .join('');
      return `${path || '(최상위)'}: ${issue.message}`;
    })
    .join('; ');
}
