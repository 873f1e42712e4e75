// The screen's progress request waits for its import job: a small file's results come as soon as the import ends,
// not at the screen's next poll (real handlers, a real office data folder, a bundle signed by an enrolled key).
import { describe, expect, it } from 'vitest';
import { ImportJobs } from './bundle-jobs';
import { privateKeyOf, signSubmission } from './bundle-test-support';
import { dispatch } from './dispatch';
import { UserError } from './errors';
import type { ImportResult } from './import-result';
import { createHandlers } from './handlers';
import { basePlan, LEAD, planDoc, useOfficeHarness } from './test-support/office-harness';

const h = useOfficeHarness();

/** True once `promise` has settled, looked at after the pending callbacks ran. */
async function hasSettled(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  void promise.then(() => (settled = true));
  await new Promise((resolve) => setImmediate(resolve));
  return settled;
}

describe('ImportJobs.wait', () => {
  it('answers when the job finishes, with its results, not before', async () => {
    const jobs = new ImportJobs();
    let finish: (results: ImportResult[]) => void = () => undefined;
    const job = jobs.start(() => new Promise((resolve) => (finish = resolve)));
    expect(job.finished).toBe(false);

    const answer = jobs.wait(job.jobId, 60_000);
    expect(await hasSettled(answer)).toBe(false);
    finish([]);
    const view = await answer;
    expect(view).toMatchObject({ jobId: job.jobId, finished: true, results: [], error: null });
  });

  it('answers a job still running after the wait with its progress, and a failed job with its error', async () => {
    const jobs = new ImportJobs();
    let fail: (error: Error) => void = () => undefined;
    const job = jobs.start((onProgress) => {
      onProgress(1, 3);
      return new Promise((_resolve, reject) => (fail = reject));
    });
    expect(await jobs.wait(job.jobId, 1)).toMatchObject({ finished: false, done: 1, total: 3 });

    const answer = jobs.wait(job.jobId, 60_000);
    fail(new UserError('BUNDLE_UNREADABLE', '읽을 수 없습니다'));
    expect(await answer).toMatchObject({ finished: true, error: '읽을 수 없습니다', results: null });
    expect(await jobs.wait('00000000-0000-4000-8000-000000000000', 10)).toBeUndefined();
  });
});

describe("the import screen's progress request", () => {
  it("with waitMs, the first request after the start answers with the finished import's result", async () => {
    const bytes = await signSubmission(await privateKeyOf(h.dept), {
      department: LEAD,
      period: 'plan',
      revision: 1,
      previousBundleSha256: null,
      documents: [planDoc(basePlan())],
    });
    const handlers = createHandlers(h.office);
    const job = await handlers.startBundleImport({
      files: [{ name: 'r1.pledge', dataBase64: bytes.toString('base64') }],
    });
    expect(job.finished).toBe(false);

    // Through the contract, as the screen sends it: one request, answered once the import is done.
    const answer = await dispatch(handlers, 'getImportProgress', { jobId: job.jobId, waitMs: 2_000 });
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    expect(answer.value).toMatchObject({ finished: true, done: 1, total: 1, error: null });
    expect((answer.value as { results: ImportResult[] }).results).toMatchObject([
      { file: 'r1.pledge', status: 'accepted', department: LEAD },
    ]);
  });

  it('refuses a wait longer than 2 seconds, in Korean, and a job it does not know as before', async () => {
    const handlers = createHandlers(h.office);
    const tooLong = await dispatch(handlers, 'getImportProgress', {
      jobId: '00000000-0000-4000-8000-000000000000',
      waitMs: 60_000,
    });
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!tooLong.ok) expect(tooLong.error.message).toMatch(/[가-힣]/);
    const unknown = await dispatch(handlers, 'getImportProgress', {
      jobId: '00000000-0000-4000-8000-000000000000',
      waitMs: 10,
    });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'JOB_NOT_FOUND' } });
  });
});
