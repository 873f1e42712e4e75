import { useCallback, useState } from 'react';
import type { ExecutionPlan } from '../../../domain/documents';
import type { PlanConfirmationRow } from '../../../domain/plans/confirmation';
import type { Term } from '../../../domain/term/types';
import { api } from '../api/client';
import { StatusMessage } from '../components/StatusMessage';
import { BatchItem, ContentsPage } from '../drafting/BatchPages';
import { PlanPrint } from '../drafting/print';
import { PrintOverlay } from '../drafting/PrintOverlay';
import { planBookDepartments, planBookState, planDepartments } from './plan-book';

/**
 * 확정된 실천계획서 모아 인쇄 in 실천계획 확정: the plans the office confirmed (approved changes applied), of one
 * department or of every one, each department with a first page listing its projects and the state of each plan.
 */
export function PlanBook({ rows }: { rows: PlanConfirmationRow[] }) {
  const [department, setDepartment] = useState('');
  const [shown, setShown] = useState<{ plans: ExecutionPlan[]; term: Term; departments: string[] } | null>(
    null,
  );
  const [progress, setProgress] = useState<
    { kind: 'idle' | 'loading' } | { kind: 'info' | 'error'; text: string }
  >({
    kind: 'idle',
  });
  const close = useCallback(() => setShown(null), []);
  const chosen = department === '' ? null : department;
  const leadOf = new Map(rows.map((r) => [r.projectId, r.leadDepartment]));

  const open = async () => {
    setProgress({ kind: 'loading' });
    try {
      const [{ plans }, term] = await Promise.all([
        api.getConfirmedPlans(chosen === null ? {} : { department: chosen }),
        api.getTerm(),
      ]);
      if (plans.length === 0) {
        setProgress({
          kind: 'info',
          text: `${chosen === null ? '' : `${chosen}에 `}확정된 실천계획서가 없습니다. 먼저 받은 계획서를 확정하세요.`,
        });
        return;
      }
      setProgress({ kind: 'idle' });
      setShown({ plans, term, departments: planBookDepartments(rows, chosen) });
    } catch (e) {
      setProgress({
        kind: 'error',
        text: `확정된 실천계획서를 인쇄하지 못했습니다: ${e instanceof Error ? e.message : String(e)}`,
      });
    }
  };

  return (
    <div className="office-toolbar screen-only plan-book">
      <label>
        인쇄할 부서
        <select
          value={department}
          onChange={(e) => setDepartment(e.target.value)}
          data-testid="plan-book-department"
        >
          <option value="">전체 부서</option>
          {planDepartments(rows).map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={() => void open()} disabled={progress.kind === 'loading'}>
        {progress.kind === 'loading' ? '인쇄 준비 중…' : '확정된 실천계획서 모아 인쇄'}
      </button>
      {(progress.kind === 'info' || progress.kind === 'error') && (
        <StatusMessage kind={progress.kind}>{progress.text}</StatusMessage>
      )}
      {shown !== null && (
        <PrintOverlay
          onClose={close}
          autoPrint
          title={`공약실천계획서 확정본 ${chosen ?? '부서별'}`}
          notice="기획담당관이 확정한 계획서입니다 (시민공약평가단이 승인한 변경 반영)."
        >
          <div className="print-batch">
            {shown.departments.map((d) => {
              const plans = shown.plans.filter((p) => leadOf.get(p.projectId) === d);
              return (
                <div key={d} className="print-batch" data-testid="plan-book-section" data-department={d}>
                  <ContentsPage
                    title="공약실천계획서 (확정본)"
                    sub={d}
                    caption={`확정된 실천계획서 ${plans.length}건을 인쇄합니다. 확정되지 않은 계획서는 인쇄하지 않습니다.`}
                    columns={[{ head: '실천계획서', testId: 'plan-book-state' }]}
                    rows={rows
                      .filter((r) => r.leadDepartment === d)
                      .map((r) => ({
                        projectId: r.projectId,
                        projectName: r.projectName,
                        states: [planBookState(r)],
                      }))}
                  />
                  {plans.map((plan) => (
                    <BatchItem key={plan.projectId} testId="batch-plan" projectId={plan.projectId}>
                      <PlanPrint plan={plan} term={shown.term} />
                    </BatchItem>
                  ))}
                </div>
              );
            })}
          </div>
        </PrintOverlay>
      )}
    </div>
  );
}
