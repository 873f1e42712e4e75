// 작성 문서 파일: a department's drafts carried between its own PCs, previewed and taken in.
import { z } from 'zod';
import type { DocumentRef } from './documents';
import { BUNDLE_MAX_BYTES, base64Length } from './files';

/** 작성 문서 파일: a department's drafts carried between its own PCs (not signed: the key holder's PC sends). */
export const draftFileSchema = z.strictObject({
  name: z.string().max(255),
  dataBase64: z
    .string()
    .min(1, '작성 문서 파일이 비어 있습니다.')
    .max(
      base64Length(BUNDLE_MAX_BYTES),
      `작성 문서 파일은 ${BUNDLE_MAX_BYTES / (1024 * 1024)}MB까지 읽습니다. 사진이 많으면 사업을 나눠 내보내세요.`,
    ),
});
export type DraftFile = z.infer<typeof draftFileSchema>;

/**
 * What taking one document of a 작성 문서 파일 would do here: `new` (none here), `replace` (this PC's is older),
 * `localNewer` (this PC's was saved after the file's: not taken unless chosen), `same` (nothing to take) or
 * `refused` (with why: another department's project, a confirmed plan, a document that does not read).
 */
export type DraftImportAction = 'new' | 'replace' | 'localNewer' | 'same' | 'refused';

export interface DraftImportRow {
  /** The document's member path in the file: what an import names to take it. */
  path: string;
  kind: DocumentRef['kind'];
  projectId: string;
  projectName: string;
  slot: string;
  /** "관리카드 2019년 상반기", "조정 요청서 (사업기간 변경)". */
  title: string;
  /** When it was last saved on the PC that made the file (ISO). */
  fileSavedAt: string;
  /** This PC's copy: its version (the import checks it is still the same) and when it was saved. */
  local: { version: number; savedAt: string; status: 'draft' | 'submitted' | 'confirmed' } | null;
  action: DraftImportAction;
  /** Why it is refused, or what to know before taking it. */
  note: string | null;
  /** Errors and warnings the document has as the forms check it (it is taken all the same, as a draft). */
  errors: number;
  warnings: number;
}

export interface DraftImportPreview {
  fileName: string;
  department: string;
  /** When the file was made, and by which version of the program. */
  createdAt: string;
  appVersion: string;
  rows: DraftImportRow[];
  attachments: number;
}

export interface DraftImportResult {
  imported: { path: string; title: string; projectId: string }[];
  attachments: number;
}

export const draftImportInputSchema = draftFileSchema.extend({
  /** The documents chosen, by member path, each with the version of this PC's copy the preview showed (null: none). */
  take: z
    .array(
      z.strictObject({
        path: z.string().min(1).max(300),
        localVersion: z.number().int().positive().nullable(),
      }),
    )
    .min(1, '가져올 문서를 하나 이상 고르세요.')
    .max(5000),
});
