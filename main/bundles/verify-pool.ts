import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { BundleCheck, ContentContext, KeySnapshotEntry } from './check-types';
import type { BundleLimits } from './limits';
import type { BundleType } from './manifest';
import { crashed, reviveCheck } from './verify-worker';
import type { PoolJobMessage, PoolReplyMessage, PoolWorkerData } from './verify-worker-runtime';

export type VerifyPoolOptions = {
  /** The built worker file (out/main/verify-worker.mjs); an absolute path or file URL. */
  workerFile: string | URL;
  /** Worker threads kept alive; default min(2, os.availableParallelism()). */
  size?: number;
  /** Per job; the worker is terminated and replaced after it. Default 30 s. */
  timeoutMs?: number;
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

type Slot = {
  worker: Worker;
  /** Snapshot id the worker holds (-1: none yet). */
  keysId: number;
  /** Content context id the worker holds (-1: none yet). */
  contentId: number;
  job: (Job & { id: number; timer: NodeJS.Timeout }) | null;
  dead: boolean;
};

/**
 * Long-lived verify workers: starting a thread and loading the bundle code costs far more than checking one
 * bundle, so workers are started on demand (up to `size`) and reused. Each worker has one job at a time, the
 * same memory limits as a one-shot worker, and a per-job timeout; a worker that crashes, runs out of memory or
 * times out is discarded, that job answers VERIFY_CRASHED and the next job gets a fresh worker, so a hostile
 * file never hangs an import. Idle workers are unref'd: they never keep a CLI process alive.
 */
export function createVerifyPool(options: VerifyPoolOptions): VerifyPool {
  const size = Math.max(1, Math.floor(options.size ?? defaultPoolSize()));
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
    const index = slots.indexOf(slot);
    if (index >= 0) slots.splice(index, 1);
    void slot.worker.terminate();
  };

  /** Answers the slot's running job (once) and frees the slot. */
  const settle = (slot: Slot, result: BundleCheck): void => {
    const job = slot.job;
    if (!job) return;
    slot.job = null;
    clearTimeout(job.timer);
    job.resolve(result);
  };

  const fail = (slot: Slot, message: string): void => {
    settle(slot, crashed(message));
    discard(slot);
    pump();
  };

  const spawn = (): Slot | null => {
    let worker: Worker;
    try {
      worker = new Worker(options.workerFile, {
        workerData: { mode: 'pool' } satisfies PoolWorkerData,
        resourceLimits: {
          maxOldGenerationSizeMb: options.maxOldGenerationSizeMb ?? 256,
          maxYoungGenerationSizeMb: 32,
          stackSizeMb: 4,
        },
        stdout: false,
        stderr: false,
      });
    } catch (error) {
      const job = queue.shift();
      job?.resolve(
        crashed(
          `번들 검사 작업자를 시작하지 못했습니다: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
      return null;
    }
    worker.unref();
    const slot: Slot = { worker, keysId: -1, contentId: -1, job: null, dead: false };
    worker.on('message', (message: PoolReplyMessage) => {
      const job = slot.job;
      if (!job || message?.id !== job.id) return;
      settle(slot, reviveCheck(message.result, job.options.validateDocument));
      pump();
    });
    worker.on('error', (error: Error) =>
      fail(slot, `번들 검사 작업자가 비정상 종료되었습니다: ${error.message}`),
    );
    worker.on('exit', (code) =>
      fail(slot, `번들 검사 작업자가 결과 없이 종료되었습니다 (종료 코드 ${code})`),
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
    const timer = setTimeout(
      () => fail(slot, `번들 검사가 제한 시간 ${Math.round(timeoutMs / 100) / 10}초를 넘겨 중단되었습니다`),
      timeoutMs,
    );
    slot.job = { ...job, id, timer };
    slot.keysId = keysId;
    if (contentId !== undefined) slot.contentId = contentId;
    try {
      slot.worker.postMessage(message, [copy.buffer]);
    } catch (error) {
      fail(
        slot,
        `번들을 검사 작업자에게 보내지 못했습니다: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };

  function pump(): void {
    while (!closed && queue.length > 0) {
      let slot = slots.find((s) => !s.job && !s.dead);
      if (!slot && slots.length < size) slot = spawn() ?? undefined;
      if (!slot) {
        if (slots.length < size) continue; // spawning failed and answered a job; try the next
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
      if (closed) return Promise.resolve(crashed('번들 검사 작업자 풀이 이미 닫혔습니다'));
      return new Promise<BundleCheck>((resolve) => {
        queue.push({ bytes, keys, options: jobOptions, resolve });
        pump();
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const job of queue.splice(0)) job.resolve(crashed('번들 검사 작업자 풀이 닫혔습니다'));
      const ending = slots.splice(0).map((slot) => {
        settle(slot, crashed('번들 검사 작업자 풀이 닫혔습니다'));
        slot.dead = true;
        return slot.worker.terminate();
      });
      await Promise.all(ending);
    },
  };
}
