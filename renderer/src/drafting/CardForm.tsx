import { useExecutorLabels } from '../components/executor-labels';
import { memo, useMemo, useRef } from 'react';
import { useFieldArray, useWatch } from 'react-hook-form';
import type { OpenedDocument } from '../../../domain/api/contract';
import {
  asksCompletion,
  CARD_STATUS_LABELS,
  CARD_STATUSES,
  executedTotals,
  EXECUTORS,
  managementCardSchema,
  type ManagementCard,
  STATUS_CRITERIA,
  statusTakesReason,
} from '../../../domain/documents';
import {
  listBudgetYears,
  listPeriods,
  listScheduleColumns,
  type BudgetYearColumn,
  type Period,
  type ScheduleColumn,
} from '../../../domain/term/periods';
import type { Term } from '../../../domain/term/types';
import { josa } from '../../../domain/text/josa';
import { CompletionCriteria } from '../components/CompletionCriteria';
import { formatBytes } from '../components/format-bytes';
import { EditorFrame } from './EditorFrame';
import { FinancePanel } from './FinancePanel';
import { FrozenBadge } from './FrozenBadge';
import { ClassificationFields, ProjectInvestmentTotals, TotalCostField } from './common-fields';
import { formatMoney, numericGrid, RadioGroup, TextArea, type AnyForm } from './form-kit';
import { ExecutedGrid, InvestmentGrid, ReadOnlyPeriodGrid, TextPeriodGrid } from './grids';
import { CardPrint } from './print';
import { AttachmentPicker, ContactList, CooperatingDepartments, ParticipationSection } from './sections';
import { totalCostLabel } from './total-cost-label';
import { useDocumentForm } from './use-document-form';
import { printable } from './partial-save';
import { confirmRemoval, focusAfterRemoval, removalQuestion } from './row-removal';

/** 붙임4 공약관리카드: living fields editable, the plan's frozen fields shown as text. */

const FROZEN_NOTE = '확정된 실천계획서에서 가져온 항목입니다. 변경은 공약 조정 요청서로 합니다.';

/**
 * Why a card's frozen fields are not the current plan's: its half-year ended before they changed, and the card is
 * held to the plan in force then, at the office as here.
 */
const earlierPlanNote = (periodLabel: string, changed: readonly string[]): string =>
  `${periodLabel} 말에 효력이 있던 실천계획서를 따릅니다. 그 뒤 바뀐 ${josa(changed.join(', '), '은/는')} 이후 반기의 관리카드에 적용됩니다.`;

const CardExecutedTotal = memo(function CardExecutedTotal(props: {
  form: AnyForm;
  periods: readonly string[];
}) {
  const units = (useWatch({ control: props.form.control, name: 'unitProjects' }) ?? []) as {
    executed?: unknown;
  }[];
  const total = executedTotals(
    units.map((u) => ({ executed: numericGrid(u.executed) as never })),
    props.periods,
  ).project.total;
  return (
    <p className="executed-total">
      집행액 (자동 계산): <strong data-testid="card-executed-total">{formatMoney(total)}</strong> 백만원
    </p>
  );
});

const EvidenceList = memo(function EvidenceList({ form }: { form: AnyForm }) {
  const { fields, append, remove } = useFieldArray({
    control: form.control,
    name: 'completionEvidence.attachments',
    keyName: 'key',
  });
  const list = useRef<HTMLDivElement>(null);
  const removeEvidence = (index: number) => {
    const row = form.getValues(`completionEvidence.attachments.${index}`) as { name?: unknown } | undefined;
    const question = removalQuestion(
      `근거자료 ${index + 1}`,
      String(row?.name ?? ''),
      '첨부한 파일이 완료 근거에서 빠집니다.',
    );
    if (!confirmRemoval(row, question)) return;
    remove(index);
    // The next file's 삭제 (a file has no field of its own), else the file picker.
    focusAfterRemoval(
      'completionEvidence.attachments',
      index,
      () => list.current?.querySelector('.attachment-picker') ?? null,
    );
  };
  return (
    <div className="evidence" ref={list}>
      <ul className="attachment-list">
        {fields.map((f, i) => {
          const file = f as unknown as { name: string; size: number };
          return (
            <li
              key={f.key}
              className="attachment-row"
              data-testid="attachment-item"
              data-row-of="completionEvidence.attachments"
            >
              <span className="file-name">{file.name}</span>{' '}
              <span className="hint">({formatBytes(file.size)})</span>
              <button type="button" className="remove" onClick={() => removeEvidence(i)}>
                근거자료 {i + 1} 삭제
              </button>
            </li>
          );
        })}
      </ul>
      <AttachmentPicker label="완료 근거자료 첨부" onUploaded={(ref) => append(ref)} />
    </div>
  );
});

