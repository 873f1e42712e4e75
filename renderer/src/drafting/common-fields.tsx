import { memo } from 'react';
import { Controller, useWatch } from 'react-hook-form';
import {
  COMPLETION_TIMING_LABELS,
  COMPLETION_TIMINGS,
  FUNDING_SOURCE_LABELS,
  FUNDING_SOURCES,
  investmentTotals,
  NEW_OR_CONTINUING,
  NEW_OR_CONTINUING_LABELS,
} from '../../../domain/documents';
import { wonReading } from '../../../domain/text/won-reading';
import {
  cellNumber,
  CheckboxGroup,
  fieldId,
  formatMoney,
  numericGrid,
  RadioGroup,
  useFieldError,
  type AnyForm,
} from './form-kit';

/** Fields the plan and the card share: 총사업비, 신규/계속, 임기내/임기후, 재원, and the live project totals. */

type TotalCostValue = { kind: 'amount'; amount: string | number } | { kind: 'nonBudget' } | null;

/** 총사업비 read out in 억·만 원 while typed in 백만원: a figure off by a factor of ten shows at once. */
function AmountReading({ id, value }: { id: string; value: unknown }) {
  const n = cellNumber(value);
  return (
    <span className="amount-reading" id={id} data-testid="total-cost-reading">
      {n === null ? '' : `= ${wonReading(n)}`}
    </span>
  );
}

export const TotalCostField = memo(function TotalCostField({
  form,
  legend,
}: {
  form: AnyForm;
  legend: string;
}) {
  const amountError = useFieldError(form, 'totalCost.amount');
  const kindError = useFieldError(form, 'totalCost');
  const amountId = fieldId('totalCost.amount');
  // A refused 총사업비 may be told at 'totalCost' (the whole value) or at its amount: either way the box says so.
  const error = amountError ?? kindError;
  const errorId = `${fieldId('totalCost')}-error`;
  return (
    <Controller
      control={form.control}
      name="totalCost"
      render={({ field }) => {
        const value = field.value as TotalCostValue;
        return (
          <fieldset className="field radio-group" data-path="totalCost">
            <legend>{legend}</legend>
            <label className="inline-choice">
              <input
                type="radio"
                name="totalCost-kind"
                id={fieldId('totalCost')}
                checked={value?.kind === 'amount'}
                onChange={() => field.onChange({ kind: 'amount', amount: '' })}
              />
              금액
            </label>
            <label className="inline-choice">
              <input
                type="radio"
                name="totalCost-kind"
                checked={value?.kind === 'nonBudget'}
                onChange={() => field.onChange({ kind: 'nonBudget' })}
              />
              비예산
            </label>
            {value?.kind === 'amount' && (
              <span className="inline-amount">
                <label htmlFor={amountId}>총사업비 금액 (백만원)</label>
                <input
                  id={amountId}
                  type="text"
                  className="amount"
                  inputMode="decimal"
                  value={String(value.amount)}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${amountId}-reading ${errorId}` : `${amountId}-reading`}
                  onBlur={field.onBlur}
                  onChange={(e) => field.onChange({ kind: 'amount', amount: e.target.value })}
                />
                <AmountReading id={`${amountId}-reading`} value={value.amount} />
              </span>
            )}
            {error && (
              <p className="field-error" id={errorId} data-error-for="totalCost">
                {error}
              </p>
            )}
          </fieldset>
        );
      }}
    />
  );
});

export const ClassificationFields = memo(function ClassificationFields(props: {
  form: AnyForm;
  newLegend: string;
  timingLegend: string;
  sourcesLegend: string;
}) {
  return (
    <div className="row wrap">
      <RadioGroup
        form={props.form}
        name="newOrContinuing"
        legend={props.newLegend}
        values={NEW_OR_CONTINUING}
        labels={NEW_OR_CONTINUING_LABELS}
      />
      <RadioGroup
        form={props.form}
        name="completionTiming"
        legend={props.timingLegend}
        values={COMPLETION_TIMINGS}
        labels={COMPLETION_TIMING_LABELS}
      />
      <CheckboxGroup
        form={props.form}
        name="fundingSources"
        legend={props.sourcesLegend}
        values={FUNDING_SOURCES}
        labels={FUNDING_SOURCE_LABELS}
      />
    </div>
  );
});

/** The project's 연차별 투자수요 over all 단위사업: 임기내 계, 임기후, 계 — the only place watching every unit. */
export const ProjectInvestmentTotals = memo(function ProjectInvestmentTotals(props: {
  form: AnyForm;
  years: readonly string[];
  testPrefix: string;
}) {
  const units = (useWatch({ control: props.form.control, name: 'unitProjects' }) ?? []) as {
    investmentNeeds?: unknown;
  }[];
  const totals = investmentTotals(
    units.map((u) => ({ investmentNeeds: numericGrid(u.investmentNeeds) as never })),
    props.years,
  ).project;
  return (
    <dl className="project-totals" aria-label="사업 전체 연차별 투자수요 합계">
      <dt>전체 임기내 계</dt>
      <dd className="num" data-testid={`${props.testPrefix}-within`}>
        {formatMoney(totals.withinTerm)}
      </dd>
      <dt>전체 임기후</dt>
      <dd className="num" data-testid={`${props.testPrefix}-after`}>
        {formatMoney(totals.afterTerm)}
      </dd>
      <dt>전체 계</dt>
      <dd className="num" data-testid={`${props.testPrefix}-total`}>
        {formatMoney(totals.total)}
      </dd>
      <dd className="hint">단위: 백만원</dd>
    </dl>
  );
});
