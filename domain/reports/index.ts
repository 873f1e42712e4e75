// The planning office's consolidated report (status tables, 붙임5, submissions, lagging projects, …).
export * from './types';
export { buildOfficeReport, buildStatusTablesOnly } from './build-report';
export { contactsToCall, contactText, contactToCall, type ContactsToCall } from './contacts';
export {
  REPORT_STATUSES,
  REPORT_STATUS_LABELS,
  NOT_YET_DUE_LABEL,
  notSubmittedLabel,
  reportStatusLabel,
  completionRate,
  COMPLETION_RATE_DEFINITION,
} from './status-tables';
export { sumFinanceAmounts, departmentOrder } from './finance-table';
export { financeColumns, type FinanceColumn } from './finance-columns';
export { financeFieldLabel } from './finance-labels';
export {
  LAGGING_REASON_LABELS,
  laggingReasonsText,
  COMPARISON_CHANGE_LABELS,
  statusTrendLabel,
  comparisonChangesText,
  missedMilestoneText,
  comparedPeriodLabel,
  UNDECIDED_LABEL,
  undecidedCompletionNote,
  participationSourcesNote,
  PLAN_WAIT_LABELS,
  planWaitSummary,
  financeStatusLabel,
  reportTitle,
  undecidedSummary,
  publicExportCaution,
  withoutConfirmedPlanNote,
  missingCardFinanceNote,
  FINANCE_ROW_MISSING_LABEL,
  financeRowMissingText,
  securedUnreported,
  financeNoteText,
  missingFinanceRowNote,
  quarantineLabel,
  daysLeftLabel,
  submissionStateLabel,
  submissionTimelinessLabel,
  beforeDueNote,
  dueDateText,
} from './labels';
export { departmentsAsked, missingNoticeText, planWaitOfficeNote } from './missing-notice';
export {
  plannedSoFar,
  DEFAULT_EXECUTION_RATE_THRESHOLD,
  EXECUTION_RATE_DEFINITION,
  LAGGING_DEFINITION,
} from './lagging';
export { isBeforeDue, localDateOf, localDateTimeOf } from './submissions';
export { cardExecuted, cardPlannedTotal } from './comparison';
export { reportTotals } from './totals-cache';
