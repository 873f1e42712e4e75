import { describe, expect, it } from 'vitest';
import { findPeriod } from '../term/periods';
import { buildOfficeReport } from './build-report';
import { missingNoticeText, planWaitOfficeNote } from './missing-notice';
import { catalog, emptyInput, makePlan, makeSubmission, term } from './test-fixtures';

// 미제출 안내 from a report built by the real builder: one department sent part of what it owes, the others nothing.

const PERIOD = '2019-H1';
const DUE = findPeriod(term, PERIOD)?.dueDate ?? '';
const LEAD = '경제진흥본부';
const led = catalog.projects.filter((p) => p.leadDepartment === LEAD).map((p) => p.id);

/** Every project's plan confirmed: each lead can write its cards. */
const allPlans = catalog.projects.map((p) => makePlan(p));

function noticeOn(today: string, sent: { kind: 'managementCard' | 'financeRow'; projectId: string }[]) {
  const input = { ...emptyInput(PERIOD), plans: allPlans };
  input.options = { ...input.options, today };
  input.submissions = [
    makeSubmission(LEAD, PERIOD, `${DUE}T15:00:00+09:00`, sent, { bundleSha256: 'a'.padEnd(64, '0') }),
  ];
  return missingNoticeText(buildOfficeReport(input).submissions);
}

describe('미제출 안내', () => {
  it('names each department that owes something, what and for which projects, after the due date', () => {
    // Every card of LEAD's projects and the 재정집행 현황 of all but the first two.
    const sent = [
      ...led.map((projectId) => ({ kind: 'managementCard' as const, projectId })),
      ...led.slice(2).map((projectId) => ({ kind: 'financeRow' as const, projectId })),
    ];
    const text = noticeOn('2019-07-20', sent) ?? '';
    const lines = text.split('\n');
    expect(lines[0]).toBe('[2019년 상반기 공약관리카드·재정집행 현황 제출 안내]');
    expect(lines[1]).toBe(`제출 기한: ${DUE} (기한이 지났습니다. 바로 보내 주십시오)`);
    const departments = new Set(catalog.projects.flatMap((p) => [p.leadDepartment, ...p.coDepartments]));
    // Every department but LEAD sent nothing; LEAD owes two 재정집행 현황.
    expect(lines[2]).toBe(`아직 받지 못한 문서가 있는 부서: ${departments.size}곳`);
    expect(lines).toContain(
      `- ${LEAD}: 재정집행 현황 2건 (${led[0]} 재정집행 현황만, ${led[1]} 재정집행 현황만)`,
    );
    const other = catalog.projects.find((p) => p.leadDepartment !== LEAD && p.coDepartments.length === 0);
    const otherLed = catalog.projects.filter((p) => p.leadDepartment === other?.leadDepartment);
    const line = lines.find((l) => l.startsWith(`- ${other?.leadDepartment}:`));
    expect(line).toContain(`관리카드 ${otherLed.length}건, 재정집행 현황 ${otherLed.length}건`);
    expect(line).toContain(otherLed.map((p) => p.id).join(', '));
  });

  it('before the due date it says how many days are left; nothing owed gives no text', () => {
    const text = noticeOn('2019-07-12', []) ?? '';
    expect(text.split('\n')[1]).toBe(`제출 기한: ${DUE} (D-3, 기한까지 보내 주십시오)`);
    const everything = [
      ...catalog.projects.map((p) => ({ kind: 'managementCard' as const, projectId: p.id })),
      ...catalog.projects.map((p) => ({ kind: 'financeRow' as const, projectId: p.id })),
    ];
    const input = emptyInput(PERIOD);
    input.options = { ...input.options, today: '2019-07-20' };
    const senders = new Set(catalog.projects.flatMap((p) => [p.leadDepartment, ...p.coDepartments]));
    input.submissions = [...senders].map((department, i) =>
      makeSubmission(
        department,
        PERIOD,
        `${DUE}T15:00:00+09:00`,
        everything.filter((d) => {
          const p = catalog.projects.find((x) => x.id === d.projectId);
          return d.kind === 'managementCard'
            ? p?.leadDepartment === department
            : p?.leadDepartment === department || p?.coDepartments.includes(department);
        }),
        { bundleSha256: String(i).padEnd(64, '0') },
      ),
    );
    expect(missingNoticeText(buildOfficeReport(input).submissions)).toBeNull();
  });

  describe('a project whose plan is not confirmed', () => {
    const led2 = led.slice(0, 3);
    // LEAD: the first project's plan never came, the second's waits for the office, the third is confirmed.
    const [neverCame, waiting, confirmed] = led2 as [string, string, string];
    const input = {
      ...emptyInput(PERIOD),
      plans: allPlans.filter((p) => p.projectId !== neverCame && p.projectId !== waiting),
      receivedPlanProjects: [waiting, confirmed],
    };
    input.options = { ...input.options, today: '2019-07-20' };
    const ledOthers = led.filter((id) => !led2.includes(id));
    // Everything of LEAD's but the three projects' cards and finance rows arrived.
    input.submissions = [
      makeSubmission(
        LEAD,
        PERIOD,
        `${DUE}T15:00:00+09:00`,
        ledOthers.flatMap((projectId) => [
          { kind: 'managementCard' as const, projectId },
          { kind: 'financeRow' as const, projectId },
        ]),
        { bundleSha256: 'b'.padEnd(64, '0') },
      ),
    ];
    const submissions = buildOfficeReport(input).submissions;
    const lines = (missingNoticeText(submissions) ?? '').split('\n');

    it('asks for the plan that never came, not for its card; leaves out the one waiting for the office', () => {
      // 1-1-1 reads "일-일-일": 은.
      expect(neverCame).toBe('1-1-1');
      expect(lines).toContain(
        `- ${LEAD}: 관리카드 1건, 재정집행 현황 1건 (${confirmed}) · 실천계획서를 받지 못한 1-1-1은 ` +
          '실천계획서부터 보내 주십시오 (관리카드·재정집행 현황은 실천계획서 확정 뒤 작성)',
      );
      expect(lines.join('\n')).not.toContain(waiting);
    });

    it('tells the office what it left out, and the table still counts all three as missing', () => {
      expect(planWaitOfficeNote(submissions)).toBe(
        '실천계획서 확정 대기 1개 사업의 관리카드·재정집행 현황은 안내문에서 뺐습니다: 부서는 실천계획서가 ' +
          '확정된 뒤에 작성할 수 있습니다 (실천계획 확정 탭).',
      );
      const lead = submissions.departments.find((d) => d.department === LEAD);
      expect(lead?.missing.map((m) => [m.projectId, m.planWait])).toEqual([
        [neverCame, 'notReceived'],
        [neverCame, 'notReceived'],
        [waiting, 'notConfirmed'],
        [waiting, 'notConfirmed'],
        [confirmed, null],
        [confirmed, null],
      ]);
    });
  });
});
