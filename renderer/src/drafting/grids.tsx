import { Fragment, memo, useCallback, useMemo, useState, type ClipboardEvent, type ReactNode } from 'react';
import { useWatch } from 'react-hook-form';
import {
  AFTER_TERM,
  executedGridTotals,
  FUNDING_SOURCE_LABELS,
  FUNDING_SOURCES,
  investmentGridTotals,
  sumAmounts,
  type FundingSource,
} from '../../../domain/documents';
import type { BudgetYearColumn, ScheduleColumn } from '../../../domain/term/periods';
import {
  AmountCell,
  ErrorText,
  cellNumber,
  fieldId,
  formatMoney,
  numericGrid,
  useFieldError,
  type AnyForm,
} from './form-kit';
import {
  executedLayout,
  investmentLayout,
  isBlockPaste,
  parseClipboardTable,
  pasteNote,
  spreadPaste,
  type LayoutColumn,
} from './paste-grid';

/**
 * The money and schedule grids of the plan and the card. Input rows never watch values; only the small total
 * cells subscribe (useWatch scoped to one row or one grid), so typing re-renders a handful of cells, not the form.
 */

type SourceGridNumbers = Parameters<typeof investmentGridTotals>[0];

/** A grid's paste handler for the cell at (row, column) of its editable cells. */
export type PasteAt = (
  e: ClipboardEvent<HTMLInputElement | HTMLTextAreaElement>,
  row: number,
  column: number,
) => void;

/**
 * Pasting a block copied from a spreadsheet (values separated by tabs, rows by line breaks) into a cell of a grid
 * whose editable cells are `names[row][column]`: the values go into that cell and those after it, each set as if
 * typed there (checked by the same schema, marked dirty so autosave stores it). In a money grid a pasted 계 row
 * is left out, and with the form's `layout` a row copied with its totals (임기내 계, 계, 확보총계) has them left
 * out too, or is refused when they do not add up (spreadPaste). What was left out, refused or fell outside the
 * grid is said under it (`note`); a single value, or in a text grid text that is not a table (HWP, Word), is left to
 * the browser's own paste, which Ctrl+Z can take back.
 */
export function useGridPaste(
  form: AnyForm,
  names: readonly (readonly string[])[],
  cell: 'money' | 'text',
  layout?: readonly LayoutColumn[],
) {
  const [note, setNote] = useState<string | null>(null);
  const onPaste = useCallback<PasteAt>(
    (e, row, column) => {
      const block = parseClipboardTable(e.clipboardData.getData('text/plain'));
      if (!isBlockPaste(block, cell, e.clipboardData.getData('text/html'))) return;
      e.preventDefault();
      const spread = spreadPaste(
        block,
        names,
        { row, column },
        {
          totalRows: cell === 'money',
          current: (name) => form.getValues(name),
          ...(layout === undefined ? {} : { layout }),
        },
      );
      for (const [name, value] of spread.values) {
        form.setValue(name, value, { shouldDirty: true, shouldValidate: true });
      }
      setNote(pasteNote(spread));
    },
    [form, names, cell, layout],
  );
  return { onPaste, note };
}

export function PasteNote({ note, testId }: { note: string | null; testId: string }) {
  if (note === null) return null;
  return (
    <p className="field-error paste-note" role="status" data-testid={testId}>
      {note}
    </p>
  );
}

/** A computed amount in a money grid's row or 계 row. */
function TotalCell({ testId, value }: { testId: string; value: number }) {
  return (
    <td className="num total" data-testid={testId}>
      {formatMoney(value)}
    </td>
  );
}

/** The sum of the cells `keys` of the grid row at `name`, watched live (임기내 계, 계). */
export const RowTotal = memo(function RowTotal(props: {
  form: AnyForm;
  name: string;
  keys: readonly string[];
  testId: string;
}) {
  const row = useWatch({ control: props.form.control, name: props.name }) as
    Record<string, unknown> | undefined;
  return <TotalCell testId={props.testId} value={sumAmounts(props.keys.map((k) => cellNumber(row?.[k])))} />;
});

/** A computed cell of a 계 row. */
type TotalOf = { testId: string; value: number };

/** A money grid's 계 row, watching the whole grid: `cells` are the column totals, then the totals after them. */
const ColumnTotals = memo(function ColumnTotals(props: {
  form: AnyForm;
  base: string;
  cells: (grid: SourceGridNumbers) => readonly TotalOf[];
}) {
  const grid = useWatch({ control: props.form.control, name: props.base });
  return (
    <tr className="totals-row">
      <th scope="row">계</th>
      {props.cells(numericGrid(grid) as SourceGridNumbers).map((c) => (
        <TotalCell key={c.testId} testId={c.testId} value={c.value} />
      ))}
    </tr>
  );
});

