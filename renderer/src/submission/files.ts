/** Browser file helpers: reading chosen files for the API (base64, text) and offering text as a download. */

import { BUNDLE_MAX_BYTES } from '../../../domain/api/contract';
import { KEY_FILE_MAX_BYTES, tooLargeMessage } from '../../../domain/text/file-size';

/**
 * A chosen file's bytes as base64, for the API. `what` names the kind of file for the message when it is larger
 * than any such file can be (checked before reading: a file of hundreds of MB would fail in the browser with an
 * English "Invalid string length").
 */
export async function readAsBase64(file: File, what: string, maxBytes = BUNDLE_MAX_BYTES): Promise<string> {
  if (file.size > maxBytes) throw new Error(tooLargeMessage(what, file.size, maxBytes));
  const bytes = new Uint8Array(await file.arrayBuffer());
  // Chunked: String.fromCharCode over a whole 100 MB array would overflow the call stack.
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

/** A chosen key file's text (등록 파일, 키 교체 문서: a few KB), refused by size before reading. */
export async function readKeyFileText(file: File): Promise<string> {
  if (file.size > KEY_FILE_MAX_BYTES)
    throw new Error(tooLargeMessage('키 등록 파일', file.size, KEY_FILE_MAX_BYTES));
  return file.text();
}

export async function readFilesForApi(
  files: readonly File[],
): Promise<{ name: string; dataBase64: string }[]> {
  const out: { name: string; dataBase64: string }[] = [];
  for (const f of files) out.push({ name: f.name, dataBase64: await readAsBase64(f, '제출 파일') });
  return out;
}

/** Offers a file to save through the browser's download (works in Electron and in browser mode). */
function saveBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser a moment to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadText(fileName: string, text: string, mediaType = 'application/json'): void {
  saveBlob(fileName, new Blob([text], { type: `${mediaType};charset=utf-8` }));
}

/** The last path segment, for either separator (paths come from the machine running the program). */
export const baseName = (path: string): string => path.split(/[\\/]/).pop() ?? path;

/** Saves a base64 file (a workbook, a zip the main process built) through the browser's download. */
export function downloadBase64(fileName: string, mediaType: string, dataBase64: string): void {
  const binary = atob(dataBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  saveBlob(fileName, new Blob([bytes], { type: mediaType }));
}
