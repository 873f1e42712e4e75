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

export function downloadText(fileName: string, text: string, mediaType = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mediaType};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser a moment to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The last path segment, for either separator (paths come from the machine running the program). */
export const baseName = (path: string): string => path.split(/[\\/]/).pop() ?? path;

/** Saves a base64 file through the browser's download (works in Electron and in browser mode). */
export function downloadBase64(fileName: string, mediaType: string, dataBase64: string): void {
  const binary = atob(dataBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Let the browser start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
