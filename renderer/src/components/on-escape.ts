import type { KeyboardEvent } from 'react';

/**
 * For a question asked on the page (a .confirm-box with role alertdialog): Escape answers it as its cancel button
 * does, as the browser's own dialogs and the print preview are closed.
 */
export function onEscape(cancel: () => void): (event: KeyboardEvent) => void {
  return (event) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    cancel();
  };
}
