import { describe, expect, it } from 'vitest';
import type { Issue } from '../../../domain/documents';
import { mergedErrors } from './issue-merge';

describe('mergedErrors (제출 전 확인)', () => {
  it('lists a refused field once: its stored value\'s error ("…을 입력하세요") is left out, others stay', () => {
    const refused: Issue[] = [
      {
        path: 'projectPeriod.from',
        code: 'schema',
        message: '저장 안 됨 — 사업기간 시작 (연-월): 연도는 네 자리로 "2022-06"처럼 입력하세요',
      },
    ];
    const saved: Issue[] = [
      { path: 'projectPeriod.from', code: 'required', message: '사업 시작 연월을 입력하세요' },
      { path: 'projectPeriod.to', code: 'required', message: '사업 종료 연월을 입력하세요' },
      { path: 'policyGoal', code: 'required', message: '정책목표를 입력하세요' },
    ];
    expect(mergedErrors(refused, saved).map((i) => i.message)).toEqual([
      '저장 안 됨 — 사업기간 시작 (연-월): 연도는 네 자리로 "2022-06"처럼 입력하세요',
      '사업 종료 연월을 입력하세요',
      '정책목표를 입력하세요',
    ]);
    expect(mergedErrors([], saved)).toEqual(saved);
  });
});
