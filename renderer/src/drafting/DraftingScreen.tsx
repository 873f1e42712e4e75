import { useEffect, useId, useRef, useState } from 'react';
import { DraftExchangePanel } from './DraftExchangePanel';
import { CardDecisionList, CardDecisionNote } from './CardDecisions';
import { decisionsOnCard, decisionsOnFile } from './card-decision-label';
import { rememberDocument, rememberedDocument } from './open-document-memory';
import { receiptLabel } from './receipt-label';
import { requestState, requestTitle } from './request-label';
import type {
  DeadlineView,
  DeskProject,
  DocumentRef,
  DocumentSummary,
  OfficeCardDecision,
  SetupState,
} from '../../../domain/api/contract';
import type { Catalog } from '../../../domain/catalog/types';
import type { Lifecycle } from '../../../domain/documents';
import { localDateTimeOf } from '../../../domain/reports/submissions';
import { listPeriods, type Period } from '../../../domain/term/periods';
import type { Term } from '../../../domain/term/types';
import { api } from '../api/client';
import { useLoad } from '../api/use-load';
import { leaveThen } from '../components/leave-guard';
import { StatusMessage } from '../components/StatusMessage';
import { BatchPrintTools } from './BatchPrintTools';
import { deskProjectsOf } from './desk-projects';
import { DocumentEditor } from './DocumentEditor';
import { StatusBadge } from './EditorFrame';
import './drafting.css';

/** The department's desk: the current deadline, its projects and their documents, and the open form. */

interface DeskData {
  term: Term;
  deadlines: DeadlineView;
  documents: DocumentSummary[];
}

const refKey = (ref: DocumentRef) => `${ref.kind}|${ref.projectId}|${ref.slot}`;

const ddayOf = (daysLeft: number): string =>
  daysLeft > 0 ? `D-${daysLeft}` : daysLeft === 0 ? 'D-day' : `D+${-daysLeft}`;

/**
 * The 실천계획서's deadline, first, while a plan the department leads is not confirmed: the term's first
 * deadline, and before the plans are confirmed no card can be written, so it is the one that counts then.
 */
function PlanDeadline({ plan }: { plan: NonNullable<DeadlineView['plan']> }) {
  const { lastSent } = plan;
  return (
    <div className="plan-deadline" data-testid="plan-deadline">
      <div>
        <span className="deadline-label">실천계획서 제출 기한</span> <strong>{plan.dueDate}</strong>{' '}
        <span className={`dday ${plan.daysLeft <= 7 ? 'dday-soon' : ''}`} data-testid="plan-dday">
          {ddayOf(plan.daysLeft)}
        </span>
      </div>
      <div>
        <span className="deadline-label">작성할 실천계획서</span>{' '}
        <strong data-testid="plan-to-write">{plan.toWrite}</strong>건
        {plan.waiting > 0 && <> · 확정 대기 {plan.waiting}건</>}
      </div>
      <div data-testid="plan-last-sent">
        <span className="deadline-label">실천계획서 제출 파일</span>{' '}
        {lastSent === null ? (
          <strong className={plan.toWrite === 0 && plan.waiting > 0 ? 'sent-missing' : ''}>
            아직 만들지 않음
          </strong>
        ) : (
          <strong>
            r{lastSent.revision} {localDateTimeOf(lastSent.createdAt)} 만듦 (문서 {lastSent.documents}건)
          </strong>
        )}
      </div>
    </div>
  );
}

/**
 * The half-year whose due date has passed while it still owes documents: said first, since the desk has moved on
 * to the next half-year, with a way to show that half-year's documents.
 */
function OverdueDeadline({
  overdue,
  onShow,
}: {
  overdue: NonNullable<DeadlineView['overdue']>;
  onShow: (periodId: string) => void;
}) {
  const { period } = overdue;
  const owed = [
    ...(overdue.lacking > 0 ? [`미작성·작성중·오류 ${overdue.lacking}건`] : []),
    ...(overdue.unsent > 0
      ? [
          `제출 파일에 아직 넣지 않은 문서 ${overdue.unsent}건${
            overdue.lastSent === null ? '' : ` (마지막 제출 파일 r${overdue.lastSent.revision} 뒤 제출 표시)`
          }`,
        ]
      : []),
  ];
  return (
    <div className="overdue-deadline" role="status" data-testid="overdue-deadline">
      <div>
        <span className="deadline-label">지난 보고</span> <strong>{period.label}</strong>{' '}
        관리카드·재정집행현황 · 제출 기한 {period.dueDate}{' '}
        <span className="dday dday-soon">{ddayOf(-overdue.daysPast)}</span>
      </div>
      <div>
        <strong className="sent-missing" data-testid="overdue-owed">
          {owed.join(', ')}
        </strong>{' '}
        — 늦었더라도 마무리해 제출 파일로 보내세요.{' '}
        <button type="button" className="link" onClick={() => onShow(period.id)}>
          {period.label} 문서 보기
        </button>
      </div>
    </div>
  );
}

