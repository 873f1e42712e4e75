import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeBundle } from '../bundles/write';
import { generateKeyPair, sampleInput } from '../bundles/test-support/fixtures';
import { main } from './index';
import { captureIo } from './test-io';

interface Tree {
  totals: { areas: number; corePledges: number; projects: number };
  areas: {
    corePledges: { projects: { id: string; name: string; leadDepartment: string }[]; name: string }[];
  }[];
}

describe('pledge catalog --json', () => {
  it('prints 7 areas, 66 core pledges and 238 projects (33/39/24/42/34/11/55), each with a lead, no "?"', async () => {
    const io = captureIo();
    expect(await main(['catalog', '--json'], io)).toBe(0);
    const tree = JSON.parse(io.stdout()) as Tree;
    expect(tree.totals).toEqual({ areas: 7, corePledges: 66, projects: 238 });
    const perArea = tree.areas.map((a) => a.corePledges.reduce((n, c) => n + c.projects.length, 0));
    expect(perArea).toEqual([33, 39, 24, 42, 34, 11, 55]);
    const projects = tree.areas.flatMap((a) => a.corePledges.flatMap((c) => c.projects));
    expect(projects.every((p) => p.leadDepartment.length > 0)).toBe(true);
    expect(io.stdout()).not.toContain('?');
  });

  it('the installed `pledge` command runs the built CLI', () => {
    const out = execFileSync(process.execPath, [builtBin(), 'catalog', '--json'], { encoding: 'utf8' });
    expect((JSON.parse(out) as Tree).totals.projects).toBe(238);
  });

  it('started from another folder, `pledge` finds its bundle-check worker beside the built CLI', async () => {
    const bin = builtBin();
    const work = mkdtempSync(join(tmpdir(), 'pledge-anywhere-'));
    try {
      const data = join(work, 'data');
      const run = (args: string[]) =>
        spawnSync(process.execPath, [bin, ...args], { cwd: work, encoding: 'utf8' });
      expect(run(['setup', '--data', data, '--role', 'office']).status).toBe(0);
      writeFileSync(join(work, 'sent.pledge'), await writeBundle(sampleInput(generateKeyPair())));
      // The office has not registered the sender's key: checked in the worker and refused for that reason.
      const verify = run(['bundle', 'verify', join(work, 'sent.pledge'), '--data', data, '--json']);
      expect(verify.stderr).not.toContain('verify-worker.mjs');
      expect(verify.status).toBe(1);
      expect((JSON.parse(verify.stdout) as { ok: boolean; code: string }).ok).toBe(false);
      expect((JSON.parse(verify.stdout) as { code: string }).code).not.toBe('VERIFY_WORKER_MISSING');
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});

/** bin/pledge.mjs (the CLI and the worker it starts are built by the tests' global setup, build/vitest-setup.ts). */
function builtBin(): string {
  return join(import.meta.dirname, '..', '..', 'bin', 'pledge.mjs');
}

describe('pledge --help', () => {
  it('lists every command with its help text', async () => {
    const io = captureIo();
    expect(await main(['--help'], io)).toBe(0);
    expect(io.stdout()).toContain('pledge catalog');
  });

  it('rejects an unknown command with exit code 2 and a Korean message', async () => {
    const io = captureIo();
    expect(await main(['frobnicate'], io)).toBe(2);
    expect(io.stderr()).toContain('알 수 없는 명령');
  });
});
