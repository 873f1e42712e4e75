import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../db/test/temp-dir';
import { databasePathIn } from '../../services/context';
import { folderSnapshot } from '../../services/test-support/unreadable-file';
import { buildChildCli, type ChildCli } from '../test-cli-child';
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

// chmod does not stop root: run as root (a CI container), `pledge backup` runs in a child process as `nobody`,
// for whom the modes hold. Windows takes no such modes: skipped there.
const asRoot = process.getuid?.() === 0;
const NOBODY = { uid: 65534, gid: 65534 };

describe.skipIf(process.platform === 'win32')('pledge backup of a data folder that cannot be written', () => {
  let child: ChildCli | null = null;
  beforeAll(async () => {
    if (asRoot) child = await buildChildCli();
  });
  afterAll(() => child?.remove());

  /** `pledge …` as a user the modes stop: in this process, or as `nobody` in a child when the tests run as root. */
  const pledgeAsUser = async (...args: string[]) => {
    if (child === null) return pledge(...args);
    const run = child.run(args, { as: NOBODY });
    return { code: run.status ?? -1, out: run.stdout, err: run.stderr };
  };
  /** The folder the backup goes to, writable by that user. */
  const outFolder = () => {
    const out = join(dir.path, 'usb');
    mkdirSync(out);
    if (asRoot) {
      chmodSync(dir.path, 0o755);
      chownSync(out, NOBODY.uid, NOBODY.gid);
    }
    return out;
  };

  /** Runs `work` with the office's folder and data file read-only, and gives them back their modes after. */
  const readOnly = async (work: () => Promise<void>) => {
    chmodSync(databasePathIn(office), 0o444);
    chmodSync(office, 0o555);
    try {
      await work();
    } finally {
      chmodSync(office, 0o755);
      chmodSync(databasePathIn(office), 0o644);
    }
  };

  it('reads it only, and writes a sealed backup that restores', async () => {
    const out = outFolder();
    const before = folderSnapshot(office);
    let path = '';
    await readOnly(async () => {
      const r = await pledgeAsUser('backup', '--data', office, '--out', out, '--json');
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      path = (JSON.parse(r.out) as { path: string }).path;
    });
    expect(dirname(path)).toBe(out);
    expect(folderSnapshot(office)).toEqual(before);
    const restored = await pledge('restore', path, '--data', join(dir.path, 'restored'));
    expect(restored.code).toBe(0);
    expect(restored.out).toContain('백업 파일의 내용이 만들 때와 같은지 확인했습니다 (SHA-256).');
  });

  it('refuses, naming it, when a change log not yet merged lies beside it', async () => {
    const out = outFolder();
    const wal = `${databasePathIn(office)}-wal`;
    writeFileSync(wal, 'not merged');
    await readOnly(async () => {
      const r = await pledgeAsUser('backup', '--data', office, '--out', out);
      expect(r.code).toBe(1);
      expect(r.err).toContain(
        `데이터 폴더에 쓸 수 없는데, 데이터 파일 옆에 아직 데이터 파일에 합쳐지지 않은 변경 기록(${wal})`,
      );
    });
    expect(readdirSync(out)).toEqual([]);
  });
});
