import { buildChanges } from './changes';
import { buildComparison } from './comparison';
import { buildContacts } from './contacts';
import { buildContext } from './context';
import { buildFinanceReport } from './finance-table';
import { buildLagging, EXECUTION_RATE_DEFINITION, LAGGING_DEFINITION } from './lagging';
import { buildParticipation } from './participation';
import { buildProjectOverviews } from './project-overview';
import {
  buildStatusChart,
  buildStatusTables,
  COMPLETION_RATE_DEFINITION,
  projectStatuses,
} from './status-tables';
import { buildSubmissionsReport } from './submissions';
import type { OfficeReport, ReportInput, StatusTables } from './types';

/**
 * Everything the planning office produces for a half-year, from an explicit snapshot (no database): status tables,
 * the consolidated 붙임5, submissions, lagging projects, participation, approved changes, a comparison with the
 * previous half-year and a chart dataset. Pure; linear in the number of projects and documents.
 */
export function buildOfficeReport(input: ReportInput): OfficeReport {
  const ctx = buildContext(input);
  const statuses = projectStatuses(ctx);
  const statusTables = buildStatusTables(ctx, statuses);
  const { report: finance, rowsByProject } = buildFinanceReport(ctx);
  const submissions = buildSubmissionsReport(ctx);
  return {
    meta: {
      catalogId: input.catalog.id,
      catalogVersion: input.catalog.version,
      termId: input.term.id,
      termName: input.term.name,
      periodId: ctx.period.id,
      periodLabel: ctx.period.label,
      dueDate: ctx.period.dueDate,
      dueDateMovedBecause: ctx.period.dueDateMovedBecause,
      today: input.options.today,
      executionRateThreshold: input.options.executionRateThreshold,
      definitions: {
        completionRate: COMPLETION_RATE_DEFINITION,
        executionRate: EXECUTION_RATE_DEFINITION,
        lagging: LAGGING_DEFINITION,
      },
    },
    statusTables,
    finance,
    submissions,
    lagging: buildLagging(ctx, statuses, rowsByProject),
    participation: buildParticipation(ctx),
    changes: buildChanges(ctx),
    comparison: buildComparison(ctx, rowsByProject),
    chart: buildStatusChart(statusTables),
    projects: buildProjectOverviews(ctx, statuses, rowsByProject),
    contacts: buildContacts(ctx),
    warnings: ctx.warnings,
  };
}

/**
 * The report's status tables alone, as buildOfficeReport computes them from the same input: they read only the
 * catalog, the half-year's cards and the 완료 requests waiting (이행 추이 needs nothing else of a half-year).
 */
export function buildStatusTablesOnly(input: ReportInput): StatusTables {
  const ctx = buildContext(input);
  return buildStatusTables(ctx, projectStatuses(ctx));
}
