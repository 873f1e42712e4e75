import type { Catalog } from '../catalog/types';
import type {
  CardStatus,
  DocumentTotals,
  ChangeRequest,
  ChangeRow,
  ContactPosition,
  DecisionEntry,
  DecisionStatus,
  Document,
  ExecutionPlan,
  FinanceRow,
  FinanceTableRow,
  FundingSource,
  ManagementCard,
  ParticipationCountKey,
} from '../documents';
import type { Term } from '../term/types';
import type { ReportMemo } from './report-memo';

/**
 * The planning office's consolidated report (총괄부서): input is an explicit snapshot of what the office holds for
 * one half-year, output plain JSON (`pledge report --json` prints it; the workbook and the public report render it).
 */

/** One signed bundle received from a department, as recorded by the office. */
export interface SubmissionRecord {
  department: string;
  /** The half-year the bundle reports on. */
  periodId: string;
  bundleSha256: string;
  /**
   * When the office received it: ISO date-time with offset ("2019-07-15T18:00:00+09:00") or a plain date (the
   * 접수일 the office gave at the import, see `importedAt`).
   */
  receivedAt: string;
  /**
   * Only when the office gave the date it received the file (접수일) at an import later than that: when the file
   * was imported (ISO). `receivedAt` is then that date, which lateness counts from.
   */
  importedAt?: string;
  /** When the department created the bundle (ISO), as stated in its manifest. */
  createdAt: string;
  /** The department's revision number of the bundle for this period (1, 2, …). */
  revision: number;
  /** `quarantined`: the signature did not verify; its documents do not count as received. */
  signature: 'valid' | 'quarantined';
  /** Why a quarantined bundle waits: the state of its key in the office's registry now. */
  quarantineReason?: QuarantineReason;
  documents: { kind: Document['kind']; projectId: string }[];
}

/**
 * Why a bundle is quarantined, from its key's state in the office's registry: never registered (the department
 * must send its key file first), registered and not yet approved (the office approves it), revoked, or replaced by
 * a key rotation (retired: a file it signed after the rotation).
 */
export type QuarantineReason = 'unregistered' | 'pending' | 'revoked' | 'retired' | 'other';

export interface ReportOptions {
  /** A project whose execution rate is below this ratio (0.3 = 30 %) is lagging. */
  executionRateThreshold: number;
  /** "YYYY-MM-DD": what "overdue" is measured against. */
  today: string;
  /** Offset of the office's local time from UTC, for the date a bundle arrived (default 540 = KST). */
  utcOffsetMinutes?: number;
}

