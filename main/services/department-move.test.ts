import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seoulMinseon7Catalog } from '../../domain/catalog/load';
import type { Catalog } from '../../domain/catalog/types';
import { emptyContacts, type ManagementCard } from '../../domain/documents';
import { exampleFinanceRow } from '../../domain/documents/test-fixtures';
import { seoulMinseon7Term } from '../../domain/term/load';
import { writeCatalogWorkbook } from '../catalog/catalog-workbook';
import { applyBaseline, exportBaseline } from './baseline';
import { dumpDatabase, enroll, makeCopy } from './bundle-test-support';
import { directVerifier } from './bundle-verify';
import { createHandlers } from './handlers';
import { exportEnrollment, importEnrollment } from './key-service';
import {
  cardDoc,
  cardFor,
  departmentSender,
  LEAD,
  sendConfirmedPlan,
  useOfficeHarness,
} from './test-support/office-harness';

/**
 * 부서 이관: 1-1-1, led by 경제진흥본부 (LEAD) for 2018-H2 and 2019-H1, moves to another department (NEW) from
 * 2019-H2 in a reorganisation. The office records the move in the 공약사업 목록 file's 부서 이관 sheet; each
 * half-year's documents stay the department's that had the project then.
 */

const h = useOfficeHarness();
const own = seoulMinseon7Catalog.projects.find((p) => p.id === '1-1-1');
if (own === undefined) throw new Error('seed');
const NEW =
  seoulMinseon7Catalog.projects.find(
    (p) => p.leadDepartment !== LEAD && !own.coDepartments.includes(p.leadDepartment),
  )?.leadDepartment ?? '';

/** Seoul's list with 1-1-1 moved to NEW after 2019-H1 (or without the record, when `recorded` is false). */
function movedListFile(recorded = true) {
  const catalog: Catalog = structuredClone(seoulMinseon7Catalog);
  catalog.version = '2019-07-01 조직개편';
  const project = catalog.projects.find((p) => p.id === '1-1-1');
  if (project === undefined) throw new Error('seed');
  project.leadDepartment = NEW;
  if (recorded)
    project.formerAssignments = [
      { through: '2019-H1', leadDepartment: LEAD, coDepartments: [...own!.coDepartments] },
    ];
  return {
    name: '조직개편.xlsx',
    dataBase64: writeCatalogWorkbook(catalog, seoulMinseon7Term).toString('base64'),
  };
}

const statusOf = (
  view: Awaited<ReturnType<ReturnType<typeof createHandlers>['getOfficeReport']>>,
  department: string,
) => view.report.statusTables.byDepartment.find((r) => r.key === department)?.counts;
const owedCards = (
  view: Awaited<ReturnType<ReturnType<typeof createHandlers>['getOfficeReport']>>,
  department: string,
) =>
  view.report.submissions.departments
    .find((d) => d.department === department)
    ?.items.filter((i) => i.kind === 'managementCard' && i.projectId === '1-1-1') ?? [];

