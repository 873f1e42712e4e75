import { useExecutorLabels } from '../components/executor-labels';
import { Fragment, type ReactNode } from 'react';
import {
  AFTER_TERM,
  CARD_STATUS_LABELS,
  COMPLETION_TIMING_LABELS,
  CONTACT_POSITION_LABELS,
  executedGridTotals,
  executedTotals,
  FINANCE_SOURCE_LABELS,
  FUNDING_SOURCE_LABELS,
  periodLabel as halfYearLabel,
  FUNDING_SOURCES,
  investmentGridTotals,
  investmentTotals,
  NEW_OR_CONTINUING_LABELS,
  PARTICIPATION_COUNT_KEYS,
  PARTICIPATION_COUNT_LABELS,
  securedTotal,
  sumAmounts,
  type ChangeRequest,
  type CitizenParticipation,
  type ContactPerson,
  type ExecutionPlan,
  type FinanceRow,
  type FundingSource,
  type InvestmentGrid,
  type ManagementCard,
  type TotalCost,
  withShownStatusDetails,
} from '../../../domain/documents';
import {
  type BudgetYearColumn,
  listBudgetYears,
  listPeriods,
  listScheduleColumns,
} from '../../../domain/term/periods';
import type { Term } from '../../../domain/term/types';
import { formatMoney } from './form-kit';
import { totalCostLabel } from './total-cost-label';

/**
 * Read-only renderings of the four forms in their official table layout (A4), used for 인쇄 / PDF. They take
 * parsed documents, so amounts are numbers and every label comes from the domain's label tables.
 */

/**
 * "투자창업과장 김도현 ☎ 02-2133-5000": a 과/팀 unit takes 장 (과장, 팀장) as the form prints it. The phone number
 * stays on one line ("02-2133-" / "5000" would read as two numbers).
 */
function contactLine(c: ContactPerson): ReactNode {
  if (c.name.trim() === '') return null;
  const unit = c.unit.trim();
  const title =
    c.position !== 'officer' && /[과팀]$/.test(unit)
      ? `${unit}장`
      : `${unit}${unit ? ' ' : ''}${CONTACT_POSITION_LABELS[c.position]}`;
  return (
    <>
      {title} {c.name}
      {c.phone && (
        <>
          {' '}
          <span className="unbroken">☎ {c.phone}</span>
        </>
      )}
    </>
  );
}

/** The named contacts, " / " between them. */
function Contacts({ contacts }: { contacts: readonly ContactPerson[] }) {
  const named = contacts.filter((c) => c.name.trim() !== '');
  return named.map((c, i) => (
    <Fragment key={i}>
      {i > 0 && ' / '}
      {contactLine(c)}
    </Fragment>
  ));
}

const totalCostText = (t: TotalCost) =>
  t === null ? '' : t.kind === 'nonBudget' ? '비예산' : `${formatMoney(t.amount)} 백만원`;

const yearMonth = (ym: string) => (ym === '' ? '' : `${ym.slice(0, 4)}년 ${Number(ym.slice(5, 7))}월`);

/**
 * What an official form prints where a section or table has no entries: the section stays (as on the form) and
 * says so, rather than a heading over nothing that reads as a page cut short.
 */
export const NO_ENTRY = '해당 없음';

const isBlank = (text: string) => text.trim() === '';

function NoEntry() {
  return <p className="print-none">{NO_ENTRY}</p>;
}

/** A table's one body row when it has no entries: it spans the columns under the kept header row. */
function NoEntryRow({ columns }: { columns: number }) {
  return (
    <tr>
      <td colSpan={columns} className="print-none">
        {NO_ENTRY}
      </td>
    </tr>
  );
}

/** A titled section of free text (타 기관 협조사항, 변경 요구사유 …): the text, or that there is none. */
function TextSection({ title, text }: { title: string; text: string }) {
  return (
    <section className="print-section" aria-label={title}>
      <h2>{title}</h2>
      {isBlank(text) ? <NoEntry /> : <p className="pre">{text}</p>}
    </section>
  );
}

/** 협조부서: each co-department with its contacts, one a line, or that there is none. */
function Cooperating({ departments }: { departments: ExecutionPlan['cooperatingDepartments'] }) {
  if (departments.length === 0) return NO_ENTRY;
  return departments.map((d, i) => (
    <Fragment key={i}>
      {i > 0 && '\n'}
      {d.department} <Contacts contacts={d.contacts} />
    </Fragment>
  ));
}