const InvestmentRow = memo(function InvestmentRow(props: {
  form: AnyForm;
  base: string;
  source: FundingSource;
  years: readonly BudgetYearColumn[];
  unitLabel: string;
  testPrefix: string;
  row: number;
  onPaste: PasteAt;
}) {
  const { form, base, source, row, onPaste } = props;
  const keys = props.years.map((y) => y.key);
  const sourceLabel = FUNDING_SOURCE_LABELS[source];
  return (
    <tr>
      <th scope="row">{sourceLabel}</th>
      {props.years.map((y, column) => (
        <td key={y.key}>
          <AmountCell
            form={form}
            name={`${base}.${source}.${y.key}`}
            label={`${props.unitLabel} ${sourceLabel} ${y.label} 투자수요 (백만원)`}
            onPaste={(e) => onPaste(e, row, column)}
          />
        </td>
      ))}
      <RowTotal
        form={form}
        name={`${base}.${source}`}
        keys={keys}
        testId={`${props.testPrefix}-${source}-within`}
      />
      <td>
        <AmountCell
          form={form}
          name={`${base}.${source}.${AFTER_TERM}`}
          label={`${props.unitLabel} ${sourceLabel} 임기후 투자수요 (백만원)`}
          onPaste={(e) => onPaste(e, row, keys.length)}
        />
      </td>
      <RowTotal
        form={form}
        name={`${base}.${source}`}
        keys={[...keys, AFTER_TERM]}
        testId={`${props.testPrefix}-${source}-total`}
      />
    </tr>
  );
});

/**
 * A 재원 × column money grid (투자수요, 집행액): the table under its caption, a head row of 재원, the columns and
 * those after them, a row per source (`row`), the 계 row (`totals`), and under it what a paste left out. Its
 * editable cells, in screen order, are `cellKeys` in each source's row; `layout` is the form's row for a paste.
 */
