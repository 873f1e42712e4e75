import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { FileDownload } from '../../domain/api/contract';
import { listSentBundles } from '../../db/bundles';
import type { BundleKind } from '../../db/schema';
import type { AppContext } from './context';
import { UserError } from './errors';

/** What the made files are called in messages. */
const KIND_LABELS: Record<BundleKind, string> = {
  'pledge-submission': '제출 파일',
  'pledge-baseline': '기준 자료',
};

/**
 * A file this copy made (a 제출 파일 or a 기준 자료), read back from where it was written, to be saved elsewhere
 * from the screen: in browser mode the page cannot reach the program's folders, so "내려받기" is how the person
 * gets the file to send. Asked by revision, never by path; the file must still be the one recorded (its SHA-256),
 * so a file moved, deleted or changed since is named, not handed on.
 */
export async function readMadeFile(
  ctx: AppContext,
  input: { type: BundleKind; revision: number },
): Promise<FileDownload> {
  const label = KIND_LABELS[input.type];
  const sent = (await listSentBundles(ctx.db, input.type)).find((b) => b.revision === input.revision);
  if (sent === undefined) {
    throw new UserError('NOT_FOUND', `이 PC가 만든 ${label} r${input.revision}이(가) 없습니다.`);
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(sent.path);
  } catch {
    throw new UserError(
      'FILE_MISSING',
      `${label} r${input.revision} 파일을 만든 자리에서 찾을 수 없습니다 (옮겼거나 지웠습니다): ${sent.path}`,
    );
  }
  if (createHash('sha256').update(bytes).digest('hex') !== sent.sha256) {
    throw new UserError(
      'FILE_CHANGED',
      `${label} r${input.revision} 파일이 만든 뒤 바뀌었습니다: ${sent.path}. 다시 만들어 보내세요.`,
    );
  }
  return {
    fileName: basename(sent.path),
    mediaType: 'application/octet-stream',
    dataBase64: bytes.toString('base64'),
  };
}
