import { win32 } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderKey, notFullPathHere, sameFolder } from './local-path';

describe('notFullPathHere on Windows', () => {
  it.each([
    'D:\\제출\\2019-H1',
    'C:/공약이행/데이터',
    'c:\\',
    '\\\\server\\share\\제출',
    '//server/share/제출',
  ])('%s is a full path', (path) => {
    expect(notFullPathHere(path, '백업 폴더가', 'win32')).toBeNull();
  });

  it.each(['\\공약이행\\데이터', '/공약이행', 'C:공약이행', '공약이행\\데이터', '.\\데이터', '\\\\'])(
    '%s is refused with a Windows example',
    (path) => {
      expect(notFullPathHere(path, '데이터 폴더가', 'win32')).toBe(
        `데이터 폴더가 이 PC의 전체 경로가 아닙니다: ${path} (예: C:\\공약이행\\데이터).`,
      );
    },
  );

  it('refuses what path.win32.isAbsolute takes: a folder on whichever drive the program started from', () => {
    expect(win32.isAbsolute('\\공약이행')).toBe(true);
    expect(win32.resolve('D:\\Program Files\\pledge', '\\공약이행')).toBe('D:\\공약이행');
    expect(notFullPathHere('\\공약이행', '데이터 폴더가', 'win32')).not.toBeNull();
  });
});

describe('notFullPathHere elsewhere', () => {
  it('takes a POSIX full path and refuses a Windows one', () => {
    expect(notFullPathHere('/home/사용자/공약이행', '데이터 폴더가', 'linux')).toBeNull();
    expect(notFullPathHere('D:\\제출', '데이터 폴더가', 'linux')).toBe(
      '데이터 폴더가 이 PC의 전체 경로가 아닙니다: D:\\제출 (예: /home/사용자/공약이행).',
    );
  });
});

describe('sameFolder', () => {
  it('on Windows, takes a folder typed in another case or with other separators for the same one', () => {
    expect(sameFolder('c:\\공약이행\\Data', 'C:\\공약이행\\data', 'win32')).toBe(true);
    expect(sameFolder('C:/공약이행/data/', 'c:\\공약이행\\DATA', 'win32')).toBe(true);
    expect(sameFolder('C:\\공약이행\\data', 'D:\\공약이행\\data', 'win32')).toBe(false);
    expect(sameFolder('C:\\공약이행\\data', 'C:\\공약이행\\data2', 'win32')).toBe(false);
    expect(folderKey('C:\\공약이행\\Data\\..\\Data', 'win32')).toBe('c:\\공약이행\\data');
  });

  it('elsewhere, compares the case as the file system does', () => {
    expect(sameFolder('/home/사용자/Data', '/home/사용자/data', 'linux')).toBe(false);
    expect(sameFolder('/home/사용자/data/', '/home/사용자/./data', 'linux')).toBe(true);
  });
});
