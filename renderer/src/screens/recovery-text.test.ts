import { describe, expect, it } from 'vitest';
import { newFolderKeptText, recoveryFieldOf } from './recovery-text';

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
});
