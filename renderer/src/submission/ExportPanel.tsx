import { useId, useMemo, useState } from 'react';
import type { BundleExported, DeadlineView, DocumentSummary } from '../../../domain/api/contract';
import { DOCUMENT_KIND_LABELS, UNREQUESTED_CHANGE } from '../../../domain/documents';
import { requestLabel, requestTitle } from '../drafting/request-label';
import { listPeriods } from '../../../domain/term/periods';
import type { Term } from '../../../domain/term/types';
import { api, ApiCallError } from '../api/client';
import { useLoad } from '../api/use-load';
import { StatusMessage } from '../components/StatusMessage';
import { periodLabel, shortHash } from './labels';
import { useAction } from '../components/use-action';
import { MadeFileDownload } from './MadeFileDownload';
import { missingForPeriod, missingPlans, type DepartmentProject } from './missing-documents';

/** Mirrors the server's choice of documents per period (bundle-export.ts `belongsTo`), for the preview only. */
function belongsTo(doc: DocumentSummary, period: string): boolean {
  const { kind, slot } = doc.ref;
  if (period === 'plan') return kind === 'executionPlan';
  if (kind === 'managementCard' || kind === 'financeRow') return slot === period;
  return kind === 'changeRequest';
}

/** How many names a missing-documents line shows before "외 n개". */
const MISSING_NAMES_SHOWN = 3;

/**
 * Said before the file is made, for the 실천계획서 or a half-year (the one due or any other): what it still
 * lacks, not blocking.
 */
function MissingDocuments(props: {
  period: string;
  projects: readonly DepartmentProject[];
  documents: readonly DocumentSummary[];
  planDueDate: string | null;
}) {
  const names = (list: readonly DepartmentProject[]) => {
    const shown = list.slice(0, MISSING_NAMES_SHOWN).map((p) => `${p.projectId} ${p.projectName}`);
    const rest = list.length - shown.length;
    return shown.join(', ') + (rest > 0 ? ` 외 ${rest}개` : '');
  };
  if (props.period === 'plan') {
    const plans = missingPlans(props.projects, props.documents);
    if (plans.length === 0) return null;
    const led = props.projects.filter((p) => p.role === 'lead').length;
    return (
      <div className="status status-info export-missing" role="status" data-testid="export-missing">
        <p>
          <strong>
            아직 작성하지 않은 실천계획서가 있습니다: 이 부서가 주관하는 공약사업 {led}개 중 {plans.length}개.
          </strong>
        </p>
        <ul>
          <li data-testid="export-missing-plans">{names(plans)}</li>
        </ul>
        <p>
          이 제출 파일에는 작성한 실천계획서만 들어갑니다. 나누어 보내도 되니, 나머지는 작성한 뒤 다음 제출
          파일로 보내세요{props.planDueDate === null ? '' : ` (실천계획서 제출 기한 ${props.planDueDate})`}.
        </p>
      </div>
    );
  }
  const { cards, finance } = missingForPeriod(props.projects, props.documents, props.period);
  if (cards.length === 0 && finance.length === 0) return null;
  const total = props.projects.length;
  const half = periodLabel(props.period);
  return (
    <div className="status status-info export-missing" role="status" data-testid="export-missing">
      <p>
        <strong>
          {half}에 아직 작성하지 않은 문서가 있습니다 (이 부서의 공약사업 {total}개 중).
        </strong>
      </p>
      <ul>
        {cards.length > 0 && (
          <li data-testid="export-missing-cards">
            {half} 관리카드가 없는 사업 {cards.length}개: {names(cards)}
          </li>
        )}
        {finance.length > 0 && (
          <li data-testid="export-missing-finance">
            {half} 재정집행현황이 없는 사업 {finance.length}개: {names(finance)}
          </li>
        )}
      </ul>
      <p>
        이 제출 파일에는 작성한 문서만 들어갑니다. 나누어 보내도 되니, 나머지는 작성한 뒤 다음 제출 파일로
        보내세요. 재정집행현황을 보내지 않은 사업은 기획담당관의 붙임5에 확보내역 0으로 집계됩니다.
      </p>
    </div>
  );
}

