import BetterSqlite3 from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { asksCompletion, type AttachmentRef } from '../../domain/documents';
import { catalog } from '../catalog-data';

/**
 * Builds the planning office's inbox with the real `pledge` CLI: departments set up, enroll their keys, draft
 * documents from JSON and export signed bundles; the office approves the keys and imports the bundles. The
 * program clock (PLEDGE_NOW) is set per command, so the office's import time decides on time vs late.
 */

const cli = join(import.meta.dirname, '..', '..', 'bin', 'pledge.mjs');

export type Source = 'national' | 'city' | 'district' | 'private' | 'other';
export const SOURCES: Source[] = ['national', 'city', 'district', 'private', 'other'];
export type CardStatus = 'completed' | 'continuing' | 'onTrack' | 'partial' | 'onHold' | 'dropped';
/** Budget-year columns of 민선7기 plus 임기후. */
export type Column = '2018' | '2019' | '2020' | '2021' | '2022' | 'afterTerm';
type Grid = Partial<Record<Source, Partial<Record<Column, number>>>>;
type Executed = Partial<Record<Source, Partial<Record<string, number>>>>;

export interface UnitInput {
  id: string;
  name: string;
  /** 연차별 투자수요 as planned. */
  needs: Grid;
  /** The card's current 투자수요 (default: as planned). */
  cardNeeds?: Grid;
  /** 집행액 per source and half-year ("2019-H1"). */
  executed: Executed;
}

export interface ProjectInput {
  projectId: string;
  department: string;
  status: CardStatus;
  units: UnitInput[];
  /** 확보내역 of the finance row (백만원). */
  secured: Record<Source, number | null>;
  policyGoal: string;
  participation: {
    briefings: number;
    surveys: number;
    expertConsultations: number;
    mediaReports: number;
    other: number;
  };
}

