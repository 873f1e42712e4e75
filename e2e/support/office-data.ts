import { catalog } from '../catalog-data';
import {
  cardJson,
  financeRowJson,
  OfficeScenario,
  planJson,
  SOURCES,
  type DepartmentDesk,
  type ProjectInput,
  type Source,
} from './office-scenario';

/**
 * The inputs of the office e2e tests and the figures expected from them, computed here with plain sums on
 * integer 천원 (never read back from the app). Departments and projects are real ones from the shipped catalog.
 */

export const DEPT_A = '소방재난본부'; // leads 4-2-4, 4-3-3
export const DEPT_B = '상수도사업본부'; // leads 4-6-4, 5-9-4
export const DEPT_C = '민생사법경찰단'; // leads 2-6-6, sends nothing
export const PERIOD = '2019-H1';

export const CLOCK = {
  setup: '2019-01-05T10:00:00+09:00',
  /** Later than the keys' enrollment: each CLI run's clock starts at PLEDGE_NOW, so equal times would race. */
  plansDrafted: '2019-01-10T10:00:00+09:00',
  plansImported: '2019-01-20T10:00:00+09:00',
  cardsDrafted: '2019-07-01T10:00:00+09:00',
  /** 23:00 KST on the due date (14:00 UTC): on time. */
  aImported: '2019-07-15T23:00:00+09:00',
  /** 08:30 KST on Jul 16 is still Jul 15 in UTC: late by the office's (Korean) date. */
  bImported: '2019-07-16T08:30:00+09:00',
  revisionImported: '2019-07-20T10:00:00+09:00',
  server: '2019-07-25T09:00:00+09:00',
};

/** A CLOCK time as the office's screens show it (Korean time): "2019-07-16T08:30:00+09:00" → "2019-07-16 08:30". */
export const shownAt = (clock: string): string => `${clock.slice(0, 10)} ${clock.slice(11, 16)}`;

const none = { district: null, private: null, other: null, national: null, city: null };
const noParticipation = { briefings: 0, surveys: 0, expertConsultations: 0, mediaReports: 0, other: 0 };