/** Days before a half-year's due date from which a file not yet made is a warning, not just a fact. */
const SEND_SOON_DAYS = 14;

/** The deadline panel: the half-year due, what it still owes, and the last file made with the office's word on it. */
export function DeadlinePanel({
  deadlines,
  onShowPeriod,
}: {
  deadlines: DeadlineView;
  onShowPeriod: (periodId: string) => void;
}) {
  const overdue = deadlines.overdue && <OverdueDeadline overdue={deadlines.overdue} onShow={onShowPeriod} />;
  const { period, daysLeft } = deadlines;
  // A lead's card waits for its confirmed plan (the form says "실천계획서 확정 뒤 작성"): not counted as owed yet.
  const waitsForPlan = (p: DeadlineView['projects'][number]) =>
    p.role === 'lead' && p.planStatus !== 'confirmed';
  // What the half-year still owes: the lead's card, and every department's 재정집행현황.
  const lacking = deadlines.projects.filter(
    (p) =>
      !waitsForPlan(p) &&
      ((p.role === 'lead' && (p.cardStatus === null || p.cardErrors > 0)) ||
        p.financeStatus === null ||
        p.financeErrors > 0),
  ).length;
  const waiting = deadlines.projects.filter(waitsForPlan).length;
  if (!period) {
    return (
      <section className="deadline-panel" aria-label="제출 기한" data-testid="deadline-panel">
        {overdue}
        {deadlines.plan && <PlanDeadline plan={deadlines.plan} />}
        <p>임기 중 남은 관리카드 제출 기한이 없습니다.</p>
      </section>
    );
  }
  const dday = daysLeft === null ? '' : ddayOf(daysLeft);
  return (
    <section className="deadline-panel" aria-label="제출 기한" data-testid="deadline-panel">
      {overdue}
      {deadlines.plan && <PlanDeadline plan={deadlines.plan} />}
      <div>
        <span className="deadline-label">이번 보고</span> <strong>{period.label}</strong> 관리카드
      </div>
      <div>
        <span className="deadline-label">제출 기한</span> <strong>{period.dueDate}</strong>{' '}
        {period.dueDateMovedBecause !== null && (
          <span className="deadline-moved" data-testid="deadline-moved">
            ({period.dueDateMovedBecause}){' '}
          </span>
        )}
        <span className={`dday ${daysLeft !== null && daysLeft <= 7 ? 'dday-soon' : ''}`} data-testid="dday">
          {dday}
        </span>
      </div>
      <div>
        <span className="deadline-label">관리카드·재정집행 미작성·오류</span>{' '}
        <strong data-testid="lacking-count">{lacking}</strong>건
        {waiting > 0 && <span data-testid="lacking-waits"> (실천계획서 확정 전 {waiting}건 제외)</span>}
      </div>
      <div data-testid="last-sent">
        <span className="deadline-label">제출 파일</span>{' '}
        <LastSent sent={deadlines.lastSent} soon={daysLeft !== null && daysLeft <= SEND_SOON_DAYS} />
        {deadlines.lastSent && (
          // Apart from the 접수 확인 itself: the office's decisions on the cards that file carried.
          <CardDecisionList
            decisions={decisionsOnFile(deadlines.cardDecisions, period.id, deadlines.lastSent.revision)}
            testId="last-sent-card-decisions"
          />
        )}
      </div>
    </section>
  );
}

/**
 * Whether the half-year's documents have left this PC: the last submission file, what changed after it, and what
 * the office's last baseline package says of it (접수 확인).
 */
