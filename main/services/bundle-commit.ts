import { basename } from 'node:path';
import { serializeManifest, type BundleAccepted, type Manifest, type StoredDocumentRow } from '../bundles';
import { sha256Hex } from '../../db/attachments';
import { bundleWrites, type BundleWrites, type HeldBundleRow } from '../../db/bundle-writes';
import type { ReceivedBundle } from '../../db/bundles';
import { withRawConnection } from '../../db/create-db';
import type { AppContext } from './context';
import type { ImportRunHandle } from './import-runs';
import { duplicateOf, rejected, type ImportResult } from './import-result';
import { missingBefore, missingBetween, quarantineNote, skippedNote, waitingFor } from './import-messages';
import { localDateOf, localDateTimeOf } from '../../domain/reports/submissions';
import { josa } from '../../domain/text/josa';

/** A verified input to be committed as accepted. */
export type Accept = {
  kind: 'accept';
  file: string;
  bytes: Buffer;
  sha256: string;
  check: BundleAccepted;
  /** The checked documents as stored (schema-parsed, serialized). */
  documents: StoredDocumentRow[];
};

/** A verified input to be kept in quarantine: sound except for its key. */
export type Quarantine = {
  kind: 'quarantine';
  file: string;
  bytes: Buffer;
  sha256: string;
  manifest: Manifest;
  manifestText: string;
  code: string;
  reason: string;
};

/** A bundle verified completely and ready to be written (its checked documents as stored). */
export type CommitReady = Accept;

/**
 * The date the office says it received an import's files (접수일, office-local YYYY-MM-DD): files that came by the
 * due date on the share, by mail or on a USB stick, imported later. Absent: each file is received when imported.
 */
export type Receipt = { receivedOn: string };

/**
 * What a declared 접수일 means for one bundle, at its first arrival: the date holds unless the bundle was made
 * (its signed creation time, office-local date) after it, when the file cannot have come then and its import time
 * stands. A bundle already here (waiting in quarantine) arrived when it was first imported: nothing is claimed.
 */
function receiptFor(
  receipt: Receipt | undefined,
  createdAt: string,
  known: ReceivedBundle | undefined,
): { receivedOn: string | null; note: string } {
  if (receipt === undefined) return { receivedOn: null, note: '' };
  if (known !== undefined)
    return {
      receivedOn: null,
      note: ` 이 파일은 ${localDateTimeOf(known.importedAt)}에 처음 받았으므로 그때를 접수 시각으로 둡니다 (지정한 ${josa(`접수일 ${receipt.receivedOn}`, '은/는')} 쓰지 않았습니다).`,
    };
  let made: string | null;
  try {
    made = localDateOf(createdAt);
  } catch {
    made = null;
  }
  if (made !== null && made <= receipt.receivedOn)
    return { receivedOn: receipt.receivedOn, note: ` 접수일: ${receipt.receivedOn} (지정).` };
  return {
    receivedOn: null,
    note: ` 지정한 접수일(${receipt.receivedOn})보다 뒤인 ${localDateTimeOf(createdAt)}에 만든 파일이라, 가져온 때를 접수 시각으로 기록했습니다.`,
  };
}

/** Thrown inside a savepoint to roll it back with a result (and, for a conflict, the bundle to hold). */
class Outcome extends Error {
  constructor(
    readonly result: ImportResult,
    readonly hold: HeldBundleRow | null = null,
    /** The 접수일 to record with a held bundle (see receiptFor). */
    readonly receivedOn: string | null = null,
  ) {
    super(result.reason);
  }
}

/** The bundles row of a received bundle: what its manifest says, and how this import took it. */
function bundleRowOf(
  manifest: Manifest,
  sha256: string,
  importedAt: string,
  outcome: Pick<ReceivedBundle, 'status' | 'manifest' | 'fileName' | 'reasonCode' | 'reason'>,
): ReceivedBundle {
  return {
    sha256,
    type: manifest.type,
    department: manifest.department,
    keyId: manifest.keyId,
    period: manifest.period,
    revision: manifest.revision,
    previousSha256: manifest.previousBundleSha256,
    createdAt: manifest.createdAt,
    importedAt,
    ...outcome,
  };
}

