// Built reports kept per data generation (office-report-cache.ts), through the office's handlers.
import {
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  SelectQueryNode,
  TableNode,
  type UnknownRow,
} from 'kysely';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import * as XLSX from 'xlsx';
import { withPluginOnSameConnection } from '../../db/create-db';
import type { ExecutionPlan } from '../../domain/documents';
import { exampleFinanceRow } from '../../domain/documents/test-fixtures';
import { DEFAULT_LIMITS } from '../bundles';
import { readZipEntries } from '../bundles/read';
import { PUBLIC_FILES } from '../reports/public-report';
import { bundleHandlers } from './bundle-handlers';
import { importBundleInputs } from './bundle-import';
import { enroll, makeCopy, privateKeyOf, signSubmission } from './bundle-test-support';
import { createAppContext } from './context';
import { officeHandlers } from './office-handlers';
import { currentOfficeReport } from './office-report-cache';
import {
  basePlan,
  cardDoc,
  cardFor,
  direct,
  LEAD,
  planDoc,
  request,
  statusOf,
  useOfficeHarness,
  sendConfirmedPlan,
} from './test-support/office-harness';

const h = useOfficeHarness();

/** The plan sent again with 100 (백만원) more 시비 in 2020 for its first unit. */
function resentPlan(plan: ExecutionPlan): ExecutionPlan {
  const copy = structuredClone(plan);
  const unit = copy.unitProjects[0];
  if (unit === undefined) throw new Error('the example plan has units');
  unit.investmentNeeds.city['2020'] = (unit.investmentNeeds.city['2020'] ?? 0) + 100;
  return copy;
}

