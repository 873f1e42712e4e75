import { Worker } from 'node:worker_threads';
import { verifyWorkerLimits } from '../bundles/verify-worker';
import { requireVerifyWorkerFile } from './bundle-verify';
import type { DraftFileContent, DraftFileRead } from './draft-file';
import { UserError } from './errors';

/** What the verify worker receives to read a 작성 문서 파일. */
export interface DraftFileWorkerData {
  mode: 'draft-file';
  bytes: Uint8Array;
}

const TIMEOUT_MS = 30_000;

const failed = (message: string): UserError =>
  new UserError('DRAFT_FILE_UNREADABLE', `작성 문서 파일을 읽지 못했습니다: ${message}`);

/**
 * Reads a 작성 문서 파일 in a verify worker thread (its memory and time limits, as for bundles): the file comes
 * from another PC on a USB stick or a share, so a hostile one kills a helper, not the app. A refusal comes back as
 * the worker's UserError.
 */
export function readDraftFileInWorker(
  bytes: Buffer,
  workerFile = requireVerifyWorkerFile(),
): Promise<DraftFileContent> {
  const copy = new Uint8Array(bytes);
  const workerData: DraftFileWorkerData = { mode: 'draft-file', bytes: copy };
  return new Promise<DraftFileContent>((resolve, reject) => {
    let settled = false;
    let worker: Worker;
    const finish = (outcome: { content: DraftFileContent } | { error: UserError }): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      if ('content' in outcome) resolve(outcome.content);
      else reject(outcome.error);
    };
    const timer = setTimeout(
      () => finish({ error: failed(`제한 시간 ${TIMEOUT_MS / 1000}초를 넘겨 중단했습니다.`) }),
      TIMEOUT_MS,
    );
    try {
      worker = new Worker(workerFile, { workerData, transferList: [copy.buffer], ...verifyWorkerLimits() });
    } catch (error) {
      clearTimeout(timer);
      reject(
        failed(
          `검사 작업자를 시작하지 못했습니다 (${error instanceof Error ? error.message : String(error)}).`,
        ),
      );
      return;
    }
    worker.on('message', (message: DraftFileRead) => {
      if (!message.ok) {
        finish({ error: new UserError(message.code, message.message) });
        return;
      }
      const attachments = new Map(
        message.attachments.map(([sha256, a]) => [
          sha256,
          {
            mediaType: a.mediaType,
            bytes: Buffer.from(a.bytes.buffer, a.bytes.byteOffset, a.bytes.byteLength),
          },
        ]),
      );
      finish({ content: { index: message.index, documents: message.documents, attachments } });
    });
    worker.on('error', (error: Error) =>
      finish({ error: failed(`검사 작업자가 비정상 종료되었습니다 (${error.message}).`) }),
    );
    worker.on('exit', (code) =>
      finish({ error: failed(`검사 작업자가 결과 없이 종료되었습니다 (종료 코드 ${code}).`) }),
    );
  });
}
