/** Browser file helpers: reading chosen files for the API (base64, text) and offering text as a download. */

export async function readAsBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  // Chunked: String.fromCharCode over a whole 100 MB array would overflow the call stack.
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

export async function readFilesForApi(
  files: readonly File[],
): Promise<{ name: string; dataBase64: string }[]> {
  const out: { name: string; dataBase64: string }[] = [];
  for (const f of files) out.push({ name: f.name, dataBase64: await readAsBase64(f) });
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
