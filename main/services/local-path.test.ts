import { win32 } from 'node:path';
import { describe, expect, it } from 'vitest';
import { notFullPathHere } from './local-path';

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
