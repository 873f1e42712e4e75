import type { z } from 'zod';
import { contract, type ApiResult, type Handlers, type OperationName } from '../../domain/api/contract';
import { storageError, UserError } from './errors';

export const isOperationName = (name: string): name is OperationName => Object.hasOwn(contract, name);

/**
 * Runs one operation for any transport (IPC, HTTP bridge, CLI): checks the name, parses the input from
 * `unknown` with the contract's schema, and turns every failure into an ApiResult instead of a throw.
 */
export async function dispatch(
  handlers: Handlers,
  name: string,
  rawInput: unknown,
): Promise<ApiResult<unknown>> {
  if (!isOperationName(name)) {
    return { ok: false, error: { code: 'UNKNOWN_OPERATION', message: `알 수 없는 요청입니다: ${name}` } };
  }
  const parsed = contract[name].input.safeParse(rawInput);
  if (!parsed.success) {
    return { ok: false, error: zodToApiError(parsed.error) };
  }
  try {
    const handler = handlers[name] as (input: unknown) => unknown;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof UserError) return { ok: false, error: error.toApiError() };
    console.error(`[api] ${name} failed`, error);
    return { ok: false, error: storageError(error, { partOfImport: IMPORTS.has(name) }) ?? INTERNAL_ERROR };
  }
}

/** Operations that commit received files in batches: a failure leaves the batches before it in place. */
const IMPORTS: ReadonlySet<string> = new Set(['importBundleData', 'importBundleFiles']);

const INTERNAL_ERROR = {
  code: 'INTERNAL',
  message: '처리 중 오류가 발생했습니다. 저장된 데이터는 바뀌지 않았습니다.',
} as const;

/** The contract's input fields in the words of the screens; a field not listed is not named. */
const FIELD_LABELS: Record<string, string> = {
  text: '파일 내용',
  dataBase64: '파일 내용',
  name: '파일 이름',
  file: '파일',
  files: '파일',
  path: '파일 경로',
  paths: '파일·폴더',
  dataDir: '데이터 폴더',
  outDir: '저장할 폴더',
  role: '역할',
  department: '부서',
  keyId: '키 ID',
  projectId: '세부사업 번호',
  projectIds: '세부사업 번호',
  requestId: '조정 요청서 번호',
  slot: '문서 구분',
  kind: '문서 종류',
  json: '문서 내용',
  period: '기간',
  periodId: '반기',
  comparePeriodId: '비교 반기',
  executionRateThreshold: '집행률 기준',
  today: '오늘 날짜',
  date: '날짜',
  note: '메모',
  by: '결정한 사람',
  decision: '결정',
  status: '상태',
  sha256: 'SHA-256',
  jobId: '작업 번호',
  mediaType: '파일 형식',
  expectedVersion: '문서 판',
  version: '판',
};

const HANGUL = /[\uAC00-\uD7A3]/;

/**
 * A Korean sentence for an issue of zod's own (its English default message): what is wrong with the value, never
 * zod's words or the field's code name. An issue with the contract's own (Korean) message keeps it.
 */
function koreanIssueMessage(issue: z.core.$ZodIssue): string {
  if (HANGUL.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'too_big':
      if (issue.origin === 'string') return `${issue.maximum}자를 넘을 수 없습니다`;
      if (issue.origin === 'array' || issue.origin === 'set') return `${issue.maximum}개를 넘을 수 없습니다`;
      return `${issue.maximum}보다 클 수 없습니다`;
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1 ? '비어 있습니다' : `${issue.minimum}자 이상이어야 합니다`;
      if (issue.origin === 'array' || issue.origin === 'set')
        return Number(issue.minimum) <= 1
          ? '하나 이상 있어야 합니다'
          : `${issue.minimum}개 이상이어야 합니다`;
      return `${issue.minimum}보다 작을 수 없습니다`;
    case 'invalid_type':
      return '없거나 형식이 맞지 않습니다';
    case 'unrecognized_keys':
      return `알 수 없는 항목이 ${issue.keys.length}개 있습니다`;
    case 'invalid_value':
      return '고를 수 있는 값이 아닙니다';
    default:
      return '형식이 맞지 않습니다';
  }
}

/** The label of the field an issue is about (its last named part), if the screens have a word for it. */
function fieldLabel(path: readonly PropertyKey[]): string | undefined {
  const last = [...path].reverse().find((part): part is string => typeof part === 'string');
  return last === undefined ? undefined : FIELD_LABELS[last];
}

/**
 * An input the contract refuses, in Korean: the contract's own message as it is (it names the problem), else
 * zod's issue said in Korean with the field's label where the screens have one. `details` keeps the field
 * paths as keys (forms mark their fields by them), with the same Korean messages.
 */
export function zodToApiError(error: z.ZodError): {
  code: string;
  message: string;
  details: Record<string, string>;
} {
  const details: Record<string, string> = {};
  let message: string | undefined;
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '(입력)';
    const korean = koreanIssueMessage(issue);
    details[key] ??= korean;
    if (message !== undefined) continue;
    if (HANGUL.test(issue.message)) message = korean;
    else {
      const label = fieldLabel(issue.path);
      message = `입력값이 올바르지 않습니다: ${label ? `${label} — ` : ''}${korean}.`;
    }
  }
  return { code: 'INVALID_INPUT', message: message ?? '입력값이 올바르지 않습니다.', details };
}
