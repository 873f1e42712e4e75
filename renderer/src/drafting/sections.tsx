import { memo, useRef, useState } from 'react';
import { get, useFieldArray, useFormState, useWatch } from 'react-hook-form';
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_MEDIA_TYPES,
  type AttachmentUploaded,
} from '../../../domain/api/contract';
import {
  ATTACHMENT_CATEGORIES,
  ATTACHMENT_CATEGORY_LABELS,
  CONTACT_POSITION_LABELS,
  CONTACT_POSITIONS,
  emptyContact,
  PARTICIPATION_COUNT_KEYS,
  PARTICIPATION_COUNT_LABELS,
} from '../../../domain/documents';
import { ApiCallError, api } from '../api/client';
import { FilePicker } from '../components/FilePicker';
import { formatBytes } from '../components/format-bytes';
import { dateListErrors, normalizedDateLine, readDateList } from './date-list';
import { FieldError, fieldId, TextInput, type AnyForm } from './form-kit';
import { confirmRemoval, focusAfterRemoval, removalQuestion } from './row-removal';
import { selectOnEnter } from './select-on-focus';

/** Sections shared by several forms: contacts, cooperating departments, citizen participation, attachments. */

const ContactRow = memo(function ContactRow(props: {
  form: AnyForm;
  list: string;
  base: string;
  label: string;
  onRemove?: () => void;
}) {
  const { form, base, label } = props;
  const positionId = fieldId(`${base}.position`);
  return (
    <div className="contact-row" data-path={base} data-row-of={props.list}>
      <div className="field">
        <label htmlFor={positionId}>{label} 직위</label>
        <select id={positionId} {...form.register(`${base}.position`)}>
          {CONTACT_POSITIONS.map((p) => (
            <option key={p} value={p}>
              {CONTACT_POSITION_LABELS[p]}
            </option>
          ))}
        </select>
      </div>
      <TextInput
        form={form}
        name={`${base}.unit`}
        label={`${label} 소속 과·팀`}
        placeholder="예: 투자창업과"
      />
      <TextInput form={form} name={`${base}.name`} label={`${label} 이름`} />
      <TextInput
        form={form}
        name={`${base}.phone`}
        label={`${label} 전화`}
        inputMode="tel"
        placeholder="예: 02-2133-0000"
      />
      {props.onRemove && (
        <button type="button" className="remove" onClick={props.onRemove} aria-label={`${label} 삭제`}>
          삭제
        </button>
      )}
    </div>
  );
});

export const ContactList = memo(function ContactList(props: { form: AnyForm; name: string; label: string }) {
  const { fields, append, remove } = useFieldArray({
    control: props.form.control,
    name: props.name,
    keyName: 'key',
  });
  const addButton = useRef<HTMLButtonElement>(null);
  const removeContact = (index: number) => {
    const row = props.form.getValues(`${props.name}.${index}`) as { name?: unknown } | undefined;
    const question = removalQuestion(
      `${props.label} ${index + 1}`,
      String(row?.name ?? ''),
      '소속, 이름과 전화번호가 지워집니다.',
    );
    if (!confirmRemoval(row, question, ['position'])) return;
    remove(index);
    focusAfterRemoval(props.name, index, () => addButton.current);
  };
  return (
    <div className="contact-list" data-path={props.name}>
      {fields.map((f, i) => (
        <ContactRow
          key={f.key}
          form={props.form}
          list={props.name}
          base={`${props.name}.${i}`}
          label={`${props.label} ${i + 1}`}
          onRemove={fields.length > 1 ? () => removeContact(i) : undefined}
        />
      ))}
      <FieldError form={props.form} name={props.name} />
      <button type="button" ref={addButton} onClick={() => append(emptyContact())}>
        + {props.label} 추가
      </button>
    </div>
  );
});

