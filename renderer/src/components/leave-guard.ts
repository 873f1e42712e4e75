import { useEffect, useRef } from 'react';

/**
 * Ways out of a screen that may hold something not stored (a form with refused cells) ask it first: the screen
 * registers a check while it is shown, and every way out (the main menu, 설정 변경, opening another document)
 * calls mayLeave() before it goes. One list for the window: only the screen on display registers.
 */
const checks = new Set<() => boolean>();

/** True when every shown screen agrees to be left (each may ask the person). */
export function mayLeave(): boolean {
  for (const check of checks) if (!check()) return false;
  return true;
}

/** Registers `check` while the calling component is mounted; the latest `check` is the one asked. */
export function useLeaveGuard(check: () => boolean): void {
  const latest = useRef(check);
  latest.current = check;
  useEffect(() => {
    const registered = () => latest.current();
    checks.add(registered);
    return () => {
      checks.delete(registered);
    };
  }, []);
}
