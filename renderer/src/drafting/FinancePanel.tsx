import { useEffect, useId, useState } from 'react';
import type { DerivedFinance } from '../../../domain/api/contract';
import { CARD_STATUS_LABELS } from '../../../domain/documents';
import { listBudgetYears } from '../../../domain/term/periods';
import type { Term } from '../../../domain/term/types';
import { api } from '../api/client';
import { FinanceAmountCells, FinanceHead } from './finance-cells';

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
            <FinanceHead years={years} withName={false} />
            <tbody>
              <tr>
                <td>{row.projectId}</td>
                <td data-testid="finance-status">{row.status ? CARD_STATUS_LABELS[row.status] : '-'}</td>
                <FinanceAmountCells amounts={row} years={years} testIdPrefix="finance" />
                <td data-testid="finance-note">{row.note}</td>
              </tr>
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
