import { memo, useEffect, useRef, useState } from 'react';
import { useFieldArray, useWatch } from 'react-hook-form';
import type { OpenedDocument } from '../../../domain/api/contract';
import {
  CHANGE_GOAL_CATEGORY,
  CHANGE_ROW_CATEGORIES,
  changeRequestSchema,
  changeRequestSubject,
  CONTACT_POSITION_LABELS,
  CONTACT_POSITIONS,
  DECISION_STATUS_LABELS,
  type ChangeRequest,
  type ExecutionPlan,
} from '../../../domain/documents';
import { planOriginalFor } from '../../../domain/documents/change-original';
import { api } from '../api/client';
import { StatusMessage } from '../components/StatusMessage';
import { EditorFrame } from './EditorFrame';
import { formatBytes } from '../components/format-bytes';
import { fieldId, TextArea, TextInput, type AnyForm } from './form-kit';
import { ChangeRequestPrint } from './print';
import { AttachmentPicker } from './sections';
import { requestLabel } from './request-label';
import { confirmRemoval, focusAfterRemoval, removalQuestion } from './row-removal';
import { useDocumentForm } from './use-document-form';
import { printable } from './partial-save';

/** 붙임6 공약 조정 요청서 (simple): 변경 요구내용 rows, 사유, 관련자료. */

/** The request with 당초 of its goal rows taken from the confirmed plan. */
function withPlanGoal(doc: ChangeRequest, plan: ExecutionPlan | null): ChangeRequest {
  if (plan === null) return doc;
  return {
    ...doc,
    rows: doc.rows.map((row) =>
      row.category === CHANGE_GOAL_CATEGORY ? { ...row, original: plan.policyGoal } : row,
    ),
  };
}

/** What the request changes, by its rows' 구분 as they are typed (only this re-renders while rows are edited). */
function RequestSubject({ form }: { form: AnyForm }) {
  const rows = useWatch({ control: form.control, name: 'rows' }) as { category?: unknown }[] | undefined;
  const categories = (rows ?? []).map((r) => ({
    category: typeof r?.category === 'string' ? r.category : '',
  }));
  return <span data-testid="request-subject">{changeRequestSubject({ rows: categories })}</span>;
}

const ChangeRow = memo(function ChangeRow(props: {
  form: AnyForm;
  index: number;
  plan: ExecutionPlan | null;
  onRemove: () => void;
}) {
  const { form, index } = props;
  const base = `rows.${index}`;
  const category = useWatch({ control: form.control, name: `${base}.category` }) as string;
  const original = useWatch({ control: form.control, name: `${base}.original` }) as string;
  const { plan } = props;
  // Shown read-only as the plan's 정책목표 only while it is that text (or about to be): text typed in 당초 before
  // 구분 was changed to the goal stays editable rather than shown as the plan's.
  const fromPlan =
    category === CHANGE_GOAL_CATEGORY &&
    plan !== null &&
    (original === plan.policyGoal || (original ?? '').trim() === '');

  // Picking (or typing) a 구분 fills a 당초 that is still empty from the confirmed plan, as the first row is filled
  // when the request is made. 당초 that was filled this way for the 구분 before follows the new 구분; text the
  // person typed or changed is never replaced.
  const categoryBefore = useRef(category);
  useEffect(() => {
    const before = categoryBefore.current;
    if (before === category) return;
    categoryBefore.current = category;
    if (plan === null) return;
    const current = (form.getValues(`${base}.original`) as string | undefined) ?? '';
    const fromBefore = typeof before === 'string' ? planOriginalFor(before, plan) : null;
    const ours =
      current.trim() === '' || (fromBefore !== null && fromBefore !== '' && current === fromBefore);
    if (!ours) return;
    const next = planOriginalFor(category ?? '', plan) ?? '';
    if (next === current || (next === '' && current.trim() === '')) return;
    form.setValue(`${base}.original`, next, { shouldDirty: true, shouldValidate: true });
  }, [category, plan, form, base]);
  return (
    <tr data-path={base} data-row-of="rows">
      <td>
        <TextInput
          form={form}
          name={`${base}.category`}
          label={`변경 ${index + 1} 구분`}
          hideLabel
          list="change-categories"
        />
      </td>
      <td>
        {fromPlan ? (
          <div
            className="frozen-text pre"
            data-testid={`change-original-${index}`}
            aria-label={`변경 ${index + 1} 당초`}
          >
            {original}
            <p className="hint">확정된 실천계획서의 정책목표</p>
          </div>
        ) : (
          <TextArea form={form} name={`${base}.original`} label={`변경 ${index + 1} 당초`} hideLabel />
        )}
      </td>
      <td>
        <TextArea form={form} name={`${base}.proposed`} label={`변경 ${index + 1} 변경안`} hideLabel />
      </td>
      <td>
        <button type="button" className="remove" onClick={props.onRemove}>
          변경 {index + 1} 삭제
        </button>
      </td>
    </tr>
  );
});

