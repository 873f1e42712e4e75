import { memo, type ClipboardEvent, type ReactNode } from 'react';
import { get, useFormState, type FieldValues, type UseFormReturn } from 'react-hook-form';
import { amountProblem, parseAmountText } from '../../../domain/documents';

/**
 * Small field components shared by the four forms. They take the form object (stable across renders) instead of
 * reading a context, so memoised sections do not re-render when the editor around them does; each field
 * subscribes to its own error only.
 */

/** The forms' field names are dot paths checked by the schema, so the kit works on untyped values. */
export type AnyForm = UseFormReturn<FieldValues, unknown, FieldValues>;

export const asAnyForm = <T extends FieldValues, O>(form: UseFormReturn<T, unknown, O>): AnyForm =>
  form as unknown as AnyForm;

/** A DOM id for a field path ("unitProjects.0.name" → "f-unitProjects-0-name"). */
export const fieldId = (name: string) => `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

/** The field's error message (client schema, server details or submit check), or null. */
export function useFieldError(form: AnyForm, name: string): string | null {
  const { errors } = useFormState({ control: form.control, name, exact: true });
  const error = get(errors, name) as { message?: unknown } | undefined;
  return typeof error?.message === 'string' && error.message !== '' ? error.message : null;
}

/** The message under a field; its id lets the input point at it with aria-describedby. */
export function ErrorText({ name, message }: { name: string; message: string | null }) {
  if (message === null) return null;
  return (
    <p className="field-error" id={`${fieldId(name)}-error`} data-error-for={name}>
      {message}
    </p>
  );
}

export function FieldError({ form, name }: { form: AnyForm; name: string }) {
  return <ErrorText name={name} message={useFieldError(form, name)} />;
}

interface InputProps {
  form: AnyForm;
  name: string;
  label: string;
  hint?: string;
  placeholder?: string;
  className?: string;
  inputMode?: 'text' | 'decimal' | 'numeric' | 'tel';
  /** Visually hidden label (grid cells); the label is still read by screen readers. */
  hideLabel?: boolean;
  /** Id of a <datalist> with suggestions. */
  list?: string;
}

/** What TextInput and TextArea put around their box: the label, then the hint and the error under it. */
function LabelledField(
  props: Pick<InputProps, 'name' | 'label' | 'hint' | 'className' | 'hideLabel'> & {
    id: string;
    error: string | null;
    children: ReactNode;
  },
) {
  return (
    <div className={`field ${props.className ?? ''}`}>
      <label htmlFor={props.id} className={props.hideLabel ? 'sr-only' : undefined}>
        {props.label}
      </label>
      {props.children}
      {props.hint && <p className="hint">{props.hint}</p>}
      <ErrorText name={props.name} message={props.error} />
    </div>
  );
}

export const TextInput = memo(function TextInput(props: InputProps) {
  const { form, name } = props;
  const error = useFieldError(form, name);
  const id = fieldId(name);
  return (
    <LabelledField {...props} id={id} error={error}>
      <input
        id={id}
        type="text"
        inputMode={props.inputMode}
        placeholder={props.placeholder}
        list={props.list}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...form.register(name)}
      />
    </LabelledField>
  );
});

export const TextArea = memo(function TextArea(props: InputProps & { rows?: number }) {
  const { form, name } = props;
  const error = useFieldError(form, name);
  const id = fieldId(name);
  return (
    <LabelledField {...props} id={id} error={error}>
      <textarea
        id={id}
        rows={props.rows ?? 3}
        placeholder={props.placeholder}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...form.register(name)}
      />
    </LabelledField>
  );
});

/** A money cell (백만원): decimal keyboard, right-aligned, its error right under it. */
export const AmountCell = memo(function AmountCell(props: {
  form: AnyForm;
  name: string;
  label: string;
  /** A grid's paste handler: a block copied from a spreadsheet goes into this cell and those after it. */
  onPaste?: (e: ClipboardEvent<HTMLInputElement>) => void;
}) {
  const { form, name } = props;
  const error = useFieldError(form, name);
  const id = fieldId(name);
  return (
    <>
      <input
        id={id}
        type="text"
        className="amount"
        inputMode="decimal"
        autoComplete="off"
        aria-label={props.label}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        data-path={name}
        onPaste={props.onPaste}
        {...form.register(name)}
      />
      {error && (
        <span className="cell-error" id={`${id}-error`} data-error-for={name}>
          {error}
        </span>
      )}
    </>
  );
});

interface ChoiceGroupProps<T extends string> {
  form: AnyForm;
  name: string;
  legend: string;
  values: readonly T[];
  labels: Record<T, string>;
}

/** A group of radio buttons (one value) or checkboxes (an array of values), with its field error. */
const ChoiceGroup = memo(function ChoiceGroup<T extends string>(
  props: ChoiceGroupProps<T> & { type: 'radio' | 'checkbox' },
) {
  const { form, name } = props;
  const error = useFieldError(form, name);
  return (
    <fieldset
      className="field radio-group"
      data-path={name}
      aria-invalid={props.type === 'radio' && error ? true : undefined}
    >
      <legend>{props.legend}</legend>
      {props.values.map((value, i) => (
        <label key={value} className="inline-choice">
          <input
            type={props.type}
            value={value}
            id={i === 0 ? fieldId(name) : undefined}
            {...form.register(name)}
          />
          {props.labels[value]}
        </label>
      ))}
      <ErrorText name={name} message={error} />
    </fieldset>
  );
}) as <T extends string>(props: ChoiceGroupProps<T> & { type: 'radio' | 'checkbox' }) => ReactNode;

/** Radio buttons for an enum field (추진구분, 완료구분, 추진상황 …). */
export function RadioGroup<T extends string>(props: ChoiceGroupProps<T>): ReactNode {
  return <ChoiceGroup {...props} type="radio" />;
}

/** Checkbox group stored as an array of values (재원구분). */
export function CheckboxGroup<T extends string>(props: ChoiceGroupProps<T>): ReactNode {
  return <ChoiceGroup {...props} type="checkbox" />;
}

/**
 * A grid cell as typed ("1,200.5", "", 300) → number or null. What the form refuses (negative, more than three
 * decimals, not a number) counts as blank in the live totals, as it is not saved either.
 */
export function cellNumber(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? parseAmountText(value) : null;
  return n !== null && amountProblem(n) === null ? n : null;
}

/** A source grid as typed → numbers, for `investmentGridTotals` / `executedGridTotals`. */
export function numericGrid(grid: unknown): Record<string, Record<string, number | null>> {
  const out: Record<string, Record<string, number | null>> = {};
  if (grid === null || typeof grid !== 'object') return out;
  for (const [source, row] of Object.entries(grid as Record<string, unknown>)) {
    const cells: Record<string, number | null> = {};
    if (row !== null && typeof row === 'object') {
      for (const [key, value] of Object.entries(row as Record<string, unknown>))
        cells[key] = cellNumber(value);
    }
    out[source] = cells;
  }
  return out;
}

const moneyFormat = new Intl.NumberFormat('ko-KR', { maximumFractionDigits: 3 });

/**
 * 백만원 for display: "1,200.5". One formatter for every cell: `toLocaleString` with options builds a new one per
 * call, which made a print of a department's 34 cards spend a quarter of a second formatting their amounts.
 */
export const formatMoney = (n: number) => moneyFormat.format(n);
