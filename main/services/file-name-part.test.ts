import { readdirSync, writeFileSync } from 'node:fs';
import { join, win32 } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../db/test/temp-dir';
import { fileNamePart } from './file-name-part';

/** Why Windows would refuse `name` as a file name (or read it as something else), or null. */
function windowsNameProblem(name: string): string | null {
  if (/[<>:"/\\|?*]/.test(name)) return 'forbidden character';
  if ([...name].some((ch) => ch.charCodeAt(0) < 0x20)) return 'control character';
  if (/[. ]$/.test(name)) return 'ends with a dot or space';
  if (/^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i.test(name)) return 'device name';
  if (name.length > 255) return 'longer than 255 UTF-16 units';
  return null;
}

// Names another city's 공약사업 목록 (or a hand-edited one) could hold, as a department, a city or a term.
const HOSTILE = [
  '경제/일자리:기획과',
  '..\\..\\Windows\\System32',
  '../../etc',
  'C:\\temp',
  '\\\\server\\share',
  '문화·관광 "본부" <1>|2|?*',
  'CON',
  'nul.txt',
  '탭\t줄\n바꿈\r끝',
  '제어\u0001\u001f\u007f문자',
  '끝에 점.',
  '끝에 공백 ',
  '가'.repeat(300),
  '😀'.repeat(40),
];

let dir: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  dir = makeTempDir('file-name-part-');
});
afterEach(() => dir.remove());

describe('fileNamePart', () => {
  it('keeps the names the catalog holds as they were, spaces as _', () => {
    expect(fileNamePart('경제진흥본부')).toBe('경제진흥본부');
    expect(fileNamePart('문화·관광 본부')).toBe('문화·관광_본부');
    expect(fileNamePart('민선7기')).toBe('민선7기');
  });

  it.each(HOSTILE)('%j makes one file inside the folder that Windows takes as named', (text) => {
    const part = fileNamePart(text);
    const name = `공약제출_${part}_2019-H1_r3(2).pledge`;
    expect(windowsNameProblem(name)).toBeNull();
    expect(part.length).toBeLessThanOrEqual(60);
    // Neither system reads a folder or a drive into it.
    expect(win32.basename(win32.join('D:\\제출', name))).toBe(name);
    expect(win32.dirname(win32.join('D:\\제출', name))).toBe('D:\\제출');
    writeFileSync(join(dir.path, name), 'x');
    expect(readdirSync(dir.path)).toEqual([name]);
  });

  it('cuts a long name at a whole character, never half a surrogate pair', () => {
    const part = fileNamePart(`가${'😀'.repeat(40)}`);
    expect(part).toBe(`가${'😀'.repeat(29)}`);
    expect(Buffer.from(part, 'utf8').toString('utf8')).toBe(part);
  });

  it('a name of nothing but unsafe characters is still a piece', () => {
    expect(fileNamePart('/:*')).toBe('_');
  });
});
