import type { FileDownload } from '../../domain/api/contract';
import { fileWriteError, writeFileAtomic } from '../bundles/atomic-file';

/** Writes a file an operation built for the screen's download (base64) to `path`, atomically; a failure is named. */
export function saveDownload(path: string, file: FileDownload): void {
  try {
    writeFileAtomic(path, Buffer.from(file.dataBase64, 'base64'));
  } catch (error) {
    throw fileWriteError(error, path);
  }
}
