import { isAbsolute } from 'node:path';

/**
 * Why a path typed by the user is not a full path on this computer, or null when it is. The form's check
 * (contract.ts isFullPath) takes both Windows and POSIX forms, since the screen does not know where the program
 * runs; here the program does: "Z:\pledge" on Linux, or "/data" on Windows, would otherwise be taken relative to
 * the program's working folder and create a folder nobody chose.
 */
export function notFullPathHere(path: string, subject: string): string | null {
  if (isAbsolute(path)) return null;
  const example = process.platform === 'win32' ? 'C:\\공약이행\\데이터' : '/home/사용자/공약이행';
  return `${subject} 이 PC의 전체 경로가 아닙니다: ${path} (예: ${example}).`;
}
