import type { Kysely } from 'kysely';
import { catalogAt } from '../../domain/catalog/assignments';
import type { Catalog } from '../../domain/catalog/types';
import {
  buildStatusTablesOnly,
  DEFAULT_EXECUTION_RATE_THRESHOLD,
  type StatusTables,
} from '../../domain/reports';
import type { Term } from '../../domain/term/types';
import { latestDecisions, latestDecisionsAndWithdrawals } from '../../db/office-decisions';
import type { Database } from '../../db/schema';
import { completionDecisionsFor } from './completion-decisions';
import { plansInForce } from './frozen-conflicts';
import { checkPeriodsInTerm, decidedInput, type ReportRequest } from './office-report';
import { buildStatusInput } from './office-snapshot';

/**
 * One half-year's 추진상황 (its status tables) without the rest of its 종합 현황: the half-year's cards with the
 * office's decisions applied as officeReport applies them (decidedInput: a card excluded by a rejected 확정 항목
 * conflict leaves, a rejected 완료 reverts, a 완료 not decided yet waits), counted by the report's own
 * buildStatusTablesOnly. Its finance rows, the other half-years' cards and the other tables are not read: 이행 추이
 * asks this of every half-year of the term.
 */
export async function officeStatusTables(
  db: Kysely<Database>,
  ownCatalog: Catalog,
  term: Term,
  request: ReportRequest,
): Promise<StatusTables> {
  checkPeriodsInTerm(term, request);
  const catalog = catalogAt(ownCatalog, request.periodId);
  const conflictDecisions = await latestDecisions(db, 'conflict');
  const raw = await buildStatusInput(db, catalog, term, request.periodId, {
    executionRateThreshold: request.executionRateThreshold ?? DEFAULT_EXECUTION_RATE_THRESHOLD,
    today: request.today,
  });
  const { latest } = await latestDecisionsAndWithdrawals(db, 'completion');
  const completion = await completionDecisionsFor(db, catalog, term, latest, raw.cards);
  const heldTo = await plansInForce(db, term, raw.plans, raw.cards);
  // Held bundles (같은 회차) only add to the conflicts listed; they change no card counted.
  const { input } = decidedInput(raw, completion.decisionOf, conflictDecisions, [], heldTo);
  return buildStatusTablesOnly(input);
}
