import { useCallback, useId, useState, type ReactNode } from 'react';
import type { ProjectDocumentView } from '../../../domain/api/contract';
import { leadAt } from '../../../domain/catalog/assignments';
import type { CatalogProject } from '../../../domain/catalog/types';
import {
  currentDecisionStatus,
  DECISION_STATUS_LABELS,
  DOCUMENT_KIND_LABELS,
  periodLabel,
  type ChangeRequest,
  type ExecutionPlan,
  type FinanceRow,
  type ManagementCard,
} from '../../../domain/documents';
import { localDateTimeOf } from '../../../domain/reports/submissions';
import { listBudgetYears } from '../../../domain/term/periods';
import type { Term } from '../../../domain/term/types';
import { api } from '../api/client';
import { useLoad } from '../api/use-load';
import { StatusMessage } from '../components/StatusMessage';
import { CardPrint, ChangeRequestPrint, FinancePrint, PlanPrint } from '../drafting/print';
import { PrintOverlay } from '../drafting/PrintOverlay';
import { requestTitle } from '../drafting/request-label';
import { DocumentFilesToOpen } from '../office/DocumentFiles';

/**
 * 받은 문서 (the office's 공약 목록): a project's confirmed plan and what its departments sent — each card and 재정집행
 * 현황 as the report counts it, each change request with the office's decisions — each opened in its official
 * layout to read or print.
 */

type Earlier = ProjectDocumentView['earlier'][number];

const slotLabel = (doc: ProjectDocumentView): string =>
  doc.kind === 'executionPlan'
    ? '—'
    : doc.kind === 'changeRequest'
      ? requestTitle(null, doc.slot)
      : periodLabel(doc.slot);

function sourceLabel(doc: ProjectDocumentView): string {
  switch (doc.source.kind) {
    case 'confirmed':
      return '확정본 (기획담당관)';
    case 'officeRecord': {
      const status = currentDecisionStatus(doc.document as ChangeRequest);
      return `기획담당관 기록 · ${status === null ? '결정 없음' : DECISION_STATUS_LABELS[status]}`;
    }
    case 'received':
      return `제출 파일 r${doc.source.revision} · ${localDateTimeOf(doc.source.receivedAt)} 접수`;
  }
}

/** The document in its form's layout, as printed. */
function printOf(doc: ProjectDocumentView, project: CatalogProject, term: Term): ReactNode {
  switch (doc.kind) {
    case 'executionPlan':
      return <PlanPrint plan={doc.document as ExecutionPlan} term={term} />;
    case 'managementCard':
      return <CardPrint card={doc.document as ManagementCard} term={term} />;
    case 'financeRow': {
      const row = doc.document as FinanceRow;
      // A co-department's row carries its own 임기내 집행 (the lead's comes from its card).
      const executedYears =
        doc.department === leadAt(project, row.periodId)
          ? []
          : listBudgetYears(term).filter((y) => y.key <= row.periodId.slice(0, 4));
      return <FinancePrint row={row} projectName={project.name} executedYears={executedYears} />;
    }
    case 'changeRequest':
      return <ChangeRequestPrint request={doc.document as ChangeRequest} />;
  }
}

/**
 * The document opened: its files to open above it (열기/내려받기, on screen only — the layout names them on paper
 * too), then the layout itself.
 */
export function ShownDocument({
  doc,
  project,
  term,
}: {
  doc: ProjectDocumentView;
  project: CatalogProject;
  term: Term;
}) {
  return (
    <>
      <DocumentFilesToOpen document={doc.document} />
      {printOf(doc, project, term)}
    </>
  );
}