function LastSent({ sent, soon }: { sent: DeadlineView['lastSent']; soon: boolean }) {
  if (sent === null) {
    // A warning only in the last weeks: months before the due date nothing is late.
    return (
      <strong className={soon ? 'sent-missing' : ''}>
        아직 만들지 않음 (&lsquo;제출 파일&rsquo; 메뉴에서 만듭니다)
      </strong>
    );
  }
  const made = `r${sent.revision} ${localDateTimeOf(sent.createdAt)} 만듦`;
  const receipt = sent.receipt === null ? null : receiptLabel(sent.receipt);
  return (
    <>
      {sent.changedSince > 0 ? (
        <strong className="sent-missing">
          {made} · 그 뒤 고친 문서 {sent.changedSince}건은 아직 보내지 않았습니다. 제출 파일을 다시 만들어
          보내세요.
        </strong>
      ) : (
        <strong>
          {made} (문서 {sent.documents}건)
        </strong>
      )}
      {receipt && (
        <span className={`receipt ${receipt.warn ? 'sent-missing' : ''}`} data-testid="office-receipt">
          {' '}
          · {receipt.text}
        </span>
      )}
    </>
  );
}

/** A project's row on the desk: its documents of the half-year shown, and the office's decisions on its card. */
export function ProjectRow(props: {
  project: DeskProject;
  periodId: string;
  statusOf: (ref: DocumentRef) => Lifecycle | null;
  requests: DocumentSummary[];
  /** The office's decisions on the project's card of this half-year (card-decisions.ts) that still stand. */
  cardDecisions: OfficeCardDecision[];
  onOpen: (ref: DocumentRef) => void;
  /** Opens a new change request of the project, numbered by the program's clock. */
  onNewRequest: (projectId: string) => void;
}) {
  const { project, periodId, onOpen } = props;
  const plan: DocumentRef = { kind: 'executionPlan', projectId: project.projectId, slot: 'plan' };
  const card: DocumentRef = { kind: 'managementCard', projectId: project.projectId, slot: periodId };
  const finance: DocumentRef = { kind: 'financeRow', projectId: project.projectId, slot: periodId };
  const lead = project.role === 'lead';
  const planStatus = props.statusOf(plan);
  const financeWaits = lead && planStatus !== 'confirmed' && props.statusOf(finance) === null;
  return (
    <tr data-project-id={project.projectId}>
      <td className="project-id">{project.projectId}</td>
      <td>
        {project.projectName}
        {!lead && <span className="co-mark"> 협조</span>}
      </td>
      <td>
        {lead && (
          <span className="doc-cell">
            <button
              type="button"
              onClick={() => onOpen(plan)}
              aria-label={`${project.projectId} 실천계획서 열기`}
            >
              실천계획서
            </button>
            <StatusBadge status={planStatus} />
          </span>
        )}
      </td>
      <td>
        {lead && (
          <span className="doc-cell">
            <button
              type="button"
              onClick={() => onOpen(card)}
              disabled={planStatus !== 'confirmed'}
              aria-describedby={planStatus !== 'confirmed' ? `card-wait-${project.projectId}` : undefined}
              aria-label={`${project.projectId} 관리카드 열기`}
            >
              관리카드
            </button>
            {planStatus === 'confirmed' ? (
              <>
                <StatusBadge status={props.statusOf(card)} />
                {props.cardDecisions.map((d) => (
                  <CardDecisionNote key={d.kind} decision={d} />
                ))}
              </>
            ) : (
              // Said on the page, not only in a tooltip a keyboard user never sees.
              <span className="hint" id={`card-wait-${project.projectId}`}>
                실천계획서 확정 뒤 작성
              </span>
            )}
          </span>
        )}
      </td>
      <td>
        <span className="doc-cell">
          <button
            type="button"
            onClick={() => onOpen(finance)}
            // The lead's row is derived from the confirmed plan and its card (초기계획, 집행): written with them. One
            // already written stays open to read and finish.
            disabled={financeWaits}
            aria-describedby={financeWaits ? `finance-wait-${project.projectId}` : undefined}
            aria-label={`${project.projectId} 재정집행현황 열기`}
          >
            재정집행현황
          </button>
          {financeWaits ? (
            <span className="hint" id={`finance-wait-${project.projectId}`}>
              실천계획서 확정 뒤 작성
            </span>
          ) : (
            <StatusBadge status={props.statusOf(finance)} />
          )}
        </span>
      </td>
      <td>
        {lead && (
          <span className="doc-cell requests">
            {props.requests.map((r) => {
              const shown = `${requestTitle(r.subject, r.ref.slot)} (${requestState(r)})`;
              return (
                <button
                  key={r.ref.slot}
                  type="button"
                  className="link"
                  onClick={() => onOpen(r.ref)}
                  aria-label={`${project.projectId} 조정 요청서 ${shown} 열기`}
                >
                  {shown}
                </button>
              );
            })}
            <button
              type="button"
              onClick={() => props.onNewRequest(project.projectId)}
              aria-label={`${project.projectId} 새 조정 요청서`}
            >
              {/* The sign is decoration: the name read out (and matched by voice control) holds the words shown. */}
              <span aria-hidden="true">+ </span>조정 요청서
            </button>
          </span>
        )}
      </td>
    </tr>
  );
}

