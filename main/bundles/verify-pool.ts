import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { BundleCheck, ContentContext, KeySnapshotEntry } from './check-types';
import type { BundleLimits } from './limits';
import type { BundleType } from './manifest';
import { crashed, notStarted, reviveCheck, verifyWorkerLimits } from './verify-worker';
import type {
  PoolJobMessage,
  PoolPingMessage,
  PoolReplyMessage,
  PoolWorkerData,
} from './verify-worker-runtime';

export type VerifyPoolOptions = {
  /** The built worker file (out/main/verify-worker.mjs); an absolute path or file URL. */
  workerFile: string | URL;
  /** Worker threads kept alive; default min(2, os.availableParallelism()). */
  size?: number;
  /** Per job; the worker is terminated and replaced after it. Default 30 s. */
  timeoutMs?: number;
  /** Jobs sent to one worker before it answers the first (default 4). */
  depth?: number;
  /** V8 heap cap of each worker (default 256 MB). Buffers live outside it; the zip limits bound those. */
  maxOldGenerationSizeMb?: number;
};

export type VerifyJobOptions = {
  expectedType: BundleType;
  limits?: Partial<BundleLimits>;
  /** Run in the calling thread on the parsed documents after the worker accepted the bundle. */
  validateDocument?: (path: string, json: unknown) => string | null;
  /**
   * Also run the submission content check in the worker (the answer's `content`); sent once per worker and
   * kept, like the key snapshot. A worker without a content checker answers without `content`.
   */
  content?: ContentContext;
};

export interface VerifyPool {
  readonly size: number;
  /** Threads alive now (0 before the first job and after close). */
  readonly workers: number;
  /** inspectBundle in a worker. `bytes` is copied (the caller keeps its own); never rejects. */
  verify(
    bytes: Uint8Array,
    keys: readonly KeySnapshotEntry[],
    options: VerifyJobOptions,
  ): Promise<BundleCheck>;
  /**
   * Starts the threads not running yet (up to `size`) and settles once each has loaded its code and answered, so
   * that the next jobs do not wait for a start. Never rejects: a thread that cannot start or dies is left to the
   * next job, which reports it as any other. Nothing after close().
   */
  warm(): Promise<void>;
  /** Ends the threads; queued and running jobs answer VERIFY_CRASHED. Later calls to verify() do too. */
  close(): Promise<void>;
}

export const defaultPoolSize = (): number => Math.max(1, Math.min(2, availableParallelism()));

type Job = {
  bytes: Uint8Array;
  keys: readonly KeySnapshotEntry[];
  options: VerifyJobOptions;
  resolve: (check: BundleCheck) => void;
};

type Sent = Job & { id: number };

type Slot = {
  worker: Worker;
  /** Snapshot id the worker holds (-1: none yet). */
  keysId: number;
  /** Content context id the worker holds (-1: none yet). */
  contentId: number;
  /** Jobs sent and not answered, oldest first (the worker takes them in this order). */
  jobs: Sent[];
  /** The time limit of the oldest job, restarted whenever the oldest changes. */
  timer: NodeJS.Timeout | null;
  dead: boolean;
  /** Called once the worker has said it is ready, or is gone (warm() waiting for it). */
  waiting: (() => void)[];
};

/**
 * Long-lived verify workers: starting a thread and loading the bundle code costs far more than checking one
 * bundle, so workers are started on demand (up to `size`) and reused. Each worker holds up to `depth` jobs so
 * it never waits for this thread between two bundles (this thread may be busy committing). Every worker has the
 * same memory limits as a one-shot worker and a time limit on the job it is working on (its oldest). A worker
 * that crashes, runs out of memory or times out is discarded: its oldest job, the one it was working on,
 * answers VERIFY_CRASHED, the jobs queued behind it go back to the front of the queue for a fresh worker, so a
 * hostile file never hangs an import nor takes other bundles down with it. Idle workers are unref'd: they
 * never keep a CLI process alive.
 */
