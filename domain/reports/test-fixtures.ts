import { seoulMinseon7Catalog } from '../catalog/load';
import type { Catalog, CatalogProject } from '../catalog/types';
import {
  type CardStatus,
  type ChangeRequest,
  emptyChangeRequest,
  emptyExecutionPlan,
  emptyFinanceRow,
  emptyPlanUnitProject,
  type ExecutionPlan,
  type FinanceRow,
  type FundingSource,
  type ManagementCard,
  newCardFromPrevious,
  type ParticipationCountKey,
} from '../documents';
import { seoulMinseon7Term } from '../term/load';
import type { ReportInput, SubmissionRecord } from './types';

/** Builders for report tests: plans, cards and finance rows with chosen amounts, on the real catalog. */

export const catalog = seoulMinseon7Catalog;
export const term = seoulMinseon7Term;

export function project(id: string, from: Catalog = catalog): CatalogProject {
  const p = from.projects.find((x) => x.id === id);
  if (p === undefined) throw new Error(`no project ${id}`);
  return p;
}

/** Money cells as [source, column, amount]: column a budget year / 'afterTerm' (needs) or a half-year (executed). */
export type Cells = [FundingSource, string, number][];

function fill(grid: Record<FundingSource, Record<string, number | null>>, cells: Cells): void {
  for (const [source, column, amount] of cells) grid[source][column] = amount;
}

export interface PlanSpec {
  /** Investment needs of each unit project (one unit per entry). */
  units?: { needs?: Cells; schedule?: Record<string, string> }[];
  department?: string;
}

export function makePlan(p: CatalogProject, spec: PlanSpec = {}): ExecutionPlan {
  const plan = emptyExecutionPlan(p.id, spec.department ?? p.leadDepartment, p.name);
  plan.lifecycle = 'confirmed';
  plan.policyGoal = `${p.name} 목표`;
  plan.unitProjects = (spec.units ?? [{}]).map((u, i) => {
    const unit = emptyPlanUnitProject(`u${i + 1}`, `단위사업 ${i + 1}`);
    fill(unit.investmentNeeds, u.needs ?? []);
    unit.schedule = { ...(u.schedule ?? {}) };
    return unit;
  });
  return plan;
}

export interface CardSpec {
  status?: CardStatus | null;
  department?: string;
  /** Executed cells per unit (index → cells). */
  executed?: Cells[];
  /** Replaces the unit's investment needs (현재계획) when given. */
  needs?: Cells[];
  results?: Record<string, string>[];
  participation?: Partial<Record<ParticipationCountKey, number>>;
}

export function makeCard(plan: ExecutionPlan, periodId: string, spec: CardSpec = {}): ManagementCard {
  const card = newCardFromPrevious(null, plan, periodId);
  card.lifecycle = 'confirmed';
  card.department = spec.department ?? plan.department;
  card.status = spec.status === undefined ? 'onTrack' : spec.status;
  card.unitProjects.forEach((unit, i) => {
    fill(unit.executed, spec.executed?.[i] ?? []);
    if (spec.needs?.[i] !== undefined) {
      unit.investmentNeeds = { national: {}, city: {}, district: {}, private: {}, other: {} };
      fill(unit.investmentNeeds, spec.needs[i]);
    }
    unit.results = { ...(spec.results?.[i] ?? {}) };
  });
  card.citizenParticipation.counts = { ...card.citizenParticipation.counts, ...(spec.participation ?? {}) };
  return card;
}

export function makeFinanceRow(
  projectId: string,
  department: string,
  periodId: string,
  secured: Partial<Record<FundingSource, number>>,
  note = '',
): FinanceRow {
  const row = emptyFinanceRow(projectId, department, periodId);
  row.lifecycle = 'confirmed';
  for (const [s, v] of Object.entries(secured)) row.secured[s as FundingSource] = v;
  row.note = note;
  return row;
}

export function makeSubmission(
  department: string,
  periodId: string,
  receivedAt: string,
  documents: SubmissionRecord['documents'],
  extra: Partial<SubmissionRecord> = {},
): SubmissionRecord {
  return {
    department,
    periodId,
    bundleSha256: `${department}-${receivedAt}`.padEnd(64, '0').slice(0, 64),
    receivedAt,
    createdAt: receivedAt,
    revision: 1,
    signature: 'valid',
    documents,
    ...extra,
  };
}

export function makeApprovedChange(projectId: string, department: string, reason: string): ChangeRequest {
  const req = emptyChangeRequest(`cr-${projectId}-01`, projectId, department, project(projectId).name);
  req.lifecycle = 'confirmed';
  req.reason = reason;
  req.rows = [{ category: '공약내용 (최종목표 등)', original: '당초 목표', proposed: '변경 목표' }];
  req.decisionHistory = [
    { status: 'requested', date: '2019-03-02', by: '담당자', note: '' },
    { status: 'approvedByDirector', date: '2019-03-05', by: '국장', note: '' },
    { status: 'reviewing', date: '2019-03-10', by: '기획담당관', note: '' },
    { status: 'approved', date: '2019-04-01', by: '시민공약평가단', note: '심의 통과' },
  ];
  return req;
}

export function emptyInput(periodId = '2019-H1', from: Catalog = catalog): ReportInput {
  return {
    catalog: from,
    term,
    periodId,
    plans: [],
    cards: [],
    financeRows: [],
    firstReported: [],
    submissions: [],
    changeRequests: [],
    options: { executionRateThreshold: 0.3, today: '2019-07-20' },
  };
}

/**
 * A catalog ten times the size of Seoul's (2,380 projects): each core pledge copied with numbers +100·k, same
 * areas and departments.
 */
export function tenfoldCatalog(): Catalog {
  const copies = Array.from({ length: 10 }, (_, k) => k);
  const shift = (id: string, k: number) => {
    const [a, b, ...rest] = id.split('-');
    return [a, String(Number(b) + 100 * k), ...rest].join('-');
  };
  return {
    ...catalog,
    id: 'tenfold',
    corePledges: copies.flatMap((k) => catalog.corePledges.map((c) => ({ ...c, id: shift(c.id, k) }))),
    projects: copies.flatMap((k) =>
      catalog.projects.map((p) => ({ ...p, id: shift(p.id, k), corePledgeId: shift(p.corePledgeId, k) })),
    ),
  };
}

/**
 * 2019-H1 with three projects whose lead sent its card: 1-1-1 sent no 재정집행현황 (확보내역), 1-1-2 sent one
 * securing nothing (a real 0), and 1-1-7 (shared) has the lead's row (100 secured) while its co-department
 * 여성가족정책실 is known from a card only (no row of its own).
 */
export function missingFinanceRowInput(): ReportInput {
  const input = emptyInput('2019-H1');
  const [p1, p2, p7] = ['1-1-1', '1-1-2', '1-1-7'].map((id) =>
    makePlan(project(id), { units: [{ needs: [['city', '2019', 100]] }] }),
  ) as [ExecutionPlan, ExecutionPlan, ExecutionPlan];
  input.plans = [p1, p2, p7];
  input.cards = [
    makeCard(p1, '2019-H1', { executed: [[['city', '2019-H1', 10]]] }),
    makeCard(p2, '2019-H1'),
    makeCard(p7, '2019-H1'),
    makeCard(p7, '2019-H1', { department: '여성가족정책실', executed: [[['city', '2019-H1', 5]]] }),
  ];
  input.financeRows = [
    makeFinanceRow('1-1-2', '경제진흥본부', '2019-H1', {}, '확보 없음'),
    makeFinanceRow('1-1-7', '경제진흥본부', '2019-H1', { city: 100 }),
  ];
  return input;
}