export function projectsOf(): ProjectInput[] {
  return [
    {
      projectId: '4-2-4',
      department: DEPT_A,
      status: 'onTrack',
      policyGoal: '○ 소방 대응체계 고도화',
      units: [
        {
          id: 'u1',
          name: '119 출동체계 개선',
          needs: {
            city: { '2018': 100, '2019': 250.5, '2020': 300, afterTerm: 50 },
            national: { '2019': 120 },
          },
          executed: { city: { '2018-H2': 80, '2019-H1': 110.25 }, national: { '2019-H1': 60 } },
        },
      ],
      secured: { ...none, national: 120, city: 350.5 },
      participation: { ...noParticipation, briefings: 2, mediaReports: 3 },
    },
    {
      projectId: '4-3-3',
      department: DEPT_A,
      status: 'partial',
      policyGoal: '○ 재난 안전망 구축',
      units: [
        {
          id: 'u1',
          name: '재난 감시망 구축',
          needs: { city: { '2019': 400, '2021': 600 } },
          cardNeeds: { city: { '2019': 450, '2021': 600 } },
          executed: { city: { '2019-H1': 90.5 } },
        },
        {
          id: 'u2',
          name: '주민 대피훈련',
          needs: { district: { '2019': 75.125, '2020': 80 } },
          executed: { district: { '2019-H1': 10.125 } },
        },
      ],
      secured: { ...none, city: 450, district: 75.125 },
      participation: { ...noParticipation, surveys: 1 },
    },
    {
      projectId: '4-6-4',
      department: DEPT_B,
      status: 'continuing',
      policyGoal: '○ 노후 상수도관 정비',
      units: [
        {
          id: 'u1',
          name: '노후관 교체',
          needs: { city: { '2018': 1000, '2019': 2000 } },
          executed: { city: { '2018-H2': 900, '2019-H1': 1500.75 } },
        },
      ],
      secured: { ...none, city: 3000 },
      participation: { ...noParticipation, expertConsultations: 4 },
    },
    {
      projectId: '5-9-4',
      department: DEPT_B,
      status: 'onTrack',
      policyGoal: '○ 물길 복원',
      units: [
        {
          id: 'u1',
          name: '물길 복원 설계',
          needs: { national: { '2020': 500 }, private: { '2021': 200.2 } },
          executed: {},
        },
      ],
      secured: { ...none, national: 0 },
      participation: noParticipation,
    },
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// Expected figures

const milli = (v: number | null | undefined) => Math.round((v ?? 0) * 1000);
const fromMilli = (m: number) => m / 1000;

type Grid = Partial<Record<Source, Partial<Record<string, number>>>>;
const gridSum = (grid: Grid, keep: (column: string) => boolean) =>
  SOURCES.reduce(
    (acc, s) =>
      acc +
      Object.entries(grid[s] ?? {})
        .filter(([c]) => keep(c))
        .reduce((a, [, v]) => a + milli(v), 0),
    0,
  );

/** 붙임5 amounts of one project in 천원: what an accountant adds up from the documents sent. */
export function expectedFinanceMilli(p: ProjectInput): Record<string, number> {
  const all = () => true;
  const within = (c: string) => c !== 'afterTerm';
  const upTo = (c: string) => c <= PERIOD;
  const out: Record<string, number> = {
    'plannedTotal.initial': p.units.reduce((a, u) => a + gridSum(u.needs, all), 0),
    'plannedTotal.current': p.units.reduce((a, u) => a + gridSum(u.cardNeeds ?? u.needs, all), 0),
    'secured.total': SOURCES.reduce((a, s) => a + milli(p.secured[s]), 0),
    'termPlan.total': p.units.reduce((a, u) => a + gridSum(u.cardNeeds ?? u.needs, within), 0),
    'termExecuted.total': p.units.reduce((a, u) => a + gridSum(u.executed, upTo), 0),
  };
  for (const s of SOURCES) out[`secured.${s}`] = milli(p.secured[s]);
  for (const year of ['2018', '2019']) {
    out[`termExecuted.byYear.${year}`] = p.units.reduce(
      (a, u) => a + gridSum(u.executed, (c) => c.startsWith(year) && upTo(c)),
      0,
    );
  }
  return out;
}

export const FINANCE_FIELDS = [
  'plannedTotal.initial',
  'plannedTotal.current',
  'secured.total',
  ...SOURCES.map((s) => `secured.${s}`),
  'termPlan.total',
  'termExecuted.total',
  'termExecuted.byYear.2018',
  'termExecuted.byYear.2019',
];

export function sumFinance(projects: ProjectInput[]): Record<string, number> {
  const total: Record<string, number> = {};
  for (const p of projects) {
    for (const [k, v] of Object.entries(expectedFinanceMilli(p))) total[k] = (total[k] ?? 0) + v;
  }
  return Object.fromEntries(Object.entries(total).map(([k, v]) => [k, fromMilli(v)]));
}

export const asAmounts = (m: Record<string, number>) =>
  Object.fromEntries(Object.entries(m).map(([k, v]) => [k, fromMilli(v)]));

export const areaOf = (projectId: string): number => {
  const project = catalog.projects.find((p) => p.id === projectId);
  const pledge = catalog.corePledges.find((c) => c.id === project?.corePledgeId);
  if (!pledge) throw new Error(`no area for ${projectId}`);
  return pledge.areaId;
};

export const projectsInArea = (areaId: number) => catalog.projects.filter((p) => areaOf(p.id) === areaId);
export const projectsLedBy = (department: string) =>
  catalog.projects.filter((p) => p.leadDepartment === department);

export const STATUSES = ['completed', 'continuing', 'onTrack', 'partial', 'onHold', 'dropped'] as const;

/** Counts per status of a group: the cards that count, 미제출 for every other catalog project of the group. */
export function expectedCounts(groupProjectIds: string[], counted: ProjectInput[]): Record<string, number> {
  const inGroup = counted.filter((p) => groupProjectIds.includes(p.projectId));
  const counts: Record<string, number> = Object.fromEntries(STATUSES.map((s) => [s, 0]));
  for (const p of inGroup) counts[p.status] = (counts[p.status] ?? 0) + 1;
  counts.notSubmitted = groupProjectIds.length - inGroup.length;
  return counts;
}

// ---------------------------------------------------------------------------------------------------------------
// Building the office's inbox

export interface BuiltScenario {
  scenario: OfficeScenario;
  projects: ProjectInput[];
  desks: Record<'A' | 'B', DepartmentDesk>;
  plans: Map<string, Record<string, unknown>>;
  /** A's and B's 2019-H1 bundle files (imported already unless `cardsImported` was false). */
  cardFiles: { A: string; B: string };
}

/**
 * Departments A and B enroll, send plans (imported in January) and 2019-H1 cards with finance rows; the office
 * imports A's on the due date and B's the morning after. `policyGoalOverride` makes one card disagree with its
 * plan's frozen 정책목표 (a conflict); `completed` makes one project's card report 완료 (a request to decide);
 * `cardsImported: false` leaves the 2019-H1 files for the test to import.
 */
export function buildScenario(
  root: string,
  opts: {
    policyGoalOverride?: { projectId: string; text: string };
    completed?: string;
    /** A file the completed project's card cites as its 완료 근거자료. */
    evidence?: { name: string; mediaType: string; bytes: Buffer };
    cardsImported?: boolean;
  } = {},
): BuiltScenario {
  const scenario = new OfficeScenario(root);
  const projects = projectsOf().map((p) =>
    p.projectId === opts.completed ? { ...p, status: 'completed' as const } : p,
  );
  scenario.setupOffice(CLOCK.setup);
  const desks = {
    A: scenario.enrollDepartment(DEPT_A, CLOCK.setup),
    B: scenario.enrollDepartment(DEPT_B, CLOCK.setup),
  };
  const deskOf = (p: ProjectInput) => (p.department === DEPT_A ? desks.A : desks.B);
  const plans = new Map<string, Record<string, unknown>>();
  for (const p of projects) {
    const plan = planJson(p);
    plans.set(p.projectId, plan);
    scenario.draft(deskOf(p), plan, CLOCK.plansDrafted);
  }
  const planBundles = [desks.A, desks.B].map(
    (d) => scenario.exportBundle(d, 'plan', CLOCK.plansDrafted).path,
  );
  scenario.importBundles(planBundles, CLOCK.plansImported);

  for (const p of projects) {
    const override =
      opts.policyGoalOverride?.projectId === p.projectId ? opts.policyGoalOverride.text : undefined;
    const evidence =
      opts.evidence && p.projectId === opts.completed
        ? scenario.attach(
            deskOf(p),
            opts.evidence.name,
            opts.evidence.mediaType,
            opts.evidence.bytes,
            CLOCK.cardsDrafted,
          )
        : undefined;
    const card = cardJson(plans.get(p.projectId)!, p, PERIOD, {
      ...(override ? { policyGoal: override } : {}),
      ...(evidence ? { evidence } : {}),
    });
    scenario.draft(deskOf(p), card, CLOCK.cardsDrafted);
    scenario.draft(deskOf(p), financeRowJson(p, PERIOD), CLOCK.cardsDrafted);
  }
  const a = scenario.exportBundle(desks.A, PERIOD, CLOCK.cardsDrafted);
  const b = scenario.exportBundle(desks.B, PERIOD, CLOCK.cardsDrafted);
  if (opts.cardsImported !== false) {
    scenario.importBundles([a.path], CLOCK.aImported);
    scenario.importBundles([b.path], CLOCK.bImported);
  }
  return { scenario, projects, desks, plans, cardFiles: { A: a.path, B: b.path } };
}