const StatusDetails = memo(function StatusDetails({ form }: { form: AnyForm }) {
  const status = useWatch({ control: form.control, name: 'status' }) as ManagementCard['status'] | undefined;
  return (
    <>
      {status && STATUS_CRITERIA[status] !== undefined && (
        <p className="hint" data-testid="status-criterion">
          {CARD_STATUS_LABELS[status]}: {STATUS_CRITERIA[status]}
        </p>
      )}
      {statusTakesReason(status ?? null) && (
        <TextArea form={form} name="statusReason" label="보류·폐기 사유" rows={3} />
      )}
      {status === 'dropped' && (
        <p className="hint" data-testid="card-dropped-hint">
          공약사항은 원칙적으로 임의로 폐기할 수 없습니다. 공약 조정 요청서로 시민공약평가단의 승인을 받은
          뒤에 폐기로 보고하세요. 승인된 조정이 없는 폐기는 기획담당관의 부진 사업에 올라갑니다.
        </p>
      )}
      {asksCompletion(status ?? null) && (
        <fieldset className="section nested" data-path="completionEvidence">
          <legend>완료 근거</legend>
          <p className="hint" data-testid="card-completion-decided">
            {status === 'continuing' ? '이행 후 계속 추진도' : '완료는'} 기획담당관이 관리카드의 추진실적과
            완료 근거를 검토하여 최종 결정합니다(상·하반기 연 2회). 결정 전까지는 결정 대기로 집계됩니다.
          </p>
          <CompletionCriteria testId="card-completion-criteria" open />
          <TextArea
            form={form}
            name="completionEvidence.summary"
            label="완료 내용 (근거)"
            placeholder="예: 조례 제정·공포 2019.3.28"
          />
          <EvidenceList form={form} />
        </fieldset>
      )}
    </>
  );
});

const CardUnit = memo(function CardUnit(props: {
  form: AnyForm;
  index: number;
  unit: ManagementCard['unitProjects'][number];
  years: readonly BudgetYearColumn[];
  columns: readonly ScheduleColumn[];
  periods: readonly Period[];
}) {
  const { form, index, unit } = props;
  const base = `unitProjects.${index}`;
  const unitLabel = `단위사업 ${index + 1}`;
  return (
    <section className="unit" aria-label={unitLabel} data-testid={`unit-${index}`} data-path={base}>
      <div className="frozen-block">
        <h4>
          {unitLabel}. <span data-testid={`frozen-unit-name-${index}`}>{unit.name}</span>
        </h4>
        <p className="frozen-text pre" data-testid={`frozen-unit-plan-${index}`}>
          {unit.detailedPlan}
        </p>
        <ReadOnlyPeriodGrid
          values={unit.schedule}
          columns={props.columns}
          caption="연차별 추진계획 (확정)"
          testId={`frozen-unit-schedule-${index}`}
        />
      </div>
      <TextPeriodGrid
        form={form}
        base={`${base}.results`}
        columns={props.periods.map((p) => ({ key: p.id, label: p.shortLabel }))}
        caption="연차별 실적"
        unitLabel={unitLabel}
      />
      <InvestmentGrid
        form={form}
        base={`${base}.investmentNeeds`}
        years={props.years}
        unitLabel={unitLabel}
        testPrefix={`inv-${index}`}
        caption="연차별 투자수요 (당해연도 실제 예산으로 현행화)"
      />
      <ExecutedGrid
        form={form}
        base={`${base}.executed`}
        periods={props.periods}
        unitLabel={unitLabel}
        testPrefix={`exe-${index}`}
      />
      <TextArea form={form} name={`${base}.futurePlan`} label={`${unitLabel} 향후 추진계획`} />
    </section>
  );
});

