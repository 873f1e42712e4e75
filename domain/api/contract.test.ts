import { describe, expect, it } from 'vitest';
import { isFullPath, reportRequestSchema, restoreBackupInputSchema, setupInputSchema } from './contract';

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

  it('a full Windows path passes the setup form', () => {
    const setup = setupInputSchema.safeParse({ role: 'office', department: null, dataDir: ' C:\\공약이행 ' });
    expect(setup.success && setup.data.dataDir).toBe('C:\\공약이행');
  });
});

describe('report request', () => {
  it('refuses a comparison with the half-year reported', () => {
    const same = reportRequestSchema.safeParse({ periodId: '2019-H1', comparePeriodId: '2019-H1' });
    expect(same.error?.issues[0]).toMatchObject({
      path: ['comparePeriodId'],
      message: '비교 반기는 보고 반기와 다른 반기를 고르세요.',
    });
    expect(reportRequestSchema.safeParse({ periodId: '2019-H1', comparePeriodId: '2018-H2' }).success).toBe(
      true,
    );
  });
});
