import { conflictNoteRefusal, type Handlers, type ReportRequest } from '../../domain/api/contract';
import { asksCompletion, CARD_STATUS_LABELS } from '../../domain/documents';
import { findPeriod } from '../../domain/term/periods';
import { COMPLETION_RATE_DEFINITION } from '../../domain/reports';
import { packPublicReport, writePublicReport } from '../reports/public-report';
import { writeTrendWorkbook } from '../reports/trend-workbook';
import { writeReportWorkbook, XLSX_MEDIA_TYPE } from '../reports/workbook';
import { recordDecision, recordWithdrawal, type DecidedCard } from '../../db/office-decisions';
import { leadCardRowsOf, receivedCards } from './received-documents';
import type { AppContext } from './context';
import { confirmReceivedPlan, decideChangeRequest } from './office-decisions';
import { UserError } from './errors';
import { currentOfficeReport } from './office-report-cache';
import { confirmReceivedPlans, listPlanConfirmations } from './plan-confirmations';
import { projectDocuments } from './project-documents';
import { departmentCards, departmentPlans } from './department-documents';
import { localToday } from './local-today';
import { loadCatalog, loadTerm } from './reference';
import { defaultReportPeriod } from './report-period';
import { requireOffice } from './session';
import { statusTrend } from './status-trend';
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

    getStatusTrend: async (input) => {
      await requireOffice(ctx);
      return statusTrend(ctx, { ...input, today: input.today ?? today() });
    },

    exportTrendWorkbook: async (input) => {
      await requireOffice(ctx);
      const trend = await statusTrend(ctx, { ...input, today: input.today ?? today() });
      return {
        fileName: `공약이행추이_${input.periodId}.xlsx`,
        mediaType: XLSX_MEDIA_TYPE,
        dataBase64: writeTrendWorkbook(trend, COMPLETION_RATE_DEFINITION).toString('base64'),
      };
    },

    getProjectDocuments: async ({ projectId }) => {
      await requireOffice(ctx);
      const catalog = await loadCatalog(ctx.db);
      if (!catalog.projects.some((p) => p.id === projectId))
        throw new UserError('UNKNOWN_PROJECT', `공약사업 목록에 없는 사업입니다: ${projectId}`);
      return projectDocuments(ctx.db, catalog, projectId);
    },

    getDepartmentCards: async ({ periodId, department }) => {
      await requireOffice(ctx);
      return departmentCards(ctx.db, await loadCatalog(ctx.db), await loadTerm(ctx.db), periodId, department);
    },

    getConfirmedPlans: async ({ department }) => {
      await requireOffice(ctx);
      return departmentPlans(ctx.db, await loadCatalog(ctx.db), department);
    },

    getDataGeneration: async () => {
      await requireOffice(ctx);
      return { generation: await dataGeneration(ctx.db) };
    },

    exportReportWorkbook: async (input) => {
      const { report: built } = await report(input);
      return {
        fileName: `공약이행현황_${input.periodId}.xlsx`,
        mediaType: XLSX_MEDIA_TYPE,
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
      // A copy: the list is kept for the next report (see listPlanConfirmations).
      return [...(await listPlanConfirmations(ctx.db, await loadCatalog(ctx.db)))];
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
      // Only a conflict the half-year lists now is decided: a decision kept for one not listed (yet) would settle
      // it unseen when it came, or one the department's later card has already cleared.
      const listed = (await report({ periodId })).conflicts.find(
        (c) => c.key === key && c.projectId === projectId,
      );
      if (listed === undefined) {
        const half = findPeriod(await loadTerm(ctx.db), periodId)?.label ?? periodId;
        throw new UserError(
          'CONFLICT_NOT_LISTED',
          `${projectId}의 ${half} 충돌 목록에 이 충돌이 없습니다 (이미 해소되었거나 아직 생기지 않았습니다). 종합 현황을 새로 고친 뒤 다시 확인하세요.`,
        );
      }
      await recordDecision(
        ctx.db,
        {
          kind: 'conflict',
          subject: key,
          projectId,
          periodId,
          decision,
          note,
          // Decided on these differences: a card that differs otherwise waits for the office again.
          basis: listed.basis ?? null,
        },
        ctx.now(),
      );
      return { key, decision };
    },

    decideCompletion: async ({ projectId, periodId, decision, note, cardBundleSha256 }) => {
      await requireOffice(ctx);
      const subject = `${projectId}:${periodId}`;
      const card = await decidedCard(ctx, projectId, periodId, cardBundleSha256);
      await recordDecision(
        ctx.db,
        { kind: 'completion', subject, projectId, periodId, decision, note, card },
        ctx.now(),
      );
      return { projectId, decision };
    },

    withdrawCompletionDecision: async ({ projectId, periodId, note }) => {
      await requireOffice(ctx);
      // Only a decision the half-year's request shows as its own is taken back: none to take back (결정 대기, or
      // one made on an earlier revision of the card) is said, and an acceptance carried over from an earlier
      // half-year is that half-year's to take back.
      const shown = (await report({ periodId })).completionRequests.find((r) => r.projectId === projectId);
      const half = findPeriod(await loadTerm(ctx.db), periodId)?.label ?? periodId;
      if (shown === undefined || shown.decision === null) {
        throw new UserError(
          'COMPLETION_NOT_DECIDED',
          `${projectId}의 ${half} 완료 요청에는 취소할 결정이 없습니다 (이미 결정 대기입니다). 종합 현황을 새로 고친 뒤 다시 확인하세요.`,
        );
      }
      if (shown.decidedForPeriodId !== periodId) {
        const from = findPeriod(await loadTerm(ctx.db), shown.decidedForPeriodId ?? '')?.label;
        throw new UserError(
          'COMPLETION_DECIDED_EARLIER',
          `${projectId}의 ${half} 완료는 ${from ?? '이전 반기'}에 승인한 결정을 이어서 적용한 것입니다. 그 반기의 완료 요청에서 결정을 취소하세요.`,
        );
      }
      await recordWithdrawal(
        ctx.db,
        { subject: `${projectId}:${periodId}`, projectId, periodId, note },
        ctx.now(),
      );
      return { projectId, withdrawn: shown.decision };
    },

    decideChangeRequest: async (input) => {
      await requireOffice(ctx);
      return decideChangeRequest(ctx.db, input, ctx.now());
    },
  } satisfies Partial<Handlers>;
};

