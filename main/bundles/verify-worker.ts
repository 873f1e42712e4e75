import { Worker } from 'node:worker_threads';
import type { BundleCheck, BundleRejected, KeySnapshotEntry } from './check-types';
import type { BundleLimits } from './limits';
import type { BundleType } from './manifest';

/** What verify-worker-entry.ts receives. */
export type VerifyWorkerData = {
  bytes: Uint8Array;
  keys: KeySnapshotEntry[];
  expectedType: BundleType;
  limits?: Partial<BundleLimits>;
};

export type WorkerInspectOptions = {
  /** The built worker file (out/main/verify-worker.mjs next to the main bundle); an absolute path or file URL. */
  workerFile: string | URL;
  expectedType: BundleType;
  limits?: Partial<BundleLimits>;
  /** Default 30 s; the worker is terminated after it. */
  timeoutMs?: number;
  /** V8 heap cap of the worker (default 256 MB). Buffers live outside it; the zip limits bound those. */
  maxOldGenerationSizeMb?: number;
  /** Run in the calling thread on the already parsed documents (plain data), after the worker accepted them. */
  validateDocument?: (path: string, json: unknown) => string | null;
};

export const crashed = (message: string): BundleRejected => ({
  ok: false,
  code: 'VERIFY_CRASHED',
  message,
});

/** The answer when a verify worker could not even be started. */
export const notStarted = (error: unknown): BundleRejected =>
  crashed(
    `파일 검사 작업자를 시작하지 못했습니다: ${error instanceof Error ? error.message : String(error)}`,
  );

/** What every verify worker runs under: a capped heap and stack (a hostile file kills the helper), no stdio. */
export const verifyWorkerLimits = (maxOldGenerationSizeMb = 256) =>
  ({
    resourceLimits: { maxOldGenerationSizeMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
    stdout: false,
    stderr: false,
  }) as const;

/**
 * inspectBundle in a worker thread with memory and time limits, so a hostile file kills a helper, not the app.
 * `bytes` is copied into the worker; the caller keeps and later imports its own copy of the same bytes.
 */
export function inspectBundleInWorker(
  bytes: Buffer,
  keys: readonly KeySnapshotEntry[],
  options: WorkerInspectOptions,
): Promise<BundleCheck> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const copy = new Uint8Array(bytes);
  const workerData: VerifyWorkerData = {
    bytes: copy,
    keys: keys.map((k) => ({ ...k })),
    expectedType: options.expectedType,
    ...(options.limits ? { limits: options.limits } : {}),
  };
  return new Promise<BundleCheck>((resolve) => {
    let settled = false;
    let worker: Worker;
    const finish = (result: BundleCheck): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(
      () =>
        finish(crashed(`파일 검사가 제한 시간 ${Math.round(timeoutMs / 100) / 10}초를 넘겨 중단되었습니다`)),
      timeoutMs,
    );
    try {
      worker = new Worker(options.workerFile, {
        workerData,
        transferList: [copy.buffer],
        ...verifyWorkerLimits(options.maxOldGenerationSizeMb),
      });
    } catch (error) {
      clearTimeout(timer);
      resolve(notStarted(error));
      return;
    }
    worker.on('message', (message: unknown) => finish(reviveCheck(message, options.validateDocument)));
    worker.on('error', (error: Error) =>
      finish(crashed(`파일 검사 작업자가 비정상 종료되었습니다: ${error.message}`)),
    );
    worker.on('exit', (code) =>
      finish(crashed(`파일 검사 작업자가 결과 없이 종료되었습니다 (종료 코드 ${code})`)),
    );
  });
}

/** Structured clone turns Buffers into Uint8Arrays; restore them, then run the caller's document check. */
export function reviveCheck(
  message: unknown,
  validateDocument: WorkerInspectOptions['validateDocument'],
): BundleCheck {
  if (
    typeof message !== 'object' ||
    message === null ||
    typeof (message as { ok?: unknown }).ok !== 'boolean'
  ) {
    return crashed('파일 검사 작업자가 알 수 없는 결과를 보냈습니다');
  }
  const check = message as BundleCheck;
  if (!check.ok) return check;
  const attachments = check.attachments.map((a) => ({
    ...a,
    bytes: Buffer.from(a.bytes.buffer, a.bytes.byteOffset, a.bytes.byteLength),
  }));
  if (validateDocument) {
    for (const document of check.documents) {
      let problem: string | null;
      try {
        problem = validateDocument(document.path, document.json);
      } catch (error) {
        problem = `검사 중 오류: ${error instanceof Error ? error.message : String(error)}`;
      }
      if (problem)
        return { ok: false, code: 'DOCUMENT_INVALID', message: `문서 ${document.path}: ${problem}` };
    }
  }
  return { ...check, attachments };
}
