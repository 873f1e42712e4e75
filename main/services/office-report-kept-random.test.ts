// The office's kept report (every answer and per-project part kept between reports) against a report built by a
// fresh connection, over seeded random sequences of what the office meets: plans sent and confirmed, cards and
// 확보내역 sent and re-sent for two half-years (a co-department's rows with its 집행 among them), conflicts
// resolved, 완료 and change requests decided.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seoulMinseon7Catalog } from '../../domain/catalog/load';
import type { CatalogProject } from '../../domain/catalog/types';
import type { ExecutionPlan, ManagementCard } from '../../domain/documents';
import { exampleCoDepartmentFinanceRow, exampleFinanceRow } from '../../domain/documents/test-fixtures';
import { bundleHandlers } from './bundle-handlers';
import { importBundleInputs } from './bundle-import';
import { enroll, makeCopy, privateKeyOf, signSubmission } from './bundle-test-support';
import { createAppContext } from './context';
import { UserError } from './errors';
import { officeHandlers } from './office-handlers';
import type { ReportRequest } from './office-report';
import { submittedRequest } from './test-support/change-requests';
import {
  basePlan,
  cardFor,
  departmentSender,
  direct,
  LEAD,
  useOfficeHarness,
} from './test-support/office-harness';

const h = useOfficeHarness();

/** Two projects the harness's department leads: 1-1-1 alone, 1-1-7 with 여성가족정책실 as co-department. */
const CO = '여성가족정책실';
const PROJECTS = ['1-1-1', '1-1-7'].map((id) => {
  const project = seoulMinseon7Catalog.projects.find((p) => p.id === id);
  if (project?.leadDepartment !== LEAD) throw new Error(`${id} is not led by ${LEAD}`);
  return project;
});
const SHARED = PROJECTS[1]!;
const HALF_YEARS = ['2018-H2', '2019-H1'] as const;
type HalfYear = (typeof HALF_YEARS)[number];
const STATUSES = ['onTrack', 'partial', 'onHold', 'completed', 'completed'] as const;
/** Each project's change requests (the app names them by the time they were started, so no two projects share one). */
const REQUEST_IDS: Record<string, readonly string[]> = {
  '1-1-1': ['cr-0001561942888990', 'cr-0001561942899990'],
  '1-1-7': ['cr-0001561942877770', 'cr-0001561942866660'],
};
const ALL_REQUEST_IDS = Object.values(REQUEST_IDS).flat();
const REQUESTS: ReportRequest[] = [
  { periodId: '2019-H1', today: '2019-07-20' },
  { periodId: '2018-H2', today: '2019-07-20' },
  { periodId: '2019-H1', comparePeriodId: '2018-H2', executionRateThreshold: 0.5, today: '2019-07-20' },
];

/** mulberry32: a small seeded generator, so a failing sequence is the same on every run. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function planOf(project: CatalogProject, extraCity: number): ExecutionPlan {
  const plan = structuredClone({ ...basePlan(), projectId: project.id, projectName: project.name });
  const unit = plan.unitProjects[0];
  if (unit === undefined) throw new Error('the example plan has units');
  unit.investmentNeeds.city['2020'] = (unit.investmentNeeds.city['2020'] ?? 0) + extraCity;
  return plan;
}

/** The card of a half-year: its status, this half-year's 집행 and result text, 정책목표 as confirmed or not. */
function cardOf(
  plan: ExecutionPlan,
  periodId: HalfYear,
  status: ManagementCard['status'],
  executed: number,
  result: string,
  frozenDiffers: boolean,
): ManagementCard {
  const card = cardFor(plan, status);
  return {
    ...card,
    projectId: plan.projectId,
    periodId,
    policyGoal: frozenDiffers ? '부서가 임의로 바꾼 정책목표' : plan.policyGoal,
    unitProjects: card.unitProjects.map((u, i) => ({
      ...u,
      results: (periodId === '2018-H2'
        ? { '2018-H2': result }
        : { '2018-H2': '개관', '2019-H1': result }) as Record<string, string>,
      executed: {
        ...u.executed,
        national: {},
        city: (periodId === '2018-H2'
          ? { '2018-H2': executed + i }
          : { '2018-H2': 1450.5 + i, '2019-H1': executed + i }) as Record<string, number>,
      },
    })),
  };
}

