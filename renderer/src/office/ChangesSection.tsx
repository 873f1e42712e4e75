import { useEffect, useRef, useState } from 'react';
import {
  REJECTION_NOTE_MESSAGE,
  type OfficeReportView,
  type PlanChangePreview,
  type PlanChangeUnreadable,
} from '../../../domain/api/contract';
import {
  changeRequestSubject,
  currentDecisionStatus,
  DECISION_STATUS_LABELS,
  nextDecisionStatuses,
  requestedOn,
  type ChangeRequest,
  type DecisionStatus,
} from '../../../domain/documents';
import type { ChangesReport } from '../../../domain/reports';
import { api } from '../api/client';
import { onEscape } from '../components/on-escape';
import { StatusMessage } from '../components/StatusMessage';
import { AttachmentFiles } from './AttachmentFiles';
import { OutcomeMessage, type Outcome } from './decision-outcome';
import { testIdPart } from './format';
import { josa } from '../../../domain/text/josa';

/** 조정 내역: approved changes with their reasons, and requests still waiting for the next decision. */
export function ChangesSection({
  changes,
  pending,
  effects,
  today,
  onDecided,
}: {
  changes: ChangesReport;
  pending: ChangeRequest[];
  effects: OfficeReportView['pendingChangeEffects'];
  today: string;
  onDecided: (decided: ChangeRequest) => void;
}) {
  // Kept here, not in the request's item: an approved or rejected request leaves the pending list.
  const [outcome, setOutcome] = useState<Outcome>(null);
  const counts = Object.entries(changes.countsByStatus)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${s === 'draft' ? '작성 중' : DECISION_STATUS_LABELS[s as DecisionStatus]} ${n}`)
    .join(', ');
  return (
    <>
      <p className="office-legend" data-testid="changes-counts">
        조정 요청 현황: {counts || '없음'}
      </p>
      <div data-testid="change-outcome">
        <OutcomeMessage outcome={outcome} />
      </div>
      <h3>승인된 조정 내역</h3>
      {changes.approved.length === 0 ? (
        <p className="hint" data-testid="changes-approved-empty">
          승인된 조정 내역이 없습니다.
        </p>
      ) : (
        <table className="office-table" data-testid="changes-approved-table">
          <thead>
            <tr>
              <th scope="col">관리번호</th>
              <th scope="col">공약사업명</th>
              <th scope="col">부서</th>
              <th scope="col">승인일 (승인)</th>
              <th scope="col">변경 내용 (당초 → 변경)</th>
              <th scope="col">사유</th>
              <th scope="col">관련자료</th>
            </tr>
          </thead>
          <tbody>
            {changes.approved.map((c) => (
              <tr key={`${c.department}-${c.requestId}`} data-testid={`change-approved-${c.requestId}`}>
                <td>{c.projectId}</td>
                <td className="text">{c.projectName}</td>
                <td>{c.department}</td>
                <td>
                  {c.approvedOn} ({c.approvedBy})
                </td>
                <td className="text">
                  {c.rows.map((r, i) => (
                    <div key={i}>
                      <strong>{r.category}</strong>: {r.original} → {r.proposed}
                    </div>
                  ))}
                </td>
                <td className="text">{c.reason}</td>
                <td className="text" data-testid={`change-approved-${c.requestId}-evidence`}>
                  {c.evidence.length === 0 ? (
                    <span className="hint">없음</span>
                  ) : (
                    <AttachmentFiles
                      files={c.evidence.map((e) => ({ ...e.file, description: e.description }))}
                      label={`${c.projectId} 승인된 조정 관련자료`}
                      projectId={c.projectId}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>처리 중인 조정 요청</h3>
      {pending.length === 0 ? (
        <p className="hint" data-testid="changes-pending-empty">
          처리할 조정 요청이 없습니다.
        </p>
      ) : (
        <ul className="decision-list">
          {pending.map((r) => (
            <PendingChange
              key={`${r.department}-${r.requestId}`}
              request={r}
              preview={effects[`${r.department}|${r.requestId}`] ?? null}
              today={today}
              onOutcome={setOutcome}
              onDecided={onDecided}
            />
          ))}
        </ul>
      )}
    </>
  );
}

/** What choosing 승인 will do to the confirmed plan, shown before the office records it. */
function ApprovalPreview({ preview, id }: { preview: PlanChangePreview | null; id: string }) {
  if (preview === null) return null;
  if (!preview.planConfirmed) {
    return (
      <StatusMessage kind="error">
        이 사업의 확정된 실천계획서가 없어 승인을 기록할 수 없습니다. 먼저 &lsquo;실천계획 확정&rsquo;에서
        계획서를 확정하세요.
      </StatusMessage>
    );
  }
  if (preview.effects.length === 0 && preview.unreadable.length === 0) {
    return (
      <p className="hint" data-testid={`${id}-preview`}>
        이 요청의 구분은 확정된 실천계획서에 자동으로 반영되지 않습니다 ({APPLIED_CATEGORIES}만 반영).
        승인하면 조정 내역에 기록됩니다.
      </p>
    );
  }
  return (
    <div className="approval-preview" data-testid={`${id}-preview`}>
      {preview.effects.length > 0 && (
        <>
          <p data-testid={`${id}-preview-lead`}>
            승인하면 확정된 실천계획서가 이렇게 바뀝니다. 지금 진행 중인 반기부터의 관리카드는 바뀐 내용과,
            이미 끝난 반기의 관리카드는 그때의 계획과 비교합니다 (승인을 기록하는 때 기준):
          </p>
          <ul className="details">
            {preview.effects.map((e, i) => (
              <li key={i}>
                {e.label}: &lsquo;{e.current}&rsquo; → &lsquo;{e.proposed}&rsquo;
                {!e.originalMatches && (
                  <strong className="warn-text">
                    {' '}
                    — 요청서의 당초 내용이 지금 확정된 {josa(e.label, '과/와')} 다릅니다. 요청서를 확인한 뒤
                    승인하세요.
                  </strong>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {preview.unreadable.length > 0 && (
        <div className="warn-text" data-testid={`${id}-unreadable`}>
          <p>
            다음 행은 변경안을 읽을 수 없거나 계획서의 단위사업과 맞지 않아 승인해도 실천계획서에 반영되지
            않고 조정 내역에만 기록됩니다:
          </p>
          <ul className="details">
            {preview.unreadable.map((u) => (
              <li key={u.row}>{unreadableText(u)}</li>
            ))}
          </ul>
        </div>
      )}
      {preview.warnings.length > 0 && (
        <ul className="details warn-text" data-testid={`${id}-warnings`}>
          {preview.warnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      )}
      {preview.notApplied.length > 0 && (
        <p className="hint" data-testid={`${id}-not-applied`}>
          {notAppliedText(preview.notApplied)}
        </p>
      )}
    </div>
  );
}

/** The 구분 an approval writes into the confirmed plan. */
const APPLIED_CATEGORIES = '공약명·공약내용·단위사업·연차별 추진계획·사업기간·총사업비';

/** The rows an approval only records: said beside what it rewrites, so no one expects the plan to show them. */
const notAppliedText = (categories: readonly string[]): string =>
  `${josa(categories.join('·'), '은/는')} 확정된 실천계획서에 자동으로 반영되지 않고 조정 내역에만 기록됩니다 (${APPLIED_CATEGORIES}만 반영).`;

/** A row whose 변경안 cannot be read: which one, what it says, and why. */
const unreadableText = (u: PlanChangeUnreadable): string =>
  `변경 ${u.row} (${u.category}) '${u.proposed}': ${u.reason}`;

/** After an approval: what was recorded without being applied. */
const recordedOnlyText = (preview: PlanChangePreview): string =>
  [
    ...(preview.unreadable.length > 0
      ? [
          `${preview.unreadable.map(unreadableText).join('; ')} — 이 행은 실천계획서에 반영하지 않고 조정 내역에만 기록했습니다.`,
        ]
      : []),
    ...(preview.notApplied.length > 0 ? [notAppliedText(preview.notApplied)] : []),
  ]
    .map((text) => ` ${text}`)
    .join('');

/** The question before a final decision: what it changes, where it is published, and that it is final. */
function finalQuestion(
  request: ChangeRequest,
  subject: string,
  status: 'approved' | 'rejected',
  rewrites: PlanChangePreview['effects'],
): string {
  const head = `${request.projectId} ${subject} 요청을 ${josa(`'${DECISION_STATUS_LABELS[status]}'`, '으로/로')} 기록합니다.`;
  if (status === 'rejected')
    return `${head} 요청은 닫히고, 메모에 적은 반려 사유는 다음 기준 자료로 ${request.department}에 전해집니다. 기록한 뒤에는 바꿀 수 없습니다.`;
  const fields = [...new Set(rewrites.map((e) => e.label))].join('·');
  return `${head} ${
    fields === '' ? '' : `확정된 실천계획서의 ${josa(fields, '이/가')} 바뀌고, `
  }조정 내역과 공개 자료의 변경 목록에 실립니다. 기록한 뒤에는 되돌릴 수 없습니다.`;
}

/** The office's next step on one request: 검토중 / 승인 / 반려 with the date, who decided, and a note. */
function PendingChange({
  request,
  preview,
  today,
  onOutcome,
  onDecided,
}: {
  request: ChangeRequest;
  preview: PlanChangePreview | null;
  today: string;
  onOutcome: (outcome: Outcome) => void;
  onDecided: (decided: ChangeRequest) => void;
}) {
  const allowed = nextDecisionStatuses(request).filter(
    (s) => s === 'reviewing' || s === 'approved' || s === 'rejected',
  );
  // Only the step that decides nothing yet (검토중) is offered ready-made; 승인 and 반려 are final, so the box
  // starts empty when they are the choices and the office picks one.
  const ready = allowed[0] === 'reviewing' ? allowed[0] : '';
  const [chosen, setStatus] = useState<DecisionStatus | ''>(ready);
  // After a step is recorded (검토중) the choices are the next steps: the box shows, and records, one of them.
  const status: DecisionStatus | '' =
    chosen !== '' && (allowed as readonly DecisionStatus[]).includes(chosen) ? chosen : ready;
  // A final decision (승인 rewrites the confirmed plan and is published; 반려 closes the request) is asked first.
  const [asking, setAsking] = useState(false);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const recordButton = useRef<HTMLButtonElement>(null);
  // The question takes the focus on its 취소; answered with 취소 (or Escape), the focus goes back to 기록, once that
  // is enabled again.
  const [returnToRecord, setReturnToRecord] = useState(false);
  useEffect(() => {
    if (asking) cancelButton.current?.focus();
    else if (returnToRecord) {
      recordButton.current?.focus();
      setReturnToRecord(false);
    }
  }, [asking, returnToRecord]);
  const cancelAsking = () => {
    setAsking(false);
    setReturnToRecord(true);
  };
  const [date, setDate] = useState(today);
  const [by, setBy] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const current = currentDecisionStatus(request);
  const subject = changeRequestSubject(request);
  const requested = requestedOn(request);
  const id = `change-pending-${testIdPart(request.requestId)}`;
  const rewrites = preview?.effects ?? [];
  /** What is missing before the step can be recorded, with the field to focus; null when nothing is. */
  const missingField = (): { text: string; field: string } | null =>
    status === ''
      ? { text: '결정을 고르세요 (승인 또는 반려).', field: 'status' }
      : !/^\d{4}-\d{2}-\d{2}$/.test(date)
        ? { text: '결정한 날짜를 입력하세요.', field: 'date' }
        : by.trim() === ''
          ? { text: '결정한 사람(기관)을 입력하세요. 예: 시민공약평가단', field: 'by' }
          : status === 'rejected' && note.trim() === ''
            ? { text: REJECTION_NOTE_MESSAGE, field: 'note' }
            : null;
  /** 기록: a missing field is named (in Korean, focused; the browser's bubbles follow the OS language); a final
   * decision is asked first. */
  const ask = () => {
    const missing = missingField();
    if (missing !== null) {
      setOutcome({ kind: 'error', text: missing.text });
      document.getElementById(`${id}-${missing.field}`)?.focus();
      return;
    }
    if (status === 'approved' || status === 'rejected') {
      setOutcome(null);
      setAsking(true);
    } else void submit();
  };
  const submit = async () => {
    if (status === '' || missingField() !== null) return;
    setAsking(false);
    setBusy(true);
    setOutcome(null);
    onOutcome(null);
    try {
      const decided = await api.decideChangeRequest({
        department: request.department,
        requestId: request.requestId,
        status,
        date,
        by,
        note,
      });
      const recorded = `${request.projectId} ${subject} 요청: ${josa(`'${DECISION_STATUS_LABELS[status]}'`, '으로/로')} 기록했습니다.`;
      const fields = [...new Set(rewrites.map((e) => e.label))].join('·');
      const done: Outcome = {
        kind: 'success',
        text:
          status === 'approved' && rewrites.length > 0
            ? `${recorded} 확정된 실천계획서의 ${josa(fields, '을/를')} 바꿨습니다 (바뀌기 전 내용은 계획서 이력에 남습니다).${
                preview !== null ? recordedOnlyText(preview) : ''
              } 부서에 새 기준 자료를 보내세요.`
            : status === 'approved' && preview !== null
              ? `${recorded}${recordedOnlyText(preview)}`
              : recorded,
      };
      // A decided request leaves the list: the section says what was done.
      if (status === 'approved' || status === 'rejected') onOutcome(done);
      else setOutcome(done);
      // The next step is someone else's decision: who decided this one is not carried over to it.
      setBy('');
      setNote('');
      onDecided(decided);
    } catch (error) {
      setOutcome({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <li className="decision-item" data-testid={id}>
      <h4>
        {request.projectId} {request.projectName} · {request.department} · {subject} 요청
        {requested === null ? '' : ` (요청일 ${requested})`}
      </h4>
      <p data-testid={`${id}-status`}>
        현재 상태: <strong>{current ? DECISION_STATUS_LABELS[current] : '미제출'}</strong>
      </p>
      <ul className="details">
        {request.rows.map((r, i) => (
          <li key={i}>
            {r.category}: {r.original} → {r.proposed}
          </li>
        ))}
        <li>사유: {request.reason}</li>
        <li data-testid={`${id}-evidence`}>
          관련자료 (첨부):{' '}
          {request.evidence.length === 0 ? (
            '없음'
          ) : (
            <AttachmentFiles
              files={request.evidence.map((e) => ({ ...e.file, description: e.description }))}
              label={`${request.projectId} ${subject} 요청 관련자료`}
              projectId={request.projectId}
            />
          )}
        </li>
        {request.decisionHistory.map((h, i) => (
          <li key={`h${i}`}>
            {h.date} {DECISION_STATUS_LABELS[h.status]} ({h.by}){h.note ? ` — ${h.note}` : ''}
          </li>
        ))}
      </ul>
      <OutcomeMessage outcome={outcome} />
      {status === 'approved' && <ApprovalPreview preview={preview} id={id} />}
      {allowed.length === 0 ? (
        <p className="hint">총괄부서가 기록할 다음 단계가 없습니다 (부서의 결재 단계가 먼저 필요합니다).</p>
      ) : (
        <form
          className="decision-controls screen-only"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            ask();
          }}
        >
          <label>
            결정
            <select
              id={`${id}-status`}
              value={status}
              disabled={asking}
              onChange={(e) => setStatus(e.target.value as DecisionStatus | '')}
              aria-required="true"
            >
              {ready === '' && (
                <option value="" disabled>
                  고르세요
                </option>
              )}
              {allowed.map((s) => (
                <option key={s} value={s}>
                  {DECISION_STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </label>
          <label>
            날짜
            <input
              id={`${id}-date`}
              type="date"
              value={date}
              onChange={(e) => setDate(e.target.value)}
              aria-required="true"
            />
          </label>
          <label>
            결정한 사람(기관)
            <input
              id={`${id}-by`}
              type="text"
              value={by}
              onChange={(e) => setBy(e.target.value)}
              aria-required="true"
            />
          </label>
          <label>
            메모
            <input id={`${id}-note`} type="text" value={note} onChange={(e) => setNote(e.target.value)} />
          </label>
          <button ref={recordButton} type="submit" disabled={busy || asking}>
            기록
          </button>
        </form>
      )}
      {asking && (status === 'approved' || status === 'rejected') && (
        <div
          className="confirm-box screen-only"
          role="alertdialog"
          aria-labelledby={`${id}-question`}
          data-testid={`${id}-confirm`}
          onKeyDown={onEscape(cancelAsking)}
        >
          <p id={`${id}-question`}>{finalQuestion(request, subject, status, rewrites)}</p>
          <button type="button" disabled={busy} onClick={() => void submit()}>
            {busy ? '기록하는 중…' : `${josa(DECISION_STATUS_LABELS[status], '으로/로')} 기록`}
          </button>
          <button ref={cancelButton} type="button" disabled={busy} onClick={cancelAsking}>
            취소
          </button>
        </div>
      )}
    </li>
  );
}
