import type { ReportRequest, StatusTrend, StatusTrendRow } from '../../domain/api/contract';
import { listPeriods } from '../../domain/term/periods';
import type { AppContext } from './context';
import { currentOfficeReport, currentStatusTrend } from './office-report-cache';
import { loadTerm } from './reference';

/**
 * 이행 추이: for each half-year of the term up to the one asked, the status counts of that half-year's own
 * 종합 현황 — the same report the screen shows for it (kept between requests while nothing changes), so a trend
 * never disagrees with the tables it sums up. Built one half-year after the other, and kept until the data changes.
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
  const reportOf = (periodId: string) =>
    currentOfficeReport(ctx.db, {
      periodId,
      today: request.today,
      ...(request.executionRateThreshold === undefined
        ? {}
        : { executionRateThreshold: request.executionRateThreshold }),
    });
  // The half-year asked first: one outside the term is refused as the report refuses it (and it is kept).
  await reportOf(request.periodId);
  const term = await loadTerm(ctx.db);
  const periods = listPeriods(term).filter((p) => p.id <= request.periodId);
  const rows: StatusTrendRow[] = [];
  for (const period of periods) {
    const view = await reportOf(period.id);
    const tables = view.report.statusTables;
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
