import { sql, type Kysely } from 'kysely';
import type { FileDownload } from '../../domain/api/contract';
import { DOCUMENT_KINDS } from '../../domain/documents';
import { getAttachment, sha256Hex } from '../../db/attachments';
import type { Database } from '../../db/schema';
import { UserError } from './errors';

/**
 * 열기/내려받기 of an attached file (완료 근거자료, 관련자료, 시민참여 사진): its bytes by SHA-256, under the name a
 * document gave it. Only a file a document of this copy cites is handed out: at the office one of the documents it
 * received (from accepted files), on a department's copy one of its own documents (or an earlier saved version).
 */

/** Whose documents may cite the file: the office's received ones, or a department's own. */
export type AttachmentReader = { role: 'office' } | { role: 'department'; department: string };

/** Citing documents read for the file's name at most. */
const CITING_LIMIT = 50;

const short = (sha256: string): string => `${sha256.slice(0, 12)}…`;

/** The names documents give this content (an attachment ref: an object with its sha256 and name), in order. */
export function namesCiting(json: unknown, sha256: string): string[] {
  const names: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    if (record['sha256'] === sha256 && typeof record['name'] === 'string' && record['name'].trim() !== '')
      names.push(record['name']);
    for (const key in record) {
      const inner = record[key];
      if (inner !== null && typeof inner === 'object') walk(inner);
    }
  };
  walk(json);
  return names;
}

/**
 * The JSON texts of the reader's documents that mention the hash (instr: the hash is 64 hex digits). At the office,
 * with the project the screen shows the file in, that project's received documents are looked through first (the
 * (kind, project) index: a few dozen rows), and every received text only when none of them cites it.
 */
async function citingTexts(
  db: Kysely<Database>,
  reader: AttachmentReader,
  sha256: string,
  projectId?: string,
): Promise<string[]> {
  const mentions = sql<boolean>`instr(json, ${sha256}) > 0`;
  if (reader.role === 'office') {
    if (projectId !== undefined) {
      const ofProject = await db
        .selectFrom('received_documents')
        .select('json')
        .where('kind', 'in', DOCUMENT_KINDS)
        .where('project_id', '=', projectId)
        .where(mentions)
        .limit(CITING_LIMIT)
        .execute();
      if (ofProject.length > 0) return ofProject.map((r) => r.json);
    }
    // A scan of every received text: stopped once a few citing documents are found (the same card sent again
    // cites the same file under the same name).
    const rows = await db
      .selectFrom('received_documents')
      .select('json')
      .where(mentions)
      .limit(CITING_LIMIT)
      .execute();
    return rows.map((r) => r.json);
  }
  const current = await db
    .selectFrom('documents')
    .select('json')
    .where('department', '=', reader.department)
    .where(mentions)
    .execute();
  if (current.length > 0) return current.map((r) => r.json);
  // A file only an earlier version cites (removed since, restorable from 저장 기록).
  const earlier = await db
    .selectFrom('document_versions as v')
    .innerJoin('documents as d', 'd.id', 'v.document_id')
    .select('v.json')
    .where('d.department', '=', reader.department)
    .where(sql<boolean>`instr(v.json, ${sha256}) > 0`)
    .orderBy('v.saved_at', 'desc')
    .limit(CITING_LIMIT)
    .execute();
  return earlier.map((r) => r.json);
}

async function citedNames(
  db: Kysely<Database>,
  reader: AttachmentReader,
  sha256: string,
  projectId?: string,
): Promise<string[]> {
  const names: string[] = [];
  for (const text of await citingTexts(db, reader, sha256, projectId)) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      continue;
    }
    names.push(...namesCiting(json, sha256));
  }
  return names;
}

export async function readAttachment(
  db: Kysely<Database>,
  reader: AttachmentReader,
  sha256: string,
  preferredName?: string,
  projectId?: string,
): Promise<FileDownload> {
  const names = await citedNames(db, reader, sha256, projectId);
  const name = names.find((n) => n === preferredName) ?? names[0];
  if (name === undefined) {
    throw new UserError(
      'ATTACHMENT_NOT_FOUND',
      reader.role === 'office'
        ? `첨부 파일을 찾을 수 없습니다 (SHA-256 ${short(sha256)}): 받은 문서 가운데 이 파일을 첨부한 문서가 없습니다.`
        : `첨부 파일을 찾을 수 없습니다 (SHA-256 ${short(sha256)}): 이 PC의 ${reader.department} 문서 가운데 이 파일을 첨부한 문서가 없습니다.`,
    );
  }
  const stored = await getAttachment(db, sha256);
  if (stored === undefined) {
    throw new UserError(
      'ATTACHMENT_NOT_FOUND',
      reader.role === 'office'
        ? `첨부 파일을 찾을 수 없습니다: ${name} (SHA-256 ${short(sha256)}). 문서는 이 파일을 첨부했지만 파일 내용이 이 PC에 없습니다. '받은 제출 파일 점검'을 실행해 보세요.`
        : `첨부 파일을 찾을 수 없습니다: ${name} (SHA-256 ${short(sha256)}). 파일 내용이 이 PC에 없습니다. 문서에서 다시 첨부하세요.`,
    );
  }
  // Handed out only as stored: bytes changed outside the program would pass under the hash of others.
  if (sha256Hex(stored.bytes) !== sha256) {
    throw new UserError(
      'ATTACHMENT_DAMAGED',
      `첨부 파일 ${name}의 내용이 저장할 때와 다릅니다 (SHA-256 ${short(sha256)}). 데이터 파일이 손상되었을 수 있으니 백업에서 복원하세요.`,
    );
  }
  return { fileName: name, mediaType: stored.mediaType, dataBase64: stored.bytes.toString('base64') };
}
