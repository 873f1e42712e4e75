import { z } from 'zod';
import { ATTACHMENT_MEDIA_TYPES } from '../../domain/api/contract';
import { DOCUMENT_KINDS } from '../../domain/documents';
import { DRAFT_FILE_INDEX } from '../bundles/file-kind';
import { DEFAULT_LIMITS } from '../bundles/limits';
import { readZipEntries } from '../bundles/read';
import { parseStrictJsonBytes } from '../bundles/strict-json';
import { packZip, type PackEntry } from '../bundles/zip-pack';
import { sha256Hex } from '../../db/attachments';
import { UserError } from './errors';

/**
 * 작성 문서 파일 (.pledgedraft): a department's documents carried from one of its PCs to another — a 과 writes its
 * projects' cards on its own PC and the PC that holds the department's key takes them in, checks them and sends the
 * signed submission file. It is a zip of stored entries in the bundles' canonical layout: `drafts.json` first (what
 * the file holds), then `documents/<n>.json` and `attachments/<SHA-256>`. It is not signed: nothing in it is believed
 * before it is read as the forms read a document typed here, and it never reaches the office.
 */

export const DRAFT_FILE_EXTENSION = '.pledgedraft';
export const DRAFT_FILE_TYPE = 'pledge-drafts';

const indexSchema = z.strictObject({
  type: z.literal(DRAFT_FILE_TYPE),
  formatVersion: z.literal(1),
  department: z.string().min(1).max(200),
  catalogId: z.string().min(1).max(200),
  createdAt: z.string().min(1).max(40),
  appVersion: z.string().max(100),
  documents: z
    .array(
      z.strictObject({
        path: z.string().regex(/^documents\/\d{1,5}\.json$/),
        kind: z.enum(DOCUMENT_KINDS),
        projectId: z.string().regex(/^\d+-\d+-\d+$/),
        slot: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
        savedAt: z.string().min(1).max(40),
      }),
    )
    .min(1)
    .max(5000),
  attachments: z
    .array(
      z.strictObject({
        path: z.string().regex(/^attachments\/[0-9a-f]{64}$/),
        mediaType: z.enum(ATTACHMENT_MEDIA_TYPES),
      }),
    )
    .max(5000),
});
export type DraftFileIndex = z.infer<typeof indexSchema>;

export interface DraftFileDocument {
  path: string;
  kind: DraftFileIndex['documents'][number]['kind'];
  projectId: string;
  slot: string;
  savedAt: string;
  /** As the file holds it, not yet read as a document. */
  json: unknown;
}

export interface DraftFileContent {
  index: DraftFileIndex;
  documents: DraftFileDocument[];
  /** By SHA-256. */
  attachments: Map<string, { mediaType: string; bytes: Buffer }>;
}

export interface DraftFileInput {
  department: string;
  catalogId: string;
  createdAt: string;
  appVersion: string;
  documents: {
    kind: DraftFileDocument['kind'];
    projectId: string;
    slot: string;
    savedAt: string;
    json: unknown;
  }[];
  attachments: { sha256: string; mediaType: string; bytes: Buffer }[];
}

export async function packDraftFile(input: DraftFileInput): Promise<Buffer> {
  const documents = input.documents.map((d, i) => ({ ...d, path: `documents/${i + 1}.json` }));
  const index: DraftFileIndex = {
    type: DRAFT_FILE_TYPE,
    formatVersion: 1,
    department: input.department,
    catalogId: input.catalogId,
    createdAt: input.createdAt,
    appVersion: input.appVersion,
    documents: documents.map(({ path, kind, projectId, slot, savedAt }) => ({
      path,
      kind,
      projectId,
      slot,
      savedAt,
    })),
    attachments: input.attachments.map((a) => ({
      path: `attachments/${a.sha256}`,
      mediaType: a.mediaType as DraftFileIndex['attachments'][number]['mediaType'],
    })),
  };
  const text = (value: unknown): Buffer => Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
  const entries: PackEntry[] = [
    { name: DRAFT_FILE_INDEX, data: text(index), compress: false },
    ...documents.map((d) => ({ name: d.path, data: text(d.json), compress: false })),
    ...input.attachments.map((a) => ({ name: `attachments/${a.sha256}`, data: a.bytes, compress: false })),
  ];
  return packZip(entries);
}

const NOT_A_DRAFT_FILE =
  "작성 문서 파일이 아닙니다: 같은 부서의 다른 PC에서 '작성 문서 파일 만들기'로 만든 .pledgedraft 파일을 고르세요.";

function refuse(code: string, why: string): never {
  throw new UserError(code, why);
}