export interface ReportInput {
  catalog: Catalog;
  term: Term;
  /** The half-year reported, "2019-H1". */
  periodId: string;
  /** Confirmed plans, one per project; plans in another lifecycle are ignored with a warning. */
  plans: ExecutionPlan[];
  /**
   * Projects whose 실천계획서 the office has received from an accepted file (confirmed or not): a lead's items of a
   * project with no confirmed plan wait for the office's 확정 when it is here, for the department's plan when not
   * (DueItem.planWait). Without it, every project with no confirmed plan counts as its plan not received.
   */
  receivedPlanProjects?: readonly string[];
  /**
   * Per project, the first confirmed version of its plan: 붙임5's 초기계획 ("최초 공약실천계획의 총계") for every
   * half-year. A project not here (or no map) takes 초기계획 from its plan in `plans`.
   */
  initialPlans?: ReadonlyMap<string, ExecutionPlan> | undefined;
  /** Cards of this half-year: the lead department's (status, results) and optionally co-departments' (their 집행). */
  cards: ManagementCard[];
  /**
   * Cards of the half-year compared with (default: the one before `periodId`), with the office's decisions for that
   * half-year applied as for `cards`: the comparison starts from what that half-year's report shows.
   */
  previousCards?: ManagementCard[];
  previousPeriodId?: string;
  /**
   * Cards of the half-year just before `periodId` (what was "기 작성" when this half-year's cards were written): 붙임5
   * marks red a past half-year's 집행 a card changed since. When not given, `previousCards` serve if they are of
   * that half-year.
   */
  priorCards?: ManagementCard[];
  /**
   * 시민참여 실적 as last reported: for a project whose lead sent no card of this half-year nor of the one just
   * before, its lead's latest card of an earlier half-year (the lead of that half-year). Cards of other departments,
   * of the half-year just before or later are ignored; of several, the latest half-year's counts.
   */
  earlierCards?: ManagementCard[];
  /** 확보내역 rows of this half-year, lead and co-departments. */
  financeRows: FinanceRow[];
  /**
   * Co-departments' rows of the half-year just before `periodId`: 붙임5 marks red a past year's 집행 a co-department
   * changed since (as `priorCards` do for the lead's). Rows of other half-years or of a project's lead are ignored.
   */
  priorFinanceRows?: FinanceRow[];
  /**
   * Finance rows of the half-year compared with (`previousCards`' half-year): the comparison's 집행 of a shared
   * project adds each co-department's, as that half-year's 붙임5 does. When not given, `priorFinanceRows` serve if
   * they are of that half-year (the comparison with the half-year just before).
   */
  previousFinanceRows?: FinanceRow[];
  /** Each project's 붙임5 row as first reported (the red marking compares against it). */
  firstReported: FinanceTableRow[];
  /**
   * Projects whose documents for the half-year were sent once (the first report is the current one): reported,
   * nothing changed, so no first row is needed for them.
   */
  firstReportedSameAsCurrent?: ReadonlySet<string> | undefined;
  submissions: SubmissionRecord[];
  /** With their decision history; only approved ones enter the change history. */
  changeRequests: ChangeRequest[];
  options: ReportOptions;
  /**
   * Totals of these documents already computed by the caller (reportTotals over the term's budget years and
   * half-years), e.g. while deriving `firstReported` from the same documents; the report reuses them.
   */
  totals?: DocumentTotals | undefined;
  /**
   * Per-project parts of earlier reports from the same documents, reused where nothing they depend on changed
   * (createReportMemo; the office keeps one per database). Without it every part is computed.
   */
  memo?: ReportMemo | undefined;
  /**
   * Projects whose lead department reports 완료 or 이행 후 계속 추진 for the half-year (asksCompletion) and whose
   * request the office has not decided yet: they count as reported until decided, and the tables say how many
   * wait (completedUndecided, continuingUndecided).
   */
  completionUndecided?: ReadonlySet<string> | undefined;
  /**
   * Lead departments' cards the office excluded (a 확정 항목 conflict decided '카드 제외'), as
   * `${projectId}|${department}`: 제출 현황 lists them as still owed, marked excluded, until a new card counts.
   */
  excludedCards?: ReadonlySet<string> | undefined;
  /**
   * The half-year's cards held to a plan other than the current confirmed one (the plan in force when the half-year
   * ended: a plan confirmed again, or a change approved, after it), that plan, as `${projectId}|${department}`:
   * 부진 사업's missed milestones read its schedule. A card not named here is held to the current plan.
   */
  plansHeldTo?: ReadonlyMap<string, ExecutionPlan> | undefined;
}

// -------------------------------------------------------------------------------------------------------------
// Output

/** A card status, or 미제출 (no card of the lead department for the half-year, or a card without a status). */
export type ReportStatus = CardStatus | 'notSubmitted';

export interface StatusTableRow {
  /** Area id ("1"), core pledge id ("1-1"), department name, or "total". */
  key: string;
  label: string;
  counts: Record<ReportStatus, number>;
  /** Projects of the group in the catalog. */
  total: number;
  /** (완료 + 이행 후 계속 추진) / total; null for an empty group. */
  completionRate: number | null;
  /** Of counts.completed, the projects whose 완료 request awaits the office's decision (결정 대기). */
  completedUndecided: number;
  /** Of counts.continuing, the projects whose 이행 후 계속 추진 awaits the office's decision (결정 대기). */
  continuingUndecided: number;
}

export interface StatusTables {
  /**
   * The half-year's due date has not passed (`today` ≤ due date): a project without a card is not yet owed, and
   * the 미제출 column is headed 미접수 (기한 전) (notSubmittedLabel). Its counts and the 완료율 are the same.
   */
  beforeDue: boolean;
  byArea: StatusTableRow[];
  byCorePledge: StatusTableRow[];
  byDepartment: StatusTableRow[];
  total: StatusTableRow;
}

