import { bundleWrites } from '../../db/bundle-writes';
import { withRawConnection } from '../../db/create-db';
import { heldSwapWrites } from '../../db/held-swap-writes';
import { putAccepted } from './bundle-commit';
import { verifyForCommit, type ImportOptions } from './bundle-import';
import type { AppContext } from './context';
import { UserError } from './errors';
import { heldBundleProjects, sameRevisionKey } from './office-report';
import { josa } from '../../domain/text/josa';

export interface HeldSwapResult {
  /** The bundle now counted (it was held). */
  accepted: string;
  /** The bundle now held (it was counted). */
  held: string;
  department: string;
  revision: number;
}

const short = (sha256: string): string => `${sha256.slice(0, 12)}…`;

/**
 * The office chooses the held one of two bundles a department sent with the same revision: it is verified again
 * as an import would (the key may have been revoked since), then, in one transaction, written as accepted — its
 * documents counted from then on, with the time it first arrived — and made the department's chain head, while
 * the bundle counted until now is held in its place, bytes and all, so the choice can be reversed. Allowed only
 * while the department has sent nothing after that revision: a later bundle was built on the accepted one. The
 * decision is recorded on both conflicts. Any refusal leaves everything as it was.
 */
export async function swapHeldBundle(
  ctx: AppContext,
  input: { sha256: string; note: string },
  options: Pick<ImportOptions, 'verifier'> = {},
): Promise<HeldSwapResult> {
  const held = await withRawConnection(ctx.db, (sqlite) => heldSwapWrites(sqlite).held(input.sha256));
  if (!held) {
    throw new UserError(
      'HELD_NOT_FOUND',
      `보류 중인 제출 파일(SHA-256 ${short(input.sha256)})이 없습니다. 이미 바꿨거나 목록이 오래되었습니다. 새로 고침 하세요.`,
    );
  }
  const verified = await verifyForCommit(
    ctx,
    { name: held.fileName, bytes: Buffer.from(held.bytes) },
    options,
  );
  if (!verified.ok) {
    throw new UserError(
      'HELD_NOT_VERIFIED',
      `보류한 제출 파일을 다시 검사했더니 반영할 수 없습니다: ${verified.reason}`,
      { code: verified.code },
    );
  }
  const bundle = verified.bundle;
  const { manifest } = bundle.check;
  const now = ctx.now().toISOString();
  return withRawConnection(ctx.db, (sqlite) => {
    const writes = bundleWrites(sqlite);
    const swap = heldSwapWrites(sqlite);
    return sqlite.transaction((): HeldSwapResult => {
      const current = swap.held(input.sha256);
      if (!current)
        throw new UserError('HELD_NOT_FOUND', '보류 중인 제출 파일이 방금 바뀌었습니다. 새로 고침 하세요.');
      const counted = writes.getBundle(current.conflictsWith);
      if (counted?.status !== 'accepted') {
        throw new UserError(
          'HELD_NO_COUNTERPART',
          `보류한 제출 파일과 같은 회차로 반영된 제출 파일(SHA-256 ${short(current.conflictsWith)})을 찾을 수 없습니다.`,
        );
      }
      const chain = writes.getChain(manifest.department);
      if (
        chain?.lastBundleSha256 !== counted.sha256 ||
        swap.successors(counted.sha256) > 0 ||
        manifest.revision !== counted.revision
      ) {
        const later =
          chain && chain.lastRevision > counted.revision ? `r${chain.lastRevision}까지` : '다음 회차를';
        throw new UserError(
          'HELD_SUPERSEDED',
          `${josa(manifest.department, '은/는')} 반영한 r${counted.revision} 뒤에 ${later} 보냈습니다. 그 제출 파일들은 반영한 제출 파일을 이어 만든 것이므로 보류한 제출 파일로 바꿀 수 없습니다. 필요한 내용은 부서가 새 회차로 보내도록 요청하세요.`,
        );
      }
      if (manifest.previousBundleSha256 !== counted.previousSha256) {
        throw new UserError(
          'HELD_OTHER_PARENT',
          `보류한 제출 파일은 반영한 제출 파일과 다른 이전 제출 파일 다음에 만들어졌습니다. 회차가 이어지지 않으므로 바꿀 수 없습니다.`,
        );
      }
      const countedBytes = swap.file(counted.sha256);
      if (!countedBytes) {
        throw new UserError(
          'ARCHIVE_MISSING',
          `반영한 제출 파일(SHA-256 ${short(counted.sha256)})의 원본이 보관되어 있지 않아, 보류로 옮길 수 없습니다.`,
        );
      }

      // The held bundle in, as it would have been had it arrived first.
      swap.unhold(current.sha256);
      putAccepted(writes, bundle, {
        importedAt: current.importedAt,
        now,
        manifest: current.manifest,
        fileName: current.fileName,
      });
      // The counted one out, held in its place (its bytes moved from the archive to the held row).
      swap.repointHeld(counted.sha256, current.sha256);
      swap.dropAccepted(counted.sha256);
      writes.hold({
        sha256: counted.sha256,
        department: counted.department,
        revision: counted.revision,
        period: counted.period,
        keyId: counted.keyId,
        createdAt: counted.createdAt,
        importedAt: counted.importedAt,
        manifest: counted.manifest,
        fileName: counted.fileName,
        conflictsWith: current.sha256,
        bytes: countedBytes,
      });
      const projectId = heldBundleProjects(current.manifest)[0] ?? '';
      const note = input.note.trim();
      swap.recordConflictDecision({
        subject: sameRevisionKey(current.sha256),
        projectId,
        periodId: current.period,
        decision: 'accepted',
        note: note || '보류한 제출 파일로 바꿈',
        decidedAt: now,
      });
      swap.recordConflictDecision({
        subject: sameRevisionKey(counted.sha256),
        projectId,
        periodId: counted.period,
        decision: 'rejected',
        note: note || `보류한 제출 파일(SHA-256 ${short(current.sha256)})로 바꿈`,
        decidedAt: now,
      });
      return {
        accepted: current.sha256,
        held: counted.sha256,
        department: counted.department,
        revision: counted.revision,
      };
    })();
  });
}