interface Refusal {
  document: string;
  error: string;
}

/** Department: choose a period and projects, sign them into one submission file, see what was left out. */
export function ExportPanel(props: { generation: number; hasKey: boolean; onChanged: () => void }) {
  const [state] = useLoad(async (): Promise<{
    term: Term;
    documents: DocumentSummary[];
    due: string | null;
    deadlines: DeadlineView;
  }> => {
    const deadlines = await api.getDeadlines();
    return {
      term: await api.getTerm(),
      documents: await api.listMyDocuments(),
      due: deadlines.period?.id ?? null,
      deadlines,
    };
  }, [props.generation]);
  const periodId = useId();
  const [periodChoice, setPeriod] = useState<string | null>(null);
  // Until chosen: a half-year past its due date with documents marked 제출 and not yet in a file (late, but still
  // to send), else the half-year due next when this department has written something for it, else the plans.
  const overdue = state.status === 'ready' ? state.value.deadlines.overdue : null;
  const period =
    periodChoice ??
    (overdue !== null && overdue.unsent > 0
      ? overdue.period.id
      : state.status === 'ready' &&
          state.value.due !== null &&
          state.value.documents.some((d) => belongsTo(d, state.value.due as string))
        ? state.value.due
        : 'plan');
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set());
  const [result, setResult] = useState<BundleExported | null>(null);
  const [nothing, setNothing] = useState<{ message: string; refused: Refusal[] } | null>(null);
  const action = useAction();

  const inPeriod = useMemo(
    () => (state.status === 'ready' ? state.value.documents.filter((d) => belongsTo(d, period)) : []),
    [state, period],
  );
  // A project whose only documents are requests not yet requested has nothing to send: it is not offered.
  const [projects, heldOnly] = useMemo(() => {
    const byProject = new Map<string, DocumentSummary[]>();
    for (const d of inPeriod) byProject.set(d.ref.projectId, [...(byProject.get(d.ref.projectId) ?? []), d]);
    const all = [...byProject.entries()].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }));
    return [
      all.filter(([, docs]) => docs.some((d) => !d.heldBack)),
      all.filter(([, docs]) => docs.every((d) => d.heldBack)),
    ];
  }, [inPeriod]);

  if (state.status === 'loading') return <StatusMessage kind="info">문서 목록을 불러오는 중…</StatusMessage>;
  if (state.status === 'error') return <StatusMessage kind="error">{state.message}</StatusMessage>;
  const periods = listPeriods(state.value.term);
  const chosen = projects.filter(([id]) => !excluded.has(id)).map(([id]) => id);

  const exportNow = () =>
    action.run(async () => {
      setResult(null);
      setNothing(null);
      try {
        // All projects: let the server take every document of the period (also ones created meanwhile).
        const input = excluded.size > 0 ? { period, projectIds: chosen } : { period };
        setResult(await api.exportBundle(input));
        props.onChanged();
      } catch (e) {
        if (e instanceof ApiCallError && e.code === 'NOTHING_TO_EXPORT') {
          const refused = Object.entries(e.details).map(([document, error]) => ({ document, error }));
          setNothing({ message: e.message.split(' 오류가 있어 제외된 문서:')[0] ?? e.message, refused });
          return;
        }
        throw e;
      }
    });

  return (
    <section className="sub-panel" aria-labelledby="export-title" data-testid="export-panel">
      <h2 id="export-title">제출 파일 만들기</h2>
      <div className="field inline">
        <label htmlFor={periodId}>제출 기간</label>
        <select
          id={periodId}
          value={period}
          onChange={(e) => {
            setPeriod(e.target.value);
            setExcluded(new Set());
            setResult(null);
            setNothing(null);
          }}
        >
          <option value="plan">실천계획서</option>
          {periods.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label} 관리카드·재정집행 (기한 {p.dueDate})
            </option>
          ))}
        </select>
      </div>
      {projects.length === 0 ? (
        <p className="empty" data-testid="export-no-documents">
          {heldOnly.length > 0
            ? `${periodLabel(period)}에 보낼 수 있는 문서가 없습니다: 아직 요청하지 않은 조정 요청서뿐입니다.`
            : period === 'plan'
              ? '작성한 실천계획서가 없습니다. ‘문서 작성’에서 먼저 작성하세요.'
              : `${periodLabel(period)}에 작성한 문서가 없습니다. ‘문서 작성’에서 먼저 작성하세요.`}
        </p>
      ) : (
        <fieldset className="export-projects">
          <legend>
            보낼 공약사업 ({chosen.length}/{projects.length})
          </legend>
          {projects.map(([projectId, docs]) => (
            <label key={projectId} className="choice export-project">
              <input
                type="checkbox"
                checked={!excluded.has(projectId)}
                onChange={(e) => {
                  const next = new Set(excluded);
                  if (e.target.checked) next.delete(projectId);
                  else next.add(projectId);
                  setExcluded(next);
                }}
              />{' '}
              <span className="project-id">{projectId}</span> {docs[0]?.projectName}
              <span className="doc-tags">
                {docs.map((d) => (
                  <span
                    key={`${d.ref.kind}-${d.ref.slot}`}
                    className={`doc-tag ${d.errorCount > 0 ? 'doc-tag-error' : d.heldBack ? 'doc-tag-held' : ''}`}
                    title={
                      [d.errorCount > 0 ? '오류가 있어 제출 파일에서 빠집니다' : null, d.heldBack]
                        .filter(Boolean)
                        .join(' ') || undefined
                    }
                    data-testid="export-doc-tag"
                  >
                    {DOCUMENT_KIND_LABELS[d.ref.kind]}
                    {d.ref.kind === 'changeRequest' ? ` (${requestTitle(d.subject, d.ref.slot)})` : ''}
                    {d.errorCount > 0 ? ` · 오류 ${d.errorCount}건` : ''}
                    {d.heldBack ? ' · 작성 중, 보내지 않음' : ''}
                    {d.errorCount === 0 && !d.heldBack && d.status === 'draft' ? ' · 작성중' : ''}
                  </span>
                ))}
              </span>
            </label>
          ))}
        </fieldset>
      )}
      {inPeriod.some(
        (d) => d.status === 'draft' && d.errorCount === 0 && !d.heldBack && !excluded.has(d.ref.projectId),
      ) && (
        <p className="hint" data-testid="export-draft-hint">
          ‘작성중’인 문서도 오류가 없으면 지금 내용 그대로 제출 파일에 들어갑니다. 보낸 뒤에 고친 내용은 다음
          제출 파일로 보내세요.
        </p>
      )}
      {inPeriod.some((d) => d.heldBack && !excluded.has(d.ref.projectId)) && (
        <p className="hint" data-testid="export-held-hint">
          ‘작성 중, 보내지 않음’으로 표시된 조정 요청서는 아직 요청하지 않은 것이라 제출 파일에 넣지 않습니다.
          보내려면 문서를 열어 ‘제출’을 누른 뒤 만드세요.
          {heldOnly.length > 0 &&
            ` 요청하지 않은 조정 요청서만 있는 사업: ${heldOnly.map(([id]) => id).join(', ')}.`}
        </p>
      )}
      <MissingDocuments
        period={period}
        projects={state.value.deadlines.projects}
        documents={state.value.documents}
        planDueDate={state.value.term.planDueDate}
      />
      {!props.hasKey && (
        <p className="hint">서명 키가 없으면 제출 파일을 만들 수 없습니다. 위에서 먼저 서명 키를 만드세요.</p>
      )}
      <div className="actions">
        <button
          type="button"
          className="primary"
          // Nothing written: nothing to make (with only unrequested requests, making it lists them as left out).
          disabled={action.busy || (projects.length > 0 ? chosen.length === 0 : heldOnly.length === 0)}
          onClick={() => void exportNow()}
        >
          {action.busy ? '만드는 중…' : '제출 파일 만들기'}
        </button>
      </div>
      {action.error && <StatusMessage kind="error">{action.error}</StatusMessage>}
      {nothing && (
        <div className="status status-error" role="alert" data-testid="export-nothing">
          <p>
            <strong>{nothing.message}</strong> 제출 파일을 만들지 않았습니다.
          </p>
          {nothing.refused.length > 0 && <RefusedList refused={nothing.refused} />}
        </div>
      )}
      {result && <ExportResult result={result} />}
    </section>
  );
}

