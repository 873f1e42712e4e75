import { randomUUID } from 'node:crypto';
import type { ImportResult } from './import-result';
import { storageError, UserError } from './errors';

/** A background import the renderer polls for its progress bar. */
export interface ImportJobView {
  jobId: string;
  done: number;
  total: number;
  finished: boolean;
  /** Set when finished. */
  results: ImportResult[] | null;
  /** Set when the job failed as a whole (not a single file). */
  error: string | null;
}

const MAX_KEPT = 20;

/**
 * The longest a progress request waits for its job to finish (getImportProgress's waitMs): the screen asks again
 * after it, so a long import's progress bar still moves.
 */
export const MAX_PROGRESS_WAIT_MS = 2_000;

/** In-memory registry of import jobs of one app process (a restart forgets finished jobs, not imports). */
export class ImportJobs {
  private readonly jobs = new Map<string, ImportJobView>();
  /** Progress requests waiting for a job to finish, by job. */
  private readonly waiting = new Map<string, (() => void)[]>();

  start(run: (onProgress: (done: number, total: number) => void) => Promise<ImportResult[]>): ImportJobView {
    const job: ImportJobView = {
      jobId: randomUUID(),
      done: 0,
      total: 0,
      finished: false,
      results: null,
      error: null,
    };
    this.jobs.set(job.jobId, job);
    for (const id of [...this.jobs.keys()].slice(0, Math.max(0, this.jobs.size - MAX_KEPT))) {
      if (this.jobs.get(id)?.finished) this.jobs.delete(id);
    }
    void run((done, total) => {
      job.done = done;
      job.total = total;
    })
      .then(
        (results) => {
          job.results = results;
          job.total = Math.max(job.total, results.length);
          job.done = job.total;
          job.finished = true;
        },
        (error: unknown) => {
          // A full disk or a failing drive is said plainly, with what became of the files taken in before.
          job.error =
            storageError(error, { partOfImport: true })?.message ??
            (error instanceof Error ? error.message : String(error));
          if (!(error instanceof UserError)) console.error('[import] the import job failed', error);
          job.finished = true;
        },
      )
      .finally(() => this.wake(job.jobId));
    return { ...job };
  }

  get(jobId: string): ImportJobView | undefined {
    const job = this.jobs.get(jobId);
    return job && { ...job };
  }

  /**
   * The job as it stands once it has finished, or after `waitMs` (at most MAX_PROGRESS_WAIT_MS) if it is still
   * running then: the screen learns the end of a small import as soon as it comes, not at its next poll.
   */
  async wait(jobId: string, waitMs: number): Promise<ImportJobView | undefined> {
    const job = this.jobs.get(jobId);
    if (job === undefined || job.finished || waitMs <= 0) return this.get(jobId);
    await new Promise<void>((resolve) => {
      const list = this.waiting.get(jobId) ?? [];
      const finished = (): void => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(
        () => {
          list.splice(list.indexOf(finished), 1);
          resolve();
        },
        Math.min(waitMs, MAX_PROGRESS_WAIT_MS),
      );
      list.push(finished);
      this.waiting.set(jobId, list);
    });
    return this.get(jobId);
  }

  private wake(jobId: string): void {
    const list = this.waiting.get(jobId) ?? [];
    this.waiting.delete(jobId);
    for (const done of list) done();
  }
}