describe('built reports kept until the data changes', () => {
  it('gives the same frozen report again, and a new one after a decision or for another request', async () => {
    const handlers = officeHandlers(h.office);
    const plan = await sendConfirmedPlan(h);
    await h.send('2019-H1', [cardDoc(cardFor(plan, 'completed'))]);

    const first = await handlers.getOfficeReport(request);
    expect(await handlers.getOfficeReport(request)).toBe(first);
    expect(statusOf(first)?.completed).toBe(1);
    // Every caller gets this object: a change to it fails instead of reaching the next caller.
    const counts = first.report.statusTables.total.counts;
    expect(() => Object.assign(counts, { completed: 99 })).toThrow(TypeError);
    expect(first.report.statusTables.total.counts.completed).toBe(1);

    const otherThreshold = await handlers.getOfficeReport({ ...request, executionRateThreshold: 0.9 });
    expect(otherThreshold).not.toBe(first);
    expect(otherThreshold.report.meta.executionRateThreshold).toBe(0.9);

    await handlers.decideCompletion({
      projectId: '1-1-1',
      periodId: '2019-H1',
      decision: 'rejected',
      note: '',
    });
    const after = await handlers.getOfficeReport(request);
    expect(after).not.toBe(first);
    expect(statusOf(after)?.completed).toBe(0);
    expect(statusOf(after)?.onTrack).toBe(1);
  });

  it('keeps the reports looked at last: the one unused longest is built again', async () => {
    const handlers = officeHandlers(h.office);
    const at = (threshold: number) =>
      handlers.getOfficeReport({ ...request, executionRateThreshold: threshold });
    const a = await at(0.1);
    const b = await at(0.2);
    await at(0.3);
    await at(0.4);
    expect(await at(0.1)).toBe(a); // used again: now the most recent
    await at(0.5); // one too many: drops 0.2, the one unused longest
    expect(await at(0.1)).toBe(a);
    const bAgain = await at(0.2);
    expect(bAgain).not.toBe(b);
    expect(bAgain).toEqual(b);
  });

  it('a request that fails is not kept: it fails with its reason, and other requests still work', async () => {
    const handlers = officeHandlers(h.office);
    await expect(handlers.getOfficeReport({ periodId: '2030-H1', today: '2030-07-20' })).rejects.toThrow(
      '임기(민선7기: 2018-H2 ~ 2022-H1)의 반기가 아닙니다',
    );
    await expect(handlers.getOfficeReport({ periodId: '2030-H1', today: '2030-07-20' })).rejects.toThrow(
      '임기(민선7기: 2018-H2 ~ 2022-H1)의 반기가 아닙니다',
    );
    const fine = await handlers.getOfficeReport(request);
    expect(fine.report.meta.periodId).toBe('2019-H1');
  });

  it('a bundle released from quarantine by approving its key shows in the next report', async () => {
    const other = await makeCopy(h.dir.path, 'other', { role: 'department', department: '문화본부' });
    try {
      const keyId = await enroll(h.office, other, false); // enrolled, not yet approved: its bundles wait
      const bytes = await signSubmission(await privateKeyOf(other), {
        department: '문화본부',
        period: '2019-H1',
        revision: 1,
        previousBundleSha256: null,
        documents: [
          {
            path: 'documents/finance-1-4-5-2019-H1.json',
            json: { ...exampleFinanceRow(), projectId: '1-4-5', department: '문화본부' },
          },
        ],
      });
      const [result] = await importBundleInputs(h.office, [{ name: 'culture.pledge', bytes }], direct);
      expect(result?.status).toBe('quarantined');
      const handlers = officeHandlers(h.office);
      const signatureOf = (view: Awaited<ReturnType<typeof handlers.getOfficeReport>>) =>
        view.report.submissions.departments.find((d) => d.department === '문화본부')?.bundles[0]?.signature;
      const before = await handlers.getOfficeReport(request);
      expect(signatureOf(before)).toBe('quarantined');

      const approved = await bundleHandlers(h.office, direct).approveKey({ keyId, department: '문화본부' });
      expect(approved.released.map((r) => r.status)).toEqual(['accepted']);
      const after = await handlers.getOfficeReport(request);
      expect(after).not.toBe(before);
      expect(signatureOf(after)).toBe('valid');
    } finally {
      await other.close();
    }
  });

  it('the workbook and the public report are written from the same kept (frozen) report', async () => {
    const handlers = officeHandlers(h.office);
    const plan = await sendConfirmedPlan(h);
    await h.send('2019-H1', [cardDoc(cardFor(plan, 'partial'))]);
    const shown = await handlers.getOfficeReport(request);
    expect(Object.isFrozen(shown.report.finance)).toBe(true);
    const executed = shown.report.finance.grandTotal.termExecuted.total;

    const file = await handlers.exportReportWorkbook(request);
    const workbook = XLSX.read(Buffer.from(file.dataBase64, 'base64'), { type: 'buffer' });
    const rows = XLSX.utils.sheet_to_json<unknown[]>(workbook.Sheets['재정집행현황']!, {
      header: 1,
      raw: true,
    });
    expect(rows.find((r) => r[0] === '1-1-1')).toBeDefined();

    const outDir = join(h.dir.path, 'site');
    const { files } = await handlers.publishReport({ ...request, outDir });
    expect(files.map((f) => basename(f)).sort()).toEqual([...PUBLIC_FILES].sort());
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    expect(html).toContain(plan.projectName);
    // The screen's download: the same four files, byte for byte, in one zip.
    const zip = await handlers.exportPublicReport(request);
    expect(zip.fileName).toBe(`공약이행_공개자료_${request.periodId}.zip`);
    const unpacked = await readZipEntries(Buffer.from(zip.dataBase64, 'base64'), DEFAULT_LIMITS, {
      methods: [0, 8],
    });
    if (!unpacked.ok) throw new Error(unpacked.message);
    expect(unpacked.entries.map((e) => e.name)).toEqual([...PUBLIC_FILES]);
    for (const entry of unpacked.entries)
      expect(Buffer.from(entry.data).equals(readFileSync(join(outDir, entry.name)))).toBe(true);
    // Nothing written changed the report on screen.
    expect((await handlers.getOfficeReport(request)).report.finance.grandTotal.termExecuted.total).toBe(
      executed,
    );
  });

  it('after each import and decision the report equals one built by a fresh connection (nothing kept)', async () => {
    const handlers = officeHandlers(h.office);
    const plan = await sendConfirmedPlan(h);
    const finance = (city: number) => ({
      path: 'documents/finance-1-1-1-2019-H1.json',
      json: { ...exampleFinanceRow(), secured: { ...exampleFinanceRow().secured, city } },
    });
    const sent = async (documents: Parameters<typeof h.send>[1]) =>
      expect(await h.send('2019-H1', documents)).toBe('accepted');
    /** The report as a connection with nothing parsed or kept builds it. */
    const fresh = async () => {
      const cli = await cliContext();
      try {
        return await officeHandlers(cli).getOfficeReport(request);
      } finally {
        await cli.close();
      }
    };
    const steps: [string, () => Promise<unknown>][] = [
      ['카드와 확보내역', () => sent([cardDoc(cardFor(plan, 'completed')), finance(500)])],
      ['확보내역 정정', () => sent([finance(650)])],
      [
        '완료 거부',
        () =>
          handlers.decideCompletion({
            projectId: '1-1-1',
            periodId: '2019-H1',
            decision: 'rejected',
            note: '',
          }),
      ],
      ['카드 다시 보냄', () => sent([cardDoc(cardFor(plan, 'partial'))])],
      // The half-year compared with (2018-H2): its own decisions change the comparison's starting point.
      [
        '지난 반기 완료 카드',
        async () =>
          expect(await h.send('2018-H2', [cardDoc(cardFor(plan, 'completed'), '2018-H2')])).toBe('accepted'),
      ],
      [
        '지난 반기 완료 거부',
        () =>
          handlers.decideCompletion({
            projectId: '1-1-1',
            periodId: '2018-H2',
            decision: 'rejected',
            note: '',
          }),
      ],
      // Only a card that reports 완료 is a request to decide: the department asks for 완료 again, the office accepts.
      [
        '완료 다시 요청, 인정',
        async () => {
          await sent([cardDoc(cardFor(plan, 'completed'))]);
          await handlers.decideCompletion({
            projectId: '1-1-1',
            periodId: '2019-H1',
            decision: 'accepted',
            note: '',
          });
        },
      ],
      // A card sent after a decision, with another 완료 근거: the decision was made on the earlier revision.
      ['완료 근거 바꿔 보냄', () => sent([cardDoc(supplemented(plan, '2019-H1'))])],
      [
        '지난 반기 보완한 완료 카드',
        async () =>
          expect(await h.send('2018-H2', [cardDoc(supplemented(plan, '2018-H2'), '2018-H2')])).toBe(
            'accepted',
          ),
      ],
      // The plan re-sent with other investment needs, then confirmed again: 현재계획 and 초기계획 of the kept
      // parts and the 실천계획 확정 list must follow (kept while no plan is written).
      [
        '실천계획 다시 보냄',
        async () => expect(await h.send('plan', [planDoc(resentPlan(plan))])).toBe('accepted'),
      ],
      ['실천계획 다시 확정', () => handlers.confirmReceivedPlan({ projectId: '1-1-1' })],
    ];
    const amounts: number[] = [];
    const before: (string | undefined)[] = [];
    const toConfirm: number[] = [];
    const initial: number[] = [];
    for (const [what, step] of steps) {
      await step();
      const kept = await handlers.getOfficeReport(request);
      expect(kept, what).toEqual(await fresh());
      amounts.push(kept.report.finance.grandTotal.secured.total);
      toConfirm.push(kept.report.meta.undecided?.plansToConfirm ?? -1);
      initial.push(kept.report.finance.grandTotal.plannedTotal.initial);
      before.push(kept.report.comparison.projects.find((p) => p.projectId === '1-1-1')?.statusBefore);
    }
    // The steps did change the figures the kept parts hold.
    expect(amounts[1]).not.toBe(amounts[0]);
    expect(before.slice(3, 6)).toEqual(['notSubmitted', 'completed', 'onTrack']);
    // The 2018-H2 반려 was for the earlier card: the one re-sent waits again, counted as 완료.
    expect(before.slice(6, 9)).toEqual(['onTrack', 'onTrack', 'completed']);
    // The plan re-sent waited for 확정, then was confirmed; 초기계획 stays the first confirmed plan's.
    expect(toConfirm.slice(-3)).toEqual([0, 1, 0]);
    expect(initial.at(-1)).toBe(initial[0]);
    const last = await handlers.getOfficeReport(request);
    expect(last.completionRequests[0]).toMatchObject({
      decision: null,
      supersededDecision: { decision: 'accepted' },
    });
  });

  it('a bundle imported by another process on the same data folder shows in the next report', async () => {
    const handlers = officeHandlers(h.office);
    const plan = await sendConfirmedPlan(h);
    const before = await handlers.getOfficeReport(request);
    expect(statusOf(before)?.partial).toBe(0);

    // The CLI (`pledge import --data …`) opens its own connection to the office's database.
    const cli = await cliContext();
    try {
      const bytes = await nextPartialCard(plan);
      const [result] = await importBundleInputs(cli, [{ name: 'cli.pledge', bytes }], direct);
      expect(result?.status).toBe('accepted');
    } finally {
      await cli.close();
    }
    const after = await handlers.getOfficeReport(request);
    expect(after).not.toBe(before);
    expect(statusOf(after)?.partial).toBe(1);
  });
  it('a report built while another process commits an import holds all of that import or none of it', async () => {
    const plan = basePlan();
    await h.send('plan', [planDoc(plan)]);
    await officeHandlers(h.office).confirmReceivedPlan({ projectId: '1-1-1' });
    // The department's first card (정상추진) is in; its next revision (일부추진) arrives during the report.
    expect(await h.send('2019-H1', [cardDoc(cardFor(plan, 'onTrack'))])).toBe('accepted');
    const bytes = await nextPartialCard(plan);
    const cli = await cliContext();
    try {
      // The other process commits its import right after the report read the received cards (listed, then their
      // content read by rowid: the first query of received_documents through the query builder) and before it
      // reads the bundles for 제출 현황.
      const midway = new AfterQuery(
        (node) => SelectQueryNode.is(node) && fromTable(node) === 'received_documents',
        1,
        async () => {
          const [result] = await importBundleInputs(cli, [{ name: 'cli.pledge', bytes }], direct);
          expect(result?.status).toBe('accepted');
        },
      );
      const watched = withPluginOnSameConnection(h.office.db, midway);
      const submitted = (view: Awaited<ReturnType<typeof currentOfficeReport>>) =>
        view.report.submissions.departments.find((d) => d.department === LEAD)?.bundles.length ?? 0;

      const during = await currentOfficeReport(watched, request);
      expect(midway.fired).toBe(true);
      // Neither the card nor its bundle: the report read one snapshot, from before the commit.
      expect(statusOf(during)?.onTrack).toBe(1);
      expect(statusOf(during)?.partial).toBe(0);
      expect(submitted(during)).toBe(1);

      const after = await currentOfficeReport(watched, request);
      expect(statusOf(after)?.partial).toBe(1);
      expect(submitted(after)).toBe(2);
    } finally {
      await cli.close();
    }
  });
});

