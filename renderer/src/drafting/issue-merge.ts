import type { Issue } from '../../../domain/documents';

/**
 * The errors 제출 전 확인 lists: first each field the last save refused (it holds on screen what was typed, not
 * what is stored), then the errors of the stored document — but not those of a refused field: the stored value is
 * the one put back in its place (often blank: "사업 시작 연월을 입력하세요"), so its error is about text the screen
 * no longer holds, and one problem is listed once, with the refused text's own message.
 */
export function mergedErrors(refused: readonly Issue[], saved: readonly Issue[]): Issue[] {
  const refusedPaths = new Set(refused.map((issue) => issue.path));
  return [...refused, ...saved.filter((issue) => !refusedPaths.has(issue.path))];
}
