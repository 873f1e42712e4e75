import { useEffect, useRef, useState } from 'react';
import { REJECTION_NOTE_MESSAGE, type OfficeReportView } from '../../../domain/api/contract';
import type { Catalog } from '../../../domain/catalog/types';
import { CARD_STATUS_LABELS, periodLabel } from '../../../domain/documents';
import { api } from '../api/client';
import { onEscape } from '../components/on-escape';
import { CompletionCriteria } from '../components/CompletionCriteria';
import { OutcomeMessage, useDecision } from './decision-outcome';
import { AttachmentFiles } from './AttachmentFiles';
import { CardViewButton } from './CardView';
import { formatKoreanDateTime } from './format';

/**
 * Why a request decided before waits again: the decision was made on an earlier revision of the card, and the
 * department has sent the card again since (the decision stays in the history).
 */
function supersededNote(r: CompletionRequest): string {
  const earlier = r.supersededDecision;
  if (earlier === null) return '';
  const decided = earlier.cardRevision === null ? '이전 회차' : `r${earlier.cardRevision}`;
  const sent = r.cardRevision === null ? '' : ` r${r.cardRevision}로`;
  const what = earlier.decision === 'accepted' ? '승인' : '반려';
  const note = earlier.note ? `: ${earlier.note}` : '';
  return `${decided} 카드에 대한 ${what}${note} · ${formatKoreanDateTime(earlier.decidedAt)} — 그 뒤${sent} 다시 보낸 카드는 아직 결정하지 않았습니다`;
}

type CompletionRequest = OfficeReportView['completionRequests'][number];

const decisionLabel = (decision: 'accepted' | 'rejected'): string =>
  decision === 'accepted' ? '승인' : '반려';

/** A decision taken back (결정 취소) since: what it was, and when it was withdrawn (both stay in the history). */
function withdrawnNote(r: CompletionRequest): string {
  const w = r.withdrawnDecision;
  if (w === null) return '';
  const what =
    w.decision === null
      ? '결정'
      : `${decisionLabel(w.decision)}${w.note ? `: ${w.note}` : ''}${
          w.decidedAt === null ? '' : ` · ${formatKoreanDateTime(w.decidedAt)}`
        }`;
  const why = w.withdrawalNote ? ` (${w.withdrawalNote})` : '';
  return `${what} — ${formatKoreanDateTime(w.withdrawnAt)}에 결정 취소${why}`;
}

/**
 * 결정 취소 (미결정으로): takes the half-year's own decision back, asked first (a mistaken 승인 is a single
 * click; its undoing is not). The question starts on its cancel button, and Escape answers it so.
 */
function WithdrawDecision({
  request,
  busy,
  onWithdraw,
}: {
  request: CompletionRequest;
  busy: boolean;
  onWithdraw: () => void;
}) {
  const [asking, setAsking] = useState(false);
  const [returnFocus, setReturnFocus] = useState(false);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const openButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) cancelButton.current?.focus();
    else if (returnFocus) {
      openButton.current?.focus();
      setReturnFocus(false);
    }
  }, [asking, returnFocus]);
  const cancel = () => {
    setAsking(false);
    setReturnFocus(true);
  };
  if (request.decision === null) return null;
  const id = `completion-${request.projectId}-withdraw`;
  return (
    <>
      <button
        ref={openButton}
        type="button"
        disabled={busy || asking}
        onClick={() => setAsking(true)}
        data-testid={id}
      >
        결정 취소 (미결정으로)
      </button>
      {asking && (
        <div
          className="confirm-box"
          role="alertdialog"
          aria-labelledby={`${id}-question`}
          data-testid={`${id}-confirm`}
          onKeyDown={onEscape(cancel)}
        >
          <p id={`${id}-question`}>
            {request.projectId} 완료 요청의 {decisionLabel(request.decision)} 결정을 취소하고 미결정으로
            돌립니다. 종합 현황에는 다시 &lsquo;완료 (결정 대기)&rsquo;로 집계되고, 다음 기준 자료부터{' '}
            {request.department}에 이 결정이 전해지지 않습니다. 취소한 기록(메모 포함)은 결정 이력에 남습니다.
          </p>
          <button
            type="button"
            disabled={busy}
            onClick={() => {
              setAsking(false);
              onWithdraw();
            }}
          >
            미결정으로 되돌리기
          </button>
          <button ref={cancelButton} type="button" disabled={busy} onClick={cancel}>
            그대로 두기
          </button>
        </div>
      )}
    </>
  );
}

