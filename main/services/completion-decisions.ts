import type { OfficeDecision } from '../../db/office-decisions';

/**
 * The office's decision on a project's 완료 as a half-year's card reports it. A decision is recorded for the
 * half-year it was asked in (subject `projectId:periodId`); a 완료 the office accepted stays accepted in later
 * half-years whose cards still report 완료, so the office is not asked to decide it again every half-year. A
 * rejection holds only for its own half-year: reporting 완료 again later is a new request.
 */
export interface CompletionDecision extends OfficeDecision {
  /** The half-year the decision was made for: the card's own, or an earlier one whose acceptance carries over. */
  decidedForPeriodId: string;
}

export type CompletionDecisionOf = (projectId: string, periodId: string) => CompletionDecision | undefined;

/** Looks decisions up by project and half-year, from the latest decision per subject (latestDecisions). */
export function completionDecisions(latest: ReadonlyMap<string, OfficeDecision>): CompletionDecisionOf {
  const byProject = new Map<string, OfficeDecision[]>();
  for (const d of latest.values()) {
    const list = byProject.get(d.projectId);
    if (list === undefined) byProject.set(d.projectId, [d]);
    else list.push(d);
  }
  return (projectId, periodId) => {
    const own = latest.get(`${projectId}:${periodId}`);
    if (own !== undefined) return { ...own, decidedForPeriodId: periodId };
    // The latest earlier half-year decided: carried over only when it accepted the 완료.
    let earlier: OfficeDecision | undefined;
    for (const d of byProject.get(projectId) ?? []) {
      if (d.periodId < periodId && (earlier === undefined || d.periodId > earlier.periodId)) earlier = d;
    }
    return earlier?.decision === 'accepted'
      ? { ...earlier, decidedForPeriodId: earlier.periodId }
      : undefined;
  };
}
