import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../db/test/temp-dir';
import { runPledge as pledge } from '../test-io';

// `pledge backup` to places that take no file: the folder is named in Korean, nothing is left behind.
let dir: ReturnType<typeof makeTempDir>;
let office: string;

beforeEach(async () => {
  dir = makeTempDir('cli-helper-backup-');
  office = join(dir.path, 'office');
  expect((await pledge('setup', '--data', office, '--role', 'office')).code).toBe(0);
});
afterEach(() => dir.remove());

describe('pledge backup --out', () => {
  it.runIf(process.platform === 'linux')(
    'a folder that exists but takes no file (/proc) is named, not reported as SQLITE_CANTOPEN',
    async () => {
      const r = await pledge('backup', '--data', office, '--out', '/proc');
      expect(r.code).toBe(1);
      expect(r.err).toContain('이 폴더에는 백업 파일을 만들 수 없습니다: /proc');
      expect(r.err).toContain('다른 폴더를 고르세요');
      expect(r.err).not.toContain('SQLITE_CANTOPEN');
      expect(r.out).toBe('');
    },
  );

  it('a folder that does not exist is named and not created', async () => {
    const missing = join(dir.path, 'usb', 'backups');
    const r = await pledge('backup', '--data', office, '--out', missing);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`백업을 저장할 폴더가 없습니다: ${missing}`);
    expect(existsSync(join(dir.path, 'usb'))).toBe(false);
    expect(readdirSync(office).filter((n) => n.includes('백업') || n === 'backups')).toEqual([]);
  });
});