/** A row label with the form's note under it ("정책목표" over "(추후 임의변경불가)"). */
function Noted({ label, note }: { label: string; note: string }) {
  return (
    <>
      {label}
      <br />
      <small className="print-note">{note}</small>
    </>
  );
}

/** The head rows 붙임3 and 붙임4 share: 공약번호 and 총괄부서 (both forms' name for the column), 공약명, 담당, 협조부서. */
function HeadRows({ doc }: { doc: ExecutionPlan | ManagementCard }) {
  return (
    <>
      <tr>
        <th scope="row">공약번호</th>
        <td data-testid="print-project-id">{doc.projectId}</td>
        <th scope="row">총괄부서</th>
        <td>{doc.department}</td>
      </tr>
      <Row label="공약명">{doc.projectName}</Row>
      <Row label="담당">
        <Contacts contacts={doc.leadContacts} />
      </Row>
      <Row label="협조부서">
        <Cooperating departments={doc.cooperatingDepartments} />
      </Row>
    </>
  );
}

/** The rows 붙임3 and 붙임4 both print after their own: 정책목표 (with the form's note) and 사업기간. */
function GoalAndPeriodRows({ doc }: { doc: ExecutionPlan | ManagementCard }) {
  return (
    <>
      <Row label={<Noted label="정책목표" note="(추후 임의변경불가)" />}>{doc.policyGoal}</Row>
      <Row label="사업기간">
        {yearMonth(doc.projectPeriod.from)} ~ {yearMonth(doc.projectPeriod.to)}
      </Row>
    </>
  );
}

function Row({ label, children, testId }: { label: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td colSpan={3} className="pre" data-testid={testId}>
        {children}
      </td>
    </tr>
  );
}

/**
 * A 재원 × column money table (투자수요, 집행액): 구분 and `heads` over a row per source (`row`: its amounts, a blank
 * cell where none was typed) and the 계 row (`totals`).
 */
