import { useEffect, useState } from 'react';

/** Rows rendered at once when a table first shows, then added per step: enough to fill the first screens. */
export const FIRST_ROWS = 150;
const STEP_ROWS = 250;

/**
 * How many of `total` rows to render: FIRST_ROWS at first, then STEP_ROWS more after each frame until all are
 * there, so a table of thousands of rows (ten times Seoul's size) appears at once and fills in while the window
 * stays responsive. It fills only while `shown` (a hidden tab waits, rather than costing a layout when shown
 * again); `complete` (printing) renders every row in the same pass.
 */
export function useProgressiveRows(total: number, { complete = false, shown = true } = {}): number {
  const [limit, setLimit] = useState(FIRST_ROWS);
  useEffect(() => {
    if (complete || !shown || limit >= total) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // After the next frame is painted, not before: each step shows up on screen.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setLimit((l) => l + STEP_ROWS), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [limit, total, complete, shown]);
  return complete ? total : Math.min(limit, total);
}
