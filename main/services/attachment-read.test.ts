// 열기/내려받기 of attached files: the office reads back, byte for byte, a 완료 근거자료 that came in a signed file;
// a malformed hash is refused by the contract and a missing file is named.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ApiResult, FileDownload } from '../../domain/api/contract';
import type { AttachmentRef, ManagementCard } from '../../domain/documents';
import { importBundleInputs } from './bundle-import';
import { privateKeyOf, sha256Hex, signSubmission } from './bundle-test-support';
import { dispatch } from './dispatch';
import { createHandlers } from './handlers';
import type { AppContext } from './context';
import { officeHandlers } from './office-handlers';
import {
  basePlan,
  cardDoc,
  cardFor,
  direct,
  LEAD,
  sendConfirmedPlan,
  useOfficeHarness,
} from './test-support/office-harness';

const h = useOfficeHarness();

/** A PDF's worth of bytes: every byte value occurs, so a lossy text round trip would show. */
const pdfBytes = (): Buffer =>
  Buffer.concat([
    Buffer.from('%PDF-1.4\n'),
    Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
    randomBytes(4096),
  ]);

const refOf = (bytes: Buffer, name: string): AttachmentRef => ({
  sha256: sha256Hex(bytes),
  name,
  mediaType: 'application/pdf',
  size: bytes.length,
});

/** The card asking for 완료 on this evidence file alone (no summary), sent in a signed file with its bytes. */
async function sendCompletedCardWith(file: Buffer, name: string): Promise<ManagementCard> {
  const plan = await sendConfirmedPlan(h);
  const card: ManagementCard = {
    ...cardFor(plan, 'completed'),
    completionEvidence: { summary: '', attachments: [refOf(file, name)] },
  };
  h.revision += 1;
  const bytes = await signSubmission(await privateKeyOf(h.dept), {
    department: LEAD,
    period: '2019-H1',
    revision: h.revision,
    previousBundleSha256: h.lastSha,
    documents: [cardDoc(card)],
    attachments: [{ bytes: file, mediaType: 'application/pdf' }],
  });
  const [result] = await importBundleInputs(h.office, [{ name: `r${h.revision}.pledge`, bytes }], direct);
  expect(result?.status).toBe('accepted');
  h.lastSha = sha256Hex(bytes);
  return card;
}

const read = (ctx: AppContext, input: unknown): Promise<ApiResult<unknown>> =>
  dispatch(createHandlers(ctx), 'readAttachment', input);

async function readOk(ctx: AppContext, input: unknown): Promise<FileDownload> {
  const result = await read(ctx, input);
  if (!result.ok) throw new Error(`${result.error.code} ${result.error.message}`);
  return result.value as FileDownload;
}

describe('readAttachment at the office', () => {
  it('returns the exact bytes of a 완료 근거자료 received in a bundle, with its name and type', async () => {
    const file = pdfBytes();
    await sendCompletedCardWith(file, '핀테크랩_준공검사조서.pdf');
    const sha256 = sha256Hex(file);

    // The 완료 요청 names the file by its hash, so the screen can open it.
    const view = await officeHandlers(h.office).getOfficeReport({ periodId: '2019-H1', today: '2019-07-20' });
    expect(view.completionRequests[0]?.evidenceFiles).toEqual([refOf(file, '핀테크랩_준공검사조서.pdf')]);

    const got = await readOk(h.office, { sha256 });
    expect(got.fileName).toBe('핀테크랩_준공검사조서.pdf');
    expect(got.mediaType).toBe('application/pdf');
    const returned = Buffer.from(got.dataBase64, 'base64');
    expect(sha256Hex(returned)).toBe(sha256);
    expect(returned.equals(file)).toBe(true);
  });

  it('refuses a malformed hash before looking, in Korean', async () => {
    for (const sha256 of ['abc', 'A'.repeat(64), `${'0'.repeat(63)}g`, '../../etc/passwd']) {
      const result = await read(h.office, { sha256 });
      if (result.ok) throw new Error(`accepted ${sha256}`);
      expect(result.error.code).toBe('INVALID_INPUT');
      expect(result.error.message).toContain('첨부 파일의 SHA-256 (소문자 16진수 64자리)이 아닙니다');
    }
    const extra = await read(h.office, { sha256: '0'.repeat(64), path: '/etc/passwd' });
    expect(extra.ok).toBe(false);
  });

  it('names a file no received document cites, and one whose bytes are gone', async () => {
    const unknown = sha256Hex(Buffer.from('아무도 첨부하지 않은 파일'));
    const missing = await read(h.office, { sha256: unknown });
    expect(missing).toMatchObject({ ok: false, error: { code: 'ATTACHMENT_NOT_FOUND' } });
    if (missing.ok) return;
    expect(missing.error.message).toMatch(/^첨부 파일을 찾을 수 없습니다 \(SHA-256 [0-9a-f]{12}…\)/);

    const file = pdfBytes();
    await sendCompletedCardWith(file, '준공검사조서.pdf');
    await h.office.db.deleteFrom('attachments').where('sha256', '=', sha256Hex(file)).execute();
    const gone = await read(h.office, { sha256: sha256Hex(file) });
    if (gone.ok) throw new Error('read a deleted file');
    expect(gone.error.code).toBe('ATTACHMENT_NOT_FOUND');
    expect(gone.error.message).toContain('첨부 파일을 찾을 수 없습니다: 준공검사조서.pdf');
  });

  it('refuses bytes changed outside the program instead of handing them out under the hash', async () => {
    const file = pdfBytes();
    await sendCompletedCardWith(file, '준공검사조서.pdf');
    await h.office.db
      .updateTable('attachments')
      .set({ bytes: Buffer.from('바뀐 내용') })
      .where('sha256', '=', sha256Hex(file))
      .execute();
    const changed = await read(h.office, { sha256: sha256Hex(file) });
    expect(changed).toMatchObject({ ok: false, error: { code: 'ATTACHMENT_DAMAGED' } });
  });
});

