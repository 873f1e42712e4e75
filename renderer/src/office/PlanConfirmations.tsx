import { useEffect, useMemo, useRef, useState } from 'react';
import {
  approvedKeptNote,
  frozenChangedNote,
  approvedKeptText,
  needsConfirmation,
  planCountsByDepartment,
  PLAN_CONFIRMATION_STATE_LABELS,
  type PlanConfirmationRow,
} from '../../../domain/plans/confirmation';
import { PLANS_CONFIRMED_NEXT } from '../../../domain/api/contract';
import { api } from '../api/client';
import { StatusMessage } from '../components/StatusMessage';
import { formatKoreanDateTime } from './format';
import { PlanBook } from './PlanBook';
import { onEscape } from '../components/on-escape';

const STATE_LABELS = PLAN_CONFIRMATION_STATE_LABELS;

type Filter = 'toConfirm' | PlanConfirmationRow['state'] | 'all';

const FILTER_LABELS: Record<Filter, string> = {
  toConfirm: '확정할 계획서',
  awaiting: STATE_LABELS.awaiting,
  newerReceived: STATE_LABELS.newerReceived,
  confirmed: STATE_LABELS.confirmed,
  notReceived: STATE_LABELS.notReceived,
  all: '전체',
};

/**
 * 실천계획서 확정: after the citizens' panel the office confirms the plans departments sent; a confirmed plan is
 * the frozen baseline of the cards, and the first one confirmed is 붙임5's 초기계획 (confirming a re-sent plan
 * leaves it). Select several (or every plan waiting) and confirm them
 * at once, in one step that either confirms all of them or none.
 */
