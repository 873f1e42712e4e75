import type { ExecutionPlan, FinanceTableRow, ManagementCard } from '../../../domain/documents';
import type { Period } from '../../../domain/term/periods';
import type { Term } from '../../../domain/term/types';
import { api } from '../api/client';
import {
  batchDocumentLabel,
  cardsToPrint,
  financeRowsToPrint,
  plansToPrint,
  type BatchEntry,
  type PlanBatchEntry,
} from './batch-print';
import { BatchFinanceTable, BatchItem, ContentsPage } from './BatchPages';
import { CardPrint, PlanPrint } from './print';

/** What 모아 인쇄 puts on paper, read from the stored documents (nothing is open on the desk). */
export interface BatchPrintData {
  entries: BatchEntry[];
  cards: ManagementCard[];
  financeRows: FinanceTableRow[];
  /** Projects whose 붙임5 row cannot be computed yet, with the reason (the plan is not confirmed, …). */
  financeMissing: { projectId: string; reason: string }[];
}

export async function loadBatchPrint(entries: BatchEntry[], periodId: string): Promise<BatchPrintData> {
  const cards = await Promise.all(
    cardsToPrint(entries).map(async (ref) => (await api.openDocument(ref)).document as ManagementCard),
  );
  const derived = await Promise.all(
    financeRowsToPrint(entries).map(async (projectId) => ({
      projectId,
      result: await api.getDerivedFinance({ projectId, periodId }),
    })),
  );
  return {
    entries,
    cards,
    financeRows: derived.flatMap((d) => (d.result.row === null ? [] : [d.result.row])),
    financeMissing: derived.flatMap((d) =>
      d.result.row === null
        ? [{ projectId: d.projectId, reason: d.result.missing ?? '계산할 수 없습니다' }]
        : [],
    ),
  };
}

/** 모아 인쇄's pages: the list, each written card, then the department's 붙임5; each begins a page. */
export function BatchPrintPages(props: {
  data: BatchPrintData;
  department: string;
  period: Period;
  term: Term;
}) {
  return (
    <div className="print-batch">
      <ContentsPage
        title="공약관리카드·재정집행 현황"
        sub={`${props.department} · ${props.period.label} (제출 기한 ${props.period.dueDate})`}
        caption={`관리카드 ${props.data.cards.length}건, 재정집행 현황 ${props.data.financeRows.length}개 사업을 인쇄합니다 (저장된 내용). 미작성 문서는 인쇄하지 않습니다.`}
        columns={[
          { head: '관리카드', testId: 'batch-card-state' },
          { head: '재정집행 현황', testId: 'batch-finance-state' },
        ]}
        rows={props.data.entries.map((e) => ({
          projectId: e.projectId,
          projectName: e.projectName,
          states: [batchDocumentLabel(e.card), batchDocumentLabel(e.finance)],
        }))}
      />
      {props.data.cards.map((card) => (
        <BatchItem key={card.projectId} testId="batch-card" projectId={card.projectId}>
          <CardPrint card={card} term={props.term} />
        </BatchItem>
      ))}
      <BatchFinanceTable
        rows={props.data.financeRows}
        missing={props.data.financeMissing}
        sub={`${props.department} · ${props.period.label} (임기 중 누계, 백만원)`}
        term={props.term}
      />
    </div>
  );
}

/** What 실천계획서 모아 인쇄 puts on paper: the department's plans as stored. */
export interface PlanBatchData {
  entries: PlanBatchEntry[];
  plans: ExecutionPlan[];
}

export async function loadPlanBatch(entries: PlanBatchEntry[]): Promise<PlanBatchData> {
  const plans = await Promise.all(
    plansToPrint(entries).map(async (ref) => (await api.openDocument(ref)).document as ExecutionPlan),
  );
  return { entries, plans };
}

/** 실천계획서 모아 인쇄's pages: the list, then each written plan from the top of a page. */
export function PlanBatchPages(props: { data: PlanBatchData; department: string; term: Term }) {
  return (
    <div className="print-batch">
      <ContentsPage
        title="공약실천계획서"
        sub={props.department}
        caption={`실천계획서 ${props.data.plans.length}건을 인쇄합니다 (저장된 내용). 미작성 문서는 인쇄하지 않습니다.`}
        columns={[{ head: '실천계획서', testId: 'batch-plan-state' }]}
        rows={props.data.entries.map((e) => ({
          projectId: e.projectId,
          projectName: e.projectName,
          states: [batchDocumentLabel(e.plan)],
        }))}
      />
      {props.data.plans.map((plan) => (
        <BatchItem key={plan.projectId} testId="batch-plan" projectId={plan.projectId}>
          <PlanPrint plan={plan} term={props.term} />
        </BatchItem>
      ))}
    </div>
  );
}