export const CooperatingDepartments = memo(function CooperatingDepartments({ form }: { form: AnyForm }) {
  const { fields, append, remove } = useFieldArray({
    control: form.control,
    name: 'cooperatingDepartments',
    keyName: 'key',
  });
  const addButton = useRef<HTMLButtonElement>(null);
  const removeDepartment = (index: number) => {
    const row = form.getValues(`cooperatingDepartments.${index}`) as
      { department?: unknown; contacts?: unknown[] } | undefined;
    const people = (row?.contacts ?? []).length;
    const question = removalQuestion(
      `협조부서 ${index + 1}`,
      String(row?.department ?? ''),
      `부서명과 담당자 ${people}명의 소속, 이름, 전화번호가 모두 지워집니다.`,
    );
    if (!confirmRemoval(row, question, ['position'])) return;
    remove(index);
    focusAfterRemoval('cooperatingDepartments', index, () => addButton.current);
  };
  return (
    <fieldset className="section" data-path="cooperatingDepartments">
      <legend>협조부서</legend>
      {fields.length === 0 && <p className="empty">협조부서가 없습니다.</p>}
      {fields.map((f, i) => (
        <div key={f.key} className="coop-dept" data-row-of="cooperatingDepartments">
          <div className="row">
            <TextInput
              form={form}
              name={`cooperatingDepartments.${i}.department`}
              label={`협조부서 ${i + 1} 부서명`}
            />
            <button type="button" className="remove" onClick={() => removeDepartment(i)}>
              협조부서 {i + 1} 삭제
            </button>
          </div>
          <ContactList
            form={form}
            name={`cooperatingDepartments.${i}.contacts`}
            label={`협조부서 ${i + 1} 담당자`}
          />
        </div>
      ))}
      <button
        type="button"
        ref={addButton}
        onClick={() => append({ department: '', contacts: [emptyContact()] })}
      >
        + 협조부서 추가
      </button>
    </fieldset>
  );
});

const ACCEPT = ATTACHMENT_MEDIA_TYPES.join(',') + ',.hwp,.hwpx';

/** Browsers often give no type for 한글 files; the extension decides then. */
function mediaTypeOf(file: File): string {
  if (file.type !== '') return file.type;
  const ext = file.name.toLowerCase().split('.').pop() ?? '';
  const byExt: Record<string, string> = {
    hwp: 'application/x-hwp',
    hwpx: 'application/vnd.hancom.hwpx',
    pdf: 'application/pdf',
    txt: 'text/plain',
    png: 'image/png',
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
    gif: 'image/gif',
  };
  return byExt[ext] ?? 'application/octet-stream';
}

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(new Error(`파일을 읽을 수 없습니다: ${file.name}`));
    reader.readAsDataURL(file);
  });
}

/** A file input that stores the file by hash and hands back its reference; refusals are shown in Korean. */
export function AttachmentPicker(props: { label: string; onUploaded: (ref: AttachmentUploaded) => void }) {
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  /** Why one file cannot be attached, or null when it can be sent. */
  const refusal = (file: File): string | null => {
    if (!(ATTACHMENT_MEDIA_TYPES as readonly string[]).includes(mediaTypeOf(file)))
      return `첨부할 수 없는 파일 형식입니다: ${file.name} (사진 PNG·JPEG·GIF, PDF, 한글(HWP), 워드, 엑셀, 텍스트만 가능).`;
    if (file.size > ATTACHMENT_MAX_BYTES)
      return `첨부파일은 20MB 이하만 가능합니다: ${file.name} (${formatBytes(file.size)})`;
    return null;
  };
  // Several files chosen at once are attached one after another, in the order chosen; each one refused is named
  // and the others are attached all the same.
  const upload = async (files: readonly File[]) => {
    setErrors([]);
    setBusy(true);
    const refused: string[] = [];
    try {
      for (const file of files) {
        const problem = refusal(file);
        if (problem !== null) {
          refused.push(problem);
          continue;
        }
        try {
          const dataBase64 = await readBase64(file);
          props.onUploaded(
            await api.saveAttachment({
              name: file.name,
              mediaType: mediaTypeOf(file) as (typeof ATTACHMENT_MEDIA_TYPES)[number],
              dataBase64,
            }),
          );
        } catch (e) {
          const detail = e instanceof ApiCallError ? Object.values(e.details)[0] : undefined;
          refused.push(`${file.name}: ${detail ?? (e instanceof Error ? e.message : String(e))}`);
        }
      }
    } finally {
      setErrors(refused);
      setBusy(false);
    }
  };
  return (
    <div className="attachment-picker">
      <FilePicker
        label={props.label}
        hint="여러 파일을 한 번에 고를 수 있습니다 (Ctrl 또는 Shift)."
        accept={ACCEPT}
        disabled={busy}
        multiple
        onFiles={(files) => void upload(files)}
      />
      {busy && <span className="hint">올리는 중…</span>}
      {errors.map((error) => (
        <p key={error} className="field-error" role="alert" data-testid="attachment-error">
          {error}
        </p>
      ))}
    </div>
  );
}