export function CardForm(props: {
  opened: OpenedDocument;
  term: Term;
  onReload: () => void;
  onClose: () => void;
  onOpenSecured: () => void;
}) {
  const doc = props.opened.document as ManagementCard;
  const { form: any, handle } = useDocumentForm(managementCardSchema, doc, props.opened);
  const executorLabels = useExecutorLabels();
  const years = useMemo(() => listBudgetYears(props.term), [props.term]);
  const columns = useMemo(() => listScheduleColumns(props.term), [props.term]);
  const allPeriods = useMemo(() => listPeriods(props.term), [props.term]);
  const periods = useMemo(() => allPeriods.filter((p) => p.id <= doc.periodId), [allPeriods, doc.periodId]);
  const periodIds = useMemo(() => periods.map((p) => p.id), [periods]);
  const periodLabel = allPeriods.find((p) => p.id === doc.periodId)?.label ?? doc.periodId;

  return (
    <EditorFrame
      handle={handle}
      title="공약관리카드"
      projectId={doc.projectId}
      projectName={doc.projectName}
      subtitle={periodLabel}
      onReload={props.onReload}
      onClose={props.onClose}
      renderPrint={() => {
        const card = printable(managementCardSchema, any.getValues(), handle.lastSaved(), doc);
        return <CardPrint card={card} term={props.term} />;
      }}
      below={
        <FinancePanel
          projectId={doc.projectId}
          periodId={doc.periodId}
          term={props.term}
          refreshKey={handle.savedCount}
          onOpenSecured={props.onOpenSecured}
        />
      }
    >
      <fieldset className="section">
        <legend>기본 정보</legend>
        <dl className="readonly-fields">
          <dt>공약번호</dt>
          <dd data-testid="project-id">{doc.projectId}</dd>
          <dt>공약명</dt>
          <dd data-testid="frozen-project-name">{doc.projectName}</dd>
          <dt>주관부서</dt>
          <dd>{doc.department}</dd>
          <dt>보고 반기</dt>
          <dd>{periodLabel}</dd>
        </dl>
        <h4>주관부서 담당자</h4>
        <ContactList form={any} name="leadContacts" label="담당자" />
      </fieldset>
      <CooperatingDepartments form={any} />
      <fieldset className="section">
        <legend>추진상황</legend>
        <RadioGroup
          form={any}
          name="status"
          legend="추진상황"
          values={CARD_STATUSES}
          labels={CARD_STATUS_LABELS}
        />
        <StatusDetails form={any} />
        <ClassificationFields form={any} newLegend="사업구분" timingLegend="완료시기" sourcesLegend="재원" />
        <TotalCostField form={any} legend={totalCostLabel(props.term)} />
        <CardExecutedTotal form={any} periods={periodIds} />
        <RadioGroup form={any} name="executor" legend="주체" values={EXECUTORS} labels={executorLabels} />
      </fieldset>
      <section className="section frozen" aria-label="확정된 실천계획서 항목">
        <p className="frozen-note" role="note">
          <FrozenBadge /> {FROZEN_NOTE}
        </p>
        {props.opened.laterPlanChanges.length > 0 && (
          <p className="frozen-note earlier-plan" data-testid="earlier-plan-note">
            {earlierPlanNote(periodLabel, props.opened.laterPlanChanges)}
          </p>
        )}
        <h4>정책목표</h4>
        <p className="frozen-text pre" data-testid="frozen-policy-goal">
          {doc.policyGoal}
        </p>
        <h4>사업기간</h4>
        <p className="frozen-text" data-testid="frozen-project-period">
          {doc.projectPeriod.from} ~ {doc.projectPeriod.to}
        </p>
      </section>
      <fieldset className="section" data-path="unitProjects">
        <legend>단위사업별 실적·투자수요·집행액</legend>
        {doc.unitProjects.map((u, i) => (
          <CardUnit
            key={u.id}
            form={any}
            index={i}
            unit={u}
            years={years}
            columns={columns}
            periods={periods}
          />
        ))}
        <ProjectInvestmentTotals form={any} years={years.map((y) => y.key)} testPrefix="card" />
      </fieldset>
      <ParticipationSection
        form={any}
        title="시민참여 실적 (누계)"
        hint="임기 시작부터 이번 반기까지의 누적 횟수입니다. 지난 반기 횟수에서 이어지니 이번 반기에 늘어난 만큼 더하세요."
      />
      <fieldset className="section">
        <legend>협조사항 · 문제점</legend>
        <TextArea form={any} name="cooperation" label="타 기관(국가, 타 지자체, 민간 등) 협조사항" />
        <TextArea form={any} name="problemsAndSolutions" label="추진상 문제점 및 해결방안" />
      </fieldset>
    </EditorFrame>
  );
}
