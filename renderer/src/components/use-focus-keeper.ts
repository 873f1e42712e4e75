import { useEffect } from 'react';

const nothingFocused = () => document.activeElement === null || document.activeElement === document.body;

/**
 * Keeps the keyboard's place across busy buttons. A focused button disabled while its action runs (내보내기, 승인,
 * 확정 …) drops the focus to the page body, and a keyboard user starts again from the top. This puts the focus back
 * on that button once it is enabled again, if nothing else took the focus meanwhile. Installed once, at the root.
 */
export function useFocusKeeper(): void {
  useEffect(() => {
    let lastFocused: Element | null = null;
    let waiting: HTMLElement | null = null;
    const onFocusIn = (event: FocusEvent) => {
      lastFocused = event.target instanceof Element ? event.target : null;
      waiting = null;
    };
    const observer = new MutationObserver((records) => {
      for (const { target } of records) {
        if (!(target instanceof HTMLElement)) continue;
        // The browser moves the focus off a disabled element a moment later (its focus fix-up), not at once.
        if (target === lastFocused && target.matches(':disabled')) waiting = target;
        else if (target === waiting && !target.matches(':disabled')) {
          waiting = null;
          if (target.isConnected && (nothingFocused() || document.activeElement === target)) target.focus();
        }
      }
    });
    document.addEventListener('focusin', onFocusIn);
    observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['disabled'] });
    return () => {
      document.removeEventListener('focusin', onFocusIn);
      observer.disconnect();
    };
  }, []);
}
