import { describe, expect, it } from 'vitest';
import {
  contract,
  isFullPath,
  EXCLUSION_NOTE_MESSAGE,
  FROZEN_ACCEPT_NOTE_MESSAGE,
  REJECTION_NOTE_MESSAGE,
  reportRequestSchema,
  restoreBackupInputSchema,
  setupInputSchema,
} from './contract';

describe('data folder paths', () => {
  it.each(['C:\\공약이행\\데이터', 'd:/pledge', '/home/사용자/공약이행', '\\\\server\\share'])(
    '%s is a full path',
    (p) => {
      expect(isFullPath(p)).toBe(true);
    },
  );

  it.each(['경제', './data', 'data\\pledge', 'C:relative', '~/pledge'])(
    '%s is refused with a Korean message, not created beside wherever the program started',
    (p) => {
      const setup = setupInputSchema.safeParse({ role: 'office', department: null, dataDir: p });
      expect(setup.success).toBe(false);
      expect(setup.error?.issues[0]?.message).toMatch(/^데이터 폴더는 전체 경로로 입력하세요/);
      const restore = restoreBackupInputSchema.safeParse({ file: '/tmp/backup.sqlite', dataDir: p });
      expect(restore.error?.issues[0]?.message).toMatch(/^데이터 폴더는 전체 경로로/);
    },
  );

  it("a path pasted with the quotes Windows' 경로로 복사 puts around it is read without them", () => {
    const setup = setupInputSchema.safeParse({
      role: 'office',
      department: null,
      dataDir: ' "D:\\공약이행" ',
    });
    expect(setup.success && setup.data.dataDir).toBe('D:\\공약이행');
    const imported = contract.importBundleFiles.input.safeParse({
      paths: ['"D:\\제출\\2019-H1"', '"\\\\server\\share\\제출"', 'E:\\받은 파일'],
    });
    expect(imported.success && imported.data.paths).toEqual([
      'D:\\제출\\2019-H1',
      '\\\\server\\share\\제출',
      'E:\\받은 파일',
    ]);
    // One quote alone is not a pair around the path; quotes around nothing leave nothing.
    expect(
      setupInputSchema.safeParse({ role: 'office', department: null, dataDir: '"D:\\공약이행' }).success,
    ).toBe(false);
    expect(contract.importBundleFiles.input.safeParse({ paths: ['""'] }).error?.issues[0]?.message).toBe(
      '파일 경로를 입력하세요.',
    );
  });

  it('a full Windows path passes the setup form', () => {
    const setup = setupInputSchema.safeParse({ role: 'office', department: null, dataDir: ' C:\\공약이행 ' });
    expect(setup.success && setup.data.dataDir).toBe('C:\\공약이행');
  });
});

describe('report request', () => {
  it('refuses a comparison with the half-year reported or a later one', () => {
    for (const comparePeriodId of ['2019-H1', '2019-H2', '2020-H1']) {
      const refused = reportRequestSchema.safeParse({ periodId: '2019-H1', comparePeriodId });
      expect(refused.error?.issues[0]).toMatchObject({
        path: ['comparePeriodId'],
        message: '비교 반기는 보고 반기보다 앞선 반기를 고르세요.',
      });
    }
    expect(reportRequestSchema.safeParse({ periodId: '2019-H1', comparePeriodId: '2018-H2' }).success).toBe(
      true,
    );
  });
});

describe('office decisions', () => {
  it('a rejection (완료 요청 or 조정 요청) needs the reason the department will read', () => {
    const completion = contract.decideCompletion.input;
    const blank = { projectId: '1-1-1', periodId: '2019-H1', decision: 'rejected', note: '  ' };
    expect(completion.safeParse(blank).error?.issues[0]).toMatchObject({
      path: ['note'],
      message: REJECTION_NOTE_MESSAGE,
    });
    expect(completion.safeParse({ ...blank, note: '증빙 보완 필요' }).success).toBe(true);
    expect(completion.safeParse({ ...blank, decision: 'accepted', note: '' }).success).toBe(true);
    const change = contract.decideChangeRequest.input;
    const request = {
      department: '경제진흥본부',
      requestId: 'cr-1',
      status: 'rejected',
      date: '2019-07-20',
      by: '시민공약평가단',
      note: '',
    };
    expect(change.safeParse(request).error?.issues[0]?.message).toBe(REJECTION_NOTE_MESSAGE);
    expect(change.safeParse({ ...request, status: 'reviewing' }).success).toBe(true);
  });

  it('a 확정 항목 conflict needs its reason whichever way it is decided; other conflicts do not', () => {
    const resolve = contract.resolveConflict.input;
    const exclude = {
      key: 'frozen:4-3-3:2019-H1:경제진흥본부',
      projectId: '4-3-3',
      periodId: '2019-H1',
      decision: 'rejected',
      note: ' ',
    };
    expect(resolve.safeParse(exclude).error?.issues[0]).toMatchObject({
      path: ['note'],
      message: EXCLUSION_NOTE_MESSAGE,
    });
    expect(resolve.safeParse({ ...exclude, note: '확정 계획과 다른 목표' }).success).toBe(true);
    // 카드 반영 lets a changed 정책목표 (추후 임의변경불가) count: its reason is kept too.
    expect(resolve.safeParse({ ...exclude, decision: 'accepted' }).error?.issues[0]).toMatchObject({
      path: ['note'],
      message: FROZEN_ACCEPT_NOTE_MESSAGE,
    });
    expect(resolve.safeParse({ ...exclude, decision: 'accepted', note: '조정 승인 반영' }).success).toBe(
      true,
    );
    expect(resolve.safeParse({ ...exclude, key: 'sameRevision:경제진흥본부:3' }).success).toBe(true);
    expect(
      resolve.safeParse({
        ...exclude,
        key: 'co-card:1-1-7:2019-H1:여성가족정책실',
        decision: 'accepted',
        note: '',
      }).success,
    ).toBe(true);
  });
});
