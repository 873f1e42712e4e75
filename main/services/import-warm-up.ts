import { seoulMinseon7Catalog } from '../../domain/catalog/load';
import type { CatalogProject } from '../../domain/catalog/types';
import {
  type Document,
  emptyExecutionPlan,
  emptyFinanceRow,
  emptyPlanUnitProject,
  type ExecutionPlan,
  type ManagementCard,
  newCardFromPrevious,
} from '../../domain/documents';
import { seoulMinseon7Term } from '../../domain/term/load';
import { listBudgetYears, listPeriods } from '../../domain/term/periods';
import {
  type BundleCheck,
  type ContentContext,
  generateKeyPair,
  keyId,
  type KeySnapshotEntry,
  writeBundle,
} from '../bundles';
import { documentMemberPath } from './bundle-content';
import type { Verifier } from './bundle-verify';
import { slotOf } from './document-identity';

/**
 * Sample submissions that the office's kept import threads check after they start (keepImportWorkers' warm): a
 * department's practice plans, then its cards and 재정집행 rows for a half-year, filled as a department fills them
 * (units with 연차별 투자수요, 추진계획 and 실적 for every half-year so far, 집행 in each), signed with a key made for
 * this and kept nowhere. Checking them a few dozen times runs the zip, signature, strict JSON, schema and content
 * checks often enough for V8 to compile them, so the first real import after the start does not run them cold,
 * and its threads' compilers are not busy beside it. The answers are dropped; nothing is stored or registered.
 */

/** One sample bundle and what a verifier needs to accept it. */
export interface WarmUpJob {
  bytes: Buffer;
  keys: KeySnapshotEntry[];
  content: ContentContext;
}

/** Rounds of the three sample bundles: about 600 documents, 0.2–0.4 s of one thread here. */
export const WARM_UP_ROUNDS = 24;

/** Projects per sample bundle: a department of Seoul's catalog leads up to about twenty. */
const PROJECTS = 8;

const amount = (seed: number): number => 50 + ((seed * 7919) % 950);

function samplePlan(project: CatalogProject, index: number): ExecutionPlan {
  const periods = listPeriods(seoulMinseon7Term).map((p) => p.id);
  const years = listBudgetYears(seoulMinseon7Term).map((y) => y.key);
  const plan = emptyExecutionPlan(project.id, project.leadDepartment, project.name);
  plan.lifecycle = 'submitted';
  plan.policyGoal = `${project.name} 목표`;
  plan.unitProjects = [0, 1, 2].slice(0, 2 + (index % 2)).map((u) => {
    const unit = emptyPlanUnitProject(`u${u + 1}`, `단위사업 ${u + 1}`);
    unit.detailedPlan = `${u + 1}단계 세부 추진 계획`;
    unit.schedule = Object.fromEntries(periods.map((p, i) => [p, `${u + 1}단계 추진 ${i + 1}`]));
    for (const [y, year] of years.entries()) unit.investmentNeeds.city[year] = amount(index * 31 + u * 7 + y);
    unit.investmentNeeds.national[years[0] as string] = amount(index + u);
    return unit;
  });
  return plan;
}

/** The card for the term's `h`-th half-year, carrying every earlier half-year's 실적 and 집행 as the app does. */
function sampleCard(plan: ExecutionPlan, index: number, h: number): ManagementCard {
  const periods = listPeriods(seoulMinseon7Term)
    .map((p) => p.id)
    .slice(0, h + 1);
  const card = newCardFromPrevious(null, plan, periods[h] as string);
  card.lifecycle = 'confirmed';
  card.status = index % 5 === 0 ? 'partial' : 'onTrack';
  card.citizenParticipation.counts.briefings = index % 3;
  for (const [u, unit] of card.unitProjects.entries()) {
    unit.results = Object.fromEntries(periods.map((p) => [p, `${p} 추진 실적`]));
    for (const [k, p] of periods.entries()) unit.executed.city[p] = Math.round(amount(index + u + k) / 2);
  }
  return card;
}

const member = (doc: Document) => ({ path: documentMemberPath(doc, slotOf(doc)), json: doc });

/**
 * The sample bundles (plans, cards, 재정집행 rows) of the department that leads the most projects in Seoul's catalog,
 * with the key snapshot and catalog they are checked against.
 */
export async function importWarmUpJobs(): Promise<WarmUpJob[]> {
  const catalog = seoulMinseon7Catalog;
  const byDepartment = new Map<string, CatalogProject[]>();
  for (const p of catalog.projects)
    byDepartment.set(p.leadDepartment, [...(byDepartment.get(p.leadDepartment) ?? []), p]);
  const [department, projects] = [...byDepartment].sort((a, b) => b[1].length - a[1].length)[0] as [
    string,
    CatalogProject[],
  ];
  const plans = projects.slice(0, PROJECTS).map(samplePlan);
  const h = 2;
  const period = listPeriods(seoulMinseon7Term)[h]?.id as string;
  const pair = generateKeyPair();
  const keys: KeySnapshotEntry[] = [
    {
      department,
      keyId: keyId(pair.publicKeyPem),
      publicKeyPem: pair.publicKeyPem,
      status: 'approved',
      validFrom: '2000-01-01T00:00:00.000Z',
      role: 'department',
    },
  ];
  const content: ContentContext = { catalog, term: seoulMinseon7Term };
  const createdAt = new Date().toISOString();
  const sign = (revision: number, documents: Document[], forPeriod: string) =>
    writeBundle({
      manifestFields: {
        type: 'pledge-submission',
        appVersion: '0.0.0-warm-up',
        department,
        period: forPeriod as 'plan',
        createdAt,
        revision,
        previousBundleSha256: null,
      },
      documents: documents.map(member),
      attachments: [],
      privateKeyPem: pair.privateKeyPem,
    });
  const bundles = [
    await sign(1, plans, 'plan'),
    await sign(
      2,
      plans.map((plan, i) => sampleCard(plan, i, h)),
      period,
    ),
    await sign(
      3,
      plans.map((plan, i) => {
        const row = emptyFinanceRow(plan.projectId, department, period);
        row.lifecycle = 'confirmed';
        row.secured.city = amount(i);
        return row;
      }),
      period,
    ),
  ];
  return bundles.map((bytes) => ({ bytes, keys, content }));
}

/**
 * Checks the sample bundles `rounds` times through `verifier` (the kept threads), one bundle per thread at a time,
 * so that an import started meanwhile waits for at most one sample per thread. Returns how many samples were
 * accepted whole (signature and content); never rejects.
 */
export async function exerciseImportChecks(
  verifier: Verifier,
  threads: number,
  rounds = WARM_UP_ROUNDS,
): Promise<number> {
  let jobs: WarmUpJob[];
  try {
    jobs = await importWarmUpJobs();
  } catch {
    return 0;
  }
  const accepted = (check: BundleCheck): boolean => check.ok && check.content?.ok === true;
  let count = 0;
  const total = rounds * jobs.length;
  for (let next = 0; next < total; next += threads) {
    const wave = Array.from(
      { length: Math.min(threads, total - next) },
      (_, i) => jobs[(next + i) % jobs.length] as WarmUpJob,
    );
    const answers = await Promise.all(
      wave.map((job) => verifier(job.bytes, job.keys, 'pledge-submission', job.content)),
    );
    count += answers.filter(accepted).length;
  }
  return count;
}
