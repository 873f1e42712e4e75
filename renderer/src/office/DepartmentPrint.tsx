import { useCallback, useState } from 'react';
import type { DepartmentCardsView } from '../../../domain/api/contract';
import { catalogAt } from '../../../domain/catalog/assignments';
import type { Catalog } from '../../../domain/catalog/types';
import { periodLabel } from '../../../domain/documents';
import type { DepartmentSubmission, FinanceReport, SubmissionsReport } from '../../../domain/reports';
import type { Term } from '../../../domain/term/types';
import { api } from '../api/client';
import { StatusMessage } from '../components/StatusMessage';
import { BatchFinanceTable, BatchItem, ContentsPage } from '../drafting/BatchPages';
import { CardPrint } from '../drafting/print';
import { PrintOverlay } from '../drafting/PrintOverlay';
import { countedCards, departmentFinanceRows, departmentPrintRows } from './department-print';
import { formatKoreanDateTime } from './format';

/**
 * 받은 문서 모아 인쇄 in 제출 현황: what one department sent for the half-year, in one print preview — a first page
 * listing its projects with the state 제출 현황 gives each document, each card the report counts (its newest
 * revision), then 붙임5 of the projects it leads as the report computes them (amounts changed since first
 * reported in red).
 */

/** What the preview shows: one department's documents, or (every: true) each department's that sent any. */
interface Shown {
  departments: DepartmentSubmission[];
  every: boolean;
  view: DepartmentCardsView;
  term: Term;
}

/** The key of what is being prepared: a department's name, or every department's. */
const EVERY = Symbol('every');

export function useDepartmentPrint(props: {
  submissions: SubmissionsReport;
  finance: FinanceReport;
  catalog: Catalog;
}) {
  const { submissions, finance, catalog } = props;
  const [shown, setShown] = useState<Shown | null>(null);
  const [loading, setLoading] = useState<string | typeof EVERY | null>(null);
  const [error, setError] = useState<string | null>(null);
  const close = useCallback(() => setShown(null), []);
  const label = periodLabel(submissions.periodId);
  const sent = submissions.departments.filter((d) => d.receivedCount > 0);

  const open = async (only: DepartmentSubmission | null) => {
    if (loading !== null) return;
    setLoading(only?.department ?? EVERY);
    setError(null);
    try {
      const [view, term] = await Promise.all([
        api.getDepartmentCards({
          periodId: submissions.periodId,
          ...(only === null ? {} : { department: only.department }),
        }),
        api.getTerm(),
      ]);
      setShown({ departments: only === null ? sent : [only], every: only === null, view, term });
    } catch (e) {
      const whose = only === null ? '부서별' : `${only.department}의`;
      setError(`${whose} 받은 문서를 인쇄하지 못했습니다: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setLoading(null);
    }
  };

  const button = (submission: DepartmentSubmission) =>
    submission.receivedCount === 0 ? (
      <span className="hint">–</span>
    ) : (
      <button
        type="button"
        className="nowrap"
        onClick={() => void open(submission)}
        disabled={loading !== null}
        aria-label={`${submission.department} 받은 문서 모아 인쇄 (${label})`}
      >
        {loading === submission.department ? '준비 중…' : '모아 인쇄'}
      </button>
    );

  /** Every department that sent something, one after another, each from its first page. */
  const everyButton = (
    <button type="button" onClick={() => void open(null)} disabled={loading !== null || sent.length === 0}>
      {loading === EVERY ? '인쇄 준비 중…' : `받은 문서 부서별 모아 인쇄 (${sent.length}개 부서)`}
    </button>
  );

  const whose = shown === null ? '' : shown.every ? '부서별' : (shown.departments[0]?.department ?? '');
  const rendered = (
    <>
      {error !== null && <StatusMessage kind="error">{error}</StatusMessage>}
      {shown !== null && (
        <PrintOverlay
          onClose={close}
          autoPrint
          title={`${label} 받은 관리카드·재정집행 현황 ${whose}`}
          notice={`${shown.every ? '각 부서' : whose}에서 받은 그대로입니다. 관리카드는 집계에 쓰는 최신 회차, 재정집행 현황은 종합 현황의 것입니다.`}
        >
          <div className="print-batch">
            {shown.departments.map((submission) => (
              <DepartmentPrintPages
                key={submission.department}
                submission={submission}
                view={shown.view}
                term={shown.term}
                finance={finance}
                catalog={catalogAt(catalog, submissions.periodId)}
                label={label}
                dueDate={submissions.dueDate}
              />
            ))}
          </div>
        </PrintOverlay>
      )}
    </>
  );
  return { button, everyButton, rendered };
}

function DepartmentPrintPages({
  submission,
  view,
  term,
  finance,
  catalog,
  label,
  dueDate,
}: {
  submission: DepartmentSubmission;
  view: DepartmentCardsView;
  term: Term;
  finance: FinanceReport;
  catalog: Catalog;
  label: string;
  dueDate: string;
}) {
  const department = submission.department;
  const cards = countedCards(view, submission);
  const rows = departmentFinanceRows(finance, department);
  const led = new Set(catalog.projects.filter((p) => p.leadDepartment === department).map((p) => p.id));
  const notRead = view.unreadable.filter((u) => led.has(u.projectId));
  const unreadable =
    notRead.length === 0
      ? ''
      : ` 읽을 수 없는 관리카드: ${notRead.map((u) => `${u.projectId} (${u.problem})`).join(', ')}.`;
  return (
    <div className="print-batch" data-testid="batch-department" data-department={department}>
      <ContentsPage
        title="받은 공약관리카드·재정집행 현황"
        sub={`${department} · ${label} (제출 기한 ${dueDate})`}
        caption={`관리카드 ${cards.length}건(사업마다 집계에 쓰는 최신 회차)과 주관 사업 ${rows.length}개의 재정집행 현황(종합 현황 기준)을 인쇄합니다. 첫 접수는 처음 받은 때로, 지연은 이때로 판단합니다.${unreadable}`}
        columns={[
          { head: '관리카드', testId: 'batch-card-state' },
          { head: '재정집행 현황', testId: 'batch-finance-state' },
        ]}
        rows={departmentPrintRows(submission, catalog)}
      />
      {cards.map((c) => (
        <BatchItem key={c.projectId} testId="batch-card" projectId={c.projectId}>
          <p className="print-receipt" data-testid="batch-card-receipt">
            제출 파일 r{c.revision} · {formatKoreanDateTime(c.receivedAt)} 접수
          </p>
          <CardPrint card={c.card} term={term} />
        </BatchItem>
      ))}
      <BatchFinanceTable
        rows={rows}
        missing={finance.withoutConfirmedPlan
          .filter((id) => led.has(id))
          .map((projectId) => ({ projectId, reason: '확정된 실천계획서가 없습니다' }))}
        sub={`${department} 주관 사업 · ${label} (종합 현황 기준, 임기 중 누계, 백만원)`}
        term={term}
        legend="빨간 금액: 처음 보고한 뒤 수정된 금액"
      />
    </div>
  );
}
