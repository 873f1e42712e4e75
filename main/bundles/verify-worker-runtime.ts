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

export type PoolReplyMessage = { id: number; result: BundleCheck };

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
    return {
      ok: false,
      code: 'VERIFY_CRASHED',
      message: `번들 검사 중 예기치 않은 오류가 났습니다: ${error instanceof Error ? error.message : String(error)}`,
    };
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
    return {
      ok: false,
      code: 'VERIFY_CRASHED',
      message: `번들 검사 중 예기치 않은 오류가 났습니다: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

/**
 * Serves jobs one at a time (the pool never sends a second job before the answer). The key snapshot and the
 * content context are kept between jobs under their ids, so an import sends each once per worker, not once per
 * bundle. Without `checkContent` a job's content request is ignored (the caller then checks in its own thread).
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
  port.on('message', (message: PoolJobMessage) => {
    if (message?.type !== 'verify') return;
    beforeJob?.(message);
    if (message.keys) {
      keysId = message.keysId;
      lookup = keyLookupFromSnapshot(message.keys);
    }
    if (message.content && message.contentId !== undefined) {
      contentId = message.contentId;
      content = message.content;
    }
    const job =
      message.keysId === keysId
        ? verifyInWorker(message.bytes, lookup, message.expectedType, message.limits)
        : Promise.resolve<BundleCheck>({
            ok: false,
            code: 'VERIFY_CRASHED',
            message: '번들 검사 작업자에게 키 목록이 전달되지 않았습니다',
          });
    const wanted = message.contentId !== undefined && checkContent ? message.contentId : null;
    void job
      .then((result): BundleCheck => {
        if (wanted === null || !checkContent) return result;
        if (wanted !== contentId || !content) {
          return {
            ok: false,
            code: 'VERIFY_CRASHED',
            message: '번들 검사 작업자에게 사업 목록이 전달되지 않았습니다',
          };
        }
        return withContent(result, checkContent, content);
      })
      .then((result) => port.postMessage({ id: message.id, result } satisfies PoolReplyMessage));
  });
}