export function createVerifyPool(options: VerifyPoolOptions): VerifyPool {
  const size = Math.max(1, Math.floor(options.size ?? defaultPoolSize()));
  const depth = Math.max(1, Math.floor(options.depth ?? 4));
  const timeoutMs = options.timeoutMs ?? 30_000;
  const slots: Slot[] = [];
  const queue: Job[] = [];
  const snapshotIds = new WeakMap<object, number>();
  let nextSnapshotId = 0;
  let nextJobId = 0;
  let closed = false;

  /** Ids for key snapshots and content contexts: each is sent to a worker once, then named by id. */
  const snapshotIdOf = (snapshot: object): number => {
    let id = snapshotIds.get(snapshot);
    if (id === undefined) {
      id = nextSnapshotId++;
      snapshotIds.set(snapshot, id);
    }
    return id;
  };

  const discard = (slot: Slot): void => {
    if (slot.dead) return;
    slot.dead = true;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    for (const settle of slot.waiting.splice(0)) settle();
    const index = slots.indexOf(slot);
    if (index >= 0) slots.splice(index, 1);
    void slot.worker.terminate();
  };

  /** (Re)starts the time limit for the slot's oldest job. */
  const arm = (slot: Slot): void => {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    if (slot.jobs.length === 0 || slot.dead) return;
    slot.timer = setTimeout(
      () => fail(slot, `파일 검사가 제한 시간 ${Math.round(timeoutMs / 100) / 10}초를 넘겨 중단되었습니다`),
      timeoutMs,
    );
  };

  /**
   * The worker is lost: its oldest job (the one it was working on) answers `message`; the others were not
   * started and go back to the front of the queue, in order.
   */
  const fail = (slot: Slot, message: string): void => {
    if (slot.dead) return;
    const [oldest, ...rest] = slot.jobs;
    slot.jobs = [];
    discard(slot);
    oldest?.resolve(crashed(message));
    queue.unshift(...rest.map(({ id: _id, ...job }) => job));
    pump();
  };

  /** A new worker; `forJob`: for the job at the head of the queue, which answers if the thread cannot start. */
  const spawn = (forJob = true): Slot | null => {
    let worker: Worker;
    try {
      worker = new Worker(options.workerFile, {
        workerData: { mode: 'pool' } satisfies PoolWorkerData,
        ...verifyWorkerLimits(options.maxOldGenerationSizeMb),
      });
    } catch (error) {
      if (forJob) queue.shift()?.resolve(notStarted(error));
      return null;
    }
    worker.unref();
    const slot: Slot = {
      worker,
      keysId: -1,
      contentId: -1,
      jobs: [],
      timer: null,
      dead: false,
      waiting: [],
    };
    worker.on('message', (message: PoolReplyMessage) => {
      if (typeof message === 'object' && message !== null && 'ready' in message) {
        for (const settle of slot.waiting.splice(0)) settle();
        worker.unref(); // a job under way keeps the process alive by its time limit
        return;
      }
      const index = slot.jobs.findIndex((j) => j.id === message?.id);
      const job = slot.jobs[index];
      if (!job) return;
      slot.jobs.splice(index, 1);
      if (index === 0) arm(slot);
      job.resolve(reviveCheck(message.result, job.options.validateDocument));
      pump();
    });
    worker.on('error', (error: Error) =>
      fail(slot, `파일 검사 작업자가 비정상 종료되었습니다: ${error.message}`),
    );
    worker.on('exit', (code) =>
      fail(slot, `파일 검사 작업자가 결과 없이 종료되었습니다 (종료 코드 ${code})`),
    );
    slots.push(slot);
    return slot;
  };

  const start = (slot: Slot, job: Job): void => {
    const id = nextJobId++;
    const keysId = snapshotIdOf(job.keys);
    const content = job.options.content;
    const contentId = content ? snapshotIdOf(content) : undefined;
    const copy = new Uint8Array(job.bytes); // the caller keeps its bytes; the copy is moved, not cloned
    const message: PoolJobMessage = {
      type: 'verify',
      id,
      bytes: copy,
      keysId,
      expectedType: job.options.expectedType,
      ...(slot.keysId !== keysId ? { keys: job.keys.map((k) => ({ ...k })) } : {}),
      ...(job.options.limits ? { limits: job.options.limits } : {}),
      ...(content && contentId !== undefined
        ? { contentId, ...(slot.contentId !== contentId ? { content } : {}) }
        : {}),
    };
    slot.jobs.push({ ...job, id });
    if (slot.jobs.length === 1) arm(slot);
    slot.keysId = keysId;
    if (contentId !== undefined) slot.contentId = contentId;
    try {
      slot.worker.postMessage(message, [copy.buffer]);
    } catch (error) {
      // Nothing was sent: this job alone answers; the worker itself is fine.
      slot.jobs.pop();
      if (slot.jobs.length === 0) arm(slot);
      job.resolve(
        crashed(
          `파일을 검사 작업자에게 보내지 못했습니다: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
    }
  };

  /** The live slot with the fewest jobs below `depth`; a new worker first while fewer than `size` run. */
  const freeSlot = (mayStart: boolean): Slot | null => {
    let best: Slot | null = null;
    for (const s of slots) {
      if (!s.dead && s.jobs.length < depth && (!best || s.jobs.length < best.jobs.length)) best = s;
    }
    if (best && best.jobs.length === 0) return best;
    if (mayStart && slots.length < size) return spawn() ?? best;
    return best;
  };

  function pump(): void {
    let mayStart = true;
    while (!closed && queue.length > 0) {
      const waiting = queue.length;
      const before = slots.length;
      const slot = freeSlot(mayStart);
      if (slots.length === before && queue.length < waiting) mayStart = false; // a start failed (job answered)
      if (!slot) {
        if (queue.length < waiting) continue;
        return;
      }
      const job = queue.shift();
      if (job) start(slot, job);
    }
  }

  return {
    size,
    get workers() {
      return slots.length;
    },
    verify(bytes, keys, jobOptions) {
      if (closed) return Promise.resolve(crashed('파일 검사 작업자 풀이 이미 닫혔습니다'));
      return new Promise<BundleCheck>((resolve) => {
        queue.push({ bytes, keys, options: jobOptions, resolve });
        pump();
      });
    },
    async warm() {
      const started: Promise<void>[] = [];
      while (!closed && slots.length < size) {
        const slot = spawn(false);
        if (slot === null) break;
        // Held until it answers: a caller waiting for the threads keeps the process alive meanwhile.
        slot.worker.ref();
        started.push(new Promise<void>((resolve) => slot.waiting.push(resolve)));
        slot.worker.postMessage({ type: 'ping' } satisfies PoolPingMessage);
      }
      await Promise.all(started);
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const job of queue.splice(0)) job.resolve(crashed('파일 검사 작업자 풀이 닫혔습니다'));
      const ending = slots.splice(0).map((slot) => {
        for (const job of slot.jobs.splice(0)) job.resolve(crashed('파일 검사 작업자 풀이 닫혔습니다'));
        if (slot.timer) clearTimeout(slot.timer);
        slot.dead = true;
        for (const settle of slot.waiting.splice(0)) settle();
        return slot.worker.terminate();
      });
      await Promise.all(ending);
    },
  };
}