/**
 * Every amount of a 붙임5 row, also the shape of subtotals and the grand total (백만원). `byYear` is per budget
 * year in the order of the report's `finance.budgetYears` (index i is budgetYears[i]).
 */
export interface FinanceAmounts {
  plannedTotal: { initial: number; current: number };
  secured: { total: number } & Record<FundingSource, number>;
  termPlan: { total: number; byYear: number[] };
  termExecuted: { total: number; byYear: number[] };
}

export interface ConsolidatedFinanceRow extends FinanceTableRow {
  areaId: number;
  corePledgeId: string;
  leadDepartment: string;
  /** Amount paths changed since first reported ("secured.city", "termExecuted.byYear.2019"): shown in red. */
  changedFields: string[];
  /** False when no first-reported row is known (this is the first report). */
  hasFirstReport: boolean;
  /**
   * The row's departments whose 재정집행현황 (확보내역) for the half-year has not arrived (the lead's when it sent its
   * card only; a co-department's known from its card only), lead first: their 확보 count as 0 in the row and the
   * sums, and the tables say they are 미접수 (FINANCE_ROW_MISSING_LABEL), not 0. Empty (or absent) when every one
   * arrived.
   */
  securedNotReceived?: string[];
}

export interface FinanceAreaBlock {
  areaId: number;
  areaName: string;
  rows: ConsolidatedFinanceRow[];
  subtotal: FinanceAmounts;
}

export interface FinanceReport {
  /** Budget-year columns of the form: key "2019", label "'19" / "'22.6월". */
  budgetYears: { key: string; label: string }[];
  areas: FinanceAreaBlock[];
  grandTotal: FinanceAmounts;
  rowCount: number;
  /** Projects whose 이행도 완료 or 이행 후 계속 추진 awaits the office's decision (shown "완료 (결정 대기)"). */
  completionUndecided: string[];
  /**
   * Projects that reported for the half-year (a card or a finance row) but have no confirmed plan: 붙임5 rows and
   * 집행률 are computed against the confirmed plan, so they are left out and named (catalog order).
   */
  withoutConfirmedPlan: string[];
  /**
   * Of those, the projects whose plan the office has received and not yet confirmed (set by the office's service,
   * which knows what arrived): the rest sent a card without ever sending a plan.
   */
  withoutConfirmedPlanReceived?: string[];
}

/**
 * Why a lead's card and finance row cannot be written yet: the department writes them only once the office has
 * confirmed the project's 실천계획서 (its desk says "실천계획서 확정 뒤 작성"). notReceived: the office has no plan
 * from it (the department sends its plan first); notConfirmed: the plan waits for the office's 실천계획 확정.
 */
export type PlanWait = 'notReceived' | 'notConfirmed';

export interface DueItem {
  kind: 'managementCard' | 'financeRow';
  projectId: string;
  /** The department leads the project (card + finance row due) or co-operates (finance row due). */
  role: 'lead' | 'co';
  /** A lead's item of a project whose plan the office has not confirmed (see PlanWait); null otherwise. */
  planWait: PlanWait | null;
  received: boolean;
  /** Earliest valid bundle containing it. */
  receivedAt: string | null;
  bundleSha256: string | null;
  /** Received on or before the due date (office local date). Null when not received. */
  onTime: boolean | null;
  /** Received, but the office excluded it (카드 제외): owed again, so not counted as received. */
  excluded: boolean;
}

export interface DepartmentSubmission {
  department: string;
  dueCount: number;
  receivedCount: number;
  lateCount: number;
  /** What is still owed; `excluded`: it arrived but the office excluded it (the department must send it again). */
  missing: { kind: DueItem['kind']; projectId: string; excluded: boolean; planWait: PlanWait | null }[];
  items: DueItem[];
  bundles: {
    bundleSha256: string;
    receivedAt: string;
    receivedDate: string;
    /** As in SubmissionRecord: set when `receivedAt` is the 접수일 the office gave, later than which it imported. */
    importedAt?: string;
    createdAt: string;
    revision: number;
    signature: 'valid' | 'quarantined';
    quarantineReason?: QuarantineReason;
    onTime: boolean;
    documentCount: number;
  }[];
  /** complete: all due received; partial; none: nothing received. */
  state: 'complete' | 'partial' | 'none';
  /** Something still missing after the due date (measured at `today`). */
  overdue: boolean;
  /**
   * 기한 내·지연 of the whole department: late when any item arrived after the due date; none (미제출) when
   * nothing arrived and the due date has passed; notYetDue when nothing arrived and it has not (기한 전, not late).
   */
  timeliness: SubmissionTimeliness;
  /** At least one bundle of this department was quarantined (signature failed). */
  hasQuarantined: boolean;
}

