import { useEffect, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import './drafting.css';

/**
 * The print preview over the app: the official layout on white pages, 인쇄 and 닫기 above it (screen only), the
 * rest of the app out of reach (inert) until it closes; Escape closes it and Tab goes round its buttons. A
 * document's 인쇄 / PDF and the desk's 모아 인쇄 both show their pages in it.
 */
export function PrintOverlay({
  children,
  onClose,
  title,
  notice,
  autoPrint,
}: {
  children: ReactNode;
  onClose: () => void;
  /** Opens the print dialog once shown (인쇄 / PDF, Ctrl+P); not when the browser's own 인쇄 opened the preview. */
  autoPrint: boolean;
  /** The page's title while the preview is open: "PDF로 저장" offers it as the file name. */
  title: string;
  notice: string | null;
}) {
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const titleBefore = document.title;
    document.title = title;
    return () => {
      document.title = titleBefore;
    };
  }, [title]);
  useEffect(() => {
    // The form behind the preview is out of reach (Tab stays in the preview); closing returns to where it was.
    const root = document.getElementById('root');
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    root?.setAttribute('inert', '');
    closeButton.current?.focus();
    document.body.classList.add('printing');
    // Automated browsers (the e2e's page.pdf()) print themselves; a person gets the print dialog.
    if (autoPrint && !navigator.webdriver) window.setTimeout(() => window.print(), 100);
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
      if (e.key !== 'Tab') return;
      // Tab and Shift+Tab go round the preview's own buttons.
      const buttons = [...document.querySelectorAll<HTMLElement>('.print-overlay button')];
      if (buttons.length === 0) return;
      e.preventDefault();
      const at = buttons.indexOf(document.activeElement as HTMLElement);
      const next = at === -1 ? 0 : (at + (e.shiftKey ? buttons.length - 1 : 1)) % buttons.length;
      buttons[next]?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      document.body.classList.remove('printing');
      window.removeEventListener('keydown', onKey);
      root?.removeAttribute('inert');
      before?.focus();
    };
  }, [onClose, autoPrint]);
  return createPortal(
    <div className="print-overlay" data-testid="print-view">
      <div className="print-toolbar screen-only">
        <button type="button" onClick={() => window.print()}>
          인쇄
        </button>
        <button type="button" onClick={onClose} ref={closeButton}>
          닫기
        </button>
        {notice !== null && (
          <p className="print-notice" role="note" data-testid="print-notice">
            {notice}
          </p>
        )}
      </div>
      <div className="print-page">{children}</div>
    </div>,
    document.body,
  );
}
