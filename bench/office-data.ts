// Synthetic office data at ten times Seoul's size: the catalog copied ten times (new project numbers, departments
// suffixed "(1)"…"(10)"), a key per department, and every department's signed submissions for the plan and
// eight half-years.
import { seoulMinseon7Catalog } from '../domain/catalog/load';
import type { Catalog } from '../domain/catalog/types';
import type { CardStatus, Document, ExecutionPlan, ManagementCard } from '../domain/documents';
import { seoulMinseon7Term } from '../domain/term/load';
import { listBudgetYears, listPeriods } from '../domain/term/periods';
import { type Cells, makeCard, makeFinanceRow, makePlan } from '../domain/reports/test-fixtures';
import { generateKeyPair, writeBundle, type KeyPairPem } from '../main/bundles';
import { documentMemberPath } from '../main/services/bundle-content';
import { slotOf } from '../main/services/document-identity';
import { sha256Hex } from '../main/services/bundle-test-support';

/** The term's half-years and budget years (민선7기: 2018-H2 … 2022-H1, '18 … '22.6). */
export const HALF_YEARS = listPeriods(seoulMinseon7Term).map((p) => p.id);
const BUDGET_YEARS = listBudgetYears(seoulMinseon7Term).map((y) => y.key);

/** Seoul's own catalog (scale 1) or ten copies of it (scale 10). */
export function catalogAtScale(scale: 1 | 10): Catalog {
  return scale === 1 ? seoulMinseon7Catalog : tenfoldCatalog();
}

/** Seoul's catalog ten times: core pledge numbers +100·k, departments suffixed "(k+1)". */
export function tenfoldCatalog(): Catalog {
  const base = seoulMinseon7Catalog;
  const shift = (id: string, k: number): string => {
    const [a, b, ...rest] = id.split('-');
    return [a, String(Number(b) + 100 * k), ...rest].join('-');
  };
  const copies = Array.from({ length: 10 }, (_, k) => k);
  return {
    ...base,
    id: 'bench-tenfold',
    version: `${base.version}-x10`,
    corePledges: copies.flatMap((k) => base.corePledges.map((c) => ({ ...c, id: shift(c.id, k) }))),
    projects: copies.flatMap((k) =>
      base.projects.map((p) => ({
        ...p,
        id: shift(p.id, k),
        corePledgeId: shift(p.corePledgeId, k),
        leadDepartment: `${p.leadDepartment}(${k + 1})`,
        coDepartments: p.coDepartments.map((d) => `${d}(${k + 1})`),
      })),
    ),
  };
}

export interface GeneratedBundle {
  department: string;
  file: string;
  bytes: Buffer;
}

export interface Sender {
  department: string;
  pair: KeyPairPem;
  plans: ExecutionPlan[];
  revision: number;
  previous: string | null;
}

/** Deterministic amounts (백만원) from a project's position, so runs are comparable. */
const amount = (seed: number, k: number): number => 50 + ((seed * 7919 + k * 104_729) % 950);

/** A half-year's 집행 of a unit: about half a year's planned amount, so execution rates spread around 80%. */
const halfYearAmount = (seed: number, u: number): number => Math.round(amount(seed, u) / 2);

/** Plans with 2–3 unit projects, investment needs per year and a half-year schedule. */
function planFor(catalog: Catalog, projectIndex: number): ExecutionPlan {
  const project = catalog.projects[projectIndex];
  if (!project) throw new Error(`no project ${projectIndex}`);
  const units = 2 + (projectIndex % 2);
  return makePlan(project, {
    units: Array.from({ length: units }, (_, u) => ({
      needs: BUDGET_YEARS.map((year, y) => ['city', year, amount(projectIndex, u * 10 + y)] as const).map(
        ([s, c, a]) => [s, c, a] as ['city', string, number],
      ),
      schedule: Object.fromEntries(HALF_YEARS.map((h, i) => [h, `${u + 1}단계 추진 ${i + 1}`])),
    })),
  });
}

const member = (doc: Document): { path: string; json: unknown } => ({
  path: documentMemberPath(doc, slotOf(doc)),
  json: doc,
});

export function makeSenders(catalog: Catalog): Sender[] {
  const byDepartment = new Map<string, ExecutionPlan[]>();
  catalog.projects.forEach((p, i) => {
    const list = byDepartment.get(p.leadDepartment) ?? [];
    list.push(planFor(catalog, i));
    byDepartment.set(p.leadDepartment, list);
  });
  return [...byDepartment].map(([department, plans]) => ({
    department,
    pair: generateKeyPair(),
    plans,
    revision: 0,
    previous: null,
  }));
}

/**
 * Every department's submissions in the order it would send them: its plans (period 'plan'), then per half-year
 * its management cards, its finance rows, and a correction re-sending some finance rows with changed amounts.
 */
