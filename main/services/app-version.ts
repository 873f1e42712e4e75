/**
 * Program versions ("1.4.2") as the bundles' manifests carry them (appVersion). A baseline package from a newer
 * office program may hold documents this one does not know; the refusal then says which program to update.
 */

/** The numeric parts of "x.y.z" (a pre-release or build suffix is ignored); null when it is not one. */
function versionParts(version: string): number[] | null {
  const match = /^(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/.exec(version.trim());
  return match ? match.slice(1, 4).map(Number) : null;
}

/** True when `version` is a newer release than `than`; false when either is no "x.y.z" version. */
export function isNewerVersion(version: string, than: string): boolean {
  const a = versionParts(version);
  const b = versionParts(than);
  if (a === null || b === null) return false;
  for (let i = 0; i < 3; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    if (x !== y) return x > y;
  }
  return false;
}

/** The sentence added to a refused package's message when the office's program is newer than this one. */
export function newerProgramNote(packageVersion: string, ownVersion: string): string {
  return isNewerVersion(packageVersion, ownVersion)
    ? ` 이 기준 자료는 기획담당관의 더 새 프로그램(버전 ${packageVersion})으로 만들어졌습니다. 이 PC의 프로그램(버전 ${ownVersion})을 같은 버전으로 업데이트한 뒤 다시 적용하세요.`
    : '';
}
