import { useEffect, useState } from 'react';
import { interruptedTablesWarning } from '../../../domain/reports/interrupted-import';
import { api } from '../api/client';

/**
 * 종합 현황: while an import cut off midway is not settled (제출 파일 받기 tells it), the tables lack its remaining
 * files, and the screen says so above them.
 */
export function InterruptedImportsWarning() {
  const [count, setCount] = useState(0);
  useEffect(() => {
    let live = true;
    api.getInterruptedImports().then(
      (found) => live && setCount(found.length),
      // Only a warning: the tables stand without it.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  if (count === 0) return null;
  return (
    <div className="status status-info screen-only" role="status" data-testid="office-interrupted-imports">
      {interruptedTablesWarning(count)}
    </div>
  );
}
