// An import on a disk that fills up: SQLite's own SQLITE_FULL (max_page_count stops the file at its size).
import { expect, it } from 'vitest';
import { PAGE_SIZE, withRawConnection } from '../../db/create-db';
import { privateKeyOf, signSubmission } from './bundle-test-support';
import { dispatch } from './dispatch';
import { createHandlers } from './handlers';
import { basePlan, LEAD, planDoc, useOfficeHarness } from './test-support/office-harness';

const h = useOfficeHarness();

/** 20,000 characters (the longest text a field takes) that a zip cannot shrink much: varied syllables. */
const longText = Array.from({ length: 20_000 }, (_, i) =>
  String.fromCharCode(0xac00 + ((i * 7919) % 11172)),
).join('');

const dump = async () => ({
  bundles: await h.office.db.selectFrom('bundles').selectAll().execute(),
  documents: await h.office.db.selectFrom('received_documents').selectAll().execute(),
  files: await h.office.db.selectFrom('bundle_files').select('sha256').execute(),
});

it('is said as a full disk, with what became of the files, and stores nothing of the failed batch', async () => {
  const bytes = await signSubmission(await privateKeyOf(h.dept), {
    department: LEAD,
    period: 'plan',
    revision: 1,
    previousBundleSha256: null,
    // Longer than a database page (16 KB), so storing the bundle needs new pages and cannot fit in free space.
    documents: [planDoc({ ...basePlan(), policyGoal: longText })],
  });
  expect(bytes.length).toBeGreaterThan(3 * PAGE_SIZE);
  const before = await dump();
  await withRawConnection(h.office.db, (sqlite) => {
    sqlite.pragma(`max_page_count = ${sqlite.pragma('page_count', { simple: true }) as number}`);
  });
  const handlers = createHandlers(h.office);
  const files = [{ name: 'r1.pledge', dataBase64: bytes.toString('base64') }];

  const direct = await dispatch(handlers, 'importBundleData', { files });
  expect(direct).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } });
  if (!direct.ok) {
    expect(direct.error.message).toMatch(
      /^디스크 공간이 부족해 데이터를 저장하지 못했습니다\. 이미 반영된 제출 파일은 그대로 있고/,
    );
    expect(direct.error.message).not.toContain('no transaction');
  }

  // The screen's import runs as a job, polled for its progress: the job says the same.
  const job = await handlers.startBundleImport({ files });
  let view = await handlers.getImportProgress({ jobId: job.jobId });
  for (let i = 0; i < 200 && !view.finished; i++) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    view = await handlers.getImportProgress({ jobId: job.jobId });
  }
  expect(view.finished).toBe(true);
  expect(view.error).toMatch(/^디스크 공간이 부족해 데이터를 저장하지 못했습니다\./);

  expect(await dump()).toEqual(before);
});