export type SubmissionTimeliness = 'onTime' | 'late' | 'none' | 'notYetDue';

export interface SubmissionsReport {
  periodId: string;
  dueDate: string;
  /** Why the due date is not the term's stated day (it fell on a day off), else null: see domain/term/working-days.ts. */
  dueDateMovedBecause: string | null;
  /** `today` ≤ the due date: what has not arrived can still arrive on time (a document received on the day is). */
  beforeDue: boolean;
  /** Whole days from `today` to the due date (D-n): 0 on the day, negative once it has passed. */
  daysLeft: number;
  departments: DepartmentSubmission[];
  summary: {
    departments: number;
    complete: number;
    partial: number;
    none: number;
    late: number;
    quarantinedBundles: number;
  };
}

/**
 * Why a project is in the lagging table: 일부추진·보류, 집행률 미달, 추진계획 대비 실적 없음, or 폐기 reported with no
 * approved 공약 조정 for the project (임의조정 불가: a pledge is dropped only through the citizens' panel).
 */
export type LaggingReason = 'status' | 'lowExecution' | 'missedMilestones' | 'droppedWithoutApproval';

export interface MissedMilestone {
  unitId: string;
  unitName: string;
  periodId: string;
  planned: string;
}

export interface LaggingProject {
  projectId: string;
  projectName: string;
  areaId: number;
  leadDepartment: string;
  status: ReportStatus;
  reasons: LaggingReason[];
  /** Executed / planned so far; null without a plan amount so far (비예산) or without a confirmed plan. */
  executionRate: number | null;
  plannedSoFar: number | null;
  executed: number | null;
  missedMilestones: MissedMilestone[];
}

export interface ParticipationReport {
  /**
   * Each project's counts as last reported (they are cumulative from the term's start), summed: the lead's card of
   * the half-year, else the one of the half-year just before, else the confirmed plan's (see buildParticipation).
   */
  totals: Record<ParticipationCountKey, number> & { total: number };
  byArea: {
    areaId: number;
    areaName: string;
    counts: Record<ParticipationCountKey, number> & { total: number };
  }[];
  /** Projects counted from the half-year's card. */
  cardCount: number;
  /** Projects without a card of the half-year, counted from the card of the half-year just before. */
  priorCardCount: number;
  /** Projects without either, counted from the lead's last card of an earlier half-year. */
  earlierCardCount: number;
  /** Projects with neither card, counted from the confirmed plan. */
  planCount: number;
  /** Projects with neither card nor a confirmed plan: nothing counted. */
  unreportedCount: number;
  /** Activities listed in what was counted. */
  activityCount: number;
}

export interface ApprovedChange {
  requestId: string;
  projectId: string;
  projectName: string;
  department: string;
  /** The department's 요청 date (its first '요청' step); null when the history has none. */
  requestedOn: string | null;
  approvedOn: string;
  approvedBy: string;
  reason: string;
  rows: ChangeRow[];
  /**
   * The request's 관련자료 (첨부): what each is ("전문가 검토의견") and its file, by SHA-256 and name, for the
   * office's screen to open. Not published: the public report and changes.csv leave them out.
   */
  evidence: ApprovedChangeEvidence[];
  decisionHistory: DecisionEntry[];
}

/** One 관련자료 of an approved request: the file named as the request names it. */
export interface ApprovedChangeEvidence {
  description: string;
  file: { sha256: string; name: string };
}

export interface ChangesReport {
  approved: ApprovedChange[];
  /** Requests by their current decision status (null: not yet submitted → "draft"). */
  countsByStatus: Record<DecisionStatus | 'draft', number>;
}

export type ComparisonChange = 'status' | 'executed' | 'plannedTotal' | 'results' | 'newCard' | 'cardMissing';