/**
 * The card a 완료 decision is made on: the one the office was shown (its bundle, from the request), else the lead
 * department's current card for the half-year. A later revision the department sends is then told apart from it
 * (completion-decisions.ts). Only a card that reports 완료 is a request to decide: a decision without one would
 * hold for whatever 완료 card came later, unseen by the office, so it is refused and nothing is recorded.
 */
async function decidedCard(
  ctx: AppContext,
  projectId: string,
  periodId: string,
  shown: string | undefined,
): Promise<DecidedCard> {
  const rows =
    (await leadCardRowsOf(ctx.db, await loadCatalog(ctx.db), periodId, new Set([projectId]))).get(
      projectId,
    ) ?? [];
  const row = shown === undefined ? rows.at(-1) : rows.find((r) => r.bundle_sha256 === shown);
  if (row === undefined && shown !== undefined) {
    const message = `${projectId}의 ${periodId} 관리카드를 실은 제출 파일(SHA-256 ${shown.slice(0, 12)}…)을 찾지 못했습니다. 종합 현황을 새로 고친 뒤 다시 결정하세요.`;
    throw new UserError('COMPLETION_CARD_NOT_FOUND', message, { cardBundleSha256: message });
  }
  const half = findPeriod(await loadTerm(ctx.db), periodId)?.label ?? periodId;
  if (row === undefined) {
    const message = `${projectId}의 ${half} 관리카드를 주관부서에서 받지 않아 완료를 결정할 수 없습니다.`;
    throw new UserError('COMPLETION_NOT_REQUESTED', message);
  }
  const [card] = await receivedCards(ctx.db, [row]);
  if (!asksCompletion(card?.status)) {
    const status = card?.status == null ? '' : ` (추진상황: ${CARD_STATUS_LABELS[card.status]})`;
    const message = `${projectId}의 ${half} 관리카드는 완료나 이행 후 계속 추진을 보고하지 않았습니다${status}. 종합 현황을 새로 고친 뒤 다시 확인하세요.`;
    throw new UserError('COMPLETION_NOT_REQUESTED', message);
  }
  return { bundleSha256: row.bundle_sha256, revision: row.revision };
}
