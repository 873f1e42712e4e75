import { useEffect, type RefObject } from 'react';

/**
 * Keeps `--editor-bar-height` on the page at the editor's sticky bar's height while the editor is open. The bar
 * wraps to two lines when a project's name is long (or the window narrow): the side panel that sticks below it and
 * a field scrolled into view from the keyboard (scroll-padding-top) must clear its last line.
 */
export function useBarHeight(bar: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const element = bar.current;
    if (element === null) return;
    const root = document.documentElement;
    const update = () =>
      root.style.setProperty('--editor-bar-height', `${element.getBoundingClientRect().height}px`);
    update();
    const observer = new ResizeObserver(update);
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--editor-bar-height');
    };
  }, [bar]);
}