export function PlanConfirmationsSection({
  rows,
  onChanged,
}: {
  rows: PlanConfirmationRow[];
  onChanged: () => void;
}) {
  const [filter, setFilter] = useState<Filter>('toConfirm');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  // The question takes the focus on 취소: confirming cannot be undone, so Enter twice confirms nothing (확정 is
  // one Shift+Tab away); Escape cancels too, and cancelling returns the focus to the button.
  const cancelButton = useRef<HTMLButtonElement>(null);
  const askButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) cancelButton.current?.focus();
  }, [asking]);
  // Decided, the question and its focused 확정 leave the page and the ask button is disabled (nothing chosen):
  // the keyboard goes on from the message that says what happened, then to 보기.
  const outcomeBox = useRef<HTMLDivElement>(null);
  const [outcomeFocus, setOutcomeFocus] = useState(0);
  useEffect(() => {
    if (outcomeFocus > 0) outcomeBox.current?.focus();
  }, [outcomeFocus]);
  const cancel = () => {
    setAsking(false);
    askButton.current?.focus();
  };

  const counts = useMemo(() => {
    const c: Record<Filter, number> = {
      toConfirm: 0,
      awaiting: 0,
      newerReceived: 0,
      confirmed: 0,
      notReceived: 0,
      all: rows.length,
    };
    for (const r of rows) {
      c[r.state] += 1;
      if (needsConfirmation(r)) c.toConfirm += 1;
    }
    return c;
  }, [rows]);
  const shown = rows.filter((r) =>
    filter === 'all' ? true : filter === 'toConfirm' ? needsConfirmation(r) : r.state === filter,
  );
  const selectable = shown.filter(needsConfirmation);
  const chosen = rows.filter((r) => selected.has(r.projectId) && needsConfirmation(r));
  // Plans sent again that differ from what the citizens' panel approved since: confirming keeps the approval.
  const keeping = chosen.filter((r) => r.approvedKept.length > 0);
  const rewriting = chosen.filter((r) => r.frozenChanged.length > 0);

  const toggle = (projectId: string) => {
    const next = new Set(selected);
    if (next.has(projectId)) next.delete(projectId);
    else next.add(projectId);
    setSelected(next);
    setAsking(false);
  };
  const allShownSelected = selectable.length > 0 && selectable.every((r) => selected.has(r.projectId));
  const toggleAll = () => {
    const next = new Set(selected);
    for (const r of selectable) {
      if (allShownSelected) next.delete(r.projectId);
      else next.add(r.projectId);
    }
    setSelected(next);
    setAsking(false);
  };
  const confirm = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      const { confirmed, approvedKept } = await api.confirmReceivedPlans({
        projectIds: chosen.map((r) => r.projectId),
      });
      setOutcome({
        kind: 'success',
        text: `실천계획서 ${confirmed.length}건을 확정했습니다.${
          approvedKept.length > 0 ? ` ${approvedKeptText(approvedKept)}` : ''
        } ${PLANS_CONFIRMED_NEXT}`,
      });
      setSelected(new Set());
      onChanged();
    } catch (error) {
      setOutcome({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
      setAsking(false);
      setOutcomeFocus((n) => n + 1);
    }
  };

  return (
    <>
      <p className="office-legend">
        시민공약평가단 심의를 마친 공약실천계획서를 확정합니다. 확정된 계획서는 관리카드의 확정 항목이 되고,
        처음 확정한 계획서의 투자수요 총계는 재정집행 현황의 초기계획이 됩니다 (다시 보낸 계획서를 확정해도
        초기계획은 바뀌지 않습니다). 시민공약평가단이 승인한 조정 요청의
        변경(공약명·정책목표·사업기간·총사업비)은 부서가 계획서를 다시 보내 확정해도 그대로 유지됩니다. 확정할
        계획서 {counts.toConfirm}건 · 확정됨 {counts.confirmed}건 · 받지 않음 {counts.notReceived}건
      </p>
      <DepartmentPlans rows={rows} />
      {/* Before the outcome and the confirming: the keyboard goes from what a confirmation did to 보기 and 확정. */}
      <PlanBook rows={rows} />
      {outcome && (
        <div ref={outcomeBox} tabIndex={-1} data-focus-fallback data-testid="plan-outcome">
          <StatusMessage kind={outcome.kind}>{outcome.text}</StatusMessage>
        </div>
      )}
      <div className="office-toolbar screen-only plan-toolbar">
        <label>
          보기
          <select
            value={filter}
            onChange={(e) => setFilter(e.target.value as Filter)}
            data-testid="plan-filter"
            aria-label="실천계획서 보기"
          >
            {(Object.keys(FILTER_LABELS) as Filter[]).map((f) => (
              <option key={f} value={f}>
                {FILTER_LABELS[f]} ({counts[f]})
              </option>
            ))}
          </select>
        </label>
        <button
          ref={askButton}
          type="button"
          disabled={busy || chosen.length === 0}
          onClick={() => setAsking(true)}
          data-testid="plan-confirm-selected"
        >
          선택한 계획서 확정 ({chosen.length}건)
        </button>
      </div>
      {asking && (
        <div
          className="confirm-box screen-only"
          role="alertdialog"
          aria-labelledby="plan-confirm-question"
          onKeyDown={onEscape(cancel)}
        >
          <p id="plan-confirm-question">
            실천계획서 {chosen.length}건을 확정합니다. 확정하면 부서는 정책목표·단위사업·추진계획을 고칠 수
            없고, 바꾸려면 공약 조정 요청서를 거쳐야 합니다.
            {keeping.length > 0 &&
              ` 이 중 ${keeping.map((r) => r.projectId).join(', ')}의 받은 계획서는 시민공약평가단이 승인한 변경과 다릅니다: 확정해도 승인된 내용(${[
                ...new Set(keeping.flatMap((r) => r.approvedKept.map((k) => k.label))),
              ].join('·')})은 그대로 두고 받은 계획서의 해당 항목은 반영하지 않습니다.`}
            {rewriting.length > 0 && (
              <strong className="warn-text" data-testid="plan-confirm-frozen">
                {' '}
                {rewriting.map((r) => r.projectId).join(', ')}의 받은 계획서는 확정된 계획서의 확정 항목(추후
                임의변경불가)을 바꿉니다: 승인된 공약 조정 없이 바꾸는 것이 아닌지 확인한 뒤 확정하세요.
              </strong>
            )}
          </p>
          <button type="button" disabled={busy} onClick={() => void confirm()} data-testid="plan-confirm-yes">
            {busy ? '확정하는 중…' : '확정'}
          </button>
          <button ref={cancelButton} type="button" disabled={busy} onClick={cancel}>
            취소
          </button>
        </div>
      )}
      {shown.length === 0 ? (
        <p className="hint" data-testid="plan-empty">
          {filter === 'toConfirm' ? '확정할 실천계획서가 없습니다.' : '해당하는 실천계획서가 없습니다.'}
        </p>
      ) : (
        <div className="office-table-wrap head-sticks">
          <table className="office-table" data-testid="plan-table">
            <caption>
              공약실천계획서 확정 ({FILTER_LABELS[filter]} {shown.length}건)
            </caption>
            <thead>
              <tr>
                <th scope="col" className="screen-only">
                  <input
                    type="checkbox"
                    checked={allShownSelected}
                    disabled={selectable.length === 0}
                    onChange={toggleAll}
                    aria-label="보이는 확정할 계획서 모두 선택"
                    data-testid="plan-select-all"
                  />
                </th>
                <th scope="col">관리번호</th>
                <th scope="col">공약사업명</th>
                <th scope="col">주관부서</th>
                <th scope="col">받은 계획서</th>
                <th scope="col">상태</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <tr key={r.projectId} data-testid={`plan-${r.projectId}`}>
                  <td className="screen-only">
                    {needsConfirmation(r) && (
                      <input
                        type="checkbox"
                        checked={selected.has(r.projectId)}
                        onChange={() => toggle(r.projectId)}
                        aria-label={`${r.projectId} 확정 선택`}
                      />
                    )}
                  </td>
                  <td>{r.projectId}</td>
                  <td className="text">{r.projectName}</td>
                  <td>{r.leadDepartment}</td>
                  <td>
                    {r.received
                      ? `r${r.received.revision} · ${formatKoreanDateTime(r.received.receivedAt)}`
                      : '–'}
                  </td>
                  <td data-testid={`plan-${r.projectId}-state`} data-value={r.state}>
                    {STATE_LABELS[r.state]}
                    {r.confirmed && ` (${formatKoreanDateTime(r.confirmed.confirmedAt)})`}
                    {r.approvedKept.length > 0 && (
                      <p className="warn-text" data-testid={`plan-${r.projectId}-approved-kept`}>
                        {approvedKeptNote(r.approvedKept)}
                      </p>
                    )}
                    {r.frozenChanged.length > 0 && (
                      <p className="warn-text" data-testid={`plan-${r.projectId}-frozen-changed`}>
                        {frozenChangedNote(r.frozenChanged)}
                      </p>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/**
 * 부서별: which departments still owe plans, and how many, before the plans' due date (제출 현황 covers a
 * half-year's cards only). Folded; its summary says how many departments owe plans.
 */
function DepartmentPlans({ rows }: { rows: readonly PlanConfirmationRow[] }) {
  const counts = useMemo(() => planCountsByDepartment(rows), [rows]);
  const owing = counts.filter((c) => c.notReceived > 0);
  const missing = owing.reduce((n, c) => n + c.notReceived, 0);
  return (
    <details className="plan-departments" data-testid="plan-departments">
      <summary>
        부서별 현황:{' '}
        {owing.length === 0
          ? '모든 부서의 계획서를 받았습니다'
          : `계획서를 다 보내지 않은 부서 ${owing.length}곳 (받지 않은 계획서 ${missing}건)`}
      </summary>
      <div className="office-table-wrap">
        <table className="office-table" data-testid="plan-departments-table">
          <caption className="sr-only">부서별 실천계획서 현황</caption>
          <thead>
            <tr>
              <th scope="col">주관부서</th>
              <th scope="col">주관 사업</th>
              <th scope="col">받지 않음</th>
              <th scope="col">확정 대기</th>
              <th scope="col">확정됨</th>
            </tr>
          </thead>
          <tbody>
            {counts.map((c) => (
              <tr key={c.department} data-department={c.department}>
                <th scope="row">{c.department}</th>
                <td className="num">{c.led}</td>
                <td className={`num ${c.notReceived > 0 ? 'owing' : ''}`}>{c.notReceived}</td>
                <td className="num">{c.toConfirm}</td>
                <td className="num">{c.confirmed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