/** 완료 요청: a department's 완료 status counts only once the office accepts it. */
export function CompletionSection({
  requests,
  periodId,
  catalog,
  onChanged,
}: {
  requests: OfficeReportView['completionRequests'];
  periodId: string;
  catalog: Catalog;
  onChanged: () => void;
}) {
  const { busy, outcome, run } = useDecision(onChanged);
  const [notes, setNotes] = useState<Record<string, string>>({});
  if (requests.length === 0) {
    return (
      <p className="hint" data-testid="completion-empty">
        이 반기에 완료 요청이 없습니다.
      </p>
    );
  }
  const decide = (projectId: string, decision: 'accepted' | 'rejected', cardBundleSha256: string | null) =>
    run(async () => {
      const note = notes[projectId] ?? '';
      if (decision === 'rejected' && note.trim() === '') {
        document.querySelector<HTMLInputElement>(`[aria-label="${projectId} 완료 요청 메모"]`)?.focus();
        throw new Error(`${projectId}: ${REJECTION_NOTE_MESSAGE}`);
      }
      // Recorded on the card shown: one the department sends after it asks the office again.
      await api.decideCompletion({
        projectId,
        periodId,
        decision,
        note,
        ...(cardBundleSha256 === null ? {} : { cardBundleSha256 }),
      });
      return `${projectId} 완료 요청을 ${decision === 'accepted' ? '승인' : '반려'}했습니다.`;
    });
  const withdraw = (projectId: string) =>
    run(async () => {
      const { withdrawn } = await api.withdrawCompletionDecision({
        projectId,
        periodId,
        note: notes[projectId] ?? '',
      });
      setNotes({ ...notes, [projectId]: '' });
      return `${projectId} 완료 요청의 ${decisionLabel(withdrawn)} 결정을 취소했습니다. 이 요청은 다시 결정 대기입니다.`;
    });
  return (
    <>
      <OutcomeMessage outcome={outcome} />
      <CompletionCriteria testId="completion-criteria" />
      <table className="office-table" data-testid="completion-table">
        <caption>완료 요청 ({periodLabel(periodId)})</caption>
        <thead>
          <tr>
            <th scope="col">관리번호</th>
            <th scope="col">공약사업명</th>
            <th scope="col">부서</th>
            <th scope="col">보고한 추진상황</th>
            <th scope="col">완료 근거</th>
            <th scope="col">결정</th>
            <th scope="col" className="screen-only">
              처리
            </th>
          </tr>
        </thead>
        <tbody>
          {requests.map((r) => (
            <tr key={`${r.projectId}-${r.department}`} data-testid={`completion-${r.projectId}`}>
              <td>{r.projectId}</td>
              <td className="text">{catalog.projects.find((p) => p.id === r.projectId)?.name ?? ''}</td>
              <td>{r.department}</td>
              <td data-testid={`completion-${r.projectId}-status`}>{CARD_STATUS_LABELS[r.status]}</td>
              <td className="text" data-testid={`completion-${r.projectId}-evidence`}>
                {r.evidence.trim() !== ''
                  ? r.evidence
                  : r.evidenceFiles.length === 0 && <span className="hint">(근거 없음)</span>}
                <AttachmentFiles
                  files={r.evidenceFiles}
                  label={`${r.projectId} 완료 근거자료`}
                  projectId={r.projectId}
                  testId={`completion-${r.projectId}-files`}
                />{' '}
                <CardViewButton projectId={r.projectId} department={r.department} periodId={periodId} />
              </td>
              <td data-testid={`completion-${r.projectId}-decision`} data-value={r.decision ?? 'open'}>
                {r.decision === 'accepted'
                  ? '승인'
                  : r.decision === 'rejected'
                    ? '반려 (정상추진으로 집계)'
                    : '미결정'}
                {r.decision === null && r.supersededDecision !== null && (
                  <span data-testid={`completion-${r.projectId}-superseded`}> ({supersededNote(r)})</span>
                )}
                {r.decision === null && r.withdrawnDecision !== null && (
                  <span data-testid={`completion-${r.projectId}-withdrawn`}> ({withdrawnNote(r)})</span>
                )}
                {r.decidedForPeriodId !== null && r.decidedForPeriodId !== periodId && (
                  <span data-testid={`completion-${r.projectId}-carried`}>
                    {' '}
                    ({periodLabel(r.decidedForPeriodId)}에 승인한 완료를 이어서 적용)
                  </span>
                )}
                {r.decidedAt !== null && (
                  <span className="hint">
                    {' '}
                    · {formatKoreanDateTime(r.decidedAt)}
                    {r.decisionNote ? ` · ${r.decisionNote}` : ''}
                    <span className="screen-only">
                      {r.decidedForPeriodId === periodId
                        ? ' (다시 결정하거나 결정을 취소할 수 있습니다)'
                        : ` (다시 결정할 수 있습니다; 결정 취소는 ${periodLabel(r.decidedForPeriodId ?? periodId)} 완료 요청에서)`}
                    </span>
                  </span>
                )}
              </td>
              <td className="screen-only">
                <div className="decision-controls">
                  <input
                    type="text"
                    value={notes[r.projectId] ?? ''}
                    onChange={(e) => setNotes({ ...notes, [r.projectId]: e.target.value })}
                    aria-label={`${r.projectId} 완료 요청 메모`}
                    placeholder="메모 (반려하면 사유)"
                  />
                  <button
                    type="button"
                    disabled={busy}
                    onClick={() => void decide(r.projectId, 'accepted', r.cardBundleSha256)}
                  >
                    승인
                  </button>
                  <button
                    type="button"
                    disabled={busy}
                    onClick={() => void decide(r.projectId, 'rejected', r.cardBundleSha256)}
                  >
                    반려
                  </button>
                  {r.decidedForPeriodId === periodId && (
                    <WithdrawDecision request={r} busy={busy} onWithdraw={() => void withdraw(r.projectId)} />
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