function SourceTable(props: {
  caption: string;
  heads: readonly string[];
  row: (source: FundingSource) => readonly (number | null | undefined)[];
  /** null: a column left blank (a half-year after the card's own). */
  totals: readonly (number | null)[];
}) {
  return (
    <table className="print-grid">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th>구분</th>
          {props.heads.map((h, i) => (
            <th key={i}>{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {FUNDING_SOURCES.map((s) => (
          <tr key={s}>
            <th>{FUNDING_SOURCE_LABELS[s]}</th>
            {props.row(s).map((amount, i) => (
              <td key={i} className="num">
                {amount != null ? formatMoney(amount) : ''}
              </td>
            ))}
          </tr>
        ))}
        <tr>
          <th>계</th>
          {props.totals.map((amount, i) => (
            <td key={i} className="num">
              {amount === null ? '' : formatMoney(amount)}
            </td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}

function InvestmentTable({ grid, term, caption }: { grid: InvestmentGrid; term: Term; caption: string }) {
  const years = listBudgetYears(term);
  const keys = years.map((y) => y.key);
  const totals = investmentGridTotals(grid, keys);
  return (
    <SourceTable
      caption={caption}
      heads={[...years.map((y) => y.label), '임기내 계', '임기후', '계']}
      row={(s) => [
        ...keys.map((k) => grid[s][k]),
        totals.bySource[s].withinTerm,
        grid[s][AFTER_TERM],
        totals.bySource[s].total,
      ]}
      totals={[
        ...keys.map((k) => totals.byColumn[k] ?? 0),
        totals.withinTerm,
        totals.afterTerm,
        totals.total,
      ]}
    />
  );
}

function PeriodTextTable(props: {
  values: Readonly<Record<string, string>>;
  columns: readonly { key: string; label: string }[];
  caption: string;
  /** Columns after the document's own half-year: printed as the form has them, left blank. */
  blankAfter?: string;
}) {
  const shown = (key: string): string =>
    props.blankAfter !== undefined && key > props.blankAfter ? '' : (props.values[key] ?? '');
  return (
    <table className="print-grid">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          {props.columns.map((c) => (
            <th key={c.key}>{c.label}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.columns.every((c) => isBlank(shown(c.key))) ? (
          <NoEntryRow columns={props.columns.length} />
        ) : (
          <tr>
            {props.columns.map((c) => (
              <td key={c.key} className="pre">
                {shown(c.key)}
              </td>
            ))}
          </tr>
        )}
      </tbody>
    </table>
  );
}

/**
 * 정책개요 (추진계획) as 붙임3 and 붙임4 both begin each 단위사업: its number and name, its 세부 추진계획 and its
 * 연차별 추진계획 (under the form's caption); then what the form adds (`rest`).
 */
function UnitSections<
  U extends { id: string; name: string; detailedPlan: string; schedule: Readonly<Record<string, string>> },
>(props: {
  units: readonly U[];
  columns: readonly { key: string; label: string }[];
  scheduleCaption: string;
  rest: (unit: U) => ReactNode;
}) {
  return (
    <>
      <h2>정책개요 (추진계획)</h2>
      {props.units.map((u, i) => (
        <section key={u.id} className="print-unit" aria-label={`단위사업 ${i + 1}`}>
          <h3>
            단위사업 {i + 1}. {u.name}
          </h3>
          <p className="pre">{u.detailedPlan}</p>
          <PeriodTextTable values={u.schedule} columns={props.columns} caption={props.scheduleCaption} />
          {props.rest(u)}
        </section>
      ))}
    </>
  );
}

/** 시민참여 실적: the counts as the form's table has them, then the activities (or that there were none). */
function Participation({ title, p }: { title: string; p: CitizenParticipation }) {
  const none =
    p.activities.length === 0 &&
    p.attachments.length === 0 &&
    PARTICIPATION_COUNT_KEYS.every((k) => p.counts[k] === 0);
  return (
    <section className="print-section" aria-label={title}>
      <h2>{title}</h2>
      <p>
        {PARTICIPATION_COUNT_KEYS.map((k) => `${PARTICIPATION_COUNT_LABELS[k]} ${p.counts[k]}회`).join(' · ')}
      </p>
      {none ? (
        <NoEntry />
      ) : (
        p.activities.length > 0 && (
          <ul>
            {p.activities.map((a, i) => (
              <li key={i}>
                {a.description}
                {a.count !== null ? ` ${a.count}회` : ''}
                {a.dates.length > 0 ? ` (${a.dates.join(', ')})` : ''}
              </li>
            ))}
          </ul>
        )
      )}
      {p.attachments.length > 0 && <p>첨부: {p.attachments.map((a) => a.file.name).join(', ')}</p>}
    </section>
  );
}

export function PlanPrint({ plan, term }: { plan: ExecutionPlan; term: Term }) {
  const columns = listScheduleColumns(term);
  const totals = investmentTotals(
    plan.unitProjects,
    listBudgetYears(term).map((y) => y.key),
  ).project;
  return (
    <article className="print-doc">
      <h1>공약실천계획서</h1>
      <table className="print-table">
        <tbody>
          <HeadRows doc={plan} />
          <tr>
            <th scope="row">{totalCostLabel(term)}</th>
            <td>{totalCostText(plan.totalCost)}</td>
            <th scope="row">추진구분 / 완료구분</th>
            <td>
              {plan.newOrContinuing ? NEW_OR_CONTINUING_LABELS[plan.newOrContinuing] : ''} /{' '}
              {plan.completionTiming ? COMPLETION_TIMING_LABELS[plan.completionTiming] : ''}
            </td>
          </tr>
          <Row label="재원구분">{plan.fundingSources.map((s) => FUNDING_SOURCE_LABELS[s]).join(', ')}</Row>
          <GoalAndPeriodRows doc={plan} />
          <Row label="투자수요 합계">
            임기내 계 {formatMoney(totals.withinTerm)} · 임기후 {formatMoney(totals.afterTerm)} · 계{' '}
            {formatMoney(totals.total)} (백만원)
          </Row>
        </tbody>
      </table>
      <UnitSections
        units={plan.unitProjects}
        columns={columns}
        scheduleCaption="연차별 추진계획 (추후 임의변경불가)"
        rest={(u) => (
          <>
            <InvestmentTable grid={u.investmentNeeds} term={term} caption="연차별 투자수요 (단위 : 백만원)" />
            <p className="pre">
              타기관(중앙부처 등)과 협조 필요사항:{' '}
              {isBlank(u.cooperationNeeds) ? NO_ENTRY : u.cooperationNeeds}
            </p>
          </>
        )}
      />
      <Participation title="시민참여 실적 (단위 : 횟수)" p={plan.citizenParticipation} />
    </article>
  );
}

/**
 * 완료 근거: what was completed and when, and the files attached as evidence by name (완료 근거자료), as the
 * change request prints its 관련자료 (첨부). A 완료 resting on files alone still gets its row.
 */
function CompletionEvidenceRow({ evidence }: { evidence: ManagementCard['completionEvidence'] }) {
  const files = evidence.attachments.map((a) => a.name).join(', ');
  if (isBlank(evidence.summary) && files === '') return null;
  return (
    <Row label="완료 근거" testId="print-completion-evidence">
      {evidence.summary.trim()}
      {files !== '' && `${isBlank(evidence.summary) ? '' : '\n'}완료 근거자료: ${files}`}
    </Row>
  );
}

export function CardPrint({ card: drafted, term }: { card: ManagementCard; term: Term }) {
  const executorLabels = useExecutorLabels();
  // What the status does not show is not printed either (a reason left from 보류, an old 완료 근거).
  const card = withShownStatusDetails(drafted);
  const periods = listPeriods(term);
  // 붙임4 heads 연차별 실적 and 연차별 집행액 with every half-year of the term; those after the card's own are blank.
  const upTo = periods.filter((p) => p.id <= card.periodId);
  const periodLabel = periods.find((p) => p.id === card.periodId)?.label ?? card.periodId;
  const executed = executedTotals(
    card.unitProjects,
    upTo.map((p) => p.id),
  ).project.total;
  const columns = listScheduleColumns(term);
  return (
    <article className="print-doc">
      <h1>공약관리카드</h1>
      <p className="print-sub">{periodLabel}</p>
      <table className="print-table">
        <tbody>
          <HeadRows doc={card} />
          <tr>
            <th scope="row">추진상황</th>
            <td data-testid="print-status">{card.status ? CARD_STATUS_LABELS[card.status] : '미선택'}</td>
            <th scope="row">완료시기</th>
            <td>{card.completionTiming ? COMPLETION_TIMING_LABELS[card.completionTiming] : ''}</td>
          </tr>
          {card.statusReason && <Row label="보류·폐기 사유">{card.statusReason}</Row>}
          <CompletionEvidenceRow evidence={card.completionEvidence} />
          <tr>
            <th scope="row">사업구분</th>
            <td>{card.newOrContinuing ? NEW_OR_CONTINUING_LABELS[card.newOrContinuing] : ''}</td>
            <th scope="row">주체</th>
            <td>{card.executor ? executorLabels[card.executor] : ''}</td>
          </tr>
          <tr>
            <th scope="row">{totalCostLabel(term)}</th>
            <td>{totalCostText(card.totalCost)}</td>
            <th scope="row">집행액</th>
            <td>{formatMoney(executed)} 백만원</td>
          </tr>
          <Row label="재원">{card.fundingSources.map((s) => FUNDING_SOURCE_LABELS[s]).join(', ')}</Row>
          <GoalAndPeriodRows doc={card} />
        </tbody>
      </table>
      <UnitSections
        units={card.unitProjects}
        columns={columns}
        scheduleCaption="연차별 추진계획 (공약실천계획 작성내용, 임의변경 불가)"
        rest={(u) => (
          <>
            <PeriodTextTable
              values={u.results}
              columns={periods.map((p) => ({ key: p.id, label: p.shortLabel }))}
              caption="연차별 실적"
              blankAfter={card.periodId}
            />
            <InvestmentTable
              grid={u.investmentNeeds}
              term={term}
              caption="연차별 투자수요 (당해연도 실제 예산으로 현행화, 단위 : 백만원)"
            />
            <ExecutedTable grid={u.executed} periods={periods} reportedUpTo={card.periodId} />
            <p className="pre">향후 추진계획: {isBlank(u.futurePlan) ? NO_ENTRY : u.futurePlan}</p>
          </>
        )}
      />
      <Participation title="시민참여 실적 (단위 : 횟수)" p={card.citizenParticipation} />
      <TextSection title="타 기관(국가, 타 지자체, 민간 등) 협조사항" text={card.cooperation} />
      <TextSection title="추진상 문제점 및 해결방안" text={card.problemsAndSolutions} />
    </article>
  );
}

function ExecutedTable({
  grid,
  periods,
  reportedUpTo,
}: {
  grid: ManagementCard['unitProjects'][number]['executed'];
  /** Every half-year of the term, as the form heads the table. */
  periods: readonly { id: string; shortLabel: string }[];
  /** The card's half-year: later columns are blank and out of the sums. */
  reportedUpTo: string;
}) {
  const ids = periods.map((p) => p.id);
  const reported = ids.filter((id) => id <= reportedUpTo);
  const totals = executedGridTotals(grid, reported);
  return (
    <SourceTable
      caption="연차별 집행액 (단위 : 백만원)"
      heads={[...periods.map((p) => p.shortLabel), '계']}
      row={(s) => [...ids.map((id) => (id <= reportedUpTo ? grid[s][id] : null)), totals.bySource[s]]}
      totals={[...ids.map((id) => (id <= reportedUpTo ? (totals.byPeriod[id] ?? 0) : null)), totals.total]}
    />
  );
}

/**
 * 재정집행 현황 as sent: the 확보내역 typed in the form and, below it (`derived`), the project's whole 붙임5 row as
 * the office will consolidate it (초기·현재계획, 임기내 계획·집행 by year), computed from the plan and the card.
 */
export function FinancePrint({
  row,
  projectName,
  derived,
  executedYears = [],
}: {
  row: FinanceRow;
  projectName: string;
  derived?: ReactNode;
  /** A co-department's row: its own 임기내 집행 for these years (none for the lead, whose 집행 is its card's). */
  executedYears?: readonly BudgetYearColumn[];
}) {
  // The whole 붙임5 row goes under it: a wide table, printed on a landscape page.
  return (
    <article className="print-doc print-doc-wide">
      <h1>재정집행 현황 — {executedYears.length > 0 ? '확보·집행내역' : '확보내역'}</h1>
      <p className="print-sub">
        {halfYearLabel(row.periodId)} (임기 중 {executedYears.length > 0 ? '확보·집행' : '확보'} 누계, 백만원)
      </p>
      <table className="print-table">
        <tbody>
          <tr>
            <th scope="row">관리번호</th>
            <td data-testid="print-project-id">{row.projectId}</td>
            <th scope="row">부서</th>
            <td>{row.department}</td>
          </tr>
          <Row label="공약사업명">{projectName}</Row>
          {FUNDING_SOURCES.map((s) => (
            <tr key={s}>
              <th scope="row">확보 {FINANCE_SOURCE_LABELS[s]}</th>
              <td colSpan={3} className="num">
                {formatMoney(row.secured[s] ?? 0)} 백만원
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row">확보총계</th>
            <td colSpan={3} className="num" data-testid="print-secured-total">
              {formatMoney(securedTotal(row.secured))} 백만원
            </td>
          </tr>
          {executedYears.map((y) => (
            <tr key={y.key}>
              <th scope="row">임기내 집행 {y.label}</th>
              <td colSpan={3} className="num" data-testid={`print-executed-${y.key}`}>
                {formatMoney(row.executed?.[y.key] ?? 0)} 백만원
              </td>
            </tr>
          ))}
          {executedYears.length > 0 && (
            <tr>
              <th scope="row">임기내 집행 계</th>
              <td colSpan={3} className="num" data-testid="print-executed-total">
                {formatMoney(sumAmounts(executedYears.map((y) => row.executed?.[y.key])))} 백만원
              </td>
            </tr>
          )}
          <Row label="비고">{row.note}</Row>
        </tbody>
      </table>
      {derived}
    </article>
  );
}

export function ChangeRequestPrint({ request }: { request: ChangeRequest }) {
  return (
    <article className="print-doc">
      <h1>공약 조정 요청서</h1>
      <table className="print-table">
        <tbody>
          <tr>
            <th scope="row">공약번호</th>
            <td data-testid="print-project-id">{request.projectId}</td>
            <th scope="row">부서명</th>
            <td>{request.department}</td>
          </tr>
          <Row label="공약명">{request.projectName}</Row>
          <Row label="담당자 (연락번호)">{contactLine(request.contact)}</Row>
        </tbody>
      </table>
      {/* 붙임6 heads 변경 요구내용, 변경 요구사유 and 관련자료 alike (□): one heading level for the three. */}
      <section className="print-section" aria-label="변경 요구내용">
        <h2>변경 요구내용</h2>
        <table className="print-grid">
          <thead>
            <tr>
              <th>구분</th>
              <th>당초 공약</th>
              <th>변경안</th>
            </tr>
          </thead>
          <tbody>
            {request.rows.length === 0 && <NoEntryRow columns={3} />}
            {request.rows.map((r, i) => (
              <tr key={i}>
                <th>{r.category}</th>
                <td className="pre">{r.original}</td>
                <td className="pre">{r.proposed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <TextSection title="변경 요구사유" text={request.reason} />
      <section className="print-section" aria-label="관련자료 (첨부)">
        <h2>관련자료 (첨부)</h2>
        {request.evidence.length === 0 ? (
          <NoEntry />
        ) : (
          <ul>
            {request.evidence.map((e, i) => (
              <li key={i}>
                {e.description} ({e.file.name})
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
