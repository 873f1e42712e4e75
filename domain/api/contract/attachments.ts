// Attached files: what may be attached, how large, and how one is saved and read back.
import { z } from 'zod';
import { documentRefSchema } from './documents';
import { base64Length } from './files';

export interface AttachmentUploaded {
  sha256: string;
  name: string;
  mediaType: string;
  size: number;
}

export const ATTACHMENT_MEDIA_TYPES = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'application/pdf',
  'application/haansofthwp',
  'application/x-hwp',
  'application/vnd.hancom.hwpx',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/plain',
] as const;

/** 20 MB per file: photos and scanned press clippings, not videos. */
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;

export const saveAttachmentInputSchema = z.strictObject({
  name: z.string().trim().min(1, '파일 이름이 없습니다.').max(255, '파일 이름은 255자 이내여야 합니다.'),
  mediaType: z.enum(ATTACHMENT_MEDIA_TYPES, {
    error: '첨부할 수 없는 파일 형식입니다 (사진 PNG·JPEG·GIF, PDF, 한글(HWP), 워드, 엑셀, 텍스트만 가능).',
  }),
  dataBase64: z.string().max(base64Length(ATTACHMENT_MAX_BYTES), '첨부파일은 20MB 이하만 가능합니다.'),
});

/**
 * An attached file read back by its SHA-256 (열기/내려받기): the office's from a document it received, a
 * department's from one of its own documents. `name`, when given, picks that name where documents cite the same
 * content under several.
 */
export const readAttachmentInputSchema = z.strictObject({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, '첨부 파일의 SHA-256 (소문자 16진수 64자리)이 아닙니다.'),
  name: z.string().max(255).optional(),
  /**
   * The project whose document the screen shows the file in: the office looks among that project's received
   * documents first (an index look-up) and through all of them only when none there cites it. Only a hint: it
   * never lets a file through that no received document cites.
   */
  projectId: documentRefSchema.shape.projectId.optional(),
});