/**
 * Reads a 작성 문서 파일 with the bundles' zip checks (canonical layout, sizes, CRC-32) and its own: the index
 * first, every member listed exactly once, each attachment's bytes hashing to its name. A file that fails any of
 * them is refused whole, naming what is wrong.
 */
export async function readDraftFile(bytes: Buffer): Promise<DraftFileContent> {
  const zip = await readZipEntries(bytes, DEFAULT_LIMITS);
  if (!zip.ok) {
    refuse(
      'DRAFT_FILE_UNREADABLE',
      bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50
        ? `작성 문서 파일을 읽을 수 없습니다 (${zip.message}). 파일이 옮기는 중에 잘렸거나 바뀌었을 수 있습니다: 만든 PC에서 다시 만드세요.`
        : NOT_A_DRAFT_FILE,
    );
  }
  const [first, ...members] = zip.entries;
  if (first?.name !== DRAFT_FILE_INDEX) {
    refuse(
      'DRAFT_FILE_NOT_DRAFTS',
      first?.name === 'manifest.json'
        ? "제출 파일(.pledge)이나 기준 자료입니다. 작성 문서 파일이 아닙니다: 제출 파일은 기획담당관이 받고, 기준 자료는 '제출 파일' 메뉴에서 적용합니다."
        : NOT_A_DRAFT_FILE,
    );
  }
  const parsedIndex = parseStrictJsonBytes(first.data);
  const index = parsedIndex.ok ? indexSchema.safeParse(parsedIndex.value) : null;
  if (index === null || !index.success) {
    refuse(
      'DRAFT_FILE_INDEX',
      `작성 문서 파일의 목록(drafts.json)을 읽을 수 없습니다${parsedIndex.ok ? '' : ` (${parsedIndex.message})`}. 이 프로그램의 다른 판이 만든 파일이면 같은 판을 설치하세요.`,
    );
  }
  const listed = new Set<string>([
    ...index.data.documents.map((d) => d.path),
    ...index.data.attachments.map((a) => a.path),
  ]);
  if (listed.size !== index.data.documents.length + index.data.attachments.length)
    refuse('DRAFT_FILE_INDEX', '작성 문서 파일의 목록에 같은 항목이 두 번 있습니다.');
  const byName = new Map(members.map((m) => [m.name, m.data]));
  for (const name of byName.keys())
    if (!listed.has(name))
      refuse('DRAFT_FILE_MEMBERS', `작성 문서 파일에 목록에 없는 항목이 있습니다: ${name}`);
  for (const name of listed)
    if (!byName.has(name)) refuse('DRAFT_FILE_MEMBERS', `작성 문서 파일에 목록의 항목이 없습니다: ${name}`);

  const documents = index.data.documents.map((d): DraftFileDocument => {
    const parsed = parseStrictJsonBytes(byName.get(d.path) as Buffer);
    if (!parsed.ok)
      refuse('DRAFT_FILE_DOCUMENT', `작성 문서 파일의 ${d.path}를 읽을 수 없습니다: ${parsed.message}`);
    return { ...d, json: parsed.value };
  });
  const attachments = new Map<string, { mediaType: string; bytes: Buffer }>();
  for (const a of index.data.attachments) {
    const data = byName.get(a.path) as Buffer;
    const sha256 = a.path.slice('attachments/'.length);
    if (sha256Hex(data) !== sha256)
      refuse(
        'DRAFT_FILE_ATTACHMENT',
        `작성 문서 파일의 첨부 ${sha256.slice(0, 12)}…의 내용이 이름과 맞지 않습니다 (파일이 바뀌었습니다).`,
      );
    attachments.set(sha256, { mediaType: a.mediaType, bytes: data });
  }
  return { index: index.data, documents, attachments };
}

/** What the draft-file worker posts back: the content (attachments as entries) or why the file is refused. */
export type DraftFileRead =
  | {
      ok: true;
      index: DraftFileIndex;
      documents: DraftFileDocument[];
      attachments: [string, { mediaType: string; bytes: Uint8Array }][];
    }
  | { ok: false; code: string; message: string };

/** readDraftFile as a value, for the worker thread (verify-worker-entry.ts): a refusal is an answer, not a throw. */
export async function readDraftFileAnswer(bytes: Buffer): Promise<DraftFileRead> {
  try {
    const content = await readDraftFile(bytes);
    return {
      ok: true,
      index: content.index,
      documents: content.documents,
      attachments: [...content.attachments],
    };
  } catch (error) {
    if (error instanceof UserError) return { ok: false, code: error.code, message: error.message };
    return {
      ok: false,
      code: 'DRAFT_FILE_UNREADABLE',
      message: `작성 문서 파일을 읽다가 멈췄습니다: ${String(error)}`,
    };
  }
}
