import { describe, expect, it } from 'vitest';
import { findPeriod } from '../term/periods';
import { dayOffReason } from '../term/working-days';
import { buildOfficeReport } from './build-report';
import { catalog, emptyInput, makeSubmission, term } from './test-fixtures';

/**
 * 2021-H2's cards are due on 2022-01-15, a Saturday: the deadline ends on the next working day (민법 제161조), so a
 * file the office receives on that Monday is on time and one on the Tuesday is late.
 */

const PERIOD = '2021-H2';
const LEAD = '경제진흥본부';
const project = catalog.projects.find((p) => p.leadDepartment === LEAD)?.id ?? '';

function arrivalOn(day: string) {
  const input = emptyInput(PERIOD);
  input.options = { ...input.options, today: '2022-02-01' };
  input.submissions = [
    makeSubmission(LEAD, PERIOD, `${day}T15:00:00+09:00`, [{ kind: 'managementCard', projectId: project }], {
      bundleSha256: day.replace(/-/g, '').padEnd(64, '0'),
    }),
  ];
  return buildOfficeReport(input);
}

const leadRow = (day: string) => {
  const row = arrivalOn(day).submissions.departments.find((d) => d.department === LEAD);
  if (row === undefined) throw new Error('no row');
  return row;
};

describe('a due date on a weekend', () => {
  it('is the term rule: the 15th of January, here a Saturday', () => {
    expect(dayOffReason('2022-01-15')).toBe('토요일');
    expect(findPeriod(term, PERIOD)?.dueDate).toBe('2022-01-17');
  });

  it('counts a file received on the Sunday or the Monday after as on time, on the Tuesday as late', () => {
    for (const day of ['2022-01-14', '2022-01-16', '2022-01-17']) {
      expect(leadRow(day).items.find((i) => i.projectId === project)?.onTime, day).toBe(true);
    }
    const tuesday = leadRow('2022-01-18');
    expect(tuesday.items.find((i) => i.projectId === project)?.onTime).toBe(false);
    expect(tuesday.lateCount).toBe(1);
  });

  it('says why the due date is not the 15th, in the report and its submissions table', () => {
    const report = arrivalOn('2022-01-17');
    expect(report.meta).toMatchObject({
      dueDate: '2022-01-17',
      dueDateMovedBecause: '1월 15일이 토요일이어서 다음 평일로 미룸, 민법 제161조',
    });
    expect(report.submissions.dueDateMovedBecause).toBe(report.meta.dueDateMovedBecause);
    expect(buildOfficeReport(emptyInput('2021-H1')).meta.dueDateMovedBecause).toBeNull();
  });
});