/** Outcomes that store the file (counted in the import's record). */
const WRITTEN: ReadonlySet<ImportResult['status']> = new Set(['accepted', 'held', 'quarantined']);

/** A bundle held for an unknown, pending or revoked key: its row and bytes, in one transaction. */
export async function commitQuarantine(
  ctx: AppContext,
  v: Quarantine,
  receipt?: Receipt,
  run?: ImportRunHandle,
): Promise<ImportResult> {
  const now = ctx.now().toISOString();
  const { manifest } = v;
  return withRawConnection(ctx.db, (sqlite) => {
    const writes = bundleWrites(sqlite);
    return sqlite.transaction((): ImportResult => {
      const known = writes.getBundle(v.sha256);
      if (known) return duplicateOf(v.file, known);
      const received = receiptFor(receipt, manifest.createdAt, undefined);
      if (received.receivedOn !== null) writes.putReceipt(v.sha256, received.receivedOn, now);
      writes.putBundle(
        bundleRowOf(manifest, v.sha256, now, {
          status: 'quarantined',
          manifest: v.manifestText,
          fileName: basename(v.file),
          reasonCode: v.code,
          reason: v.reason,
        }),
      );
      writes.putFile(v.sha256, v.bytes, now);
      run?.written(sqlite, 1);
      return {
        file: v.file,
        status: 'quarantined',
        code: v.code,
        reason: `${v.reason}. ${quarantineNote(v.code)}${received.note}`,
        department: manifest.department,
        period: manifest.period,
        // No key to check the signature with: the manifest's sender is a claim until the key is registered.
        unverified: v.code === 'KEY_UNKNOWN',
        revision: manifest.revision,
        sha256: v.sha256,
        documents: manifest.members.filter((m) => m.role === 'document').length,
      };
    })();
  });
}

/**
 * Commits accepted bundles, in order, in ONE transaction: per-commit fsync (WAL, synchronous=FULL) would
 * otherwise dominate an import of thousands of bundles. Each bundle still stands alone: it runs inside its own
 * savepoint (a nested better-sqlite3 transaction), and a revision or duplicate check that refuses it rolls back
 * only that savepoint, exactly as its own transaction would have; later bundles see the chain as the earlier
 * ones left it. An unexpected error keeps the bundles before it (committed) and is rethrown, as with one
 * transaction per bundle.
 */
export async function commitBatch(
  ctx: AppContext,
  batch: readonly Accept[],
  receipt?: Receipt,
  run?: ImportRunHandle,
): Promise<ImportResult[]> {
  const now = ctx.now().toISOString();
  return withRawConnection(ctx.db, (sqlite) => {
    const writes = bundleWrites(sqlite);
    const results: ImportResult[] = [];
    let failure: { error: unknown } | null = null;
    const one = sqlite.transaction((v: Accept) => writeAccepted(writes, v, now, receipt));
    sqlite.transaction(() => {
      for (const v of batch) {
        try {
          results.push(one(v));
        } catch (error) {
          if (error instanceof Outcome) {
            // The savepoint is gone; a held conflict is written in the batch's transaction. A quarantined bundle
            // released into a conflict is held instead of quarantined (its reason, a key not yet approved, is no
            // longer true): its quarantine row and archived bytes go in the same transaction, the held row keeps
            // the bytes and the time it first arrived.
            if (error.hold) writes.dropQuarantined(error.hold.sha256);
            if (error.hold && !writes.hold(error.hold)) {
              results.push({
                ...error.result,
                status: 'duplicate',
                code: 'DUPLICATE',
                reason: `이미 충돌로 보류 중인 제출 파일입니다 (${error.hold.department} r${error.hold.revision}). 바뀐 것이 없습니다.`,
              });
              continue;
            }
            if (error.hold && error.receivedOn !== null)
              writes.putReceipt(error.hold.sha256, error.receivedOn, now);
            results.push(error.result);
            continue;
          }
          failure = { error };
          break;
        }
      }
      // SQLite ends the whole transaction itself on some errors (a full disk, an I/O error): nothing of the batch
      // can be committed then, and its own error is the one to report (a COMMIT would only say "no transaction").
      if (failure && !sqlite.inTransaction) throw (failure as { error: unknown }).error;
      // The import's record counts what this transaction writes (import-runs.ts).
      run?.written(sqlite, results.filter((r) => WRITTEN.has(r.status)).length);
    })();
    if (failure) throw (failure as { error: unknown }).error;
    return results;
  });
}

