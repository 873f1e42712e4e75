import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
    const bin = join(import.meta.dirname, '..', '..', 'bin', 'pledge.mjs');
    const built = join(import.meta.dirname, '..', '..', 'out', 'cli', 'pledge.mjs');
    if (!existsSync(built))
      execFileSync(process.execPath, ['build/scripts/build.mjs', 'cli'], { cwd: join(bin, '..', '..') });
    const out = execFileSync(process.execPath, [bin, 'catalog', '--json'], { encoding: 'utf8' });
    expect((JSON.parse(out) as Tree).totals.projects).toBe(238);
  });
});

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
