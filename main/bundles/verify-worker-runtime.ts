// What runs inside a verify worker: one bundle per message (pool mode) or one bundle from workerData (one-shot
// mode, kept for inspectBundleInWorker's callers). Shared by verify-worker-entry.ts and test entries.
import type { MessagePort } from 'node:worker_threads';
import { keyLookupFromSnapshot } from './check-types';
import type { BundleCheck, ContentChecker, ContentContext, KeyLookup, KeySnapshotEntry } from './check-types';
import type { BundleLimits } from './limits';
import type { BundleType } from './manifest';
import { inspectBundle } from './verify';

/** workerData of a pool worker (a one-shot worker gets VerifyWorkerData instead). */
export type PoolWorkerData = { mode: 'pool' };

/** One job sent to a pool worker. `keys` travels only when the worker does not hold snapshot `keysId` yet. */
export type PoolJobMessage = {
  type: 'verify';
  id: number;
  bytes: Uint8Array;
  keysId: number;
  keys?: KeySnapshotEntry[];
  expectedType: BundleType;
  limits?: Partial<BundleLimits>;
  /** Run the content check with context `contentId`; `content` travels only when the worker does not hold it. */
  contentId?: number;
  content?: ContentContext;
};

/**
 * Asks a pool worker to say it is ready: answered as soon as the worker serves messages, i.e. once its code is
 * loaded (the pool starts its workers ahead of an import with it, see VerifyPool.warm).
 */
export type PoolPingMessage = { type: 'ping' };

export type PoolReplyMessage = { id: number; result: BundleCheck } | { ready: true };

/** An error no check expected, as the answer for this bundle only (the worker goes on with the next). */
const unexpected = (error: unknown): BundleCheck => ({
  ok: false,
  code: 'VERIFY_CRASHED',
  message: `파일 검사 중 예기치 않은 오류가 났습니다: ${error instanceof Error ? error.message : String(error)}`,
});

/** inspectBundle that never throws: an unexpected error is a VERIFY_CRASHED answer for this bundle only. */
export async function verifyInWorker(
  bytes: Uint8Array,
  lookupKey: KeyLookup,
  expectedType: BundleType,
  limits: Partial<BundleLimits> | undefined,
): Promise<BundleCheck> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    return await inspectBundle(buffer, { lookupKey, expectedType, ...(limits ? { limits } : {}) });
  } catch (error) {
    return unexpected(error);
  }
}

/** Runs the content check on an accepted bundle; the raw documents then stay here (the verdict carries them). */
export function withContent(
  check: BundleCheck,
  checkContent: ContentChecker,
  context: ContentContext,
): BundleCheck {
  if (!check.ok) return check;
  try {
    return { ...check, documents: [], content: checkContent(check, context) };
  } catch (error) {
    return unexpected(error);
  }
}

/**
 * Serves jobs one after another in the order they arrive (the pool may send several before the first is
 * answered; the next starts only when the previous one answered, so when a worker dies the pool knows which job
 * it was working on: the oldest unanswered). The key snapshot and the content context are kept between jobs
 * under their ids, so an import sends each once per worker, not once per bundle; each job uses the ones current
 * when it arrived. Without `checkContent` a job's content request is ignored (the caller then checks in its
 * own thread).
 */
export function servePool(
  port: MessagePort,
  beforeJob?: (job: PoolJobMessage) => void,
  checkContent?: ContentChecker,
): void {
  let keysId = -1;
  let lookup: KeyLookup = () => null;
  let contentId = -1;
  let content: ContentContext | null = null;
  let previous: Promise<unknown> = Promise.resolve();
  port.on('message', (message: PoolJobMessage | PoolPingMessage) => {
    if (message?.type === 'ping') {
      port.postMessage({ ready: true } satisfies PoolReplyMessage);
      return;
    }
    if (message?.type !== 'verify') return;
    if (message.keys) {
      keysId = message.keysId;
      lookup = keyLookupFromSnapshot(message.keys);
    }
    if (message.content && message.contentId !== undefined) {
      contentId = message.contentId;
      content = message.content;
    }
    const jobLookup = message.keysId === keysId ? lookup : null;
    const wanted = message.contentId !== undefined && checkContent ? message.contentId : null;
    const context = wanted !== null && wanted === contentId ? content : null;
    const run = async (): Promise<void> => {
      beforeJob?.(message);
      let result: BundleCheck = jobLookup
        ? await verifyInWorker(message.bytes, jobLookup, message.expectedType, message.limits)
        : {
            ok: false,
            code: 'VERIFY_CRASHED',
            message: '파일 검사 작업자에게 키 목록이 전달되지 않았습니다',
          };
      if (wanted !== null && checkContent) {
        result = context
          ? withContent(result, checkContent, context)
          : {
              ok: false,
              code: 'VERIFY_CRASHED',
              message: '파일 검사 작업자에게 사업 목록이 전달되지 않았습니다',
            };
      }
      port.postMessage({ id: message.id, result } satisfies PoolReplyMessage);
    };
    previous = previous.then(run, run);
  });
}
