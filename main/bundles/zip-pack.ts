import yazl from 'yazl';
import { ZIP_FILE_MODE } from './zip-layout';

export type PackEntry = { name: string; data: Uint8Array; compress: boolean };

/**
 * Packs entries in the given order into the canonical layout zip-layout.ts accepts: fixed DOS time
 * 1980-01-01 00:00 (a local-time Date, because yazl converts with the local zone; so every machine writes the
 * same bytes), no extended-timestamp field, mode 0644, sizes known up front (no data descriptors).
 */
export async function packZip(entries: readonly PackEntry[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  const mtime = new Date(1980, 0, 1, 0, 0, 0);
  for (const entry of entries) {
    zip.addBuffer(Buffer.from(entry.data), entry.name, {
      mtime,
      mode: ZIP_FILE_MODE,
      compress: entry.compress,
      forceDosTimestamp: true,
    });
  }
  return zipBytes(zip);
}

/** Ends a yazl zip and collects what it writes. */
export function zipBytes(zip: yazl.ZipFile): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
  zip.end();
  return done;
}