/** Another process on the office's data folder, as the CLI (`pledge import --data …`) is. */
const cliContext = () =>
  createAppContext({
    profileDir: join(h.dir.path, 'cli-profile'),
    dataDirOverride: h.office.dataDir,
    mode: 'cli',
    appVersion: '0.1.0',
  });

/** A 완료 card with 완료 근거 other than the first one sent. */
const supplemented = (plan: ReturnType<typeof basePlan>, periodId: string) => ({
  ...cardFor(plan, 'completed'),
  completionEvidence: { summary: `보완한 근거 (${periodId})`, attachments: [] },
});

/** The department's next revision: its 2019-H1 card, 일부추진. */
async function nextPartialCard(plan: ReturnType<typeof basePlan>): Promise<Buffer> {
  h.revision += 1;
  return signSubmission(await privateKeyOf(h.dept), {
    department: LEAD,
    period: '2019-H1',
    revision: h.revision,
    previousBundleSha256: h.lastSha,
    documents: [cardDoc(cardFor(plan, 'partial'))],
  });
}

/** Runs `after` once the `nth` query matching `matches` has returned, before the caller sees its rows. */
class AfterQuery implements KyselyPlugin {
  fired = false;
  private seen = 0;
  private readonly target = new WeakSet<object>();
  constructor(
    private readonly matches: (node: RootOperationNode) => boolean,
    private readonly nth: number,
    private readonly after: () => Promise<void>,
  ) {}
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (!this.fired && this.matches(args.node) && ++this.seen === this.nth) this.target.add(args.queryId);
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    if (this.target.has(args.queryId)) {
      this.fired = true;
      await this.after();
    }
    return args.result;
  }
}

const fromTable = (node: SelectQueryNode): string | undefined => {
  const from = node.from?.froms[0];
  return from && TableNode.is(from) ? from.table.identifier.name : undefined;
};
