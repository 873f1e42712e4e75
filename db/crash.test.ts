import BetterSqlite3 from 'better-sqlite3';
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from './create-db';
import { documentIdOf, getDocument, listVersions } from './documents';
import { makeTempDir } from './test/temp-dir';

/**
 * Power-cut simulation: a process saving drafts in a loop is killed with SIGKILL at random moments. Every
 * version it reported as saved must be there afterwards, and the database must pass integrity_check.
 */
let dir: ReturnType<typeof makeTempDir>;
let childScript: string;

beforeAll(async () => {
  dir = makeTempDir();
  // Inside the project so that the child resolves better-sqlite3 and kysely from node_modules.
  childScript = join(
    import.meta.dirname,
    '..',
    'node_modules',
    '.cache',
    'pledge-tests',
    `save-loop-${process.pid}.mjs`,
  );
  await build({
    entryPoints: [join(import.meta.dirname, 'test', 'save-loop-child.ts')],
    outfile: childScript,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    absWorkingDir: join(import.meta.dirname, '..'),
    logLevel: 'silent',
  });
});
afterAll(() => {
  dir.remove();
  rmSync(childScript, { force: true });
});

function runAndKill(dbPath: string, afterMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childScript, dbPath], {
      stdio: ['ignore', 'pipe', 'pipe'],
      cwd: join(import.meta.dirname, '..'),
    });
    let lastConfirmed = 0;
    let buffered = '';
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) if (line) lastConfirmed = Number(line);
    });
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), afterMs);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`child ended on its own: ${errors}`));
      else resolve(lastConfirmed);
    });
  });
}

describe('crash during autosave', () => {
  it('loses no confirmed save over repeated kill -9', async () => {
    const dbPath = join(dir.path, 'crash.sqlite');
    await createDb(dbPath).destroy();
    const id = documentIdOf({
      kind: 'executionPlan',
      projectId: '1-1-1',
      slot: 'plan',
      department: '경제진흥본부',
    });
    for (let round = 0; round < 8; round++) {
      const confirmed = await runAndKill(dbPath, 300 + round * 70);
      const raw = new BetterSqlite3(dbPath);
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
      raw.close();
      const db = createDb(dbPath);
      const stored = await getDocument(db, id);
      // The child may have committed one more version than it managed to print before the kill.
      expect(stored?.version ?? 0).toBeGreaterThanOrEqual(confirmed);
      const versions = await listVersions(db, id);
      expect(versions.length).toBe(stored?.version ?? 0);
      expect((stored?.json as { text: string } | undefined)?.text.length).toBe(stored?.version);
      await db.destroy();
    }
  }, 60_000);
});
