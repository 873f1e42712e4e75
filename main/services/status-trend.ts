import type { ReportRequest, StatusTrend, StatusTrendRow } from '../../domain/api/contract';
import { listPeriods } from '../../domain/term/periods';
import type { AppContext } from './context';
import { currentStatusTables, currentStatusTrend } from './office-report-cache';
import { loadTerm } from './reference';

/**
 * 이행 추이: for each half-year of the term up to the one asked, the status counts of that half-year's own
 * 종합 현황 — its report's status tables where the report is kept (the half-year on screen), else the same tables
 * counted on their own from the same cards and decisions (officeStatusTables, no other table built), so a trend
 * never disagrees with the tables it sums up. Built one half-year after the other (each on its own read snapshot, so an import waits for
 * one half-year at most), and kept until the data changes.
 */
export async function statusTrend(
  ctx: AppContext,
  request: ReportRequest & { today: string },
): Promise<StatusTrend> {
  // A comparison is no part of a trend: the same trend whichever half-year the screen compares with.
  const asked = {
    periodId: request.periodId,
    today: request.today,
    ...(request.executionRateThreshold === undefined
      ? {}
      : { executionRateThreshold: request.executionRateThreshold }),
  };
  return currentStatusTrend(ctx.db, asked, () => buildTrend(ctx, asked));
}

async function buildTrend(ctx: AppContext, request: ReportRequest & { today: string }): Promise<StatusTrend> {
  const requestFor = (periodId: string) => ({
    periodId,
    today: request.today,
    ...(request.executionRateThreshold === undefined
      ? {}
      : { executionRateThreshold: request.executionRateThreshold }),
  });
  // The half-year asked first: one outside the term is refused as its report refuses it.
  const askedTables = await currentStatusTables(ctx.db, requestFor(request.periodId));
  const term = await loadTerm(ctx.db);
  const periods = listPeriods(term).filter((p) => p.id <= request.periodId);
  const rows: StatusTrendRow[] = [];
  for (const period of periods) {
    const tables =
      period.id === request.periodId ? askedTables : await currentStatusTables(ctx.db, requestFor(period.id));
    rows.push({
      periodId: period.id,
      label: period.label,
      beforeDue: tables.beforeDue,
      total: tables.total,
      byArea: tables.byArea,
    });
  }
  return { periodId: request.periodId, rows };
}