/** One accepted bundle's rows and bytes (inside the caller's savepoint); throws Outcome when it is refused. */
function writeAccepted(
  writes: BundleWrites,
  v: Accept,
  now: string,
  receipt: Receipt | undefined,
): ImportResult {
  const { manifest } = v.check;
  const base = {
    department: manifest.department,
    period: manifest.period,
    unverified: false,
    revision: manifest.revision,
    sha256: v.sha256,
  };
  const known = writes.getBundle(v.sha256);
  if (known?.status === 'accepted') throw new Outcome(duplicateOf(v.file, known));
  const received = receiptFor(receipt, manifest.createdAt, known);
  const chain = writes.getChain(manifest.department);
  const sameRevision = chain ? writes.acceptedAt(manifest.department, manifest.revision) : undefined;
  if (sameRevision && sameRevision.sha256 !== v.sha256) {
    // Two different bundles with one revision: the accepted one stays, this one is held and listed.
    throw new Outcome(
      {
        file: v.file,
        status: 'held',
        code: 'REVISION_CONFLICT',
        reason: `${manifest.department}의 ${josa(`r${manifest.revision}`, '은/는')} 이미 받은 같은 회차의 제출 파일(SHA-256 ${sameRevision.sha256.slice(0, 12)}…)과 내용이 다릅니다. 먼저 받은 제출 파일을 그대로 두고 이 제출 파일은 충돌로 보류했습니다. 현황 화면의 '충돌'에서 확인하세요.${received.note}`,
        ...base,
        documents: v.documents.length,
      },
      {
        sha256: v.sha256,
        department: manifest.department,
        revision: manifest.revision,
        period: manifest.period,
        keyId: manifest.keyId,
        createdAt: manifest.createdAt,
        importedAt: known?.importedAt ?? now,
        manifest: serializeManifest(manifest).toString('utf8'),
        fileName: basename(v.file),
        conflictsWith: sameRevision.sha256,
        bytes: v.bytes,
      },
      received.receivedOn,
    );
  }
  if (chain && manifest.revision <= chain.lastRevision) {
    throw new Outcome(
      rejected(
        v.file,
        'REVISION_STALE',
        `${manifest.department}의 ${josa(`r${manifest.revision}`, '은/는')} 이미 받은 r${chain.lastRevision}보다 오래되었습니다. 더 새 제출 파일을 받았으므로 이 제출 파일은 반영하지 않습니다.`,
        base,
      ),
    );
  }
  const linksElsewhere = chain
    ? manifest.previousBundleSha256 !== chain.lastBundleSha256
    : manifest.previousBundleSha256 !== null;
  if (linksElsewhere && manifest.previousBundleSha256 !== null) {
    // The previous file may already be here, waiting in quarantine (for its key): say so rather than ask for it.
    const previous = writes.getBundle(manifest.previousBundleSha256);
    if (previous?.status === 'quarantined' && previous.department === manifest.department) {
      throw new Outcome(
        rejected(
          v.file,
          'CHAIN_FORK',
          `${manifest.department}의 ${josa(`r${manifest.revision}`, '은/는')} r${previous.revision}(SHA-256 ${previous.sha256.slice(0, 12)}…) 다음에 만들어졌는데, r${previous.revision} 파일은 이미 받아 격리 보관 중입니다 (${localDateTimeOf(previous.importedAt)} 가져옴). ${waitingFor(previous)}`,
          base,
        ),
      );
    }
  }
  if (!chain && manifest.previousBundleSha256 !== null) {
    // Bundles are per period, not cumulative: accepting this one first would leave the earlier ones (the plan, an
    // earlier half-year) refused for good as older. An import that carries them too commits them first.
    throw new Outcome(
      rejected(
        v.file,
        'CHAIN_FORK',
        `${manifest.department}의 ${josa(`r${manifest.revision}`, '은/는')} 이전 제출 파일(SHA-256 ${manifest.previousBundleSha256.slice(0, 12)}…) 다음에 만들어졌지만, 이 부서의 제출 파일은 아직 하나도 받지 않았습니다. ${missingBefore(manifest.revision)} 제출 파일마다 다른 기간의 문서가 들어 있어 앞의 제출 파일을 건너뛸 수 없습니다.`,
        base,
      ),
    );
  }
  if (chain && manifest.previousBundleSha256 !== chain.lastBundleSha256) {
    const named = manifest.previousBundleSha256
      ? `이전 제출 파일(SHA-256 ${manifest.previousBundleSha256.slice(0, 12)}…)`
      : '이전 제출 파일 없음';
    throw new Outcome(
      rejected(
        v.file,
        'CHAIN_FORK',
        `${manifest.department}의 ${josa(`r${manifest.revision}`, '은/는')} ${named} 다음에 만들어졌지만, 마지막으로 받은 제출 파일은 r${chain.lastRevision}(SHA-256 ${chain.lastBundleSha256.slice(0, 12)}…)입니다. ${missingBetween(chain.lastRevision, manifest.revision)}다른 PC에서 만든 제출 파일인지 부서에 확인하세요.`,
        base,
      ),
    );
  }
  // A bundle quarantined until its key was approved arrived when it was first imported: that time counts for its
  // deadline (the office's approval may come days later), not the time of its release.
  putAccepted(writes, v, {
    importedAt: known?.importedAt ?? now,
    now,
    manifest: known?.manifest,
    fileName: known?.fileName,
  });
  if (received.receivedOn !== null) writes.putReceipt(v.sha256, received.receivedOn, now);
  return {
    file: v.file,
    status: 'accepted',
    code: 'ACCEPTED',
    reason: `${manifest.department} r${manifest.revision}: 문서 ${v.documents.length}건, 첨부 ${v.check.attachments.length}건을 반영했습니다.${skippedNote(chain?.lastRevision ?? 0, manifest.revision)}${received.note}`,
    ...base,
    documents: v.documents.length,
  };
}

