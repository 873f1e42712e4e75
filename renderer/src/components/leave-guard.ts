import { useEffect, useRef } from 'react';

/**
 * Ways out of a screen that may hold something not stored (a form whose save is pending, failed or refused cells)
 * ask it first: the screen registers a check while it is shown, and every way out (the main menu, 설정 변경,
 * opening another document, ← 목록으로) goes through leaveThen(). One list for the window: only the screen on
 * display registers.
 *
 * A check answers at once (true: may leave; false: stay) or, when it must first wait for something (a save under
 * way), with a promise; the way out then goes once it resolves true.
 */
export type LeaveCheck = () => boolean | Promise<boolean>;

const checks = new Set<LeaveCheck>();
/** A check is being waited for: another way out taken meanwhile (a second click) is not taken as well. */
let waiting = false;

/** Adds `check` to the list; returns its removal. */
export function registerLeaveCheck(check: LeaveCheck): () => void {
  checks.add(check);
  return () => {
    checks.delete(check);
  };
}

/**
 * Runs `go` when every shown screen agrees to be left: at once (in the same event) when no check has to wait,
 * else when the waiting is over; never when one refuses.
 */
export function leaveThen(go: () => void): void {
  if (waiting) return;
  const list = [...checks];
  const from = (start: number): void => {
    for (let i = start; i < list.length; i++) {
      const answer = (list[i] as LeaveCheck)();
      if (answer === false) return;
      if (answer !== true) {
        waiting = true;
        answer.then(
          (ok) => {
            waiting = false;
            if (ok) from(i + 1);
          },
          () => {
            waiting = false;
          },
        );
        return;
      }
    }
    go();
  };
  from(0);
}

/** Registers `check` while the calling component is mounted; the latest `check` is the one asked. */
export function useLeaveGuard(check: LeaveCheck): void {
  const latest = useRef(check);
  latest.current = check;
  useEffect(() => registerLeaveCheck(() => latest.current()), []);
}
