import type { CompletionRequestView } from '../../../../domain/api/contract';

/** A 완료 request as the office's report lists it: 1-1-1's, undecided, with `over` changed. */
export const completionRequest = (over: Partial<CompletionRequestView> = {}): CompletionRequestView => ({
  projectId: '1-1-1',
  department: '경제진흥본부',
  status: 'completed',
  evidence: '준공 및 개통 (2019.6.28)',
  evidenceFiles: [],
  cardBundleSha256: null,
  cardRevision: null,
  decision: null,
  decisionNote: null,
  decidedAt: null,
  decidedForPeriodId: null,
  supersededDecision: null,
  withdrawnDecision: null,
  ...over,
});
