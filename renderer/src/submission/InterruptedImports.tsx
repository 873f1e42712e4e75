import { useEffect, useState } from 'react';
import {
  interruptedImportNote,
  type InterruptedImportView,
} from '../../../domain/reports/interrupted-import';
import { api } from '../api/client';
import { StatusMessage } from '../components/StatusMessage';
import { useAction } from '../components/use-action';

/**
 * Office: the imports cut off midway (the program closed or the PC switched off during 제출 파일 받기), told at the
 * top of the import panel until the office says it has seen them, or imports the same files again to the end.
 * Asked again after each import (`refresh`).
 */
export function InterruptedImports(props: { refresh: number }) {
  const [runs, setRuns] = useState<InterruptedImportView[]>([]);
  const action = useAction();
  useEffect(() => {
    let live = true;
    api.getInterruptedImports().then(
      (found) => live && setRuns(found),
      // Only a notice: without it the panel works as before.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [props.refresh]);
  if (runs.length === 0) return null;
  const seen = () =>
    action.run(async () => {
      await api.acknowledgeInterruptedImports({ ids: runs.map((r) => r.id) });
      setRuns([]);
    });
  return (
    <div className="status status-info interrupted-imports" role="status" data-testid="interrupted-imports">
      <p>
        <strong>지난 가져오기가 끝나지 않았습니다</strong>
      </p>
      <ul>
        {runs.map((r) => (
          <li key={r.id} data-testid="interrupted-import">
            {interruptedImportNote(r)}
          </li>
        ))}
      </ul>
      <div className="actions">
        <button type="button" disabled={action.busy} onClick={() => void seen()}>
          확인했습니다
        </button>
      </div>
      {action.error && <StatusMessage kind="error">{action.error}</StatusMessage>}
    </div>
  );
}
