import { mkdirSync, readdirSync, readFileSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../db/test/temp-dir';
import { UserError } from '../services/errors';
import {
  moveInWithoutReplacing,
  removeStaleTempFiles,
  writeFilesAtomic,
  writeTempBeside,
} from './atomic-file';

const encode = (text: string) => new TextEncoder().encode(text);
const files = (suffix: string) =>
  ['index.html', 'projects.csv', 'finance.csv'].map((name) => ({ name, bytes: encode(`${name} ${suffix}`) }));

let dir: { path: string; remove(): void };
beforeEach(() => {
  dir = makeTempDir('pledge-atomic-');
});
afterEach(() => dir.remove());

const contents = () =>
  Object.fromEntries(readdirSync(dir.path).map((name) => [name, readFileSync(join(dir.path, name), 'utf8')]));

function caught(fn: () => unknown): UserError {
  try {
    fn();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

/** A rename that fails like Windows does when another program holds `name` open. */
const busyOn = (name: string, when: 'aside' | 'in') => ({
  rename: (from: string, to: string) => {
    const moving = when === 'aside' ? from : to;
    if (moving === join(dir.path, name)) {
      throw Object.assign(new Error(`EBUSY: resource busy or locked, rename '${from}'`), { code: 'EBUSY' });
    }
    renameSync(from, to);
  },
});

describe('writeFilesAtomic', () => {
  it('writes new files and replaces existing ones, leaving nothing else in the folder', () => {
    expect(writeFilesAtomic(dir.path, files('v1'))).toEqual(files('v1').map((f) => join(dir.path, f.name)));
    writeFilesAtomic(dir.path, files('v2'));
    expect(contents()).toEqual({
      'index.html': 'index.html v2',
      'projects.csv': 'projects.csv v2',
      'finance.csv': 'finance.csv v2',
    });
  });

  it('a file held open by another program: every earlier file stays as it was, and the message names the file', () => {
    writeFilesAtomic(dir.path, files('v1'));
    const before = contents();
    const error = caught(() => writeFilesAtomic(dir.path, files('v2'), busyOn('finance.csv', 'aside')));
    expect(error.code).toBe('FILE_WRITE_FAILED');
    expect(error.message).toContain(join(dir.path, 'finance.csv'));
    expect(error.message).toContain('다른 프로그램(예: 엑셀)이 파일을 열고 있습니다');
    expect(error.message).toContain('기존 파일은 바뀌지 않았습니다');
    expect(contents()).toEqual(before);
  });

  it('a failure while moving the new files in puts the old ones back (the first file already replaced)', () => {
    writeFilesAtomic(dir.path, files('v1'));
    const before = contents();
    const error = caught(() => writeFilesAtomic(dir.path, files('v2'), busyOn('projects.csv', 'in')));
    expect(error.message).toContain(join(dir.path, 'projects.csv'));
    expect(contents()).toEqual(before);
  });

  it('into an empty folder, a failure leaves the folder empty', () => {
    caught(() => writeFilesAtomic(dir.path, files('v1'), busyOn('finance.csv', 'in')));
    expect(readdirSync(dir.path)).toEqual([]);
  });

  it('a folder where a file should go is refused before anything is written', () => {
    writeFileSync(join(dir.path, 'index.html'), 'old');
    mkdirSync(join(dir.path, 'finance.csv'));
    const error = caught(() => writeFilesAtomic(dir.path, files('v1')));
    expect(error.message).toContain(`${join(dir.path, 'finance.csv')}: 같은 이름의 폴더`);
    expect(readdirSync(dir.path).sort()).toEqual(['finance.csv', 'index.html']);
    expect(readFileSync(join(dir.path, 'index.html'), 'utf8')).toBe('old');
  });

  it('a missing folder is named in the message', () => {
    const missing = join(dir.path, 'no-such-folder');
    const error = caught(() => writeFilesAtomic(missing, files('v1')));
    expect(error.message).toContain(missing);
    expect(error.message).toContain('경로를 찾을 수 없습니다');
  });
});

describe('writeTempBeside and moveInWithoutReplacing', () => {
  it('a free name: the file takes it and no temporary file is left', () => {
    const path = join(dir.path, 'r1.pledge');
    const temp = writeTempBeside(path, encode('new'));
    expect(contents()).toEqual({ [temp.slice(dir.path.length + 1)]: 'new' });
    expect(moveInWithoutReplacing(temp, path)).toBe(true);
    expect(contents()).toEqual({ 'r1.pledge': 'new' });
  });

  it('a taken name (a file or a folder): false, and both stay as they were', () => {
    writeFileSync(join(dir.path, 'r1.pledge'), 'old');
    mkdirSync(join(dir.path, 'r2.pledge'));
    for (const name of ['r1.pledge', 'r2.pledge']) {
      const temp = writeTempBeside(join(dir.path, name), encode('new'));
      expect(moveInWithoutReplacing(temp, join(dir.path, name))).toBe(false);
      expect(readFileSync(temp, 'utf8')).toBe('new');
    }
    expect(readFileSync(join(dir.path, 'r1.pledge'), 'utf8')).toBe('old');
    expect(readdirSync(join(dir.path, 'r2.pledge'))).toEqual([]);
  });
});

describe('removeStaleTempFiles', () => {
  it('removes only old temporary files of the kind asked for; a young one (a write under way) and others stay', () => {
    const at = (name: string, minutesAgo: number) => {
      const path = join(dir.path, name);
      writeFileSync(path, name);
      const when = new Date(Date.now() - minutesAgo * 60_000);
      utimesSync(path, when, when);
    };
    at('.공약제출_문화본부_2019-H1_r3.pledge.0123456789ab.tmp', 60);
    at('.공약제출_문화본부_2019-H1_r4.pledge.ba9876543210.tmp', 1);
    at('.index.html.0123456789ab.tmp', 60);
    at('공약제출_문화본부_2019-H1_r2.pledge', 60);
    at('.메모.pledge.tmp', 60);
    const written = writeTempBeside(join(dir.path, '공약제출_문화본부_2019-H1_r5.pledge'), encode('new'));
    expect(removeStaleTempFiles(dir.path, '.pledge', 10 * 60_000)).toEqual([
      '.공약제출_문화본부_2019-H1_r3.pledge.0123456789ab.tmp',
    ]);
    expect(readdirSync(dir.path).sort()).toEqual(
      [
        '.index.html.0123456789ab.tmp',
        '.공약제출_문화본부_2019-H1_r4.pledge.ba9876543210.tmp',
        '.메모.pledge.tmp',
        '공약제출_문화본부_2019-H1_r2.pledge',
        written.slice(dir.path.length + 1),
      ].sort(),
    );
    // A folder that cannot be read removes nothing and fails nothing.
    expect(removeStaleTempFiles(join(dir.path, 'none'), '.pledge', 0)).toEqual([]);
  });
});