/** The sender's next bundle: its revision continues the sender's chain. */
async function signNext(
  sender: Sender,
  period: string,
  label: string,
  documents: { path: string; json: unknown }[],
): Promise<GeneratedBundle> {
  sender.revision += 1;
  const bytes = await writeBundle({
    manifestFields: {
      type: 'pledge-submission',
      appVersion: '0.1.0',
      department: sender.department,
      period: period as 'plan',
      createdAt: new Date(Date.UTC(2018, 9, 1) + sender.revision * 3_600_000).toISOString(),
      revision: sender.revision,
      previousBundleSha256: sender.previous,
    },
    documents,
    attachments: [],
    privateKeyPem: sender.pair.privateKeyPem,
  });
  sender.previous = sha256Hex(bytes);
  return {
    department: sender.department,
    file: `공약제출_${sender.department}_${period}_${label}_r${sender.revision}.pledge`,
    bytes,
  };
}

/**
 * A department's card for the `h`-th half-year as the app writes it: `newCardFromPrevious` carries the earlier
 * half-years' 추진실적 and 집행 forward, so the card holds every half-year up to its own (one executed amount and one
 * result per unit and half-year). A project reported 일부추진 leaves its first unit's result for the half-year
 * blank, as a department does when a milestone slipped.
 */
function cumulativeCard(
  plan: ExecutionPlan,
  projectIndex: number,
  h: number,
  status: CardStatus,
  current: { amountSeed: number; result: string },
): ManagementCard {
  const halves = HALF_YEARS.slice(0, h + 1);
  const period = HALF_YEARS[h] as string;
  const card = makeCard(plan, period, {
    status,
    executed: plan.unitProjects.map((_u, u): Cells =>
      halves.map((half, k) => [
        'city',
        half,
        halfYearAmount(k === h ? current.amountSeed : projectIndex + k, u),
      ]),
    ),
    results: plan.unitProjects.map((_u, u) =>
      Object.fromEntries(
        halves
          .map((half, k) => [half, k === h ? current.result : `${half} 추진 실적`] as const)
          .filter(([half]) => !(half === period && u === 0 && status === 'partial')),
      ),
    ),
  });
  if (status === 'completed') card.completionEvidence = { summary: `${period} 목표 달성`, attachments: [] };
  return card;
}

/** What a department reports: 일부추진 now and then, and its first project 완료 from 2020 on (a request to decide). */
const reportedStatus = (projectIndex: number, h: number): CardStatus =>
  (projectIndex + h) % 5 === 0 ? 'partial' : projectIndex === 0 && h >= 3 ? 'completed' : 'onTrack';

/**
 * A department re-sending its cards for a half-year after the office imported everything: each project's status
 * and 집행 differ from what it sent before (round 1, 2, … differ from each other), as a late correction would.
 */
export async function resendCards(sender: Sender, period: string, round: number): Promise<GeneratedBundle> {
  const h = HALF_YEARS.indexOf(period);
  const cards = sender.plans.map((plan, i) =>
    cumulativeCard(plan, i, h, (i + round) % 3 === 0 ? 'onHold' : 'partial', {
      amountSeed: i + h + round * 31,
      result: `${period} 정정한 실적 ${round}`,
    }),
  );
  return signNext(
    sender,
    period,
    `resend${round}`,
    cards.map((c) => member(c)),
  );
}

export async function generateSubmissions(senders: Sender[]): Promise<GeneratedBundle[]> {
  const out: GeneratedBundle[] = [];
  const sign = async (
    sender: Sender,
    period: string,
    label: string,
    documents: { path: string; json: unknown }[],
  ): Promise<void> => {
    out.push(await signNext(sender, period, label, documents));
  };
  for (const sender of senders) {
    await sign(
      sender,
      'plan',
      'plan',
      sender.plans.map((p) => member({ ...p, lifecycle: 'submitted' } as Document)),
    );
  }
  for (const [h, period] of HALF_YEARS.entries()) {
    for (const sender of senders) {
      const cards = sender.plans.map((plan, i) =>
        cumulativeCard(plan, i, h, reportedStatus(i, h), {
          amountSeed: i + h,
          result: `${period} 추진 실적`,
        }),
      );
      await sign(
        sender,
        period,
        'cards',
        cards.map((c) => member(c)),
      );
      const rows = sender.plans.map((plan, i) =>
        makeFinanceRow(plan.projectId, sender.department, period, { city: amount(i, h) }),
      );
      await sign(
        sender,
        period,
        'finance',
        rows.map((r) => member(r)),
      );
      const corrected = rows
        .slice(0, Math.max(1, Math.ceil(rows.length / 4)))
        .map((r) => ({ ...r, secured: { ...r.secured, city: (r.secured.city ?? 0) + 10 }, note: '정정' }));
      await sign(
        sender,
        period,
        'correction',
        corrected.map((r) => member(r)),
      );
    }
  }
  return out;
}
