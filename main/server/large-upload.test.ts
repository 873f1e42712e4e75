// Browser mode carries the largest files the application itself allows: the bridge's request cap follows the
// contract's bundle limit, so a bundle with photos is imported by dropping it, as in the Electron window.
import BetterSqlite3 from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API_TOKEN_HEADER, apiPathOf } from '../../domain/api/bridge';
import {
  ATTACHMENT_MAX_BYTES,
  BUNDLE_MAX_BYTES,
  base64Length,
  type ImportJobView,
} from '../../domain/api/contract';
import { makeTempDir } from '../../db/test/temp-dir';
import { DEFAULT_LIMITS } from '../bundles';
import { enroll, makeCopy, privateKeyOf, sha256Hex } from '../services/bundle-test-support';
import { databasePathIn } from '../services/context';
import { LEAD, planBundleWithPhotos } from '../services/test-support/office-harness';
import { startBrowserMode, type BrowserMode } from './browser-mode';
import { MAX_API_BODY_BYTES } from './http-bridge';

let dir: ReturnType<typeof makeTempDir>;
let running: BrowserMode | null = null;

beforeEach(() => {
  dir = makeTempDir('pledge-large-upload-');
});
afterEach(async () => {
  await running?.close();
  running = null;
  dir.remove();
});

/** An application folder with a built page (the API is what is tested here). */
function appRoot(): string {
  const root = join(dir.path, 'app');
  mkdirSync(join(root, 'out', 'renderer'), { recursive: true });
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'pledge-tracker', version: '0.1.0' }));
  writeFileSync(join(root, 'out', 'renderer', 'index.html'), '<html><head></head><body></body></html>');
  return root;
}

async function call<T>(mode: BrowserMode, name: Parameters<typeof apiPathOf>[0], input: unknown): Promise<T> {
  const response = await fetch(new URL(apiPathOf(name), mode.bridge.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', [API_TOKEN_HEADER]: mode.bridge.token },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as { ok: boolean; value?: T; error?: { code: string } };
  if (!result.ok) throw new Error(`${name}: HTTP ${response.status} ${result.error?.code ?? ''}`);
  return result.value as T;
}

describe('browser mode and large files', () => {
  it('the request cap holds the largest bundle the contract and the verifier accept', () => {
    expect(DEFAULT_LIMITS.maxBundleBytes).toBe(BUNDLE_MAX_BYTES);
    // The JSON around the file: the operation's fields, the file name, the quotes and braces.
    expect(MAX_API_BODY_BYTES).toBeGreaterThan(base64Length(BUNDLE_MAX_BYTES) + 64 * 1024);
  });

  it('imports a 30 MB bundle (a plan with two full-size photos) sent as the import screen sends it', async () => {
    const office = await makeCopy(dir.path, 'office', { role: 'office' });
    const dept = await makeCopy(dir.path, 'dept', { role: 'department', department: LEAD });
    await enroll(office, dept);
    const officeData = office.dataDir;
    const key = await privateKeyOf(dept);
    await office.close();
    await dept.close();

    // Two photos of the largest size a form accepts; random bytes, so nothing about them compresses.
    const photos = [randomBytes(ATTACHMENT_MAX_BYTES - 4096), randomBytes(ATTACHMENT_MAX_BYTES / 2)];
    const { bytes: bundle } = await planBundleWithPhotos(key, photos);
    // Larger than the bridge used to take at all (20 MB), before base64 adds its third.
    expect(bundle.length).toBeGreaterThan(30 * 1024 * 1024);

    running = await startBrowserMode({
      appRoot: appRoot(),
      profileDir: join(dir.path, 'profile'),
      dataDirOverride: officeData,
    });
    let job = await call<ImportJobView>(running, 'startBundleImport', {
      files: [{ name: '경제진흥본부_실천계획.pledge', dataBase64: bundle.toString('base64') }],
    });
    for (let i = 0; !job.finished && i < 600; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      job = await call<ImportJobView>(running, 'getImportProgress', { jobId: job.jobId });
    }
    expect(job.error).toBeNull();
    expect(job.results?.map((r) => r.status)).toEqual(['accepted']);
    await running.close();
    running = null;

    // The office database holds the bundle byte for byte and both photos.
    const db = new BetterSqlite3(databasePathIn(officeData), { readonly: true });
    try {
      const stored = db.prepare('SELECT bytes FROM bundle_files WHERE sha256 = ?').get(sha256Hex(bundle)) as
        { bytes: Buffer } | undefined;
      expect(stored?.bytes.equals(bundle)).toBe(true);
      const sizes = db.prepare('SELECT sha256, size FROM attachments ORDER BY size DESC').all() as {
        sha256: string;
        size: number;
      }[];
      expect(sizes).toEqual(photos.map((p) => ({ sha256: sha256Hex(p), size: p.length })));
    } finally {
      db.close();
    }
  });
});
