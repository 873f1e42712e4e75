import type { FocusEvent, MouseEvent } from 'react';

/**
 * Handlers for a container whose text boxes hold a number typed over rather than edited (the 시민참여 counts
 * start at "0"): entering a box selects what it holds, so typing 3 gives "3", not "30" or "03". A click that
 * enters the box keeps that selection (the mouse button's release would otherwise put the caret where it was
 * clicked); a click inside a box already entered places the caret as usual.
 */
export function selectOnEnter(): {
  onMouseDownCapture: (e: MouseEvent) => void;
  onFocusCapture: (e: FocusEvent) => void;
  onMouseUpCapture: (e: MouseEvent) => void;
} {
  let entering: HTMLInputElement | null = null;
  return {
    onMouseDownCapture: (e) => {
      const target = e.target;
      entering = target instanceof HTMLInputElement && document.activeElement !== target ? target : null;
    },
    onFocusCapture: (e) => {
      if (e.target instanceof HTMLInputElement && e.target.type === 'text') e.target.select();
    },
    onMouseUpCapture: (e) => {
      if (entering !== null && e.target === entering) e.preventDefault();
      entering = null;
    },
  };
}
