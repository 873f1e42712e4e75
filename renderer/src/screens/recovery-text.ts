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