describe('readAttachment at the office, with the project the screen shows the file in', () => {
  it('finds the file among that project’s documents, and through every document when the project was another', async () => {
    const file = pdfBytes();
    const card = await sendCompletedCardWith(file, '준공검사조서.pdf');
    const sha256 = sha256Hex(file);
    const own = await readOk(h.office, { sha256, projectId: card.projectId });
    expect(own.fileName).toBe('준공검사조서.pdf');
    expect(Buffer.from(own.dataBase64, 'base64').equals(file)).toBe(true);
    // Only a hint: a project none of whose documents cites the file falls back to all of them.
    const elsewhere = await readOk(h.office, { sha256, projectId: '7-1-1' });
    expect(Buffer.from(elsewhere.dataBase64, 'base64').equals(file)).toBe(true);
  });

  it('lets no uncited file through, and refuses a malformed project', async () => {
    const stored = pdfBytes();
    await sendCompletedCardWith(pdfBytes(), '준공검사조서.pdf');
    // Bytes stored at the office (as by a bundle) that no received document cites.
    await h.office.db
      .insertInto('attachments')
      .values({
        sha256: sha256Hex(stored),
        media_type: 'application/pdf',
        size: stored.length,
        bytes: stored,
        created_at: '2019-07-20T00:00:00.000Z',
      })
      .execute();
    const uncited = await read(h.office, { sha256: sha256Hex(stored), projectId: '1-1-1' });
    expect(uncited).toMatchObject({ ok: false, error: { code: 'ATTACHMENT_NOT_FOUND' } });
    const malformed = await read(h.office, { sha256: sha256Hex(stored), projectId: "1-1-1' OR 1=1" });
    expect(malformed).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('readAttachment on a department copy', () => {
  it('reads a file its own document cites, under the name the screen asks for', async () => {
    const file = pdfBytes();
    const uploaded = await uploadOnDepartment(file);
    const card: ManagementCard = {
      ...cardFor(basePlan(), 'completed'),
      lifecycle: 'draft',
      completionEvidence: {
        summary: '',
        attachments: [
          { ...uploaded, name: '준공검사조서.pdf' },
          { ...uploaded, name: '준공검사조서(사본).pdf' },
        ],
      },
    };
    const saved = await dispatch(createHandlers(h.dept), 'saveDraft', {
      kind: 'managementCard',
      projectId: '1-1-1',
      slot: '2019-H1',
      json: card,
      expectedVersion: null,
    });
    expect(saved.ok).toBe(true);

    const first = await readOk(h.dept, { sha256: uploaded.sha256 });
    expect(first.fileName).toBe('준공검사조서.pdf');
    expect(Buffer.from(first.dataBase64, 'base64').equals(file)).toBe(true);
    const named = await readOk(h.dept, { sha256: uploaded.sha256, name: '준공검사조서(사본).pdf' });
    expect(named.fileName).toBe('준공검사조서(사본).pdf');
    // A name no document gives it is not taken: the document's is.
    const other = await readOk(h.dept, { sha256: uploaded.sha256, name: '다른이름.exe' });
    expect(other.fileName).toBe('준공검사조서.pdf');
  });

  it('does not hand out a file stored here that none of its documents cites', async () => {
    const uploaded = await uploadOnDepartment(pdfBytes());
    const result = await read(h.dept, { sha256: uploaded.sha256 });
    if (result.ok) throw new Error('read an uncited file');
    expect(result.error.code).toBe('ATTACHMENT_NOT_FOUND');
    expect(result.error.message).toContain(`이 PC의 ${LEAD} 문서 가운데 이 파일을 첨부한 문서가 없습니다`);
  });
});

/** 첨부 on the department's copy (saveAttachment), as its forms do. */
async function uploadOnDepartment(file: Buffer): Promise<AttachmentRef> {
  const result = await dispatch(createHandlers(h.dept), 'saveAttachment', {
    name: '업로드.pdf',
    mediaType: 'application/pdf',
    dataBase64: file.toString('base64'),
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.value as AttachmentRef;
}