export interface ProjectComparison {
  projectId: string;
  projectName: string;
  leadDepartment: string;
  statusBefore: ReportStatus;
  statusAfter: ReportStatus;
  /** -1 better (closer to 완료), 0 same, 1 worse, null when either side has no status. */
  statusTrend: -1 | 0 | 1 | null;
  executedBefore: number | null;
  executedAfter: number | null;
  executedDelta: number | null;
  plannedBefore: number | null;
  plannedAfter: number | null;
  /** Unit results that are new or changed: "u1:2019-H1". */
  resultsChanged: string[];
  /** The same as the forms name them, in the same order: "단위사업명 · 2019년 상반기". */
  resultsChangedLabels: string[];
  changes: ComparisonChange[];
}

export interface ComparisonReport {
  fromPeriodId: string | null;
  toPeriodId: string;
  projects: ProjectComparison[];
  summary: { improved: number; worsened: number; unchanged: number; statusChanged: number; changed: number };
  /**
   * Projects whose 완료 or 이행 후 계속 추진 (the later half-year's) awaits the office's decision: shown "완료 (결정
   * 대기)".
   */
  completionUndecided: string[];
}

export interface StatusChartData {
  title: string;
  /** X axis: area labels. */
  categories: string[];
  series: { status: ReportStatus; label: string; values: number[] }[];
}

/** One project for the public report and overview sheets. */
export interface ProjectOverview {
  projectId: string;
  projectName: string;
  areaId: number;
  areaName: string;
  corePledgeId: string;
  corePledgeName: string;
  leadDepartment: string;
  coDepartments: string[];
  status: ReportStatus;
  statusLabel: string;
  /** Results of the half-year (or the latest earlier one) per unit project, from the lead card. */
  results: { unitName: string; periodId: string; text: string }[];
  /**
   * From the consolidated 붙임5 row; null without a confirmed plan. `secured` null when none of the row's
   * 재정집행현황 (확보내역) arrived (its 0 in 붙임5 is not a reported amount).
   */
  budget: { plannedTotal: number; secured: number | null; termPlan: number; executed: number } | null;
}

/** A 과장/팀장/담당 a document names (공약실명제), with a name or a phone written. */
export interface NamedContact {
  position: ContactPosition;
  /** 과장 / 팀장 / 담당. */
  positionLabel: string;
  /** The 과 or 팀 ("투자창업과"); may be empty. */
  unit: string;
  name: string;
  phone: string;
}

/** 담당자: one department's contacts for one project (see contacts.ts). */
export interface ContactRow {
  projectId: string;
  projectName: string;
  department: string;
  role: 'lead' | 'co';
  /** Empty when no document the office counts names anyone for this department. */
  persons: NamedContact[];
  /** Where they are written: "2020년 상반기 관리카드", "확정된 실천계획서"; empty with no persons. */
  source: string;
}

export interface OfficeReport {
  meta: {
    catalogId: string;
    catalogVersion: string;
    termId: string;
    /** "민선7기": the term's name, first in the report's title. */
    termName: string;
    periodId: string;
    periodLabel: string;
    dueDate: string;
    /** As in SubmissionsReport. */
    dueDateMovedBecause: string | null;
    today: string;
    executionRateThreshold: number;
    definitions: { completionRate: string; executionRate: string; lagging: string };
    /**
     * What still waits for the office's decision when the report was made (set by the office's service, which
     * knows the decisions): the tables may change once they are decided.
     */
    undecided?: Undecided;
  };
  statusTables: StatusTables;
  finance: FinanceReport;
  submissions: SubmissionsReport;
  lagging: LaggingProject[];
  participation: ParticipationReport;
  changes: ChangesReport;
  comparison: ComparisonReport;
  chart: StatusChartData;
  projects: ProjectOverview[];
  /** 담당자 (공약실명제): per project and department, whom the office phones. */
  contacts: ContactRow[];
  /** Inconsistencies in the input that the report skipped (unknown project, wrong period, duplicates). */
  warnings: string[];
}

/** What waits for the office's decision when a report is made: the tables may change once it is decided. */
export interface Undecided {
  conflicts: number;
  completionRequests: number;
  changeRequests: number;
  /** Received practice plans not yet confirmed (실천계획 확정): first plans and newer ones. */
  plansToConfirm?: number;
}
