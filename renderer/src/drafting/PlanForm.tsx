import { memo, useMemo, useRef } from 'react';
import { useFieldArray } from 'react-hook-form';
import type { OpenedDocument } from '../../../domain/api/contract';
import {
  emptyPlanUnitProject,
  executionPlanSchema,
  nextUnitProjectId,
  parseYearMonthText,
  type ExecutionPlan,
} from '../../../domain/documents';
import {
  listBudgetYears,
  listScheduleColumns,
  type BudgetYearColumn,
  type ScheduleColumn,
} from '../../../domain/term/periods';
import type { Term } from '../../../domain/term/types';
import { EditorFrame } from './EditorFrame';
import { ClassificationFields, ProjectInvestmentTotals, TotalCostField } from './common-fields';
import { TextArea, TextInput, type AnyForm } from './form-kit';
import { InvestmentGrid, TextPeriodGrid } from './grids';
import { PlanPrint } from './print';
import { ContactList, CooperatingDepartments, ParticipationSection } from './sections';
import { josa } from '../../../domain/text/josa';
import { totalCostLabel } from './total-cost-label';
import { useDocumentForm } from './use-document-form';
import { printable } from './partial-save';

/** 붙임3 공약실천계획서. */

const PlanUnit = memo(function PlanUnit(props: {
  form: AnyForm;
  index: number;
  years: readonly BudgetYearColumn[];
  columns: readonly ScheduleColumn[];
  onRemove: (() => void) | null;
}) {
  const { form, index } = props;
  const base = `unitProjects.${index}`;
  const unitLabel = `단위사업 ${index + 1}`;
  return (
    <section className="unit" aria-label={unitLabel} data-testid={`unit-${index}`} data-path={base}>
      <div className="unit-head">
        <h4>{unitLabel}</h4>
        {props.onRemove && (
          <button type="button" className="remove" onClick={props.onRemove}>
            {unitLabel} 삭제
          </button>
        )}
      </div>
      <TextInput form={form} name={`${base}.name`} label={`${unitLabel} 사업명`} />
      <TextArea form={form} name={`${base}.detailedPlan`} label={`${unitLabel} 세부 추진계획`} rows={4} />
      <TextPeriodGrid
        form={form}
        base={`${base}.schedule`}
        columns={props.columns.map((c) => ({ key: c.key, label: c.label }))}
        caption="연차별 추진계획 (추후 임의변경불가)"
        unitLabel={unitLabel}
      />
      <InvestmentGrid
        form={form}
        base={`${base}.investmentNeeds`}
        years={props.years}
        unitLabel={unitLabel}
        testPrefix={`inv-${index}`}
        caption="연차별 투자수요"
      />
      <TextArea
        form={form}
        name={`${base}.cooperationNeeds`}
        label={`${unitLabel} 타기관(중앙부처 등)과 협조 필요사항`}
        hint="예비타당성조사, 중앙투자심사 등"
      />
    </section>
  );
});

const PlanUnits = memo(function PlanUnits(props: {
  form: AnyForm;
  years: readonly BudgetYearColumn[];
  columns: readonly ScheduleColumn[];
}) {
  const { fields, append, remove } = useFieldArray({
    control: props.form.control,
    name: 'unitProjects',
    keyName: 'key',
  });
  const addButton = useRef<HTMLButtonElement>(null);
  // A unit goes with its text and amounts: asked first, naming it; the focus then stays in the list (the unit
  // that took its place, or 단위사업 추가), not on the page's top. 변경 기록 can still bring it back.
  const removeUnit = (index: number) => {
    const name = String(props.form.getValues(`unitProjects.${index}.name`) ?? '').trim();
    const label = `단위사업 ${index + 1}${name === '' ? '' : ` '${name}'`}`;
    if (
      !window.confirm(
        `${josa(label, '을/를')} 삭제할까요? 사업명, 세부 추진계획, 추진계획과 투자수요 금액이 모두 지워집니다.`,
      )
    )
      return;
    remove(index);
    window.setTimeout(() => {
      const next = document.querySelector<HTMLElement>(
        `[data-testid="unit-${Math.min(index, fields.length - 2)}"] h4`,
      );
      if (next) {
        next.tabIndex = -1;
        next.focus();
      } else addButton.current?.focus();
    }, 0);
  };
  return (
    <fieldset className="section" data-path="unitProjects">
      <legend>정책개요 · 단위사업</legend>
      {fields.map((f, i) => (
        <PlanUnit
          key={f.key}
          form={props.form}
          index={i}
          years={props.years}
          columns={props.columns}
          onRemove={fields.length > 1 ? () => removeUnit(i) : null}
        />
      ))}
      <button
        type="button"
        ref={addButton}
        onClick={() => {
          const units = props.form.getValues('unitProjects') as { id: string }[];
          append(emptyPlanUnitProject(nextUnitProjectId(units.map((u) => u.id))));
        }}
      >
        + 단위사업 추가
      </button>
      <ProjectInvestmentTotals form={props.form} years={props.years.map((y) => y.key)} testPrefix="plan" />
    </fieldset>
  );
});

