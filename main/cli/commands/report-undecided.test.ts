import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { officeHandlers } from '../../services/office-handlers';
import {
  basePlan,
  cardDoc,
  cardFor,
  LEAD,
  planDoc,
  useOfficeHarness,
} from '../../services/test-support/office-harness';
import { runPledge as pledge } from '../test-io';

// `pledge report --xlsx` and `pledge publish` on a real office data folder that received, through the real import,
// what the office has not decided yet: each kind is counted in a warning on stderr, as the screen does.
const h = useOfficeHarness();

/** A confirmed plan, then a pending change request, a 완료 card that alters a frozen field and a newer plan. */
async function receiveUndecided() {
  const handlers = officeHandlers(h.office);
  const plan = basePlan();
  expect(await h.send('plan', [planDoc(plan)])).toBe('accepted');
  await handlers.confirmReceivedPlan({ projectId: '1-1-1' });
  const change = {
    kind: 'changeRequest',
    schemaVersion: 1,
    lifecycle: 'submitted',
    requestId: 'cr-1',
    projectId: '1-1-1',
    projectName: plan.projectName,
    department: LEAD,
    contact: { position: 'officer', unit: '', name: '박지훈', phone: '02-2133-5011' },
    rows: [
      {
        category: '공약내용 (최종목표 등)',
        original: plan.policyGoal,
        proposed: '입주기업 누적 120개사 육성',
      },
    ],
    reason: '코로나19로 입주 일정 지연',
    evidence: [],
    decisionHistory: [{ status: 'requested', date: '2019-07-01', by: LEAD, note: '' }],
  };
  expect(await h.send('2019-H1', [{ path: 'documents/change-1-1-1-cr-1.json', json: change }])).toBe(
    'accepted',
  );
  const card = { ...cardFor(plan, 'completed'), policyGoal: '임의로 바꾼 정책목표' };
  expect(await h.send('2019-H1', [cardDoc(card)])).toBe('accepted');
  expect(await h.send('plan', [planDoc({ ...plan, policyGoal: '새로 보낸 정책목표' })])).toBe('accepted');
}

const warningOf = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('주의:'));

describe('undecided items when the workbook or the public files are made', () => {
  it('--xlsx and publish name every kind and its count; the counts are those of the report and the plan list', async () => {
    await receiveUndecided();
    const view = JSON.parse(
      (
        await pledge(
          'report',
          '--data',
          h.office.dataDir,
          '--period',
          '2019-H1',
          '--today',
          '2019-07-20',
          '--json',
        )
      ).out,
    ) as {
      report: {
        meta: { undecided: Record<string, number> };
      };
    };
    expect(view.report.meta.undecided).toEqual({
      conflicts: 1,
      completionRequests: 1,
      changeRequests: 1,
      plansToConfirm: 1,
    });
    const waiting = (
      JSON.parse((await pledge('plans', '--data', h.office.dataDir, '--json')).out) as { state: string }[]
    ).filter((r) => r.state === 'awaiting' || r.state === 'newerReceived');
    expect(waiting).toHaveLength(1);

    const expected =
      '주의: 결정하지 않은 항목이 있습니다 — 충돌 1건, 완료 요청 1건, 조정 요청 1건, 확정 대기 실천계획서 1건.';
    const folder = join(h.dir.path, 'reports');
    mkdirSync(folder);
    const xlsx = await pledge(
      'report',
      '--data',
      h.office.dataDir,
      '--period',
      '2019-H1',
      '--today',
      '2019-07-20',
      '--xlsx',
      join(folder, '종합현황.xlsx'),
    );
    expect(xlsx.code).toBe(0);
    expect(warningOf(xlsx.err)).toEqual([`${expected} 결정한 뒤 다시 만들면 표가 달라질 수 있습니다.`]);
    expect(xlsx.out).toBe('');

    const site = join(h.dir.path, 'site');
    const published = await pledge(
      'publish',
      '--data',
      h.office.dataDir,
      '--period',
      '2019-H1',
      '--today',
      '2019-07-20',
      '--out',
      site,
    );
    expect(published.code).toBe(0);
    expect(warningOf(published.err)).toEqual([
      `${expected} 결정한 뒤 다시 만들면 공개 자료가 달라질 수 있습니다.`,
    ]);
    // stdout keeps only the files written, for scripts.
    expect(published.out.trim().split('\n')).toEqual(
      ['index.html', 'projects.csv', 'finance.csv', 'changes.csv'].map((f) => join(site, f)),
    );
  });

  it('only the plans waiting for confirmation are named when nothing else waits, and nothing once decided', async () => {
    expect(await h.send('plan', [planDoc(basePlan())])).toBe('accepted');
    const site = join(h.dir.path, 'site');
    const publish = () => pledge('publish', '--data', h.office.dataDir, '--period', '2019-H1', '--out', site);
    const before = await publish();
    expect(before.code).toBe(0);
    expect(warningOf(before.err)).toEqual([
      '주의: 결정하지 않은 항목이 있습니다 — 확정 대기 실천계획서 1건. 결정한 뒤 다시 만들면 공개 자료가 달라질 수 있습니다.',
    ]);

    expect((await pledge('plans', '--data', h.office.dataDir, '--confirm', 'all')).code).toBe(0);
    const after = await publish();
    expect(after.code).toBe(0);
    expect(after.err).toBe('');
  });
});
