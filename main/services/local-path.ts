import { posix, win32 } from 'node:path';

/**
 * A full path on Windows: a drive ("C:\…", "C:/…") or a network path ("\\server\share"). Not path.win32.isAbsolute,
 * which also takes "\공약이행" and "/공약이행": those name a folder on whichever drive the program started from.
 */
const WINDOWS_FULL_PATH = /^([A-Za-z]:[\\/]|[\\/]{2}[^\\/])/;

/**
 * Why a path typed by the user is not a full path on this computer, or null when it is. The form's check
 * (contract.ts isFullPath) takes both Windows and POSIX forms, since the screen does not know where the program
 * runs; here the program does: "Z:\pledge" on Linux, or "/data" on Windows, would otherwise be taken relative to
 * the program's working folder (on Windows, its drive) and create a folder nobody chose.
 */
export function notFullPathHere(
  path: string,
  subject: string,
  platform: NodeJS.Platform = process.platform,
): string | null {
  const windows = platform === 'win32';
  if (windows ? WINDOWS_FULL_PATH.test(path) : posix.isAbsolute(path)) return null;
  const example = windows ? 'C:\\공약이행\\데이터' : '/home/사용자/공약이행';
  return `${subject} 이 PC의 전체 경로가 아닙니다: ${path} (예: ${example}).`;
}

/**
 * A folder as compared with another: its full path, and on Windows in lower case, since Windows takes "c:\\data"
 * and "C:\\Data" for the same folder. Two paths name the same folder when their keys are equal (sameFolder).
 */
export function folderKey(folder: string, platform: NodeJS.Platform = process.platform): string {
  return platform === 'win32' ? win32.resolve(folder).toLowerCase() : posix.resolve(folder);
}

/** Whether two paths name the same folder on this computer (on Windows, whatever their case). */
export const sameFolder = (a: string, b: string, platform: NodeJS.Platform = process.platform): boolean =>
  folderKey(a, platform) === folderKey(b, platform);
