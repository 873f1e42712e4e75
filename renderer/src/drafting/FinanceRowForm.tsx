import { memo } from 'react';
import { useWatch } from 'react-hook-form';
import type { OpenedDocument } from '../../../domain/api/contract';
import {
  FINANCE_SOURCE_LABELS,
  FUNDING_SOURCE_LABELS,
  financeRowSchema,
  FUNDING_SOURCES,
  securedTotal,
  type FinanceRow,
} from '../../../domain/documents';
import { listBudgetYears } from '../../../domain/term/periods';
import type { Term } from '../../../domain/term/types';
import { EditorFrame } from './EditorFrame';
import { FinancePanel } from './FinancePanel';
import { AmountCell, cellNumber, formatMoney, TextArea, type AnyForm } from './form-kit';
import { PasteNote, useGridPaste } from './grids';
import { securedLayout } from './paste-grid';
import { FinancePrint } from './print';
import { RowExecutedGrid } from './RowExecutedGrid';
import { useDocumentForm } from './use-document-form';
import { printable } from './partial-save';

/**
 * 붙임5 재정집행 현황 — the department's own 확보내역 and 비고, and a co-department's own 임기내 집행 (it writes no
 * card); the rest of the row is derived.
 */

/**
 * The 확보내역 cells as one grid row, for pasting a row from a spreadsheet; read in 붙임5's order (확보총계 first),
 * a row copied from that form has its 확보총계 left out.
 */
const SECURED_NAMES = [FUNDING_SOURCES.map((s) => `secured.${s}`)];
const SECURED_LAYOUT = securedLayout(FUNDING_SOURCES.length);

const SecuredTotal = memo(function SecuredTotal({ form }: { form: AnyForm }) {
  const secured = (useWatch({ control: form.control, name: 'secured' }) ?? {}) as Record<string, unknown>;
  const total = securedTotal(
    Object.fromEntries(FUNDING_SOURCES.map((s) => [s, cellNumber(secured[s])])) as Record<
      (typeof FUNDING_SOURCES)[number],
      number | null
    >,
  );
  return (
    <td className="num total" data-testid="secured-total">
      {formatMoney(total)}
    </td>
  );
});

export function FinanceRowForm(props: {
  opened: OpenedDocument;
  term: Term;
  projectName: string;
  periodLabel: string;
  onReload: () => void;
  onClose: () => void;
  onOpenCard?: () => void;
  /** The department leads the project: its 집행 comes from its card, so the row asks for none. */
  isLead: boolean;
}) {
  const doc = props.opened.document as FinanceRow;
  // A co-department's cells are named "executed.2019": the record must exist, or the form would make an array.
  const { form: any, handle } = useDocumentForm(
    financeRowSchema,
    props.isLead ? doc : { ...doc, executed: doc.executed ?? {} },
    props.opened,
  );
  // The budget years up to the row's half-year (later years have not happened).
  const executedYears = props.isLead
    ? []
    : listBudgetYears(props.term).filter((y) => y.key <= doc.periodId.slice(0, 4));
  const paste = useGridPaste(any, SECURED_NAMES, 'money', SECURED_LAYOUT);
  // The project's 붙임5 row under the form, and again in its print (with another test id).
  const derivedRow = (testId?: string) => (
    <FinancePanel
      projectId={doc.projectId}
      periodId={doc.periodId}
      term={props.term}
      refreshKey={handle.savedCount}
      {...(testId === undefined ? {} : { testId })}
    />
  );
  return (
    <EditorFrame
      handle={handle}
      title="재정집행 현황"
      projectId={doc.projectId}
      projectName={props.projectName}
      subtitle={props.periodLabel}
      onReload={props.onReload}
      onClose={props.onClose}
      extraActions={
        props.onOpenCard && (
          <button type="button" onClick={props.onOpenCard}>
            관리카드로
          </button>
        )
      }
      renderPrint={() => {
        return (
          <FinancePrint
            row={printable(financeRowSchema, any.getValues(), handle.lastSaved(), doc)}
            projectName={props.projectName}
            executedYears={executedYears}
            derived={derivedRow('print-finance-row')}
          />
        );
      }}
      below={derivedRow()}
    >
      <fieldset className="section" data-path="secured">
        <legend>확보내역 (임기 중 확보한 예산, 백만원)</legend>
        <p className="hint">
          임기 시작부터 이번 반기까지 확보한 누계입니다. 새 반기는 지난 반기의 금액에서 시작하니 늘어난 만큼
          고치세요.
        </p>
        <p className="hint" data-testid="finance-source-names">
          붙임5 양식의 이름입니다: {FINANCE_SOURCE_LABELS.city}는 관리카드의 {FUNDING_SOURCE_LABELS.city},{' '}
          {FINANCE_SOURCE_LABELS.district}는 {FUNDING_SOURCE_LABELS.district}입니다.
        </p>
        <table className="grid money-grid secured-grid">
          <thead>
            <tr>
              {FUNDING_SOURCES.map((s) => (
                <th key={s} scope="col">
                  {FINANCE_SOURCE_LABELS[s]}
                </th>
              ))}
              <th scope="col">확보총계</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              {FUNDING_SOURCES.map((s, column) => (
                <td key={s}>
                  <AmountCell
                    form={any}
                    name={`secured.${s}`}
                    label={`확보내역 ${FINANCE_SOURCE_LABELS[s]} (백만원)`}
                    onPaste={(e) => paste.onPaste(e, 0, column)}
                  />
                </td>
              ))}
              <SecuredTotal form={any} />
            </tr>
          </tbody>
        </table>
        <PasteNote note={paste.note} testId="secured-paste-note" />
        <TextArea form={any} name="note" label="비고 (참고사항)" />
      </fieldset>
      {props.isLead ? (
        <p className="hint" data-testid="executed-from-card">
          주관부서의 임기내 집행은 관리카드의 연차별 집행액에서 계산되므로 여기에 입력하지 않습니다.
        </p>
      ) : (
        <fieldset className="section" data-path="executed">
          <legend>임기내 집행 (자기 부서 집행액, 백만원)</legend>
          <p className="hint">
            협조부서는 관리카드를 쓰지 않으니, 이 사업에 자기 부서가 집행한 금액을 연도별로 적습니다.
            주관부서의 집행액과 합쳐 재정집행 현황에 실립니다.
          </p>
          <RowExecutedGrid form={any} years={executedYears} />
        </fieldset>
      )}
    </EditorFrame>
  );
}