const ChangeRows = memo(function ChangeRows({ form, plan }: { form: AnyForm; plan: ExecutionPlan | null }) {
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'rows', keyName: 'key' });
  const addButton = useRef<HTMLButtonElement>(null);
  const removeRow = (index: number) => {
    const row = form.getValues(`rows.${index}`) as { category?: unknown } | undefined;
    const question = removalQuestion(
      `변경 ${index + 1}`,
      String(row?.category ?? ''),
      '구분, 당초 공약과 변경안이 모두 지워집니다.',
    );
    if (!confirmRemoval(row, question)) return;
    remove(index);
    focusAfterRemoval('rows', index, () => addButton.current);
  };
  return (
    <fieldset className="section" data-path="rows">
      <legend>변경 요구내용</legend>
      <datalist id="change-categories">
        {CHANGE_ROW_CATEGORIES.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      <table className="grid change-grid">
        <thead>
          <tr>
            <th scope="col">구분</th>
            <th scope="col">당초 공약</th>
            <th scope="col">변경안</th>
            <th scope="col">
              <span className="sr-only">삭제</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {fields.map((f, i) => (
            <ChangeRow key={f.key} form={form} index={i} plan={plan} onRemove={() => removeRow(i)} />
          ))}
        </tbody>
      </table>
      <button
        type="button"
        ref={addButton}
        onClick={() => append({ category: '', original: '', proposed: '' })}
      >
        + 변경 항목 추가
      </button>
    </fieldset>
  );
});

const EvidenceRows = memo(function EvidenceRows({ form }: { form: AnyForm }) {
  const { fields, append, remove } = useFieldArray({
    control: form.control,
    name: 'evidence',
    keyName: 'key',
  });
  const section = useRef<HTMLFieldSetElement>(null);
  const removeEvidence = (index: number) => {
    const row = form.getValues(`evidence.${index}`) as { file?: { name?: unknown } } | undefined;
    const question = removalQuestion(
      `관련자료 ${index + 1}`,
      String(row?.file?.name ?? ''),
      '첨부한 파일과 설명이 목록에서 빠집니다.',
    );
    if (!confirmRemoval(row, question)) return;
    remove(index);
    focusAfterRemoval('evidence', index, () => section.current?.querySelector('.attachment-picker') ?? null);
  };
  return (
    <fieldset className="section" data-path="evidence" ref={section}>
      <legend>관련자료 (전문가 검토의견, 공청회 회의자료 등)</legend>
      <ul className="attachment-list">
        {fields.map((f, i) => {
          const file = (f as unknown as { file: { name: string; size: number } }).file;
          return (
            <li key={f.key} className="attachment-row" data-testid="attachment-item" data-row-of="evidence">
              <span className="file-name">{file.name}</span>{' '}
              <span className="hint">({formatBytes(file.size)})</span>
              <TextInput form={form} name={`evidence.${i}.description`} label={`관련자료 ${i + 1} 설명`} />
              <button type="button" className="remove" onClick={() => removeEvidence(i)}>
                관련자료 {i + 1} 삭제
              </button>
            </li>
          );
        })}
      </ul>
      <AttachmentPicker label="관련자료 첨부" onUploaded={(file) => append({ description: '', file })} />
    </fieldset>
  );
});

/**
 * 처리 이력: the request's steps as stored (제출's 요청, and the office's 검토·승인·반려 once its package brought
 * them back), with each note — a 반려's reason is read here. Nothing to show while it was never submitted.
 */