export function PlanForm(props: {
  opened: OpenedDocument;
  term: Term;
  onReload: () => void;
  onClose: () => void;
}) {
  const doc = props.opened.document as ExecutionPlan;
  const { form: any, handle } = useDocumentForm(executionPlanSchema, doc, props.opened);
  const years = useMemo(() => listBudgetYears(props.term), [props.term]);
  const columns = useMemo(() => listScheduleColumns(props.term), [props.term]);

  return (
    <EditorFrame
      handle={handle}
      title="공약실천계획서"
      projectId={doc.projectId}
      projectName={doc.projectName}
      onReload={props.onReload}
      onClose={props.onClose}
      renderPrint={() => {
        const plan = printable(executionPlanSchema, any.getValues(), handle.lastSaved(), doc);
        return <PlanPrint plan={plan} term={props.term} />;
      }}
    >
      <fieldset className="section" data-path="header">
        <legend>기본 정보</legend>
        <dl className="readonly-fields">
          <dt>공약번호</dt>
          <dd data-testid="project-id">{doc.projectId}</dd>
          <dt>공약명</dt>
          <dd data-testid="project-name">{doc.projectName}</dd>
          <dt>주관부서</dt>
          <dd>{doc.department}</dd>
        </dl>
        <h4>주관부서 담당자 (공약실명제)</h4>
        <ContactList form={any} name="leadContacts" label="담당자" />
      </fieldset>
      <CooperatingDepartments form={any} />
      <fieldset className="section">
        <legend>사업 개요</legend>
        <TotalCostField form={any} legend={totalCostLabel(props.term)} />
        <ClassificationFields
          form={any}
          newLegend="추진구분"
          timingLegend="완료구분"
          sourcesLegend="재원구분"
        />
        <TextArea form={any} name="policyGoal" label="정책목표 (추후 임의변경불가)" rows={4} />
        <div
          className="row"
          onBlurCapture={(e) => {
            // "2018.7" or "22년 6월" is stored as "2018-07": shown so once the box is left.
            const name = e.target.getAttribute('name');
            if (name !== 'projectPeriod.from' && name !== 'projectPeriod.to') return;
            const parsed = parseYearMonthText((e.target as HTMLInputElement).value);
            if (
              'value' in parsed &&
              parsed.value !== '' &&
              parsed.value !== (e.target as HTMLInputElement).value
            )
              any.setValue(name, parsed.value, { shouldDirty: true, shouldValidate: true });
          }}
        >
          <TextInput
            form={any}
            name="projectPeriod.from"
            label="사업기간 시작 (연-월)"
            placeholder={`예: ${props.term.start}`}
          />
          <TextInput
            form={any}
            name="projectPeriod.to"
            label="사업기간 종료 (연-월)"
            placeholder={`예: ${props.term.end}`}
          />
        </div>
      </fieldset>
      <PlanUnits form={any} years={years} columns={columns} />
      <ParticipationSection form={any} title="시민참여 실적 (실천계획 수립 과정)" />
    </EditorFrame>
  );
}
