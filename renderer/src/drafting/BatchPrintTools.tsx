import { useCallback, useState } from 'react';
import type { DeskProject, DocumentSummary } from '../../../domain/api/contract';
import type { Period } from '../../../domain/term/periods';
import type { Term } from '../../../domain/term/types';
import { StatusMessage } from '../components/StatusMessage';
import { batchEntries, planBatchEntries } from './batch-print';
import {
  BatchPrintPages,
  loadBatchPrint,
  loadPlanBatch,
  PlanBatchPages,
  type BatchPrintData,
  type PlanBatchData,
} from './BatchPrint';
import { PrintOverlay } from './PrintOverlay';

type Shown =
  { kind: 'halfYear'; data: BatchPrintData; period: Period } | { kind: 'plans'; data: PlanBatchData };
type Progress = { kind: 'idle' } | { kind: 'loading' } | { kind: 'error' | 'empty'; message: string };

/**
 * The desk's 모아 인쇄: the half-year's stored cards and 붙임5 rows, or every stored 실천계획서, read and shown in one
 * print preview. Its two buttons, then (on a line of their own under them) what kept it from printing.
 */
export function BatchPrintTools(desk: {
  department: string;
  projects: readonly DeskProject[];
  documents: readonly DocumentSummary[];
  /** The half-year chosen on the desk; its message is cleared when another is chosen (the key). */
  period: Period | undefined;
  term: Term;
}) {
  const [shown, setShown] = useState<Shown | null>(null);
  const [progress, setProgress] = useState<Progress>({ kind: 'idle' });
  const close = useCallback(() => setShown(null), []);
  const { department, projects, documents, period, term } = desk;

  const run = async (load: () => Promise<Shown | string>) => {
    if (progress.kind === 'loading') return;
    setProgress({ kind: 'loading' });
    try {
      const loaded = await load();
      if (typeof loaded === 'string') {
        setProgress({ kind: 'empty', message: loaded });
        return;
      }
      setProgress({ kind: 'idle' });
      setShown(loaded);
    } catch (error) {
      setProgress({
        kind: 'error',
        message: `모아 인쇄를 준비하지 못했습니다: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  };
  const printHalfYear = (p: Period) =>
    run(async () => {
      const data = await loadBatchPrint(batchEntries(projects, [...documents], p.id), p.id);
      return data.cards.length === 0 && data.financeRows.length === 0
        ? `${p.label}에 인쇄할 관리카드·재정집행 현황이 없습니다. 먼저 문서를 작성하세요.`
        : { kind: 'halfYear', data, period: p };
    });
  const printPlans = () =>
    run(async () => {
      const data = await loadPlanBatch(planBatchEntries(projects, [...documents]));
      return data.plans.length === 0
        ? '인쇄할 실천계획서가 없습니다. 먼저 실천계획서를 작성하세요.'
        : { kind: 'plans', data };
    });

  const busy = progress.kind === 'loading';
  return (
    <>
      <button
        type="button"
        onClick={() => period && void printHalfYear(period)}
        disabled={busy || period === undefined || projects.length === 0}
        aria-label={`반기 문서 모아 인쇄 (${period?.label ?? ''} 관리카드·재정집행 현황)`}
      >
        {busy ? '인쇄 준비 중…' : '반기 문서 모아 인쇄'}
      </button>
      <button
        type="button"
        onClick={() => void printPlans()}
        disabled={busy || !projects.some((p) => p.role === 'lead')}
      >
        실천계획서 모아 인쇄
      </button>
      {(progress.kind === 'error' || progress.kind === 'empty') && (
        <StatusMessage kind={progress.kind === 'error' ? 'error' : 'info'}>{progress.message}</StatusMessage>
      )}
      {shown !== null && (
        <PrintOverlay
          onClose={close}
          autoPrint
          title={
            shown.kind === 'halfYear'
              ? `${shown.period.label} 관리카드·재정집행 현황 ${department}`
              : `공약실천계획서 ${department}`
          }
          notice={null}
        >
          {shown.kind === 'halfYear' ? (
            <BatchPrintPages data={shown.data} department={department} period={shown.period} term={term} />
          ) : (
            <PlanBatchPages data={shown.data} department={department} term={term} />
          )}
        </PrintOverlay>
      )}
    </>
  );
}
