import { randomBytes } from 'node:crypto';
import { putAttachment, sha256Hex } from '../db/attachments';
import type { FileDownload } from '../domain/api/contract';
import type { AppContext } from '../main/services/context';
import { dispatch } from '../main/services/dispatch';
import { createHandlers } from '../main/services/handlers';

/** 열기/내려받기 at the office, timed through the handlers (ms, every run in order). */
export interface AttachmentReadTimes {
  receivedDocuments: number;
  /** Without the screen's project: every received text looked through. */
  fullScan: number[];
  /** With the project the screen shows the file in: that project's received documents first. */
  byProject: number[];
  /** A file no document cites, asked with a project: the project's documents, then every one, then refused. */
  notCited: number[];
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

export const attachmentReadLine = (t: AttachmentReadTimes): string =>
  `첨부 파일 열기 (받은 문서 ${t.receivedDocuments}건 중 1건이 인용): 사업 지정 중앙값 ${median(t.byProject).toFixed(2)} ms (${t.byProject.map((x) => x.toFixed(1)).join(', ')}); 전체 검색 중앙값 ${median(t.fullScan).toFixed(0)} ms (${t.fullScan.map((x) => x.toFixed(0)).join(', ')}); 인용 없음 (사업 → 전체) 중앙값 ${median(t.notCited).toFixed(0)} ms`;

/**
 * One received card is made to cite a photo (its 시민참여 첨부, bytes stored as an import stores them), then the
 * office reads the file back as its screens do, with and without the card's project; the card's text is put back
 * after, so nothing else the bench measures sees the file.
 */
export async function timeAttachmentRead(office: AppContext, runs = 5): Promise<AttachmentReadTimes> {
  const db = office.db;
  const { count } = await db
    .selectFrom('received_documents')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  const row = await db
    .selectFrom('received_documents')
    .select(['bundle_sha256', 'kind', 'project_id', 'slot', 'json'])
    .where('kind', '=', 'managementCard')
    .orderBy('received_at', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  const bytes = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), randomBytes(200_000)]);
  const { sha256 } = await putAttachment(db, bytes, 'image/jpeg', office.now());
  const card = JSON.parse(row.json) as { citizenParticipation: { attachments: unknown[] } };
  card.citizenParticipation.attachments.push({
    category: 'photo',
    caption: '설명회',
    file: { sha256, name: '설명회.jpg', mediaType: 'image/jpeg', size: bytes.length },
  });
  const setJson = (json: string) =>
    db
      .updateTable('received_documents')
      .set({ json })
      .where('bundle_sha256', '=', row.bundle_sha256)
      .where('kind', '=', row.kind)
      .where('project_id', '=', row.project_id)
      .where('slot', '=', row.slot)
      .execute();
  await setJson(JSON.stringify(card));
  const handlers = createHandlers(office);
  const time = async (input: Record<string, string>, expectOk: boolean): Promise<number> => {
    const started = performance.now();
    const result = await dispatch(handlers, 'readAttachment', input);
    const ms = performance.now() - started;
    if (result.ok !== expectOk)
      throw new Error(`readAttachment ${JSON.stringify(input)}: ${JSON.stringify(result)}`);
    if (result.ok && !Buffer.from((result.value as FileDownload).dataBase64, 'base64').equals(bytes))
      throw new Error('readAttachment returned other bytes');
    return ms;
  };
  try {
    const times: AttachmentReadTimes = {
      receivedDocuments: count,
      fullScan: [],
      byProject: [],
      notCited: [],
    };
    const absent = sha256Hex(Buffer.from('아무도 첨부하지 않은 파일'));
    for (let i = 0; i < runs; i++) {
      times.fullScan.push(await time({ sha256 }, true));
      times.byProject.push(await time({ sha256, projectId: row.project_id }, true));
      times.notCited.push(await time({ sha256: absent, projectId: row.project_id }, false));
    }
    return times;
  } finally {
    await setJson(row.json);
    await db.deleteFrom('attachments').where('sha256', '=', sha256).execute();
  }
}