describe('부서 이관 (a project moved to another lead mid-term)', () => {
  it('keeps each half-year with the department that had it, and hands the next one to the new lead', async () => {
    const newCopy = await makeCopy(h.dir.path, 'new', { role: 'department', department: NEW });
    try {
      await enroll(h.office, newCopy);
      const handlers = createHandlers(h.office);
      const plan = await sendConfirmedPlan(h);
      expect(await h.send('2019-H1', [cardDoc(cardFor(plan, 'onTrack'))])).toBe('accepted');

      // Without the record the move is refused (LEAD's plan and 2019-H1 card would become NEW's), nothing stored.
      const before = await dumpDatabase(h.office);
      const unrecorded = await handlers.previewCatalogChange(movedListFile(false));
      expect(unrecorded.refusals).toHaveLength(1);
      expect(unrecorded.refusals[0]).toContain(`${LEAD}의 2019-H1 공약관리카드, 공약실천계획서`);
      await expect(
        handlers.applyCatalogChange({ ...movedListFile(false), currentVersion: unrecorded.currentVersion }),
      ).rejects.toMatchObject({ code: 'CATALOG_CHANGE_REFUSED' });
      expect(await dumpDatabase(h.office)).toEqual(before);

      // Recorded in the 부서 이관 sheet: shown, then taken.
      const file = movedListFile();
      const preview = await handlers.previewCatalogChange(file);
      expect(preview.refusals).toEqual([]);
      expect(preview.lines).toContain(`세부사업 1-1-1 주관부서: ${LEAD} → ${NEW}`);
      const coText = own.coDepartments.length > 0 ? ` (협조: ${own.coDepartments.join(', ')})` : '';
      expect(preview.lines).toContain(`세부사업 1-1-1 부서 이관 기록: (없음) → 2019-H1까지 ${LEAD}${coText}`);
      await handlers.applyCatalogChange({ ...file, currentVersion: preview.currentVersion });

      // NEW reports 2019-H2 with its own card; LEAD's card of 2019-H2 is refused, its 2019-H1 revision taken.
      // NEW has not named its people yet: the 담당자 list must not fall back on LEAD's plan.
      const newCard: ManagementCard = {
        ...cardFor(plan, 'partial'),
        department: NEW,
        periodId: '2019-H2',
        leadContacts: emptyContacts(),
      };
      // NEW's card carries LEAD's 2018-H2 city 집행 as corrected: 1,450.5 → 1,460.5.
      const unit = newCard.unitProjects[0]!;
      unit.executed = { ...unit.executed, city: { ...unit.executed.city, '2018-H2': 1460.5 } };
      const sendNew = departmentSender(h, newCopy, NEW);
      expect(await sendNew('2019-H2', [cardDoc(newCard, '2019-H2')])).toMatchObject({ status: 'accepted' });
      const lateLead = await h.sendResult('2019-H2', [cardDoc(cardFor(plan, 'completed'), '2019-H2')]);
      expect(lateLead.status).toBe('rejected');
      expect(lateLead.reason).toContain(`1-1-1의 2019-H2 주관부서는 ${NEW}입니다`);
      expect(await h.send('2019-H1', [cardDoc(cardFor(plan, 'continuing'))])).toBe('accepted');

      // 2019-H1 is LEAD's: its revised card counts, NEW owes nothing for it.
      const first = await handlers.getOfficeReport({ periodId: '2019-H1', today: '2019-07-20' });
      expect(statusOf(first, LEAD)?.continuing).toBe(1);
      expect(statusOf(first, NEW)?.partial ?? 0).toBe(0);
      expect(owedCards(first, LEAD)).toHaveLength(1);
      expect(owedCards(first, NEW)).toEqual([]);

      // 2019-H2 is NEW's: its card counts and is counted received, LEAD owes no card of 1-1-1.
      const second = await handlers.getOfficeReport({ periodId: '2019-H2', today: '2020-01-20' });
      expect(statusOf(second, NEW)?.partial).toBe(1);
      expect(owedCards(second, NEW)).toMatchObject([{ received: true }]);
      expect(owedCards(second, LEAD)).toEqual([]);
      expect(second.report.contacts.find((c) => c.projectId === '1-1-1' && c.role === 'lead')).toMatchObject({
        department: NEW,
        persons: [],
      });
      // In 2019-H1 the row is LEAD's, from its card.
      const leadRow = first.report.contacts.find((c) => c.projectId === '1-1-1' && c.role === 'lead');
      expect(leadRow?.department).toBe(LEAD);
      expect(leadRow?.persons.length).toBeGreaterThan(0);
      const row = second.report.finance.areas.flatMap((a) => a.rows).find((r) => r.projectId === '1-1-1');
      expect(row?.leadDepartment).toBe(NEW);
      // Compared with LEAD's card of the half-year before, the corrected 2018 집행 is red.
      expect(row?.changedFields).toContain('termExecuted.byYear.2018');
      // The plan LEAD sent stays confirmed; the list names the project's lead now (its plan book is NEW's).
      const plans = await handlers.listPlanConfirmations(undefined);
      expect(plans.find((p) => p.projectId === '1-1-1')).toMatchObject({
        state: 'confirmed',
        leadDepartment: NEW,
      });
      const book = await handlers.getConfirmedPlans({ department: NEW });
      expect(book.plans.map((p) => [p.projectId, p.department])).toContainEqual(['1-1-1', LEAD]);

      // The departments take the list with the next baseline package.
      // The package hands LEAD's last card of 1-1-1 (its 2019-H1 revision) over to NEW (인계).
      const exported = await exportBaseline(h.office);
      expect(exported.handoverCards).toBe(1);
      const baseline = readFileSync(exported.path);
      // LEAD's PC was writing 1-1-1's 2019-H2 재정집행현황 when the package came.
      await createHandlers(h.dept).saveDraft({
        kind: 'financeRow',
        projectId: '1-1-1',
        slot: '2019-H2',
        json: { ...exampleFinanceRow(), periodId: '2019-H2' },
        expectedVersion: null,
      });
      const applied = [];
      for (const copy of [h.dept, newCopy]) {
        await importEnrollment(copy, (await exportEnrollment(h.office)).text);
        applied.push(
          await applyBaseline(copy, { name: 'b.pledge', bytes: baseline }, { verifier: directVerifier }),
        );
      }
      expect(applied.map((a) => a.handoverCards)).toEqual([0, 1]);
      // LEAD is told where its project went, and that its draft of 2019-H2 can no longer be sent from there.
      expect(applied.map((a) => a.movedAway)).toEqual([
        [{ projectId: '1-1-1', projectName: own.name, fromPeriodId: '2019-H2', to: NEW, drafts: 1 }],
        [],
      ]);
      // NEW opens its first card on LEAD's confirmed plan, going on from LEAD's last card: its 이행 상황 and 집행
      // by half-year, under NEW's name and without LEAD's people.
      const ref = (slot: string) => ({ kind: 'managementCard' as const, projectId: '1-1-1', slot });
      const opened = await createHandlers(newCopy).openDocument(ref('2019-H2'));
      const lastOfLead = cardFor(plan, 'continuing');
      expect(opened.document).toMatchObject({
        kind: 'managementCard',
        department: NEW,
        periodId: '2019-H2',
        status: 'continuing',
        statusReason: lastOfLead.statusReason,
      });
      if (opened.document.kind !== 'managementCard') throw new Error('card');
      expect(opened.document.unitProjects.map((u) => u.executed)).toEqual(
        lastOfLead.unitProjects.map((u) => u.executed),
      );
      expect(opened.document.leadContacts.every((c) => c.name === '' && c.phone === '')).toBe(true);
      expect(opened.validation.errors.filter((e) => e.message.includes('실천계획서'))).toEqual([]);
      // NEW's desk lists LEAD's confirmed plan of 1-1-1 (the card waits for no plan of its own) and reads it only.
      const planRef = { kind: 'executionPlan' as const, projectId: '1-1-1', slot: 'plan' };
      const mine = await createHandlers(newCopy).listMyDocuments(undefined);
      expect(mine.filter((d) => d.ref.projectId === '1-1-1')).toMatchObject([
        { ref: planRef, department: LEAD, status: 'confirmed' },
      ]);
      // …and so does its deadline panel: 1-1-1's card waits for no plan, and NEW owes no plan for it.
      const desk = await createHandlers(newCopy).getDeadlines({ today: '2019-12-20' });
      expect(desk.projects.find((p) => p.projectId === '1-1-1')).toMatchObject({
        role: 'lead',
        planStatus: 'confirmed',
      });
      const led = desk.projects.filter((p) => p.role === 'lead').length;
      expect((desk.plan?.toWrite ?? 0) + (desk.plan?.waiting ?? 0)).toBe(led - 1);
      await expect(createHandlers(newCopy).openDocument(planRef)).resolves.toMatchObject({
        readOnly: true,
        status: 'confirmed',
        document: { kind: 'executionPlan', department: LEAD, projectId: '1-1-1' },
      });
      await expect(
        createHandlers(newCopy).saveDraft({
          ...planRef,
          json: { ...plan, department: NEW },
          expectedVersion: null,
        }),
      ).rejects.toMatchObject({ code: 'NOT_RESPONSIBLE' });
      await expect(createHandlers(newCopy).openDocument(ref('2019-H1'))).rejects.toMatchObject({
        code: 'NOT_RESPONSIBLE',
      });
      await expect(createHandlers(h.dept).openDocument(ref('2019-H1'))).resolves.toMatchObject({
        document: { department: LEAD },
      });
      await expect(createHandlers(h.dept).openDocument(ref('2019-H2'))).rejects.toMatchObject({
        code: 'NOT_RESPONSIBLE',
      });
    } finally {
      await newCopy.close();
    }
  });
});
