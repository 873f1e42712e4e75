import type { ReactNode } from 'react';
import { CARD_STATUS_LABELS, type FinanceTableRow } from '../../../domain/documents';
import { sumFinanceAmounts } from '../../../domain/reports';
import { listBudgetYears } from '../../../domain/term/periods';
import type { Term } from '../../../domain/term/types';
import { FinanceAmountCells, FinanceHead } from './finance-cells';

/**
 * The pages every 모아 인쇄 shares, the department's on its desk and the office's of what a department sent: the
 * first page listing the projects and the state of each document, and 붙임5 of the projects with their 계.
 */

/** The first page of a 모아 인쇄: every project of the department, and the state of each document printed after. */
export function ContentsPage(props: {
  title: string;
  sub: string;
  caption: string;
  /** The documents' column heads, after 공약번호 and 공약명. */
  columns: readonly { head: string; testId: string }[];
  rows: readonly { projectId: string; projectName: string; states: readonly string[] }[];
}) {
  return (
    <article className="print-doc" data-testid="batch-contents">
      <h1>{props.title}</h1>
      <p className="print-sub">{props.sub}</p>
      <table className="print-table batch-contents-table">
        <caption className="print-caption">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">공약번호</th>
            <th scope="col">공약명</th>
            {props.columns.map((c) => (
              <th key={c.testId} scope="col">
                {c.head}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr key={r.projectId} data-project-id={r.projectId}>
              <td>{r.projectId}</td>
              <td>{r.projectName}</td>
              {r.states.map((state, i) => (
                <td key={props.columns[i]?.testId} data-testid={props.columns[i]?.testId}>
                  {state}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}

/** One document of a 모아 인쇄, from the top of its page (a card or a plan, and what is said above it). */
export function BatchItem(props: { testId: string; projectId: string; children: ReactNode }) {
  return (
    <div className="print-batch-item" data-testid={props.testId} data-project-id={props.projectId}>
      {props.children}
    </div>
  );
}

/** A 붙임5 row to print; the office's rows name the amounts changed since first reported (printed red). */
export type PrintedFinanceRow = FinanceTableRow & { changedFields?: readonly string[] };

/** 붙임5 of a department: one row per project, and their 계, on a landscape page. */
export function BatchFinanceTable({
  rows,
  missing,
  sub,
  term,
  legend,
}: {
  rows: readonly PrintedFinanceRow[];
  /** Projects whose row cannot be computed yet, with the reason (the plan is not confirmed, …). */
  missing: readonly { projectId: string; reason: string }[];
  /** The line under the title: the department and the half-year. */
  sub: string;
  term: Term;
  /** A line under the table (what red means), when there is one. */
  legend?: string;
}) {
  const years = listBudgetYears(term);
  const total = sumFinanceAmounts(
    rows,
    years.map((y) => y.key),
  );
  return (
    <article className="print-doc print-doc-wide" data-testid="batch-finance">
      <h1>재정집행 현황</h1>
      <p className="print-sub">{sub}</p>
      {rows.length === 0 ? (
        <p className="print-none">인쇄할 재정집행 현황이 없습니다.</p>
      ) : (
        <table className="print-grid batch-finance-table">
          <FinanceHead years={years} withName />
          <tbody>
            {rows.map((row) => (
              <tr key={row.projectId} data-project-id={row.projectId}>
                <td>{row.projectId}</td>
                <td>{row.projectName}</td>
                <td>{row.status ? CARD_STATUS_LABELS[row.status] : '-'}</td>
                <FinanceAmountCells
                  amounts={row}
                  years={years}
                  {...(row.changedFields === undefined ? {} : { changed: new Set(row.changedFields) })}
                />
                <td className="pre">{row.note}</td>
              </tr>
            ))}
            <tr className="batch-total" data-testid="batch-finance-total">
              <th scope="row" colSpan={3}>
                계 ({rows.length}개 사업)
              </th>
              <FinanceAmountCells amounts={total} years={years} />
              <td />
            </tr>
          </tbody>
        </table>
      )}
      {legend !== undefined && rows.length > 0 && <p className="print-legend">{legend}</p>}
      {missing.length > 0 && (
        <p data-testid="batch-finance-missing">
          계산하지 못한 사업: {missing.map((m) => `${m.projectId} (${m.reason})`).join(', ')}
        </p>
      )}
    </article>
  );
}