function DecisionSteps({ steps }: { steps: ChangeRequest['decisionHistory'] }) {
  if (steps.length === 0) return null;
  return (
    <fieldset className="section" data-testid="decision-steps">
      <legend>처리 이력</legend>
      <ul className="details">
        {steps.map((step, i) => (
          <li key={i}>
            {step.date} {DECISION_STATUS_LABELS[step.status]} ({step.by}){step.note ? ` — ${step.note}` : ''}
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

export function ChangeRequestForm(props: {
  opened: OpenedDocument;
  plan: ExecutionPlan | null;
  onReload: () => void;
  onClose: () => void;
}) {
  const doc = props.opened.document as ChangeRequest;
  // 당초 of the goal row starts as the confirmed plan's text, so opening a new request saves nothing by itself.
  // The department's submission is the request's first step ('요청'): the server records it on 제출, dated by the
  // program's clock in Korea (not this PC's date or time zone); the office adds the later ones.
  const { form: any, handle } = useDocumentForm(
    changeRequestSchema,
    props.opened.readOnly ? doc : withPlanGoal(doc, props.plan),
    props.opened,
  );
  const { plan } = props;

  // 당초 of the goal row is the confirmed plan's text, filled in (and kept) from the plan.
  useEffect(() => {
    if (plan === null || props.opened.readOnly) return;
    doc.rows.forEach((row, i) => {
      if (row.category === CHANGE_GOAL_CATEGORY && row.original !== plan.policyGoal) {
        any.setValue(`rows.${i}.original`, plan.policyGoal, { shouldDirty: true });
      }
    });
  }, [plan, doc, any, props.opened.readOnly]);

  // 처리 이력 as stored: the server adds the 요청 step on 제출 (dated by the program's clock), so after a 제출 the
  // stored request is read back to show it at once, not only when the form is opened again.
  const [steps, setSteps] = useState(doc.decisionHistory);
  const submitted = handle.status === 'submitted';
  const hasRequestStep = steps.some((step) => step.status === 'requested');
  useEffect(() => {
    if (!submitted || hasRequestStep) return;
    let live = true;
    api.openDocument(handle.ref).then(
      (stored) => {
        if (live) setSteps((stored.document as ChangeRequest).decisionHistory);
      },
      // Shown only: the steps appear when the form is opened again.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [submitted, hasRequestStep, handle.ref]);

  const [discardError, setDiscardError] = useState<string | null>(null);
  /** 삭제: a request never submitted is given up, with its saved versions (the server refuses any other). */
  const discard = async () => {
    if (!window.confirm('이 조정 요청서를 삭제할까요? 저장된 내용과 이전 버전이 모두 지워집니다.')) return;
    setDiscardError(null);
    // Pending typing is saved first, so nothing saves the request again once it is gone.
    await handle.flush();
    // Never stored (opened and left untouched): there is nothing to delete.
    if (handle.version() === null) {
      props.onClose();
      return;
    }
    try {
      await api.discardDraft(handle.ref);
      props.onClose();
    } catch (error) {
      setDiscardError(error instanceof Error ? error.message : String(error));
    }
  };

  const positionId = fieldId('contact.position');
  return (
    <EditorFrame
      handle={handle}
      title="공약 조정 요청서"
      projectId={doc.projectId}
      projectName={doc.projectName}
      subtitle={
        <>
          <RequestSubject form={any} /> · {requestLabel(doc.requestId)}
        </>
      }
      onReload={props.onReload}
      onClose={props.onClose}
      extraActions={
        !props.opened.readOnly && (handle.status === 'new' || handle.status === 'draft') ? (
          <button type="button" onClick={() => void discard()}>
            삭제
          </button>
        ) : undefined
      }
      renderPrint={() => {
        const request = printable(changeRequestSchema, any.getValues(), handle.lastSaved(), doc);
        return <ChangeRequestPrint request={request} />;
      }}
    >
      {discardError && <StatusMessage kind="error">{discardError}</StatusMessage>}
      <fieldset className="section">
        <legend>요청 부서</legend>
        <dl className="readonly-fields">
          <dt>공약번호</dt>
          <dd data-testid="project-id">{doc.projectId}</dd>
          <dt>공약명</dt>
          <dd>{doc.projectName}</dd>
          <dt>부서명</dt>
          <dd>{doc.department}</dd>
        </dl>
        {plan === null && <p className="hint">확정된 실천계획서가 없어 당초 공약을 직접 입력합니다.</p>}
        <div className="contact-row" data-path="contact">
          <div className="field">
            <label htmlFor={positionId}>담당자 직위</label>
            <select id={positionId} {...any.register('contact.position')}>
              {CONTACT_POSITIONS.map((p) => (
                <option key={p} value={p}>
                  {CONTACT_POSITION_LABELS[p]}
                </option>
              ))}
            </select>
          </div>
          <TextInput form={any} name="contact.unit" label="담당자 소속 과·팀" />
          <TextInput form={any} name="contact.name" label="담당자 이름" />
          <TextInput form={any} name="contact.phone" label="담당자 전화" inputMode="tel" />
        </div>
      </fieldset>
      <DecisionSteps steps={steps} />
      <ChangeRows form={any} plan={plan} />
      <fieldset className="section">
        <legend>변경 요구사유</legend>
        <TextArea form={any} name="reason" label="변경 요구사유" rows={5} />
      </fieldset>
      <EvidenceRows form={any} />
    </EditorFrame>
  );
}