/**
 * Writes a verified bundle as accepted — its row, bytes, documents and attachments — and makes it its department's
 * chain head. The caller has checked the revision (writeAccepted, or the held-bundle swap).
 */
export function putAccepted(
  writes: BundleWrites,
  v: CommitReady,
  at: { importedAt: string; now: string; manifest?: string | undefined; fileName?: string | undefined },
): void {
  const { manifest } = v.check;
  writes.putBundle(
    bundleRowOf(manifest, v.sha256, at.importedAt, {
      status: 'accepted',
      manifest: at.manifest ?? serializeManifest(manifest).toString('utf8'),
      fileName: at.fileName ?? basename(v.file),
      reasonCode: '',
      reason: '',
    }),
  );
  writes.putFile(v.sha256, v.bytes, at.now);
  writes.insertDocuments(
    { department: manifest.department, revision: manifest.revision, sha256: v.sha256 },
    v.documents,
    at.importedAt,
  );
  for (const attachment of v.check.attachments) {
    writes.putAttachment(sha256Hex(attachment.bytes), attachment.bytes, attachment.mediaType, at.now);
  }
  writes.setChain({
    department: manifest.department,
    lastRevision: manifest.revision,
    lastBundleSha256: v.sha256,
    updatedAt: at.now,
  });
}