const member = (kind: string, projectId: string, slot: string, json: unknown) => ({
  path: `documents/${kind}-${projectId}-${slot}.json`,
  json,
});

type OpKind =
  | 'plan'
  | 'confirm'
  | 'card'
  | 'finance'
  | 'coFinance'
  | 'coCard'
  | 'completion'
  | 'conflict'
  | 'change'
  | 'decideChange'
  | 'twin'
  | 'swap';
const OP_KINDS: OpKind[] = [
  'plan',
  'confirm',
  'card',
  'card',
  'finance',
  'coFinance',
  'coFinance',
  'coCard',
  'completion',
  'conflict',
  'change',
  'decideChange',
  'twin',
  'swap',
  'swap',
];

/** The report as a connection with nothing parsed or kept builds it. */
async function freshReports(requests: readonly ReportRequest[]) {
  const cli = await createAppContext({
    profileDir: join(h.dir.path, 'cli-profile'),
    dataDirOverride: h.office.dataDir,
    mode: 'cli',
    appVersion: '0.1.0',
  });
  try {
    const handlers = officeHandlers(cli);
    const views = [];
    for (const r of requests) views.push(await handlers.getOfficeReport(r));
    return views;
  } finally {
    await cli.close();
  }
}

describe('kept reports against fresh ones, over random sequences of imports and decisions', () => {
  it.each([11, 23, 37, 41, 53, 67])(
    'seed %i: after every step each report asked for equals a fresh one',
    async (seed) => {
      const random = generator(seed);
      const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
      const handlers = officeHandlers(h.office);
      const co = await makeCopy(h.dir.path, 'co', { role: 'department', department: CO });
      await enroll(h.office, co);
      const sendAsCo = departmentSender(h, co, CO);
      const coSend = async (period: HalfYear, documents: { path: string; json: unknown }[]) => {
        const result = await sendAsCo(period, documents);
        if (result?.status !== 'accepted') throw new Error(`co-department import ${result?.status}`);
      };
      const sentPlans = new Map<string, ExecutionPlan>();
      const confirmed = new Set<string>();
      const done = new Map<OpKind, number>();
      const log: string[] = [];
      /** The chain head before the department's last accepted bundle (a second PC's copy of it continues it). */
      let beforeLast: string | null = null;
      const send = async (period: string, documents: { path: string; json: unknown }[]) => {
        const before = h.lastSha;
        const status = await h.send(period as HalfYear, documents);
        if (status !== 'accepted') throw new Error(`import ${status}`);
        beforeLast = before;
      };

      const run = async (op: OpKind): Promise<string> => {
        const project = pick(PROJECTS);
        const periodId = pick(HALF_YEARS);
        const plan = sentPlans.get(project.id) ?? planOf(project, 0);
        switch (op) {
          case 'plan': {
            const next = planOf(project, Math.floor(random() * 4) * 100);
            await send('plan', [member('plan', project.id, 'plan', next)]);
            sentPlans.set(project.id, next);
            return `plan ${project.id} +${next.unitProjects[0]?.investmentNeeds.city['2020']}`;
          }
          case 'confirm':
            await handlers.confirmReceivedPlan({ projectId: project.id });
            confirmed.add(project.id);
            return `confirm ${project.id}`;
          case 'card': {
            const status = pick(STATUSES);
            const executed = Math.floor(random() * 5) * 250;
            const result = pick(['실적 가', '실적 나', '']);
            const frozenDiffers = random() < 0.2;
            const card = cardOf(plan, periodId, status, executed, result, frozenDiffers);
            const documents = [member('card', project.id, periodId, card)];
            if (random() < 0.5) {
              const finance = exampleFinanceRow();
              documents.push(
                member('finance', project.id, periodId, {
                  ...finance,
                  projectId: project.id,
                  periodId,
                  secured: { ...finance.secured, city: executed * 2 },
                }),
              );
            }
            await send(periodId, documents);
            return `card ${project.id} ${periodId} ${status} ${executed} '${result}'${frozenDiffers ? ' frozen≠' : ''}`;
          }
          case 'finance': {
            const finance = exampleFinanceRow();
            const city = Math.floor(random() * 6) * 300;
            await send(periodId, [
              member('finance', project.id, periodId, {
                ...finance,
                projectId: project.id,
                periodId,
                secured: { ...finance.secured, city },
              }),
            ]);
            return `finance ${project.id} ${periodId} ${city}`;
          }
          case 'coFinance': {
            // The co-department's 집행 by year (2018's restated now and then: red across half-years) and 확보.
            const row = exampleCoDepartmentFinanceRow();
            const y2018 = pick([2.5, 2.5, 4]);
            const executed: Record<string, number> =
              periodId === '2018-H2' ? { '2018': y2018 } : { '2018': y2018, '2019': pick([7.5, 9]) };
            await coSend(periodId, [
              member('finance', SHARED.id, periodId, {
                ...row,
                periodId,
                executed,
                secured: { ...row.secured, city: pick([20, 35]) },
              }),
            ]);
            return `coFinance ${periodId} ${JSON.stringify(executed)}`;
          }
          case 'coCard': {
            // A card the co-department should not write: listed as a conflict.
            const card = cardOf(
              sentPlans.get(SHARED.id) ?? planOf(SHARED, 0),
              periodId,
              'onTrack',
              100,
              '',
              false,
            );
            await coSend(periodId, [member('card', SHARED.id, periodId, { ...card, department: CO })]);
            return `coCard ${periodId}`;
          }
          case 'completion': {
            // Mostly a request 완료 요청 lists; now and then one it does not (refused, nothing recorded).
            const shown = pick(REQUESTS.slice(0, 2));
            const listed = (await handlers.getOfficeReport(shown)).completionRequests;
            const asked = random() < 0.75 ? listed[Math.floor(random() * listed.length)] : undefined;
            const decision = pick(['accepted', 'rejected'] as const);
            const on = asked === undefined ? periodId : shown.periodId;
            const projectId = asked?.projectId ?? project.id;
            await handlers.decideCompletion({
              projectId,
              periodId: on,
              decision,
              note: '',
              ...(asked?.cardBundleSha256 ? { cardBundleSha256: asked.cardBundleSha256 } : {}),
            });
            return `completion ${projectId} ${on} ${decision}`;
          }
          case 'conflict': {
            // The conflicts as the office sees them for either half-year.
            const conflicts = [];
            for (const r of REQUESTS.slice(0, 2))
              conflicts.push(...(await handlers.getOfficeReport(r)).conflicts);
            if (conflicts.length === 0) throw new UserError('NO_CONFLICT', '충돌 없음');
            const conflict = pick(conflicts);
            const decision = pick(['accepted', 'rejected'] as const);
            await handlers.resolveConflict({
              key: conflict.key,
              projectId: conflict.projectId,
              periodId: conflict.periodId,
              decision,
              note: '정책목표 확인 결과',
            });
            return `conflict ${conflict.projectId} ${conflict.periodId} ${decision}`;
          }
          case 'change': {
            // Mostly for a project whose plan is confirmed (an approval rewrites it); now and then for any.
            const id = confirmed.size > 0 && random() < 0.8 ? pick([...confirmed]) : project.id;
            const changed =
              sentPlans.get(id) ??
              planOf(
                PROJECTS.find((p) => p.id === id)!,
                0,
              );
            const requestId = pick(REQUEST_IDS[id] ?? []);
            const proposed = `${changed.policyGoal} (조정 ${Math.floor(random() * 3)})`;
            const json = {
              ...submittedRequest(changed, [
                { category: '공약내용 (최종목표 등)', original: changed.policyGoal, proposed },
              ]),
              requestId,
            };
            await send('2019-H1', [member('change', id, requestId, json)]);
            return `change ${id} ${requestId}`;
          }
          case 'twin': {
            // The department's last revision sent again from another PC with other content: held, listed as a conflict.
            if (h.lastSha === null) throw new UserError('NO_BUNDLE', '보낸 제출 파일 없음');
            const card = cardOf(plan, periodId, pick(STATUSES), 500, '다른 PC', false);
            const bytes = await signSubmission(await privateKeyOf(h.dept), {
              department: LEAD,
              period: periodId,
              revision: h.revision,
              previousBundleSha256: beforeLast,
              documents: [member('card', project.id, periodId, card)],
            });
            const [result] = await importBundleInputs(h.office, [{ name: 'twin.pledge', bytes }], direct);
            // The same second copy sent twice is the file the office already holds.
            if (result?.status !== 'held' && result?.status !== 'duplicate')
              throw new Error(`twin ${result?.status}`);
            return `twin r${h.revision} ${project.id} ${periodId} ${card.status}: ${result.status}`;
          }
          case 'swap': {
            // The office makes a held bundle count instead (or back again), as 충돌 offers it.
            const held = [];
            for (const r of REQUESTS.slice(0, 2))
              held.push(
                ...(await handlers.getOfficeReport(r)).conflicts.filter(
                  (c) => c.heldSha256 !== undefined && c.laterRevision === undefined,
                ),
              );
            if (held.length === 0) throw new UserError('NO_HELD', '보류한 제출 파일 없음');
            const chosen = pick(held);
            const swapped = await bundleHandlers(h.office, direct).swapHeldBundle({
              sha256: chosen.heldSha256!,
              note: '',
            });
            // The department's chain now goes on from the bundle that counts.
            h.lastSha = swapped.accepted;
            return `swap ${chosen.heldSha256!.slice(0, 8)}`;
          }
          case 'decideChange': {
            // Mostly the next step of a pending request (검토, then the panel's decision); now and then any step.
            const pending = (await handlers.getOfficeReport(REQUESTS[0]!)).pendingChangeRequests;
            const next = random() < 0.75 && pending.length > 0 ? pick(pending) : undefined;
            const requestId = next?.requestId ?? pick(ALL_REQUEST_IDS);
            const reviewed = next?.decisionHistory.at(-1)?.status === 'reviewing';
            const [status, by] =
              next === undefined
                ? pick([
                    ['reviewing', '기획담당관'],
                    ['approved', '시민공약평가단'],
                  ] as const)
                : reviewed
                  ? pick([
                      ['approved', '시민공약평가단'],
                      ['approved', '시민공약평가단'],
                      ['rejected', '시민공약평가단'],
                    ] as const)
                  : (['reviewing', '기획담당관'] as const);
            await handlers.decideChangeRequest({
              department: LEAD,
              requestId,
              status,
              date: '2019-07-10',
              by,
              note: '',
            });
            return `decideChange ${requestId} ${status}`;
          }
        }
      };

      try {
        for (let step = 0; step < 60; step++) {
          const op = step < 2 ? (['plan', 'confirm'] as const)[step]! : pick(OP_KINDS);
          let what: string;
          try {
            what = await run(op);
            done.set(op, (done.get(op) ?? 0) + 1);
          } catch (error) {
            // A decision the office cannot make now (nothing to decide, an order the steps do not allow) is refused
            // with its reason and changes nothing: the reports must still equal fresh ones.
            if (!(error instanceof UserError)) throw error;
            what = `${op} refused (${error.code})`;
          }
          log.push(what);
          // Each request is asked for at some steps only, so its kept answers are of different ages.
          const asked = REQUESTS.filter((_, i) => i === step % REQUESTS.length || random() < 0.4);
          const fresh = await freshReports(asked);
          for (const [i, r] of asked.entries())
            expect(await handlers.getOfficeReport(r), `seed ${seed}, steps:\n${log.join('\n')}`).toEqual(
              fresh[i],
            );
        }
        // The sequence did what it is for: documents imported and decisions recorded of every kind drawn.
        for (const kind of ['plan', 'confirm', 'card', 'finance', 'coFinance'] as const)
          expect(done.get(kind) ?? 0, `${kind} in seed ${seed}`).toBeGreaterThan(0);
        expect(
          (done.get('completion') ?? 0) + (done.get('conflict') ?? 0) + (done.get('decideChange') ?? 0),
          `decisions in seed ${seed}`,
        ).toBeGreaterThan(0);
      } finally {
        await co.close();
      }
    },
  );
});
