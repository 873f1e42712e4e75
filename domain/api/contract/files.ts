// Files inside API requests and answers: a bundle's size limit, base64 lengths, a download.

/** The largest submission bundle (photos and scanned clippings add up; the verifier refuses anything larger). */
export const BUNDLE_MAX_BYTES = 100 * 1024 * 1024;
/** Characters of `bytes` bytes in base64 (4 per 3 bytes, padded): how files travel inside API requests. */
export const base64Length = (bytes: number): number => Math.ceil(bytes / 3) * 4;

export interface FileDownload {
  fileName: string;
  mediaType: string;
  dataBase64: string;
}
