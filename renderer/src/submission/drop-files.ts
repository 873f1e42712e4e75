/** Files dropped on the import zone, including the bundles inside dropped folders (walked recursively). */

const BUNDLE_NAME = /\.(pledge|zip)$/i;

// The File and Directory Entries API is non-standard but present in Chromium and Electron.
interface FsEntry {
  isFile: boolean;
  isDirectory: boolean;
  name: string;
  file?: (ok: (f: File) => void, fail: (e: unknown) => void) => void;
  createReader?: () => { readEntries: (ok: (e: FsEntry[]) => void, fail: (e: unknown) => void) => void };
}

async function walk(entry: FsEntry, out: File[]): Promise<void> {
  if (entry.isFile && entry.file) {
    const read = entry.file.bind(entry);
    if (BUNDLE_NAME.test(entry.name)) out.push(await new Promise<File>((ok, fail) => read(ok, fail)));
    return;
  }
  if (entry.isDirectory && entry.createReader) {
    const reader = entry.createReader();
    // readEntries returns at most ~100 entries per call; call until it returns none.
    for (;;) {
      const batch = await new Promise<FsEntry[]>((ok, fail) => reader.readEntries(ok, fail));
      if (batch.length === 0) break;
      for (const child of batch) await walk(child, out);
    }
  }
}

export async function droppedFiles(data: DataTransfer): Promise<File[]> {
  const entries = [...data.items]
    .map((item) =>
      'webkitGetAsEntry' in item ? (item.webkitGetAsEntry() as unknown as FsEntry | null) : null,
    )
    .filter((e): e is FsEntry => e !== null);
  if (entries.length === 0) return [...data.files];
  const out: File[] = [];
  for (const entry of entries) {
    // A file dropped on its own is taken whatever its name; inside folders only *.pledge and *.zip.
    if (entry.isFile && entry.file) {
      const read = entry.file.bind(entry);
      out.push(await new Promise<File>((ok, fail) => read(ok, fail)));
    } else {
      await walk(entry, out);
    }
  }
  return out;
}
