import { conflictNoteRefusal, type Handlers, type ReportRequest } from '../../domain/api/contract';
import { packPublicReport, writePublicReport } from '../reports/public-report';
import { writeReportWorkbook } from '../reports/workbook';
import { recordDecision } from '../../db/office-decisions';
import type { AppContext } from './context';
import { confirmReceivedPlan, decideChangeRequest } from './office-decisions';
import { UserError } from './errors';
import { currentOfficeReport } from './office-report-cache';
import { confirmReceivedPlans, listPlanConfirmations } from './plan-confirmations';
import { localToday } from './local-today';
import { loadCatalog, loadTerm } from './reference';
import { defaultReportPeriod } from './report-period';
import { requireOffice } from './session';
import { dataGeneration } from '../../db/data-generation';

export const officeHandlers = (ctx: AppContext) => {
  /** The report's "today" (meta.today): the KST date at the program's clock, which tests and training sessions can set. */
  const today = (): string => localToday(ctx.now());
  const report = async (request: ReportRequest) => {
    await requireOffice(ctx);
    return currentOfficeReport(ctx.db, { ...request, today: request.today ?? today() });
  };

  return {
    getDefaultReportPeriod: async () => {
      await requireOffice(ctx);
      return { periodId: await defaultReportPeriod(ctx.db, await loadTerm(ctx.db), today()) };
    },

    getOfficeReport: (input) => report(input),

    getDataGeneration: async () => {
      await requireOffice(ctx);
      return { generation: await dataGeneration(ctx.db) };
    },

    exportReportWorkbook: async (input) => {
      const { report: built } = await report(input);
      return {
        fileName: `공약이행현황_${input.periodId}.xlsx`,
        mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        dataBase64: writeReportWorkbook(built).toString('base64'),
      };
    },

    exportPublicReport: async (input) => {
      const { report: built } = await report(input);
      return {
        fileName: `공약이행_공개자료_${input.periodId}.zip`,
        mediaType: 'application/zip',
        dataBase64: (await packPublicReport(built)).toString('base64'),
      };
    },

    publishReport: async ({ outDir, ...request }) => {
      const { report: built } = await report(request);
      return { files: writePublicReport(built, outDir) };
    },

    confirmReceivedPlan: async ({ projectId }) => {
      await requireOffice(ctx);
      await confirmReceivedPlan(ctx.db, await loadCatalog(ctx.db), projectId, ctx.now());
      return { projectId };
    },

    listPlanConfirmations: async () => {
      await requireOffice(ctx);
      return listPlanConfirmations(ctx.db, await loadCatalog(ctx.db));
    },

    confirmReceivedPlans: async ({ projectIds }) => {
      await requireOffice(ctx);
      return confirmReceivedPlans(ctx.db, await loadCatalog(ctx.db), projectIds, ctx.now());
    },

    resolveConflict: async ({ key, projectId, periodId, decision, note }) => {
      await requireOffice(ctx);
      // 정책목표 and the other frozen fields cannot be changed at will: either decision keeps its reason.
      const refusal = conflictNoteRefusal(key, decision, note);
      if (refusal !== null) throw new UserError('CONFLICT_NOTE_REQUIRED', refusal, { note: refusal });
      await recordDecision(
        ctx.db,
        { kind: 'conflict', subject: key, projectId, periodId, decision, note },
        ctx.now(),
      );
      return { key, decision };
    },

    decideCompletion: async ({ projectId, periodId, decision, note }) => {
      await requireOffice(ctx);
      const subject = `${projectId}:${periodId}`;
      await recordDecision(
        ctx.db,
        { kind: 'completion', subject, projectId, periodId, decision, note },
        ctx.now(),
      );
      return { projectId, decision };
    },

    decideChangeRequest: async (input) => {
      await requireOffice(ctx);
      return decideChangeRequest(ctx.db, input, ctx.now());
    },
  } satisfies Partial<Handlers>;
};
