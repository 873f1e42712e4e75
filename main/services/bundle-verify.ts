import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  inspectBundle,
  inspectBundleInWorker,
  keyLookupFromSnapshot,
  OFFICE_DEPARTMENT,
  type BundleCheck,
  type BundleType,
  type KeySnapshotEntry,
} from '../bundles';
import { listRegistryKeys, listTrustedOfficeKeys } from '../../db/keys';
import type { AppContext } from './context';
import { UserError } from './errors';

/** Checks one bundle held in memory against a registry snapshot (container, signature, members, key status). */
export type Verifier = (
  bytes: Buffer,
  keys: readonly KeySnapshotEntry[],
  expectedType: BundleType,
) => Promise<BundleCheck>;

/** In the calling thread: for tests, and for tools where a helper thread is not available. */
export const directVerifier: Verifier = (bytes, keys, expectedType) =>
  inspectBundle(bytes, { lookupKey: keyLookupFromSnapshot(keys), expectedType });

/** In a worker thread with memory and time limits (what the app and the CLI use for untrusted files). */
export const workerVerifier =
  (workerFile: string): Verifier =>
  (bytes, keys, expectedType) =>
    inspectBundleInWorker(bytes, keys, { workerFile, expectedType });

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

/** The worker verifier; refuses to run untrusted files in the main thread when the worker is missing. */
export function defaultVerifier(): Verifier {
  const file = findVerifyWorkerFile();
  if (!file) {
    throw new UserError(
      'VERIFY_WORKER_MISSING',
      "번들 검사 작업자 파일(verify-worker.mjs)을 찾을 수 없습니다. 'npm run build'로 다시 빌드하세요.",
    );
  }
  return workerVerifier(file);
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
