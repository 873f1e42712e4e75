import { useEffect, useId, useState } from 'react';
import type { DerivedFinance } from '../../../domain/api/contract';
import { CARD_STATUS_LABELS, FINANCE_SOURCE_LABELS, FUNDING_SOURCES } from '../../../domain/documents';
import { listBudgetYears } from '../../../domain/term/periods';
import type { Term } from '../../../domain/term/types';
import { api } from '../api/client';
import { formatMoney } from './form-kit';

/** The derived 재정집행현황 row (붙임5) of a project and half-year, refreshed after every save. */
export function FinancePanel(props: {
  projectId: string;
  periodId: string;
  term: Term;
  refreshKey: number;
  onOpenSecured?: () => void;
  /** Another test id where the panel is shown twice (the form and its print preview). */
  testId?: string;
}) {
  const titleId = useId();
  const [result, setResult] = useState<DerivedFinance | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    api.getDerivedFinance({ projectId: props.projectId, periodId: props.periodId }).then(
      (r) => !cancelled && (setResult(r), setError(null)),
      (e: unknown) => !cancelled && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      cancelled = true;
    };
  }, [props.projectId, props.periodId, props.refreshKey]);

  const years = listBudgetYears(props.term);
  const row = result?.row ?? null;
  return (
    <section
      className="finance-panel"
      aria-labelledby={titleId}
      data-testid={props.testId ?? 'finance-panel'}
    >
      <div className="finance-head">
        <h3 id={titleId}>재정집행 현황 (자동 계산)</h3>
        {props.onOpenSecured && (
          <button type="button" className="link" onClick={props.onOpenSecured}>
            확보내역 입력 →
          </button>
        )}
      </div>
      {error && <p className="field-error">{error}</p>}
      {result?.missing && <p className="empty">{result.missing}</p>}
      {row && (
        <div className="table-scroll">
          <table className="grid finance-table">
            <caption>
              단위: 백만원<span className="finance-live-note"> · 마지막으로 저장한 내용으로 계산합니다</span>
            </caption>
            <thead>
              <tr>
                <th rowSpan={2}>관리번호</th>
                <th rowSpan={2}>이행도</th>
                <th colSpan={2}>계획 총계</th>
                <th colSpan={1 + FUNDING_SOURCES.length}>확보내역</th>
                <th colSpan={1 + years.length}>임기내 계획</th>
                <th colSpan={1 + years.length}>임기내 집행</th>
                <th rowSpan={2}>비고</th>
              </tr>
              <tr>
                <th>초기계획</th>
                <th>현재계획</th>
                <th>확보총계</th>
                {FUNDING_SOURCES.map((s) => (
                  <th key={s}>{FINANCE_SOURCE_LABELS[s]}</th>
                ))}
                <th>계</th>
                {years.map((y) => (
                  <th key={`p${y.key}`}>{y.label}</th>
                ))}
                <th>계</th>
                {years.map((y) => (
                  <th key={`e${y.key}`}>{y.label}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                <td>{row.projectId}</td>
                <td data-testid="finance-status">{row.status ? CARD_STATUS_LABELS[row.status] : '-'}</td>
                <td className="num" data-testid="finance-initial-total">
                  {formatMoney(row.plannedTotal.initial)}
                </td>
                <td className="num" data-testid="finance-current-total">
                  {formatMoney(row.plannedTotal.current)}
                </td>
                <td className="num" data-testid="finance-secured-total">
                  {formatMoney(row.secured.total)}
                </td>
                {FUNDING_SOURCES.map((s) => (
                  <td key={s} className="num" data-testid={`finance-secured-${s}`}>
                    {formatMoney(row.secured[s])}
                  </td>
                ))}
                <td className="num" data-testid="finance-term-plan-total">
                  {formatMoney(row.termPlan.total)}
                </td>
                {years.map((y, i) => (
                  <td key={`p${y.key}`} className="num" data-testid={`finance-term-plan-${y.key}`}>
                    {formatMoney(row.termPlan.byYear[i] ?? 0)}
                  </td>
                ))}
                <td className="num" data-testid="finance-executed-total">
                  {formatMoney(row.termExecuted.total)}
                </td>
                {years.map((y, i) => (
                  <td key={`e${y.key}`} className="num" data-testid={`finance-executed-${y.key}`}>
                    {formatMoney(row.termExecuted.byYear[i] ?? 0)}
                  </td>
                ))}
                <td data-testid="finance-note">{row.note}</td>
              </tr>
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
