import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../db/test/temp-dir';
import { buildChildCli, type ChildCli } from '../test-cli-child';
import { runPledge as pledge } from '../test-io';

// `pledge restore` makes its data folder: one it cannot make fails at once, and a failed restore leaves none.
let dir: ReturnType<typeof makeTempDir>;
let backup: string;

beforeEach(async () => {
  dir = makeTempDir('cli-helper-restore-');
  const office = join(dir.path, 'office');
  expect((await pledge('setup', '--data', office, '--role', 'office')).code).toBe(0);
  const made = await pledge('backup', '--data', office, '--out', dir.path, '--json');
  backup = (JSON.parse(made.out) as { path: string }).path;
});
afterEach(() => dir.remove());

describe('pledge restore', () => {
  it('restores into a new folder; a missing backup file leaves no folder behind', async () => {
    const target = join(dir.path, 'new', 'data');
    const missing = await pledge('restore', join(dir.path, 'none.sqlite'), '--data', target);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('복원할 백업 파일이 없습니다');
    expect(existsSync(join(dir.path, 'new'))).toBe(false);

    const restored = await pledge('restore', backup, '--data', target);
    expect(restored.code).toBe(0);
    expect(readdirSync(target)).toEqual(['pledge.sqlite']);
  });

  it('a file where the folder should be is named, and kept', async () => {
    const file = join(dir.path, 'data.txt');
    writeFileSync(file, 'keep');
    const r = await pledge('restore', backup, '--data', file);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`--data 로 지정한 경로가 폴더가 아니라 파일입니다: ${file}`);
    expect(readFileSync(file, 'utf8')).toBe('keep');
  });

  describe.runIf(process.platform === 'linux')('into a folder that cannot be made (/proc)', () => {
    let cli: ChildCli;
    beforeAll(async () => {
      cli = await buildChildCli();
    });
    afterAll(() => cli.remove());

    it('fails at once, naming the folder (no endless mkdir)', () => {
      const r = cli.run(['restore', backup, '--data', '/proc/pledge-test/data']);
      expect(r.timedOut).toBe(false);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('복원할 데이터 폴더를 만들 수 없습니다: /proc/pledge-test/data');
    });
  });
});
