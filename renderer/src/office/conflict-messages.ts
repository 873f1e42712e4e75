import type { Conflict } from '../../../domain/api/contract';
import { josa } from '../../../domain/text/josa';
import { periodLabel } from '../submission/labels';

/**
 * What a conflict decision says once made. A held file's decision covers the whole file: it names the file
 * (department, half-year, revision) and how many documents and projects it carries, never one of its projects.
 * A card's decision names its project and department.
 */
export function decisionMessage(c: Conflict, label: string): string {
  const decided = `${josa(`'${label}'`, '으로/로')} 정했습니다.`;
  if (c.kind !== 'sameRevision') return `${c.projectId} ${c.department}: ${decided}`;
  const file = c.heldFile;
  if (file === undefined) return `${c.department}의 보류한 제출 파일: ${decided}`;
  return `${c.department} ${periodLabel(file.period)} r${file.revision} 제출 파일(문서 ${file.documents}건, 사업 ${file.projects}개): ${decided}`;
}
