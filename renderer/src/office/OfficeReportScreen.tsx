import { memo, useCallback, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import type { OfficeReportView, ReportRequest } from '../../../domain/api/contract';
import type { Catalog } from '../../../domain/catalog/types';
import type { ChangeRequest } from '../../../domain/documents';
import { api } from '../api/client';
import { useLoad } from '../api/use-load';
import { StatusMessage } from '../components/StatusMessage';
import { InterruptedImportsWarning } from './InterruptedImportsWarning';
import { ChangesSection } from './ChangesSection';
import { CompletionSection } from './CompletionSection';
import { ConflictsSection } from './ConflictsSection';
import { FinanceTable } from './FinanceTable';
import { needsConfirmation } from '../../../domain/plans/confirmation';
import {
  dueDateText,
  publicExportCaution,
  reportTitle,
  undecidedSummary,
} from '../../../domain/reports/labels';
import { DEFAULT_EXECUTION_RATE_THRESHOLD } from '../../../domain/reports/lagging';
import { PlanConfirmationsSection } from './PlanConfirmations';
import { formatRate } from './format';
import { fractionThresholdNote } from './threshold-note';
import { ComparisonTable, LaggingTable, ParticipationTable } from './ReportSections';
import { termPeriods } from './report-data';
import { downloadBase64 } from '../submission/files';
import { StatusChart } from './StatusChart';
import { StatusTables } from './StatusTables';
import { SubmissionsTable } from './SubmissionsTable';
import { TrendSection } from './TrendSection';
import './office.css';

type TabId =
  | 'status'
  | 'finance'
  | 'submissions'
  | 'lagging'
  | 'participation'
  | 'changes'
  | 'comparison'
  | 'trend'
  | 'conflicts'
  | 'completion'
  | 'plans';

/**
 * The tables, re-rendered only when their data changes (a new report), not on every tab switch: at ten times
 * Seoul's size a table has thousands of rows.
 */
const Tables = {
  status: memo(StatusTables),
  chart: memo(StatusChart),
  finance: memo(FinanceTable),
  submissions: memo(SubmissionsTable),
  lagging: memo(LaggingTable),
  participation: memo(ParticipationTable),
  changes: memo(ChangesSection),
  comparison: memo(ComparisonTable),
  conflicts: memo(ConflictsSection),
  completion: memo(CompletionSection),
  plans: memo(PlanConfirmationsSection),
};

const TABS: { id: TabId; label: string }[] = [
  { id: 'status', label: '추진상황' },
  { id: 'finance', label: '재정집행현황' },
  { id: 'submissions', label: '제출 현황' },
  { id: 'lagging', label: '부진 사업' },
  { id: 'participation', label: '시민참여 실적' },
  { id: 'changes', label: '조정 내역' },
  { id: 'comparison', label: '반기 비교' },
  { id: 'trend', label: '이행 추이' },
  { id: 'conflicts', label: '충돌' },
  { id: 'completion', label: '완료 요청' },
  { id: 'plans', label: '실천계획 확정' },
];

const THRESHOLD_NOTE_ID = 'office-threshold-note';

/** 기획담당관's consolidated report for one half-year: tables, chart, decisions, Excel and print. */
/** What the toolbar exports. */
type ExportKind = 'workbook' | 'public';

export function OfficeReportScreen({ catalog }: { catalog: Catalog }) {
  const [setup] = useLoad(async () => {
    // Both at once: the report waits for them. The half-year is decided by the handlers (one indexed query, else
    // the program's clock), not from the list of every bundle.
    const [term, { periodId }] = await Promise.all([api.getTerm(), api.getDefaultReportPeriod()]);
    return { term, periods: termPeriods(term), initialPeriod: periodId };
  }, []);
  if (setup.status === 'loading') return <StatusMessage kind="info">종합 현황을 준비하는 중…</StatusMessage>;
  if (setup.status === 'error') return <StatusMessage kind="error">{setup.message}</StatusMessage>;
  return (
    <ReportView
      catalog={catalog}
      periods={setup.value.periods.map((p) => ({ id: p.id, label: p.label }))}
      initialPeriod={setup.value.initialPeriod}
    />
  );
}

function ReportView({
  catalog,
  periods,
  initialPeriod,
}: {
  catalog: Catalog;
  periods: { id: string; label: string }[];
  initialPeriod: string;
}) {
  const [periodId, setPeriodId] = useState(initialPeriod);
  const [compareId, setCompareId] = useState('');
  const [thresholdText, setThresholdText] = useState(
    String(Math.round(DEFAULT_EXECUTION_RATE_THRESHOLD * 100)),
  );
  const [threshold, setThreshold] = useState(DEFAULT_EXECUTION_RATE_THRESHOLD);
  const [thresholdError, setThresholdError] = useState<string | null>(null);
  const [tab, setTab] = useState<TabId>('status');
  // A section is built when first shown and kept (switching back is instant); printing builds them all.
  const [shown, setShown] = useState<ReadonlySet<TabId>>(() => new Set(['status']));
  const [printAll, setPrintAll] = useState(false);
  const printRequested = useRef(false);
  const showTab = (next: TabId) => {
    setTab(next);
    setShown((before) => (before.has(next) ? before : new Set([...before, next])));
  };
  useEffect(() => {
    // Ctrl+P (or the browser's menu): every section must be on the page before it is laid out for print.
    const before = () => flushSync(() => setPrintAll(true));
    window.addEventListener('beforeprint', before);
    return () => window.removeEventListener('beforeprint', before);
  }, []);
  useEffect(() => {
    if (!printAll) return;
    // Printing from the button: the sections are on the page now; print, then keep them (already built).
    if (printRequested.current) {
      printRequested.current = false;
      window.print();
    }
  }, [printAll]);
  const printReport = () => {
    if (printAll) {
      window.print();
      return;
    }
    printRequested.current = true;
    setPrintAll(true);
  };
  const mounted = (id: TabId) => printAll || shown.has(id);
  const [exporting, setExporting] = useState<ExportKind | null>(null);
  const [exportMessage, setExportMessage] = useState<{
    kind: 'success' | 'error' | 'info';
    text: string;
  } | null>(null);

  const request: ReportRequest = {
    periodId,
    executionRateThreshold: threshold,
    ...(compareId ? { comparePeriodId: compareId } : {}),
  };
  const requestKey = `${periodId}|${compareId}|${threshold}`;
  // The data generation the tables were built from (read before them: a change in between only reloads once).
  const shownGeneration = useRef<number | null>(null);
  const [state, reload] = useLoad(async (): Promise<{
    view: OfficeReportView;
    pending: ChangeRequest[];
    key: string;
  }> => {
    const { generation } = await api.getDataGeneration({});
    const view = await api.getOfficeReport(request);
    shownGeneration.current = generation;
    return { view, pending: view.pendingChangeRequests, key: requestKey };
  }, [periodId, compareId, threshold]);

  // The plans to confirm do not depend on the half-year: read once, again after a confirmation or 새로 고침.
  const [plans, reloadPlans] = useLoad(() => api.listPlanConfirmations(), []);
  const reloadAll = useCallback(() => {
    reload();
    reloadPlans();
  }, [reload, reloadPlans]);
  const [changedElsewhere, setChangedElsewhere] = useState(false);
  useEffect(() => {
    // Back in front (from the command line, another window, a colleague's import on this PC): if the data moved,
    // the tables are built again, and the screen says why they changed.
    const check = () => {
      if (document.visibilityState !== 'visible' || shownGeneration.current === null) return;
      void api.getDataGeneration({}).then(
        ({ generation }) => {
          if (shownGeneration.current === null || generation === shownGeneration.current) return;
          shownGeneration.current = null;
          setChangedElsewhere(true);
          reloadAll();
        },
        () => undefined,
      );
    };
    window.addEventListener('focus', check);
    document.addEventListener('visibilitychange', check);
    return () => {
      window.removeEventListener('focus', check);
      document.removeEventListener('visibilitychange', check);
    };
  }, [reloadAll]);

  /** The typed 기준 as a fraction, or null (with the message set) when it is no percentage. */
  const checkThreshold = (typed: string): number | null => {
    // "30", "30%", "12,5" and "12.5 %" are all what people type for a percentage.
    const text = typed.trim().replace(/\s*%$/, '').replace(',', '.');
    const value = Number(text);
    if (text === '' || !Number.isFinite(value) || value < 0 || value > 100) {
      setThresholdError(
        `집행률 기준은 0~100(%) 사이 숫자로 입력하세요. 지금은 ${formatRate(threshold)}를 적용하고 있습니다.`,
      );
      return null;
    }
    setThresholdError(null);
    return value / 100;
  };
  // Applied as typed, but a fraction of 1 % is most likely a ratio meant as a percentage: said beside the box.
  const thresholdNote = fractionThresholdNote(threshold);
  const commitThreshold = () => {
    const value = checkThreshold(thresholdText);
    if (value !== null && value !== threshold) setThreshold(value);
  };

  /** Downloads a file the main process builds from the report shown (the workbook, the public report zip). */
  const exportFile = async (what: ExportKind) => {
    setExporting(what);
    setExportMessage(null);
    try {
      const file =
        what === 'workbook' ? await api.exportReportWorkbook(request) : await api.exportPublicReport(request);
      downloadBase64(file.fileName, file.mediaType, file.dataBase64);
      // Exported before every decision is taken: said, so the file is not taken for the final one.
      const undecided = state.status === 'ready' ? state.value.view.report.meta.undecided : undefined;
      const waiting = undecidedSummary(undecided);
      const caution =
        waiting === null
          ? ''
          : what === 'workbook'
            ? ` 아직 정하지 않은 ${waiting}이 있습니다: 정하면 표가 바뀔 수 있습니다 (개요 시트에도 적었습니다).`
            : ` ${publicExportCaution(undecided) ?? ''}`;
      setExportMessage({
        kind: waiting === null ? 'success' : 'info',
        text:
          (what === 'workbook'
            ? `${file.fileName} 파일을 내려받았습니다.`
            : `${file.fileName} 파일을 내려받았습니다. 압축을 풀어 index.html 과 CSV 파일(projects·finance·changes)을 누리집에 올리세요.`) +
          caution,
      });
    } catch (error) {
      setExportMessage({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    } finally {
      setExporting(null);
    }
  };

  const view = state.status === 'ready' ? state.value.view : null;
  const report = view?.report ?? null;
  // The tables still shown while another half-year, comparison or 기준 is computed: marked, and not printed.
  const stale = state.status === 'ready' && state.value.key !== requestKey;
  const labelOf = (id: string) => periods.find((p) => p.id === id)?.label ?? id;
  const periodLabel = labelOf(periodId);
  const openConflicts = view ? view.conflicts.filter((c) => c.resolution === null).length : 0;
  const openCompletions = view ? view.completionRequests.filter((c) => c.decision === null).length : 0;
  const badges: Partial<Record<TabId, number>> = {
    conflicts: openConflicts,
    completion: openCompletions,
    changes: state.status === 'ready' ? state.value.pending.length : 0,
    plans: plans.status === 'ready' ? plans.value.filter(needsConfirmation).length : 0,
  };

  return (
    <section className="office-report" aria-labelledby="office-report-title" data-testid="office-report">
      <header className="office-head">
        <h2 id="office-report-title">
          {state.status === 'ready' ? reportTitle(state.value.view.report.meta) : '공약이행 종합 현황'}{' '}
          <span data-testid="office-period-label">{periodLabel}</span>
        </h2>
        <form
          className="office-toolbar screen-only"
          onSubmit={(e) => {
            e.preventDefault();
            commitThreshold();
          }}
        >
          <label>
            반기
            <select
              value={periodId}
              onChange={(e) => {
                // The comparison is always with an earlier half-year: one no longer earlier falls back to 직전 반기.
                if (compareId !== '' && compareId >= e.target.value) setCompareId('');
                setPeriodId(e.target.value);
              }}
              data-testid="office-period"
              aria-label="보고 반기"
            >
              {periods.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </select>
          </label>
          <label>
            비교 반기
            <select
              value={compareId}
              onChange={(e) => setCompareId(e.target.value)}
              data-testid="office-compare"
              aria-label="비교할 반기"
            >
              <option value="">직전 반기</option>
              {periods
                .filter((p) => p.id < periodId)
                .map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.label}
                  </option>
                ))}
            </select>
          </label>
          <label>
            집행률 기준(%)
            <input
              type="text"
              inputMode="decimal"
              size={5}
              value={thresholdText}
              onChange={(e) => {
                // Said while typing; applied on Enter or leaving the box.
                setThresholdText(e.target.value);
                checkThreshold(e.target.value);
              }}
              onBlur={commitThreshold}
              aria-invalid={thresholdError ? true : undefined}
              aria-describedby={thresholdNote && !thresholdError ? THRESHOLD_NOTE_ID : undefined}
              data-testid="office-threshold"
            />
          </label>
          <button
            type="button"
            onClick={() => void exportFile('workbook')}
            disabled={exporting !== null || !report}
          >
            {exporting === 'workbook' ? '내보내는 중…' : '엑셀로 내보내기'}
          </button>
          <button
            type="button"
            onClick={() => void exportFile('public')}
            disabled={exporting !== null || !report}
            title="누리집·공약지도용: index.html 과 공개 CSV 파일을 zip 하나로 내려받습니다"
          >
            {exporting === 'public' ? '내보내는 중…' : '공개 자료 내보내기'}
          </button>
          <button type="button" onClick={printReport} disabled={!report || stale}>
            인쇄
          </button>
          <button type="button" onClick={reloadAll}>
            새로 고침
          </button>
        </form>
        {thresholdError && <StatusMessage kind="error">{thresholdError}</StatusMessage>}
        {thresholdNote && !thresholdError && (
          <p
            id={THRESHOLD_NOTE_ID}
            className="hint threshold-note screen-only"
            role="status"
            data-testid="office-threshold-note"
          >
            {thresholdNote}
          </p>
        )}
        {exportMessage && <StatusMessage kind={exportMessage.kind}>{exportMessage.text}</StatusMessage>}
        {changedElsewhere && (
          <p className="hint screen-only" role="status" data-testid="office-changed-elsewhere">
            이 화면 밖에서 자료가 바뀌어 (가져오기·결정·키 등록) 표를 다시 계산했습니다.{' '}
            <button type="button" className="link" onClick={() => setChangedElsewhere(false)}>
              닫기
            </button>
          </p>
        )}
        {report && (
          <p className="hint office-meta">
            기준일 {report.meta.today} · 제출 기한{' '}
            {dueDateText(report.meta.dueDate, report.meta.dueDateMovedBecause)} · 집행률 기준{' '}
            {formatRate(report.meta.executionRateThreshold)} · 목록 {report.meta.catalogVersion}
          </p>
        )}
      </header>

      <InterruptedImportsWarning />
      <Tabs tab={tab} onChange={showTab} badges={badges} />

      {state.status === 'loading' && <StatusMessage kind="info">종합 현황을 계산하는 중…</StatusMessage>}
      {stale && report && (
        <StatusMessage kind="info">
          {report.meta.periodId === periodId
            ? '바꾼 비교 반기·집행률 기준으로 다시 계산하는 중… 아래 표는 아직 바꾸기 전의 것입니다.'
            : `${periodLabel} 종합 현황을 계산하는 중… 아래 표는 아직 ${labelOf(report.meta.periodId)} 자료입니다.`}
        </StatusMessage>
      )}
      {state.status === 'error' && <StatusMessage kind="error">{state.message}</StatusMessage>}
      {view && report && state.status === 'ready' && (
        <div
          className={stale ? 'office-sections is-stale' : 'office-sections'}
          aria-busy={stale || undefined}
        >
          {report.warnings.length > 0 && (
            <details className="office-warnings screen-only" data-testid="office-warnings">
              <summary>집계에서 제외한 자료 {report.warnings.length}건</summary>
              <ul>
                {report.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </details>
          )}
          <Section id="status" active={tab} mounted={mounted('status')} title="추진상황">
            <Tables.status tables={report.statusTables} definition={report.meta.definitions.completionRate} />
            <Tables.chart chart={report.chart} />
          </Section>
          <Section id="finance" active={tab} mounted={mounted('finance')} title="재정집행현황 (붙임5)">
            <Tables.finance
              finance={report.finance}
              beforeDue={report.submissions.beforeDue}
              complete={printAll}
              shown={tab === 'finance'}
            />
          </Section>
          <Section id="submissions" active={tab} mounted={mounted('submissions')} title="제출 현황">
            <Tables.submissions
              submissions={report.submissions}
              finance={report.finance}
              catalog={catalog}
              contacts={report.contacts}
            />
          </Section>
          <Section id="lagging" active={tab} mounted={mounted('lagging')} title="부진 사업">
            <Tables.lagging
              lagging={report.lagging}
              threshold={report.meta.executionRateThreshold}
              definition={report.meta.definitions.lagging}
              completionUndecided={report.comparison.completionUndecided}
              complete={printAll}
              shown={tab === 'lagging'}
            />
          </Section>
          <Section id="participation" active={tab} mounted={mounted('participation')} title="시민참여 실적">
            <Tables.participation participation={report.participation} />
          </Section>
          <Section id="changes" active={tab} mounted={mounted('changes')} title="조정 내역">
            <Tables.changes
              changes={report.changes}
              pending={state.value.pending}
              effects={state.value.view.pendingChangeEffects}
              today={report.meta.today}
              onDecided={reload}
            />
          </Section>
          <Section id="comparison" active={tab} mounted={mounted('comparison')} title="반기 비교">
            <Tables.comparison
              comparison={report.comparison}
              complete={printAll}
              shown={tab === 'comparison'}
            />
          </Section>
          {/* Built only once opened: it asks for every earlier half-year's report (printed if it was opened). */}
          <Section id="trend" active={tab} mounted={shown.has('trend')} title="이행 추이">
            <TrendSection
              periodId={report.meta.periodId}
              report={report}
              definition={report.meta.definitions.completionRate}
              active={tab === 'trend'}
            />
          </Section>
          <Section id="conflicts" active={tab} mounted={mounted('conflicts')} title="충돌">
            <Tables.conflicts
              conflicts={view.conflicts}
              catalog={catalog}
              dueDate={view.report.meta.dueDate}
              onChanged={reload}
            />
          </Section>
          <Section id="completion" active={tab} mounted={mounted('completion')} title="완료 요청">
            <Tables.completion
              requests={view.completionRequests}
              periodId={periodId}
              catalog={catalog}
              onChanged={reload}
            />
          </Section>
          <Section id="plans" active={tab} mounted={mounted('plans')} title="공약실천계획서 확정">
            {plans.status === 'ready' ? (
              <Tables.plans rows={plans.value} onChanged={reloadAll} />
            ) : plans.status === 'error' ? (
              <StatusMessage kind="error">{plans.message}</StatusMessage>
            ) : (
              <StatusMessage kind="info">실천계획서 목록을 읽는 중…</StatusMessage>
            )}
          </Section>
        </div>
      )}
    </section>
  );
}

/** Tab bar following the WAI-ARIA tabs pattern: arrow keys, Home and End move between tabs. */
function Tabs({
  tab,
  onChange,
  badges,
}: {
  tab: TabId;
  onChange: (t: TabId) => void;
  badges: Partial<Record<TabId, number>>;
}) {
  const refs = useRef<Partial<Record<TabId, HTMLButtonElement | null>>>({});
  const [focusPending, setFocusPending] = useState(false);
  useEffect(() => {
    if (focusPending) {
      refs.current[tab]?.focus();
      setFocusPending(false);
    }
  }, [tab, focusPending]);
  const onKeyDown = (e: KeyboardEvent) => {
    const i = TABS.findIndex((t) => t.id === tab);
    const next =
      e.key === 'ArrowRight'
        ? (i + 1) % TABS.length
        : e.key === 'ArrowLeft'
          ? (i - 1 + TABS.length) % TABS.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? TABS.length - 1
              : null;
    if (next === null) return;
    e.preventDefault();
    onChange(TABS[next]!.id);
    setFocusPending(true);
  };
  return (
    <div className="office-tabs screen-only" role="tablist" aria-label="종합 현황 표" onKeyDown={onKeyDown}>
      {TABS.map((t) => {
        const badge = badges[t.id] ?? 0;
        return (
          <button
            key={t.id}
            ref={(el) => {
              refs.current[t.id] = el;
            }}
            type="button"
            role="tab"
            id={`office-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`office-section-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => onChange(t.id)}
            data-testid={`office-tab-${t.id}`}
          >
            {t.label}
            {badge > 0 && <span className="badge badge-danger">{badge}</span>}
          </button>
        );
      })}
    </div>
  );
}

/**
 * One table's section: only the active tab shows on screen, every section prints. Its table is built once the
 * section was shown (or for printing) and kept afterwards.
 */
function Section({
  id,
  active,
  mounted,
  title,
  children,
}: {
  id: TabId;
  active: TabId;
  mounted: boolean;
  title: string;
  children: ReactNode;
}) {
  return (
    <section
      id={`office-section-${id}`}
      role="tabpanel"
      aria-labelledby={`office-tab-${id}`}
      className={`office-section${active === id ? ' is-active' : ''}${mounted ? '' : ' is-unbuilt'}`}
      data-testid={`office-section-${id}`}
    >
      <h3 className="office-section-title">{title}</h3>
      {mounted && children}
    </section>
  );
}