export function ReceivedDocuments({ project }: { project: CatalogProject }) {
  const titleId = useId();
  const [state] = useLoad(
    async () => ({
      term: await api.getTerm(),
      view: await api.getProjectDocuments({ projectId: project.id }),
    }),
    [project.id],
  );
  // The document opened, and which of its earlier revisions (none: the one counted).
  const [shown, setShown] = useState<{ doc: ProjectDocumentView; earlier?: Earlier } | null>(null);
  const close = useCallback(() => setShown(null), []);

  return (
    <section className="received-documents" aria-labelledby={titleId} data-testid="received-documents">
      <h3 id={titleId}>받은 문서</h3>
      {state.status === 'loading' && <p className="empty">불러오는 중…</p>}
      {state.status === 'error' && (
        <StatusMessage kind="error">받은 문서를 읽지 못했습니다: {state.message}</StatusMessage>
      )}
      {state.status === 'ready' && (
        <>
          {state.value.view.documents.length === 0 ? (
            <p className="empty">이 사업의 문서를 아직 받지 않았습니다.</p>
          ) : (
            <table className="received-documents-table">
              <thead>
                <tr>
                  <th scope="col">문서</th>
                  <th scope="col">반기·요청</th>
                  <th scope="col">부서</th>
                  <th scope="col">출처</th>
                  <th scope="col">
                    <span className="sr-only">열기</span>
                  </th>
                  <th scope="col">이전 회차</th>
                </tr>
              </thead>
              <tbody>
                {state.value.view.documents.map((doc) => {
                  const name = `${DOCUMENT_KIND_LABELS[doc.kind]} ${slotLabel(doc)} ${doc.department}`;
                  return (
                    <tr
                      key={`${doc.kind}|${doc.slot}|${doc.department}`}
                      data-kind={doc.kind}
                      data-slot={doc.slot}
                    >
                      <td>{DOCUMENT_KIND_LABELS[doc.kind]}</td>
                      <td>{slotLabel(doc)}</td>
                      <td>{doc.department}</td>
                      <td data-testid="received-source">{sourceLabel(doc)}</td>
                      <td>
                        <button
                          type="button"
                          onClick={() => setShown({ doc })}
                          aria-label={`${name} 보기·인쇄`}
                        >
                          보기·인쇄
                        </button>
                      </td>
                      <td className="received-earlier" data-testid="received-earlier">
                        {doc.earlier.length === 0
                          ? '—'
                          : doc.earlier.map((e) => (
                              <button
                                key={e.revision}
                                type="button"
                                className="link"
                                onClick={() => setShown({ doc, earlier: e })}
                                aria-label={`r${e.revision} ${name} 이전 회차 보기`}
                              >
                                r{e.revision}
                              </button>
                            ))}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          {state.value.view.unreadable.length > 0 && (
            <StatusMessage kind="error">
              이 버전이 읽지 못한 문서:{' '}
              {state.value.view.unreadable
                .map((u) => `${DOCUMENT_KIND_LABELS[u.kind]} ${u.slot} ${u.department} (${u.problem})`)
                .join(', ')}
            </StatusMessage>
          )}
          {shown !== null && (
            <PrintOverlay
              onClose={close}
              autoPrint={false}
              title={`${DOCUMENT_KIND_LABELS[shown.doc.kind]} ${project.id} ${shown.doc.kind === 'executionPlan' ? '' : `${slotLabel(shown.doc)} `}${shown.doc.department}${shown.earlier ? ` r${shown.earlier.revision}` : ''}`}
              notice={
                shown.earlier
                  ? `이전 회차: 제출 파일 r${shown.earlier.revision} · ${localDateTimeOf(shown.earlier.receivedAt)} 접수. 집계에는 그 뒤에 받은 ${sourceLabel(shown.doc)}의 것을 씁니다.`
                  : `${sourceLabel(shown.doc)}. 기획담당관이 받은 그대로이며, 여기서 고칠 수 없습니다.`
              }
            >
              <ShownDocument
                doc={{ ...shown.doc, document: shown.earlier?.document ?? shown.doc.document }}
                project={project}
                term={state.value.term}
              />
            </PrintOverlay>
          )}
        </>
      )}
    </section>
  );
}
