import { describe, expect, it } from 'vitest';
import {
  lostFileText,
  newFolderKeptText,
  recoveryFieldOf,
  recoveryHeading,
  sameFolder,
  startAnewRefusal,
} from './recovery-text';

describe('recovery screen texts', () => {
  it('says a new folder is kept for the next start only when the profile remembers it', () => {
    expect(newFolderKeptText(true)).toBe('다음 시작부터 이 폴더를 씁니다.');
    expect(newFolderKeptText(false)).toBe('이번 실행에만 씁니다 (--data로 시작함).');
  });

  it('puts a refusal at the backup file field or the folder field', () => {
    expect(recoveryFieldOf({ backupFile: '파일이 없습니다' })).toEqual({
      field: 'backupFile',
      message: '파일이 없습니다',
    });
    expect(recoveryFieldOf({ dataDir: '이미 데이터가 있습니다' })).toEqual({
      field: 'dataDir',
      message: '이미 데이터가 있습니다',
    });
    expect(recoveryFieldOf(undefined)).toBeNull();
  });

  it('names the problem in the title: unreadable, missing or empty', () => {
    expect(recoveryHeading('unreadable')).toBe('공약이행 관리 — 데이터 파일을 열 수 없습니다');
    expect(recoveryHeading('missing')).toBe('공약이행 관리 — 데이터 파일이 없습니다');
    expect(recoveryHeading('empty')).toBe('공약이행 관리 — 데이터 파일이 비어 있습니다');
    expect(lostFileText('missing')).toBe('데이터 폴더에 데이터 파일이 없습니다:');
    expect(lostFileText('empty')).toBe('데이터 폴더의 데이터 파일이 비어 있습니다 (0바이트):');
  });

  it('knows the folder that lost its data file when typed again, with or without its last separator', () => {
    expect(sameFolder('/home/a/data/', '/home/a/data')).toBe(true);
    expect(sameFolder(' C:\\공약\\data\\ ', 'C:\\공약\\data')).toBe(true);
    expect(sameFolder('/home/a/data-새로-20261203', '/home/a/data')).toBe(false);
    expect(sameFolder('', '')).toBe(false);
  });

  it('starts anew only with the warning confirmed', () => {
    expect(startAnewRefusal(false)).toContain('돌아오지 않는다는 것을 확인했다고 표시하세요');
    expect(startAnewRefusal(true)).toBeNull();
  });
});
