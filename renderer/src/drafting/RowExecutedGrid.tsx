import { useMemo } from 'react';
import type { BudgetYearColumn } from '../../../domain/term/periods';
import { AmountCell, type AnyForm } from './form-kit';
import { PasteNote, RowTotal, useGridPaste } from './grids';
import type { LayoutColumn } from './paste-grid';

/**
 * A co-department's own 임기내 집행 in its 재정집행 현황 (붙임5: per year, no source split): one row of the term's
 * budget years up to the row's half-year, with its 계 computed live. Built from the same cells and paste handling
 * as the card's money grids.
 */

export function RowExecutedGrid(props: { form: AnyForm; years: readonly BudgetYearColumn[] }) {
  const keys = props.years.map((y) => y.key);
  const keyList = keys.join(',');
  const names = useMemo(() => [keyList.split(',').map((key) => `executed.${key}`)], [keyList]);
  // As printed: the years, then 계 (a row copied with its 계 has it left out, or refused when it does not add up).
  const layout = useMemo((): LayoutColumn[] => {
    const inputs = keyList.split(',').map((_, input) => input);
    return [...inputs.map((input) => ({ input })), { total: '계', of: inputs, ofLabel: '연도별 금액의 합' }];
  }, [keyList]);
  const paste = useGridPaste(props.form, names, 'money', layout);
  return (
    <>
      <table className="grid money-grid" data-path="executed">
        <caption>임기내 집행 (자기 부서 집행액, 단위: 백만원)</caption>
        <thead>
          <tr>
            {props.years.map((y) => (
              <th key={y.key} scope="col">
                {y.label}
              </th>
            ))}
            <th scope="col">계</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            {props.years.map((y, column) => (
              <td key={y.key}>
                <AmountCell
                  form={props.form}
                  name={`executed.${y.key}`}
                  label={`임기내 집행 ${y.label} (백만원)`}
                  onPaste={(e) => paste.onPaste(e, 0, column)}
                />
              </td>
            ))}
            <RowTotal form={props.form} name="executed" keys={keys} testId="row-executed-total" />
          </tr>
        </tbody>
      </table>
      <PasteNote note={paste.note} testId="row-executed-paste-note" />
    </>
  );
}