export function pledge(args: string[], now: string): string {
  try {
    return execFileSync(process.execPath, [cli, ...args], {
      env: { ...process.env, PLEDGE_NOW: now },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`pledge ${args.join(' ')} failed:\n${e.stdout ?? ''}\n${e.stderr ?? ''}\n${e.message}`, {
      cause: error,
    });
  }
}

const projectName = (id: string) => {
  const p = catalog.projects.find((x) => x.id === id);
  if (!p) throw new Error(`no catalog project ${id}`);
  return p.name;
};

const fullGrid = (grid: Grid) =>
  Object.fromEntries(SOURCES.map((s) => [s, { ...(grid[s] ?? {}) }])) as Record<
    Source,
    Record<string, number>
  >;

const usedSources = (grids: Grid[]): Source[] =>
  SOURCES.filter((s) => grids.some((g) => Object.values(g[s] ?? {}).some((v) => (v ?? 0) > 0)));

const withinTermTotal = (grids: Grid[]): number =>
  Math.round(
    grids.reduce(
      (acc, g) =>
        acc +
        Object.values(g).reduce(
          (a, row) =>
            a +
            Object.entries(row ?? {})
              .filter(([col]) => col !== 'afterTerm')
              .reduce((x, [, v]) => x + Math.round((v ?? 0) * 1000), 0),
          0,
        ),
      0,
    ),
  ) / 1000;

/** The 과장, 팀장 and 담당 every plan and card of the scenario names (공약실명제). */
export const CONTACTS = [
  { position: 'chief', unit: '담당과', name: '김과장', phone: '02-2133-1000' },
  { position: 'teamLeader', unit: '담당팀', name: '이팀장', phone: '02-2133-1001' },
  { position: 'officer', unit: '', name: '박주무관', phone: '02-2133-1002' },
];

/** The unit's half-year schedule: one entry per half-year up to 2019-H2 so 2019-H1 has a result to match. */
const scheduleOf = (unitName: string) => ({
  '2018-H2': `${unitName} 착수`,
  '2019-H1': `${unitName} 1단계 추진`,
  '2019-H2': `${unitName} 2단계 추진`,
});

export function planJson(p: ProjectInput): Record<string, unknown> {
  const grids = p.units.map((u) => u.needs);
  return {
    kind: 'executionPlan',
    schemaVersion: 1,
    lifecycle: 'draft',
    projectId: p.projectId,
    projectName: projectName(p.projectId),
    department: p.department,
    leadContacts: CONTACTS,
    cooperatingDepartments: [],
    totalCost: { kind: 'amount', amount: withinTermTotal(grids) },
    newOrContinuing: 'new',
    completionTiming: 'withinTerm',
    fundingSources: usedSources(grids),
    policyGoal: p.policyGoal,
    projectPeriod: { from: '2018-07', to: '2022-06' },
    unitProjects: p.units.map((u) => ({
      id: u.id,
      name: u.name,
      detailedPlan: `- ${u.name} 세부 추진`,
      schedule: scheduleOf(u.name),
      investmentNeeds: fullGrid(u.needs),
      cooperationNeeds: '',
    })),
    citizenParticipation: {
      counts: { briefings: 0, surveys: 0, expertConsultations: 0, mediaReports: 0, other: 0 },
      activities: [],
      attachments: [],
    },
  };
}

/** The half-year card: frozen fields copied from the plan as sent, then status, results and money. */
export function cardJson(
  plan: Record<string, unknown>,
  p: ProjectInput,
  periodId: string,
  overrides: { policyGoal?: string; evidence?: AttachmentRef } = {},
): Record<string, unknown> {
  const units = plan.unitProjects as { id: string; name: string; detailedPlan: string; schedule: object }[];
  const grids = p.units.map((u) => u.cardNeeds ?? u.needs);
  return {
    kind: 'managementCard',
    schemaVersion: 1,
    lifecycle: 'draft',
    projectId: p.projectId,
    projectName: plan.projectName,
    department: p.department,
    periodId,
    leadContacts: CONTACTS,
    cooperatingDepartments: [],
    status: p.status,
    statusReason: p.status === 'onTrack' ? '' : '추진 상황에 대한 사유',
    completionEvidence: {
      // 완료 and 이행 후 계속 추진 are both asked with their 완료 근거 (the department's form requires it).
      summary: asksCompletion(p.status) ? '완료 근거: 준공 및 개통 (2019.6.28)' : '',
      attachments: overrides.evidence ? [overrides.evidence] : [],
    },
    completionTiming: 'withinTerm',
    newOrContinuing: 'new',
    totalCost: { kind: 'amount', amount: withinTermTotal(grids) },
    fundingSources: usedSources(grids),
    executor: 'city',
    policyGoal: overrides.policyGoal ?? plan.policyGoal,
    projectPeriod: plan.projectPeriod,
    unitProjects: units.map((unit, i) => {
      const input = p.units[i]!;
      return {
        id: unit.id,
        name: unit.name,
        detailedPlan: unit.detailedPlan,
        schedule: unit.schedule,
        results: { '2018-H2': `${unit.name} 착수 완료`, '2019-H1': `${unit.name} 1단계 실적` },
        investmentNeeds: fullGrid(input.cardNeeds ?? input.needs),
        executed: Object.fromEntries(SOURCES.map((s) => [s, { ...(input.executed[s] ?? {}) }])),
        futurePlan: '- 하반기 계속 추진',
      };
    }),
    citizenParticipation: { counts: p.participation, activities: [], attachments: [] },
    cooperation: '',
    problemsAndSolutions: '',
  };
}

export function financeRowJson(p: ProjectInput, periodId: string): Record<string, unknown> {
  return {
    kind: 'financeRow',
    schemaVersion: 1,
    lifecycle: 'draft',
    projectId: p.projectId,
    department: p.department,
    periodId,
    secured: p.secured,
    note: '',
  };
}

export interface DepartmentDesk {
  name: string;
  dataDir: string;
  keyFile: string;
}

export class OfficeScenario {
  readonly officeDir: string;
  private count = 0;
  constructor(readonly root: string) {
    this.officeDir = join(root, 'office');
    mkdirSync(join(root, 'docs'), { recursive: true });
  }

  setupOffice(now: string): void {
    pledge(['setup', '--data', this.officeDir, '--role', 'office'], now);
    pledge(['keys', 'init', '--data', this.officeDir], now);
  }

  /** A department's copy with its key enrolled at, and approved by, the office. */
  enrollDepartment(name: string, now: string): DepartmentDesk {
    const dataDir = join(this.root, `dept-${++this.count}`);
    const keyFile = join(this.root, `dept-${this.count}.pledgekey.json`);
    pledge(['setup', '--data', dataDir, '--role', 'department', '--department', name], now);
    pledge(['keys', 'init', '--data', dataDir], now);
    const exported = JSON.parse(
      pledge(['keys', 'export', '--data', dataDir, '--out', keyFile, '--json'], now),
    ) as {
      keyId: string;
    };
    pledge(['keys', 'import', '--data', this.officeDir, keyFile], now);
    pledge(['keys', 'approve', exported.keyId, '--data', this.officeDir], now);
    return { name, dataDir, keyFile };
  }

  /**
   * A file stored in the department's copy as the screen's 첨부 stores it (by content hash), for a document to cite:
   * the CLI has no command that attaches a file.
   */
  attach(desk: DepartmentDesk, name: string, mediaType: string, bytes: Buffer, now: string): AttachmentRef {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const db = new BetterSqlite3(join(desk.dataDir, 'pledge.sqlite'));
    try {
      db.prepare(
        'INSERT OR IGNORE INTO attachments (sha256, media_type, size, bytes, created_at) VALUES (?, ?, ?, ?, ?)',
      ).run(sha256, mediaType, bytes.length, bytes, now);
    } finally {
      db.close();
    }
    return { sha256, name, mediaType, size: bytes.length };
  }

  /** `draft import` of one document JSON into the department's copy; returns the CLI output. */
  draft(desk: DepartmentDesk, doc: Record<string, unknown>, now: string): string {
    const file = join(
      this.root,
      'docs',
      `${String(doc.kind)}-${String(doc.projectId)}-${String(doc.periodId ?? 'plan')}-${++this.count}.json`,
    );
    writeFileSync(file, JSON.stringify(doc, null, 2));
    return pledge(['draft', 'import', '--data', desk.dataDir, file], now);
  }

  /** Signs the period's documents into a bundle; fails when the department's validation left any out. */
  exportBundle(desk: DepartmentDesk, period: string, now: string): { path: string; revision: number } {
    const out = join(this.root, `${desk.name}-${period}-${++this.count}.pledge`);
    const result = JSON.parse(
      pledge(['bundle', 'export', '--data', desk.dataDir, '--period', period, '--out', out, '--json'], now),
    ) as { path: string; revision: number; refused: { document: string; error: string }[] };
    if (result.refused.length > 0) {
      throw new Error(
        `bundle export refused: ${result.refused.map((r) => `${r.document}: ${r.error}`).join('; ')}`,
      );
    }
    return result;
  }

  /** The office imports bundles at `now` (its receivedAt); every file must be accepted. */
  importBundles(paths: string[], now: string): { status: string; reason: string }[] {
    const out = pledge(['import', '--data', this.officeDir, ...paths, '--json'], now);
    const parsed = JSON.parse(out) as Record<string, { file: string; reason: string }[] | undefined>;
    const accepted = parsed.accepted ?? [];
    if (accepted.length !== paths.length) throw new Error(`not all bundles accepted:\n${out}`);
    return accepted.map((a) => ({ status: 'accepted', reason: a.reason }));
  }
}