/** What was left out: documents with errors (to fix), and apart from them requests not yet requested (by choice). */
function RefusedList({ refused }: { refused: readonly Refusal[] }) {
  const unrequested = refused.filter((r) => r.error === UNREQUESTED_CHANGE);
  const withErrors = refused.filter((r) => r.error !== UNREQUESTED_CHANGE);
  return (
    <>
      {withErrors.length > 0 && (
        <div className="refused" data-testid="export-refused">
          <h3>오류가 있어 빠진 문서 {withErrors.length}건 — 고친 뒤 다시 만드세요</h3>
          <ul>
            {withErrors.map((r, i) => (
              // Two requests may read alike ("사업기간 변경"): the position keeps the keys apart.
              <li key={`${i}-${r.document}`}>
                <strong>{r.document}</strong>
                <br />
                <span className="refused-error">{r.error}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {unrequested.length > 0 && (
        <div className="hint" data-testid="export-unrequested">
          <p>
            아직 요청하지 않아 넣지 않은 조정 요청서 {unrequested.length}건 (보내려면 문서를 열어 ‘제출’을
            누른 뒤 다시 만드세요):
          </p>
          <ul>
            {unrequested.map((r, i) => (
              <li key={`${i}-${r.document}`}>{r.document}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

function ExportResult({ result }: { result: BundleExported }) {
  return (
    <div className="result-box" data-testid="export-result">
      <StatusMessage kind="success">
        제출 파일을 만들었습니다: {periodLabel(result.period)}, 회차{' '}
        <strong data-testid="export-revision">r{result.revision}</strong>, 문서 {result.documents.length}건,
        첨부 {result.attachments}건.
      </StatusMessage>
      {result.refused.length > 0 && <RefusedList refused={result.refused} />}
      <dl className="key-facts">
        <dt>파일</dt>
        <dd>
          <strong>{result.fileName}</strong>
          <br />
          <code className="path" data-testid="export-path">
            {result.path}
          </code>
          <p className="hint">이 파일을 메일·공유 폴더·USB로 기획담당관에게 보내세요.</p>
          <MadeFileDownload type="pledge-submission" revision={result.revision} label="제출 파일" />
          {result.previousRevision !== null && result.previousRevision === result.revision - 1 && (
            <p className="hint" data-testid="export-order">
              기획담당관은 제출 파일을 만든 순서대로 받습니다. 이 파일은 r{result.previousRevision} 다음
              파일이니, 앞서 만든 파일을 아직 보내지 않았다면 함께 보내세요.
            </p>
          )}
          {result.previousRevision !== result.revision - 1 && result.revision > 1 && (
            <p className="hint" data-testid="export-order">
              이어 보내기: 이 파일은{' '}
              {result.previousRevision === null
                ? '기획담당관이 받은 파일 없이 처음 파일로'
                : `기획담당관이 받은 r${result.previousRevision} 다음으로`}{' '}
              이어집니다. 그 사이에 만든 파일은 보내지 않아도 됩니다.
            </p>
          )}
        </dd>
        <dt>SHA-256</dt>
        <dd>
          <code className="mono" data-testid="export-sha256" title={result.sha256}>
            {shortHash(result.sha256)}
          </code>
          <details>
            <summary>전체 보기</summary>
            <code className="mono wrap" data-testid="export-sha256-full">
              {result.sha256}
            </code>
          </details>
        </dd>
        <dt>들어간 문서</dt>
        <dd>
          <ul className="plain-list" data-testid="export-documents">
            {result.documents.map((d) => (
              <li key={d.path}>
                {d.projectId} {DOCUMENT_KIND_LABELS[d.kind]}
                {d.kind === 'managementCard' || d.kind === 'financeRow'
                  ? ` (${periodLabel(d.slot)})`
                  : d.kind === 'changeRequest'
                    ? ` (${requestLabel(d.slot)})`
                    : ''}
              </li>
            ))}
          </ul>
        </dd>
      </dl>
    </div>
  );
}
