import { useEffect } from 'react';

const nothingFocused = () => document.activeElement === null || document.activeElement === document.body;

/**
 * Keeps the keyboard's place across busy buttons. A focused button disabled while its action runs (내보내기, 승인,
 * 확정 …) drops the focus to the page body, and a keyboard user starts again from the top. This puts the focus back
 * on that button once it is enabled again, if nothing else took the focus meanwhile; a focused element removed
 * from the page hands the focus to the latest `data-focus-fallback` element. Installed once, at the root.
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
      for (const { type, target } of records) {
        if (type !== 'attributes' || !(target instanceof HTMLElement)) continue;
        // The browser moves the focus off a disabled element a moment later (its focus fix-up), not at once.
        if (target === lastFocused && target.matches(':disabled')) waiting = target;
        else if (target === waiting && !target.matches(':disabled')) {
          waiting = null;
          if (target.isConnected && (nothingFocused() || document.activeElement === target)) target.focus();
        }
      }
      // The focused element left the page with its item (a decided conflict leaves the list): the keyboard
      // continues from the latest message that says what happened, if the screen shows one.
      const lost = waiting ?? lastFocused;
      if (lost !== null && !lost.isConnected && nothingFocused()) {
        waiting = null;
        lastFocused = null;
        const fallbacks = document.querySelectorAll<HTMLElement>('[data-focus-fallback]');
        fallbacks[fallbacks.length - 1]?.focus();
      }
    });
    document.addEventListener('focusin', onFocusIn);
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['disabled'],
    });
    return () => {
      document.removeEventListener('focusin', onFocusIn);
      observer.disconnect();
    };
  }, []);
}
