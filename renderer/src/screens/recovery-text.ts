import type { StartupProblem } from '../../../domain/api/contract';

/** Whether a folder chosen on the recovery screen is used again at the next start (StartupProblem.remembered). */
export function newFolderKeptText(remembered: boolean): string {
  return remembered ? '다음 시작부터 이 폴더를 씁니다.' : '이번 실행에만 씁니다 (--data로 시작함).';
}

/** The field (folder or backup file) a refusal of 새 데이터 폴더로 시작 is about, from the error's details. */
export function recoveryFieldOf(
  details: Record<string, string> | undefined,
): { field: 'dataDir' | 'backupFile'; message: string } | null {
  if (details?.backupFile !== undefined) return { field: 'backupFile', message: details.backupFile };
  if (details?.dataDir !== undefined) return { field: 'dataDir', message: details.dataDir };
  return null;
}

/** The recovery screen's title: the data file cannot be read, or it is missing or empty (StartupProblem.kind). */
export function recoveryHeading(kind: StartupProblem['kind']): string {
  switch (kind) {
    case 'missing':
      return '공약이행 관리 — 데이터 파일이 없습니다';
    case 'empty':
      return '공약이행 관리 — 데이터 파일이 비어 있습니다';
    default:
      return '공약이행 관리 — 데이터 파일을 열 수 없습니다';
  }
}

/** What is wrong with a lost data file, before its path. */
export function lostFileText(kind: 'missing' | 'empty'): string {
  return kind === 'missing'
    ? '데이터 폴더에 데이터 파일이 없습니다:'
    : '데이터 폴더의 데이터 파일이 비어 있습니다 (0바이트):';
}

/** The same folder, as typed (the trailing separators and the spaces around do not count). */
export function sameFolder(typed: string, folder: string): boolean {
  const plain = (path: string) => path.trim().replace(/[\\/]+$/, '');
  return plain(typed) !== '' && plain(typed) === plain(folder);
}

/** Why 새로 시작 is not done yet, for a folder that lost its data file: the warning not confirmed. */
export function startAnewRefusal(confirmed: boolean): string | null {
  return confirmed
    ? null
    : '새로 시작하려면 지금까지의 문서가 돌아오지 않는다는 것을 확인했다고 표시하세요. 백업 파일이 있으면 ‘백업에서 복원’을 쓰세요.';
}
