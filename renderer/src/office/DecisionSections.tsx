import { useState } from 'react';
import {
  conflictNoteRefusal,
  isFrozenConflictKey,
  REJECTION_NOTE_MESSAGE,
  type Conflict,
  type OfficeReportView,
  type PlanChangePreview,
  type PlanChangeUnreadable,
} from '../../../domain/api/contract';
import type { Catalog } from '../../../domain/catalog/types';
import {
  changeRequestSubject,
  currentDecisionStatus,
  periodLabel,
  DECISION_STATUS_LABELS,
  nextDecisionStatuses,
  requestedOn,
  type ChangeRequest,
  type DecisionStatus,
} from '../../../domain/documents';
import type { ChangesReport } from '../../../domain/reports';
import { api } from '../api/client';
import { StatusMessage } from '../components/StatusMessage';
import { formatKoreanDateTime, testIdPart } from './format';
import { swapMakesLate } from '../../../domain/reports/held-swap';
import { josa } from '../../../domain/text/josa';

type Outcome = { kind: 'success' | 'error'; text: string } | null;

/** Runs one office decision, keeping its success or Korean error message for the section. */
function useDecision(onDone: () => void) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const run = async (action: () => Promise<string>) => {
    setBusy(true);
    setOutcome(null);
    try {
      const text = await action();
      setOutcome({ kind: 'success', text });
      onDone();
    } catch (error) {
      setOutcome({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };
  return { busy, outcome, run, clearOutcome: () => setOutcome(null) };
}

/**
 * A decision's outcome. When the decided item leaves the list with the focus on it, the keyboard continues from
 * here (data-focus-fallback, see useFocusKeeper) instead of the top of the page.
 */
function OutcomeMessage({ outcome }: { outcome: Outcome }) {
  if (outcome === null) return null;
  return (
    <div tabIndex={-1} className="outcome" data-focus-fallback>
      <StatusMessage kind={outcome.kind}>{outcome.text}</StatusMessage>
    </div>
  );
}

/** What each decision means, per kind of conflict (a kind may offer one choice only). */
const RESOLUTION_LABELS: Record<Conflict['kind'], Partial<Record<'accepted' | 'rejected', string>>> = {
  frozenFields: { accepted: '카드 반영', rejected: '카드 제외' },
  coDepartmentCard: { accepted: '카드 반영', rejected: '반영 안 함' },
  sameRevision: { accepted: '보류한 번들로 바꾸기', rejected: '반영한 번들 유지' },
};

const KIND_LABELS: Record<Conflict['kind'], string> = {
  frozenFields: '확정 항목 불일치',
  coDepartmentCard: '두 부서의 관리카드',
  sameRevision: '같은 회차의 다른 번들',
};

/**
 * 충돌: cards that disagree with the confirmed plan, cards from a second department, and bundles held because
 * their revision was already taken; the office decides each.
 */
export function ConflictsSection({
  conflicts,
  catalog,
  dueDate,
  onChanged,
}: {
  conflicts: Conflict[];
  catalog: Catalog;
  /** The half-year's due date ("YYYY-MM-DD"): a swap to a bundle received after it is asked about first. */
  dueDate: string;
  onChanged: () => void;
}) {
  const { busy, outcome, run, clearOutcome } = useDecision(onChanged);
  const [notes, setNotes] = useState<Record<string, string>>({});
  /** Why a decision was refused, shown beside the conflict's memo until the memo is typed in. */
  const [noteErrors, setNoteErrors] = useState<Record<string, string>>({});
  if (conflicts.length === 0) {
    return (
      <p className="hint" data-testid="conflicts-empty">
        해결할 충돌이 없습니다.
      </p>
    );
  }
  const decide = (c: Conflict, decision: 'accepted' | 'rejected') => {
    // A 확정 항목 불일치 keeps its reason whichever way it is decided (the server refuses it too).
    const refusal = conflictNoteRefusal(c.key, decision, notes[c.key] ?? '');
    if (refusal !== null) {
      clearOutcome();
      setNoteErrors({ ...noteErrors, [c.key]: refusal });
      document.getElementById(`conflict-${testIdPart(c.key)}-note`)?.focus();
      return Promise.resolve();
    }
    return run(async () => {
      if (c.kind === 'sameRevision' && decision === 'accepted' && c.heldSha256) {
        const late = swapMakesLate(c, dueDate);
        if (late !== null && !window.confirm(late)) return `${c.department}: 바꾸지 않았습니다.`;
        const swapped = await api.swapHeldBundle({ sha256: c.heldSha256, note: notes[c.key] ?? '' });
        return `${swapped.department} r${swapped.revision}: 보류한 번들(SHA-256 ${swapped.accepted.slice(0, 12)}…)로 바꿨습니다. 이제 그 번들의 문서가 반영되고, 먼저 반영했던 번들은 보류로 옮겼습니다 (다시 바꿀 수 있습니다).`;
      }
      await api.resolveConflict({
        key: c.key,
        projectId: c.projectId,
        periodId: c.periodId,
        decision,
        note: notes[c.key] ?? '',
      });
      return `${c.projectId} ${c.department}: ${josa(`'${RESOLUTION_LABELS[c.kind][decision] ?? decision}'`, '으로/로')} 정했습니다.`;
    });
  };
  return (
    <>
      <OutcomeMessage outcome={outcome} />
      <ul className="decision-list">
        {conflicts.map((c) => {
          const id = `conflict-${testIdPart(c.key)}`;
          const name = catalog.projects.find((p) => p.id === c.projectId)?.name ?? '';
          return (
            <li
              key={c.key}
              className="decision-item"
              data-testid={id}
              data-resolution={c.resolution ?? 'open'}
            >
              <h4>
                <span className="badge">{KIND_LABELS[c.kind]}</span>{' '}
                {c.projectIds && c.projectIds.length > 1
                  ? `사업 ${c.projectIds.join(', ')}`
                  : `${c.projectId} ${name}`}{' '}
                · {c.department} · {periodLabel(c.periodId)}
              </h4>
              <p>{c.message}</p>
              <ul className="details">
                {c.details.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
              <p data-testid={`${id}-resolution`}>
                결정:{' '}
                {c.resolution ? (
                  <>
                    <strong>
                      {c.swapped
                        ? '보류했던 번들로 바꿔 반영함'
                        : (RESOLUTION_LABELS[c.kind][c.resolution] ?? c.resolution)}
                    </strong>
                    {c.resolvedAt !== null && (
                      <span className="hint" data-testid={`${id}-note`}>
                        {' '}
                        · {formatKoreanDateTime(c.resolvedAt)}
                        {c.resolutionNote ? ` · ${c.resolutionNote}` : ''}
                      </span>
                    )}
                  </>
                ) : (
                  <span className="badge badge-danger">미결정</span>
                )}
              </p>
              <div className="decision-controls screen-only">
                <label>
                  메모
                  <input
                    type="text"
                    id={`${id}-note`}
                    value={notes[c.key] ?? ''}
                    onChange={(e) => {
                      setNotes({ ...notes, [c.key]: e.target.value });
                      if (noteErrors[c.key] !== undefined) {
                        setNoteErrors(
                          Object.fromEntries(Object.entries(noteErrors).filter(([k]) => k !== c.key)),
                        );
                      }
                    }}
                    aria-label={`${c.projectId} 충돌 결정 메모`}
                    aria-invalid={noteErrors[c.key] !== undefined}
                    aria-describedby={noteErrors[c.key] !== undefined ? `${id}-note-error` : undefined}
                    placeholder={isFrozenConflictKey(c.key) ? '사유 (반영·제외 모두 필요)' : undefined}
                  />
                </label>
                {noteErrors[c.key] !== undefined && (
                  <span className="field-error" role="alert" id={`${id}-note-error`}>
                    {noteErrors[c.key]}
                  </span>
                )}
                {(['accepted', 'rejected'] as const).map((decision) => {
                  const label = RESOLUTION_LABELS[c.kind][decision];
                  // A held bundle cannot be swapped in once the department sent a later revision.
                  const closed =
                    c.kind === 'sameRevision' && decision === 'accepted' && c.laterRevision !== undefined;
                  return label && !closed ? (
                    <button
                      key={decision}
                      type="button"
                      disabled={busy}
                      onClick={() => void decide(c, decision)}
                    >
                      {label}
                    </button>
                  ) : null;
                })}
              </div>
            </li>
          );
        })}
      </ul>
    </>
  );
}

/** 완료 요청: a department's 완료 status counts only once the office accepts it. */
/**
 * Why a request decided before waits again: the decision was made on an earlier revision of the card, and the
 * department has sent the card again since (the decision stays in the history).
 */
function supersededNote(r: OfficeReportView['completionRequests'][number]): string {
  const earlier = r.supersededDecision;
  if (earlier === null) return '';
  const decided = earlier.cardRevision === null ? '이전 회차' : `r${earlier.cardRevision}`;
  const sent = r.cardRevision === null ? '' : ` r${r.cardRevision}로`;
  const what = earlier.decision === 'accepted' ? '승인' : '반려';
  const note = earlier.note ? `: ${earlier.note}` : '';
  return `${decided} 카드에 대한 ${what}${note} · ${formatKoreanDateTime(earlier.decidedAt)} — 그 뒤${sent} 다시 보낸 카드는 아직 결정하지 않았습니다`;
}

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
  return (
    <>
      <OutcomeMessage outcome={outcome} />
      <table className="office-table" data-testid="completion-table">
        <caption>완료 요청 ({periodLabel(periodId)})</caption>
        <thead>
          <tr>
            <th scope="col">관리번호</th>
            <th scope="col">공약사업명</th>
            <th scope="col">부서</th>
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
              <td className="text" data-testid={`completion-${r.projectId}-evidence`}>
                {r.evidence.trim() === '' ? <span className="hint">(근거 없음)</span> : r.evidence}
                {r.evidenceFiles.length > 0 && (
                  <span className="hint"> · 첨부 {r.evidenceFiles.join(', ')}</span>
                )}
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
                    <span className="screen-only"> (다시 결정할 수 있습니다)</span>
                  </span>
                )}
              </td>
              <td className="screen-only decision-controls">
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
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

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
          <p>승인하면 확정된 실천계획서가 이렇게 바뀝니다 (이후 반기의 관리카드는 바뀐 내용과 비교합니다):</p>
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
  const [chosen, setStatus] = useState<DecisionStatus | ''>(allowed[0] ?? '');
  // After a step is recorded (검토중) the choices are the next steps: the box shows, and records, one of them.
  const status: DecisionStatus | '' =
    chosen !== '' && (allowed as readonly DecisionStatus[]).includes(chosen) ? chosen : (allowed[0] ?? '');
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
  const submit = async () => {
    if (status === '') return;
    // Checked here, in Korean, with the field named (the browser's own bubbles follow the OS language).
    const missing = !/^\d{4}-\d{2}-\d{2}$/.test(date)
      ? { text: '결정한 날짜를 입력하세요.', field: 'date' }
      : by.trim() === ''
        ? { text: '결정한 사람(기관)을 입력하세요. 예: 시민공약평가단', field: 'by' }
        : status === 'rejected' && note.trim() === ''
          ? { text: REJECTION_NOTE_MESSAGE, field: 'note' }
          : null;
    if (missing !== null) {
      setOutcome({ kind: 'error', text: missing.text });
      document.getElementById(`${id}-${missing.field}`)?.focus();
      return;
    }
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
            void submit();
          }}
        >
          <label>
            결정
            <select value={status} onChange={(e) => setStatus(e.target.value as DecisionStatus)}>
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
          <button type="submit" disabled={busy}>
            기록
          </button>
        </form>
      )}
    </li>
  );
}
