import type { z } from 'zod';
import { contract, type ApiResult, type Handlers, type OperationName } from '../../domain/api/contract';
import { UserError } from './errors';

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
    return {
      ok: false,
      error: { code: 'INTERNAL', message: '처리 중 오류가 발생했습니다. 저장된 데이터는 바뀌지 않았습니다.' },
    };
  }
}

export function zodToApiError(error: z.ZodError): {
  code: string;
  message: string;
  details: Record<string, string>;
} {
  const details: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '(입력)';
    details[key] ??= issue.message;
  }
  const first = Object.entries(details)[0];
  return {
    code: 'INVALID_INPUT',
    message: first ? `입력값이 올바르지 않습니다: ${first[0]} — ${first[1]}` : '입력값이 올바르지 않습니다.',
    details,
  };
}