function SourceGrid(props: {
  form: AnyForm;
  base: string;
  caption: string;
  columns: readonly { key: string; label: string }[];
  after: readonly string[];
  cellKeys: readonly string[];
  layout: readonly LayoutColumn[];
  testPrefix: string;
  row: (source: FundingSource, row: number, onPaste: PasteAt) => ReactNode;
  totals: (grid: SourceGridNumbers) => readonly TotalOf[];
}) {
  const keyList = props.cellKeys.join(',');
  const names = useMemo(
    () => FUNDING_SOURCES.map((source) => keyList.split(',').map((key) => `${props.base}.${source}.${key}`)),
    [props.base, keyList],
  );
  const paste = useGridPaste(props.form, names, 'money', props.layout);
  return (
    <>
      <table className="grid money-grid" data-path={props.base}>
        <caption>{props.caption} (단위: 백만원)</caption>
        <thead>
          <tr>
            <th scope="col">재원</th>
            {props.columns.map((c) => (
              <th key={c.key} scope="col">
                {c.label}
              </th>
            ))}
            {props.after.map((label) => (
              <th key={label} scope="col">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {FUNDING_SOURCES.map((source, row) => (
            <Fragment key={source}>{props.row(source, row, paste.onPaste)}</Fragment>
          ))}
        </tbody>
        <tfoot>
          <ColumnTotals form={props.form} base={props.base} cells={props.totals} />
        </tfoot>
      </table>
      <PasteNote note={paste.note} testId={`${props.testPrefix}-paste-note`} />
    </>
  );
}

/** 연차별 투자수요: source × budget year + 임기후, with 임기내 계, 계 and column totals computed live. */
export const InvestmentGrid = memo(function InvestmentGrid(props: {
  form: AnyForm;
  /** e.g. "unitProjects.0.investmentNeeds". */
  base: string;
  years: readonly BudgetYearColumn[];
  unitLabel: string;
  testPrefix: string;
  caption: string;
}) {
  const keys = props.years.map((y) => y.key);
  // The form's row: the years, 임기내 계, 임기후, 계 (as the screen and the print lay it out).
  const layout = useMemo(() => investmentLayout(keys.length), [keys.length]);
  return (
    <SourceGrid
      form={props.form}
      base={props.base}
      caption={props.caption}
      columns={props.years}
      after={['임기내 계', '임기후', '계']}
      // The editable cells: the years then 임기후 (the totals are computed).
      cellKeys={[...keys, AFTER_TERM]}
      layout={layout}
      testPrefix={props.testPrefix}
      row={(source, row, onPaste) => (
        <InvestmentRow
          form={props.form}
          base={props.base}
          source={source}
          years={props.years}
          unitLabel={props.unitLabel}
          testPrefix={props.testPrefix}
          row={row}
          onPaste={onPaste}
        />
      )}
      totals={(grid) => {
        const totals = investmentGridTotals(grid, keys);
        return [
          ...keys.map((y) => ({ testId: `${props.testPrefix}-col-${y}`, value: totals.byColumn[y] ?? 0 })),
          { testId: `${props.testPrefix}-within`, value: totals.withinTerm },
          { testId: `${props.testPrefix}-col-afterTerm`, value: totals.afterTerm },
          { testId: `${props.testPrefix}-total`, value: totals.total },
        ];
      }}
    />
  );
});

/** 연차별 집행액: source × half-year (up to the card's period), with row and column totals. */
export const ExecutedGrid = memo(function ExecutedGrid(props: {
  form: AnyForm;
  base: string;
  periods: readonly { id: string; shortLabel: string }[];
  unitLabel: string;
  testPrefix: string;
}) {
  const ids = props.periods.map((p) => p.id);
  // The form's row: the half-years, then 계.
  const layout = useMemo(() => executedLayout(ids.length), [ids.length]);
  return (
    <SourceGrid
      form={props.form}
      base={props.base}
      caption="연차별 집행액"
      columns={props.periods.map((p) => ({ key: p.id, label: p.shortLabel }))}
      after={['계']}
      // The editable cells: the half-years (the total is computed).
      cellKeys={ids}
      layout={layout}
      testPrefix={props.testPrefix}
      row={(source, row, onPaste) => (
        <tr>
          <th scope="row">{FUNDING_SOURCE_LABELS[source]}</th>
          {props.periods.map((p, column) => (
            <td key={p.id}>
              <AmountCell
                form={props.form}
                name={`${props.base}.${source}.${p.id}`}
                label={`${props.unitLabel} ${FUNDING_SOURCE_LABELS[source]} ${p.shortLabel} 집행액 (백만원)`}
                onPaste={(e) => onPaste(e, row, column)}
              />
            </td>
          ))}
          <RowTotal
            form={props.form}
            name={`${props.base}.${source}`}
            keys={ids}
            testId={`${props.testPrefix}-${source}-total`}
          />
        </tr>
      )}
      totals={(grid) => {
        const totals = executedGridTotals(grid, ids);
        return [
          ...ids.map((p) => ({ testId: `${props.testPrefix}-col-${p}`, value: totals.byPeriod[p] ?? 0 })),
          { testId: `${props.testPrefix}-total`, value: totals.total },
        ];
      }}
    />
  );
});

const ScheduleCell = memo(function ScheduleCell(props: {
  form: AnyForm;
  name: string;
  label: string;
  column: number;
  onPaste: PasteAt;
}) {
  const { column, onPaste } = props;
  const error = useFieldError(props.form, props.name);
  const id = fieldId(props.name);
  return (
    <td>
      <textarea
        id={id}
        rows={3}
        aria-label={props.label}
        aria-invalid={error ? true : undefined}
        onPaste={(e) => onPaste(e, 0, column)}
        {...props.form.register(props.name)}
      />
      {error && (
        <span className="cell-error" data-error-for={props.name}>
          {error}
        </span>
      )}
    </td>
  );
});

/** A half-year text table: its caption, a head row of the columns, and one row of their cells (`children`). */
function PeriodTable(props: {
  className: string;
  testId?: string;
  caption: string;
  columns: readonly { key: string; label: string }[];
  children: ReactNode;
}) {
  return (
    <table className={props.className} data-testid={props.testId}>
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          {props.columns.map((c) => (
            <th key={c.key} scope="col">
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        <tr>{props.children}</tr>
      </tbody>
    </table>
  );
}

/** A half-year text grid (연차별 추진계획 or 연차별 실적), editable. */
export const TextPeriodGrid = memo(function TextPeriodGrid(props: {
  form: AnyForm;
  base: string;
  columns: readonly { key: string; label: string }[];
  caption: string;
  unitLabel: string;
}) {
  const error = useFieldError(props.form, props.base);
  const keyList = props.columns.map((c) => c.key).join(',');
  // One row of half-year cells: a block pasted with tabs spreads along it.
  const names = useMemo(
    () => [keyList.split(',').map((key) => `${props.base}.${key}`)],
    [props.base, keyList],
  );
  const paste = useGridPaste(props.form, names, 'text');
  return (
    <div className="grid-wrap" data-path={props.base}>
      <PeriodTable className="grid text-grid" caption={props.caption} columns={props.columns}>
        {props.columns.map((c, column) => (
          <ScheduleCell
            key={c.key}
            form={props.form}
            name={`${props.base}.${c.key}`}
            label={`${props.unitLabel} ${props.caption} ${c.label}`}
            column={column}
            onPaste={paste.onPaste}
          />
        ))}
      </PeriodTable>
      <ErrorText name={props.base} message={error} />
      <PasteNote note={paste.note} testId={`${fieldId(props.base)}-paste-note`} />
    </div>
  );
});

/** The same grid as plain text, for frozen fields and print. */
export function ReadOnlyPeriodGrid(props: {
  values: Readonly<Record<string, string | undefined>>;
  columns: readonly ScheduleColumn[] | readonly { key: string; label: string }[];
  caption: string;
  testId?: string;
}) {
  return (
    <PeriodTable
      className="grid text-grid readonly"
      testId={props.testId}
      caption={props.caption}
      columns={props.columns}
    >
      {props.columns.map((c) => (
        <td key={c.key} className="pre">
          {props.values[c.key] ?? ''}
        </td>
      ))}
    </PeriodTable>
  );
}
