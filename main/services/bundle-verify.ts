import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  createVerifyPool,
  inspectBundle,
  inspectBundleInWorker,
  keyLookupFromSnapshot,
  OFFICE_DEPARTMENT,
  type BundleCheck,
  type BundleType,
  type ContentContext,
  type KeySnapshotEntry,
  type VerifyPool,
} from '../bundles';
import { listRegistryKeys, listTrustedOfficeKeys } from '../../db/keys';
import type { AppContext } from './context';
import { UserError } from './errors';
import { exerciseImportChecks } from './import-warm-up';

/**
 * Checks one bundle held in memory against a registry snapshot (container, signature, members, key status).
 * Given `content`, a verifier may also run the submission content check (the answer's `content`); one that
 * does not leaves it to the caller.
 */
export type Verifier = (
  bytes: Buffer,
  keys: readonly KeySnapshotEntry[],
  expectedType: BundleType,
  content?: ContentContext,
) => Promise<BundleCheck>;

/** In the calling thread: for tests, and for tools where a helper thread is not available. */
export const directVerifier: Verifier = (bytes, keys, expectedType) =>
  inspectBundle(bytes, { lookupKey: keyLookupFromSnapshot(keys), expectedType });

/** In a worker thread with memory and time limits (what the app and the CLI use for untrusted files). */
export const workerVerifier =
  (workerFile: string): Verifier =>
  (bytes, keys, expectedType) =>
    inspectBundleInWorker(bytes, keys, { workerFile, expectedType });

/** A verifier backed by long-lived worker threads (same limits as workerVerifier, one thread start per pool). */
export const poolVerifier =
  (pool: VerifyPool): Verifier =>
  (bytes, keys, expectedType, content) =>
    pool.verify(bytes, keys, { expectedType, ...(content ? { content } : {}) });

/** A verifier that owns resources the caller must release when done (the import's worker pool). */
export interface OwnedVerifier {
  verifier: Verifier;
  close(): Promise<void>;
}

/** Jobs queued in each import worker: about 60 ms of work, longer than one commit batch of this thread. */
const IMPORT_WORKER_DEPTH = 32;

/**
 * The import's verifier: a worker pool (threads start on the first bundle) the caller closes when the import
 * ends. Refuses to run untrusted files in the main thread when the worker is missing, like defaultVerifier.
 */
export function openImportVerifier(options: { size?: number } = {}): OwnedVerifier {
  const workerFile = requireVerifyWorkerFile();
  const pool = createVerifyPool({
    workerFile,
    depth: IMPORT_WORKER_DEPTH,
    ...(options.size ? { size: options.size } : {}),
  });
  return { verifier: poolVerifier(pool), close: () => pool.close() };
}

/** The running app's verify workers, kept from one import to the next (see keepImportWorkers). */
export interface KeptImportWorkers {
  /**
   * The verifier of every import, release from quarantine and held-bundle swap while the app runs; null when the
   * worker file is missing, so that each import refuses to start as it does without kept workers.
   */
  readonly verifier: Verifier | null;
  /** Threads running now. */
  readonly threads: number;
  /**
   * Starts the threads now, ahead of the next import (VerifyPool.warm), then has them check sample bundles
   * (import-warm-up.ts) so that the next import's checks run compiled; settles with the number of samples
   * accepted, never rejects.
   */
  warm(): Promise<number>;
  close(): Promise<void>;
}

/**
 * The app's import workers: one pool for the app's whole run instead of one per import. Starting a thread and
 * loading the bundle code takes about 0.2 s, most of a small import's time; kept, only the first import after
 * the start pays it, and none once warm() has run (the office's copy calls it after its report's warm-up). The
 * threads have the same limits as an import's own; idle, they never keep the process alive. The CLI, one import
 * per run, opens its own (openImportVerifier).
 */
export function keepImportWorkers(): KeptImportWorkers {
  const workerFile = findVerifyWorkerFile();
  if (workerFile === null) {
    return { verifier: null, threads: 0, warm: () => Promise.resolve(0), close: () => Promise.resolve() };
  }
  const pool = createVerifyPool({ workerFile, depth: IMPORT_WORKER_DEPTH });
  return {
    verifier: poolVerifier(pool),
    get threads() {
      return pool.workers;
    },
    warm: async () => {
      await pool.warm();
      // Then the checks themselves, on sample bundles: compiled before the first import needs them.
      return exerciseImportChecks(poolVerifier(pool), pool.size);
    },
    close: () => pool.close(),
  };
}

let configuredWorkerFile: string | null = null;

/** The Electron layer (whose bundle is CommonJS) tells where out/main/verify-worker.mjs is. */
export function setVerifyWorkerFile(path: string | null): void {
  configuredWorkerFile = path;
}

/** Where the built worker is: configured, $PLEDGE_VERIFY_WORKER, next to the running bundle, or under out/. */
export function findVerifyWorkerFile(): string | null {
  const entry = process.argv[1] ? dirname(resolve(process.argv[1])) : null;
  const candidates = [
    configuredWorkerFile,
    process.env.PLEDGE_VERIFY_WORKER ?? null,
    entry && join(entry, 'verify-worker.mjs'),
    entry && join(entry, '..', 'main', 'verify-worker.mjs'),
    join(process.cwd(), 'out', 'main', 'verify-worker.mjs'),
  ];
  return candidates.find((c): c is string => typeof c === 'string' && existsSync(c)) ?? null;
}

/** The one-shot worker verifier (one bundle: CLI verify, baseline apply); refuses to run untrusted files in the main thread when the worker is missing. */
export function defaultVerifier(): Verifier {
  return workerVerifier(requireVerifyWorkerFile());
}

export function requireVerifyWorkerFile(): string {
  const file = findVerifyWorkerFile();
  if (!file) {
    throw new UserError(
      'VERIFY_WORKER_MISSING',
      "파일 검사 작업자 파일(verify-worker.mjs)을 찾을 수 없습니다. 'npm run build'로 다시 빌드하세요.",
    );
  }
  return file;
}

/** The office's registry as the verifier sees it (department keys for submissions). */
export async function registrySnapshot(ctx: AppContext): Promise<KeySnapshotEntry[]> {
  return (await listRegistryKeys(ctx.db)).map((k) => ({
    department: k.department,
    keyId: k.keyId,
    publicKeyPem: k.publicKeyPem,
    status: k.status,
    validFrom: k.validFrom,
    revokedAt: k.revokedAt,
    role: k.role,
  }));
}

/** A department copy's trusted office keys (for baseline packages). */
export async function officeKeySnapshot(ctx: AppContext): Promise<KeySnapshotEntry[]> {
  return (await listTrustedOfficeKeys(ctx.db)).map((k) => ({
    department: OFFICE_DEPARTMENT,
    keyId: k.keyId,
    publicKeyPem: k.publicKeyPem,
    status: k.status,
    validFrom: k.validFrom,
    revokedAt: k.revokedAt,
    role: 'office' as const,
  }));
}
