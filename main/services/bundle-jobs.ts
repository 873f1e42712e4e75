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

/** In-memory registry of import jobs of one app process (a restart forgets finished jobs, not imports). */
export class ImportJobs {
  private readonly jobs = new Map<string, ImportJobView>();

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
    }).then(
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
    );
    return { ...job };
  }

  get(jobId: string): ImportJobView | undefined {
    const job = this.jobs.get(jobId);
    return job && { ...job };
  }
}