export function DraftingScreen(props: {
  catalog: Catalog;
  setup: SetupState;
  /** Moves on each choice of 문서 작성 in the top menu: chosen while a document is open, it goes back to the list. */
  visit?: number;
  /** A project to show in the list (from 공약 목록): its row gets the keyboard. */
  focusProjectId?: string | undefined;
}) {
  const [generation, setGeneration] = useState(0);
  const [state] = useLoad(
    async (): Promise<DeskData> => ({
      term: await api.getTerm(),
      deadlines: await api.getDeadlines(),
      documents: await api.listMyDocuments(),
    }),
    [generation],
  );
  // After a reload the window comes back to the document it had open (open-document-memory.ts).
  const dataDir = props.setup.dataDir;
  const department = props.setup.department ?? '';
  const [open, setOpenOnly] = useState<DocumentRef | null>(() => rememberedDocument(dataDir, department));
  const setOpen = (ref: DocumentRef | null) => {
    setOpenOnly(ref);
    rememberDocument(dataDir, department, ref);
  };
  // Left for another screen (the top menu), the desk forgets it: 문서 작성 then opens on the list. A reload runs
  // no cleanup, so the document is there after it.
  const openNow = useRef(open);
  openNow.current = open;
  useEffect(() => {
    rememberDocument(dataDir, department, openNow.current);
    return () => rememberDocument(dataDir, department, null);
  }, [dataDir, department]);
  const [newRequestError, setNewRequestError] = useState<string | null>(null);
  const [periodChoice, setPeriodChoice] = useState<string | null>(null);
  const periodSelectId = useId();
  // Back from a document, the keyboard is where it was: on the button that opened it.
  const returnFocus = useRef<string | null>(null);
  const openDocument = (ref: DocumentRef) => {
    // From one document to another (관리카드로, 확보내역 입력 →): the one open is left first (its save waited for).
    const from = document.activeElement;
    leaveThen(() => {
      returnFocus.current = from instanceof HTMLButtonElement ? from.getAttribute('aria-label') : null;
      setNewRequestError(null);
      setOpen(ref);
    });
  };
  // A new change request is numbered by the program's clock (a training session's PLEDGE_NOW), not the PC's:
  // main gives its place, then it opens as any other document.
  const startingRequest = useRef(false);
  const openNewRequest = async (projectId: string) => {
    if (startingRequest.current) return;
    startingRequest.current = true;
    setNewRequestError(null);
    try {
      openDocument(await api.newChangeRequestRef({ projectId }));
    } catch (error) {
      setNewRequestError(
        `새 조정 요청서를 열지 못했습니다: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      startingRequest.current = false;
    }
  };
  // From 공약 목록's "이 사업의 문서 작성으로": once the list is on screen, the project's row is brought into view
  // with the focus on its first document.
  const ready = state.status === 'ready' && open === null;
  const focusProjectId = props.focusProjectId;
  useEffect(() => {
    if (!ready || focusProjectId === undefined) return;
    const row = document.querySelector<HTMLElement>(`tr[data-project-id="${CSS.escape(focusProjectId)}"]`);
    row?.scrollIntoView({ block: 'center' });
    row?.querySelector<HTMLElement>('button')?.focus();
  }, [ready, focusProjectId, props.visit]);
  const visitSeen = useRef(props.visit);
  useEffect(() => {
    if (props.visit === visitSeen.current) return;
    visitSeen.current = props.visit;
    // The top menu asked before leaving the document (leaveThen); the list is read again, as ← 목록으로 does.
    setOpen(null);
    setGeneration((g) => g + 1);
  }, [props.visit]);
  useEffect(() => {
    const label = returnFocus.current;
    if (open !== null || label === null) return;
    returnFocus.current = null;
    document.querySelector<HTMLElement>(`button[aria-label="${CSS.escape(label)}"]`)?.focus();
  }, [open]);

  if (state.status === 'loading') return <StatusMessage kind="info">불러오는 중…</StatusMessage>;
  if (state.status === 'error') return <StatusMessage kind="error">{state.message}</StatusMessage>;
  const { term, deadlines, documents } = state.value;

  if (open) {
    return (
      <DocumentEditor
        docRef={open}
        catalog={props.catalog}
        term={term}
        onOpen={openDocument}
        onClose={() => {
          setOpen(null);
          setGeneration((g) => g + 1);
        }}
      />
    );
  }

  const periods: Period[] = listPeriods(term);
  const periodId = periodChoice ?? deadlines.period?.id ?? periods.at(-1)?.id ?? '';
  const statuses = new Map(documents.map((d) => [refKey(d.ref), d.status]));
  const statusOf = (ref: DocumentRef) => statuses.get(refKey(ref)) ?? null;
  const period = periods.find((p) => p.id === periodId);
  // The chosen half-year's projects: after a move (부서 이관) a project is on the desk of the department that has it
  // in that half-year.
  const desk = deskProjectsOf(props.catalog, props.setup.department ?? '', periodId);
  return (
    <div className="drafting">
      <DeadlinePanel
        deadlines={deadlines}
        onShowPeriod={(id) => {
          setPeriodChoice(id);
          document.getElementById(periodSelectId)?.focus();
        }}
      />
      <section className="desk" aria-labelledby="desk-title">
        <div className="desk-head">
          <h2 id="desk-title">{props.setup.department} 공약사업 문서</h2>
          <div className="desk-tools">
            <div className="field inline">
              <label htmlFor={periodSelectId}>보고 반기</label>
              <select id={periodSelectId} value={periodId} onChange={(e) => setPeriodChoice(e.target.value)}>
                {periods.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.label} (기한 {p.dueDate})
                  </option>
                ))}
              </select>
            </div>
            <BatchPrintTools
              key={periodId}
              department={props.setup.department ?? ''}
              projects={desk}
              documents={documents}
              period={period}
              term={term}
            />
          </div>
        </div>
        {desk.some(
          (p) =>
            p.role === 'lead' &&
            statusOf({ kind: 'executionPlan', projectId: p.projectId, slot: 'plan' }) !== 'confirmed',
        ) && (
          <p className="hint" data-testid="desk-plan-hint">
            관리카드는 실천계획서가 확정된 뒤 씁니다. 실천계획서를 제출 파일로 보내면 기획담당관이 확정하고,
            확정된 계획서는 기획담당관이 보내는 기준 자료 파일로 이 PC에 들어옵니다: 받은 기준 자료는 ‘제출
            파일’ 화면의 ‘기준 자료 적용’에서 적용하세요.
          </p>
        )}
        {newRequestError !== null && <StatusMessage kind="error">{newRequestError}</StatusMessage>}
        {desk.length === 0 ? (
          <p className="empty">이 부서가 맡은 공약사업이 없습니다.</p>
        ) : (
          <table className="desk-table" data-testid="desk-projects">
            <thead>
              <tr>
                <th scope="col">공약번호</th>
                <th scope="col">공약명</th>
                <th scope="col">실천계획서</th>
                <th scope="col">관리카드</th>
                <th scope="col">재정집행현황</th>
                <th scope="col">조정 요청서</th>
              </tr>
            </thead>
            <tbody>
              {desk.map((p) => (
                <ProjectRow
                  key={p.projectId}
                  project={p}
                  periodId={periodId}
                  statusOf={statusOf}
                  requests={documents.filter(
                    (d) => d.ref.kind === 'changeRequest' && d.ref.projectId === p.projectId,
                  )}
                  cardDecisions={decisionsOnCard(deadlines.cardDecisions, p.projectId, periodId)}
                  onOpen={openDocument}
                  onNewRequest={(id) => void openNewRequest(id)}
                />
              ))}
            </tbody>
          </table>
        )}
        <DraftExchangePanel
          projects={deadlines.projects}
          documents={documents}
          onImported={() => setGeneration((g) => g + 1)}
        />
      </section>
    </div>
  );
}
