import { describe, expect, it } from 'vitest';
import { publicExportCaution, undecidedCompletionNote } from './labels';
import { plannedSoFar } from './lagging';
import { REPORT_STATUSES } from './status-tables';
import { localDateOf } from './submissions';
import type { ReportStatus } from './types';

const emptyStatusCounts = () =>
  Object.fromEntries(REPORT_STATUSES.map((s) => [s, 0])) as Record<ReportStatus, number>;

const PERIODS = ['2018-H2', '2019-H1', '2019-H2', '2020-H1', '2020-H2', '2021-H1', '2021-H2', '2022-H1'];
const YEARS = ['2018', '2019', '2020', '2021', '2022'];
const plan = [100, 200, 400, 0, 60];

describe('plannedSoFar', () => {
  it('counts each budget year by the share of its in-term half-years that have ended', () => {
    expect(plannedSoFar(plan, YEARS, PERIODS, '2018-H2')).toBe(100);
    expect(plannedSoFar(plan, YEARS, PERIODS, '2019-H1')).toBe(100 + 100);
    expect(plannedSoFar(plan, YEARS, PERIODS, '2019-H2')).toBe(300);
    expect(plannedSoFar(plan, YEARS, PERIODS, '2020-H1')).toBe(300 + 200);
    // 2022 has only its first half in the term: all of it is due by 2022-H1.
    expect(plannedSoFar(plan, YEARS, PERIODS, '2022-H1')).toBe(760);
    expect(plannedSoFar([0, 0.003], YEARS, PERIODS, '2019-H1')).toBe(0.002);
    // A year outside the term's half-years (none of it can be due) and a missing year count nothing.
    expect(plannedSoFar([5, 0, 0, 0, 0, 7], [...YEARS, '2023'], PERIODS, '2022-H1')).toBe(5);
    expect(plannedSoFar([100], YEARS, PERIODS, '2022-H1')).toBe(100);
  });
});

describe('localDateOf', () => {
  it('takes the office-local (KST) date of a timestamp', () => {
    expect(localDateOf('2019-07-15T23:59:59+09:00')).toBe('2019-07-15');
    expect(localDateOf('2019-07-15T15:00:00Z')).toBe('2019-07-16');
    expect(localDateOf('2019-07-15T14:59:59Z')).toBe('2019-07-15');
    expect(localDateOf('2019-07-15')).toBe('2019-07-15');
    expect(localDateOf('2019-07-15T15:00:00Z', 0)).toBe('2019-07-15');
    expect(() => localDateOf('어제')).toThrow('접수 일시 형식');
  });
});

describe('what is said of undecided items', () => {
  it('names, for the public export, how each kind of undecided item goes out', () => {
    expect(publicExportCaution(undefined)).toBeNull();
    expect(publicExportCaution({ conflicts: 0, completionRequests: 0, changeRequests: 0 })).toBeNull();
    expect(publicExportCaution({ conflicts: 1, completionRequests: 0, changeRequests: 0 })).toBe(
      '아직 정하지 않은 충돌 1건이 있습니다: 충돌은 정하기 전에 반영된 내용으로 공개됩니다. 정한 뒤 다시 내보내는 것을 권합니다.',
    );
    const all = publicExportCaution({ conflicts: 2, completionRequests: 1, changeRequests: 3 });
    expect(all).toContain('충돌 2건, 완료 요청 1건, 조정 요청 3건');
    expect(all).toContain(
      "완료 요청은 '완료 (결정 대기)'처럼 부서가 보고한 추진상황으로, 조정 요청은 조정 전의 계획으로, 충돌은",
    );
  });

  it('tells citizens what is being checked and the office what a decision does', () => {
    const total = (completed: number, continuing: number) => ({
      counts: { ...emptyStatusCounts(), completed: 5, continuing: 4 },
      completedUndecided: completed,
      continuingUndecided: continuing,
    });
    expect(undecidedCompletionNote(total(0, 0))).toBeNull();
    expect(undecidedCompletionNote(total(2, 0), 'public')).toBe(
      '완료 5건 가운데 2건은 담당 부서가 완료를 보고하여 시에서 확인하고 있는 사업입니다(결정 대기).',
    );
    expect(undecidedCompletionNote(total(2, 0))).toContain('반려하면 정상추진으로 바뀝니다');
    // 이행 후 계속 추진 waits for the office too (seed 000: 완료기준 = 완료 / 이행후 계속추진).
    expect(undecidedCompletionNote(total(0, 3), 'public')).toBe(
      '이행 후 계속 추진 4건 가운데 3건은 담당 부서가 목표 달성을 보고하여 시에서 확인하고 있는 사업입니다(결정 대기).',
    );
    const both = undecidedCompletionNote(total(2, 3));
    expect(both).toContain('완료 5건 가운데 2건, 이행 후 계속 추진 4건 가운데 3건은');
    expect(both).toContain('결정 전까지 보고한 대로 집계하고, 반려하면 정상추진으로 바뀝니다');
  });
});