/**
 * "2018-09, 2018-10-02" ↔ ["2018-09", "2018-10-02"], kept as typed while editing. A date refused is said under
 * the line by its place and text ("2번째 날짜(2018-13): …"), and has an anchor with the id its path gives
 * (`dates.1`): 제출 전 확인 names the place from it and a click on the entry reaches this input through it.
 */
const DatesInput = memo(function DatesInput(props: { form: AnyForm; name: string; label: string }) {
  const value = (useWatch({ control: props.form.control, name: props.name }) as string[] | undefined) ?? [];
  const [text, setText] = useState(value.join(', '));
  const { errors } = useFormState({ control: props.form.control, name: props.name });
  const problems = dateListErrors(get(errors, props.name));
  const input = useRef<HTMLInputElement>(null);
  const id = fieldId(props.name);
  const pathOf = (index: number | null) => (index === null ? props.name : `${props.name}.${index}`);
  const placeOf = (index: number) => `${index + 1}번째 날짜`;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        ref={input}
        type="text"
        value={text}
        placeholder="예: 2018-09, 2018-10-02"
        aria-invalid={problems.length > 0 ? true : undefined}
        aria-describedby={
          problems.length > 0 ? problems.map((p) => `${fieldId(pathOf(p.index))}-error`).join(' ') : undefined
        }
        onChange={(e) => {
          setText(e.target.value);
          props.form.setValue(props.name, readDateList(e.target.value), {
            shouldValidate: true,
            shouldDirty: true,
          });
        }}
        // Left, the line shows each date read in the stored form ("2018.9.12" → "2018-09-12").
        onBlur={() => {
          const shown = normalizedDateLine(text);
          if (shown === text) return;
          setText(shown);
          const dates = readDateList(shown);
          if (dates.join(',') !== readDateList(text).join(','))
            props.form.setValue(props.name, dates, { shouldValidate: true, shouldDirty: true });
        }}
      />
      {problems.map(({ index }) =>
        index === null ? null : (
          <span
            key={`anchor-${index}`}
            id={fieldId(pathOf(index))}
            className="sr-only"
            tabIndex={-1}
            aria-label={`${props.label} ${placeOf(index)}`}
            onFocus={() => input.current?.focus()}
          />
        ),
      )}
      {problems.map(({ index, message }) => (
        <p
          key={index ?? 'list'}
          className="field-error"
          id={`${fieldId(pathOf(index))}-error`}
          data-error-for={pathOf(index)}
        >
          {index === null ? message : `${placeOf(index)}(${value[index] ?? ''}): ${message}`}
        </p>
      ))}
    </div>
  );
});

const AttachmentRow = memo(function AttachmentRow(props: {
  form: AnyForm;
  base: string;
  index: number;
  onRemove: () => void;
}) {
  const { form, base } = props;
  const file = useWatch({ control: form.control, name: `${base}.file` }) as
    { name: string; size: number } | undefined;
  const categoryId = fieldId(`${base}.category`);
  return (
    <li
      className="attachment-row"
      data-testid="attachment-item"
      data-row-of="citizenParticipation.attachments"
    >
      <span className="file-name">{file?.name}</span>{' '}
      <span className="hint">({formatBytes(file?.size ?? 0)})</span>
      <div className="field">
        <label htmlFor={categoryId}>첨부 {props.index + 1} 구분</label>
        <select id={categoryId} {...form.register(`${base}.category`)}>
          {ATTACHMENT_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {ATTACHMENT_CATEGORY_LABELS[c]}
            </option>
          ))}
        </select>
      </div>
      <TextInput form={form} name={`${base}.caption`} label={`첨부 ${props.index + 1} 설명`} />
      <button type="button" className="remove" onClick={props.onRemove}>
        첨부 {props.index + 1} 삭제
      </button>
    </li>
  );
});

/** 시민참여 실적: counts, the activity list and photos / press clippings. */
export const ParticipationSection = memo(function ParticipationSection({
  form,
  title,
  hint,
}: {
  form: AnyForm;
  title: string;
  /** A line under the title (the card's counts are running totals, the plan's are what is planned). */
  hint?: string;
}) {
  const activities = useFieldArray({
    control: form.control,
    name: 'citizenParticipation.activities',
    keyName: 'key',
  });
  const attachments = useFieldArray({
    control: form.control,
    name: 'citizenParticipation.attachments',
    keyName: 'key',
  });
  const [countsEntry] = useState(selectOnEnter);
  const section = useRef<HTMLFieldSetElement>(null);
  const addActivity = useRef<HTMLButtonElement>(null);
  const removeActivity = (index: number) => {
    const row = form.getValues(`citizenParticipation.activities.${index}`) as
      { description?: unknown } | undefined;
    const question = removalQuestion(
      `활동 ${index + 1}`,
      String(row?.description ?? ''),
      '내용, 횟수와 일자가 지워집니다.',
    );
    if (!confirmRemoval(row, question)) return;
    activities.remove(index);
    focusAfterRemoval('citizenParticipation.activities', index, () => addActivity.current);
  };
  const removeAttachment = (index: number) => {
    const row = form.getValues(`citizenParticipation.attachments.${index}`) as
      { file?: { name?: unknown } } | undefined;
    const question = removalQuestion(
      `첨부 ${index + 1}`,
      String(row?.file?.name ?? ''),
      '첨부한 파일과 설명이 목록에서 빠집니다.',
    );
    if (!confirmRemoval(row, question)) return;
    attachments.remove(index);
    // No attachment left: the file picker that adds one.
    focusAfterRemoval(
      'citizenParticipation.attachments',
      index,
      () => section.current?.querySelector('.attachment-picker') ?? null,
    );
  };
  return (
    <fieldset className="section" data-path="citizenParticipation" ref={section}>
      <legend>{title}</legend>
      {hint !== undefined && <p className="hint">{hint}</p>}
      <div className="counts" {...countsEntry}>
        {PARTICIPATION_COUNT_KEYS.map((k) => (
          <TextInput
            key={k}
            form={form}
            name={`citizenParticipation.counts.${k}`}
            label={`${PARTICIPATION_COUNT_LABELS[k]} (회)`}
            inputMode="numeric"
            className="count-field"
          />
        ))}
      </div>
      <h4>활동 목록</h4>
      {activities.fields.length === 0 && <p className="empty">입력한 활동이 없습니다.</p>}
      <ol className="activity-list">
        {activities.fields.map((f, i) => (
          <li key={f.key} className="activity-row" data-row-of="citizenParticipation.activities">
            <TextInput
              form={form}
              name={`citizenParticipation.activities.${i}.description`}
              label={`활동 ${i + 1} 내용`}
              placeholder="전문가 및 단체 자문회의 개최"
              className="grow"
            />
            <TextInput
              form={form}
              name={`citizenParticipation.activities.${i}.count`}
              label={`활동 ${i + 1} 횟수`}
              inputMode="numeric"
              className="count-field"
            />
            <DatesInput
              form={form}
              name={`citizenParticipation.activities.${i}.dates`}
              label={`활동 ${i + 1} 일자`}
            />
            <button type="button" className="remove" onClick={() => removeActivity(i)}>
              활동 {i + 1} 삭제
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        ref={addActivity}
        onClick={() => activities.append({ description: '', count: null, dates: [] })}
      >
        + 활동 추가
      </button>
      <h4>주요활동사진 및 언론보도</h4>
      <ul className="attachment-list">
        {attachments.fields.map((f, i) => (
          <AttachmentRow
            key={f.key}
            form={form}
            base={`citizenParticipation.attachments.${i}`}
            index={i}
            onRemove={() => removeAttachment(i)}
          />
        ))}
      </ul>
      <AttachmentPicker
        label="사진·보도자료 첨부"
        onUploaded={(file) => attachments.append({ category: 'photo', caption: '', file })}
      />
    </fieldset>
  );
});
