import { josa } from '../../../domain/text/josa';

/**
 * Deleting a row of a form's list (담당자, 협조부서, 활동, 첨부, 변경 항목, 관련자료): asked first when the row holds
 * something typed or a file, as 단위사업 is, and the keyboard's place kept in the list afterwards instead of
 * dropping to the page's top.
 */

/**
 * Whether a row holds what a person typed or attached: text that is not blank, a number, a file. The values at
 * `preset` keys are choices every row starts with (a contact's 직위), not something typed, so a row holding only
 * them is empty and goes without a question.
 */
export function holdsContent(row: unknown, preset: readonly string[] = []): boolean {
  if (typeof row === 'string') return row.trim() !== '';
  if (typeof row === 'number') return true;
  if (Array.isArray(row)) return row.some((item) => holdsContent(item, preset));
  if (typeof row === 'object' && row !== null) {
    return Object.entries(row).some(([key, value]) => !preset.includes(key) && holdsContent(value, preset));
  }
  return false;
}

/**
 * The question before deleting a row: "변경 2 '사업기간'을 삭제할까요? …", naming the row by its `label` and, when
 * it has one, its `name` (이름, 부서명, 파일 이름), then saying what goes with it (`what`).
 */
export function removalQuestion(label: string, name: string, what: string): string {
  const whole = name.trim();
  if (whole === '') return `${josa(label, '을/를')} 삭제할까요? ${what}`;
  // A long 활동 내용 or 변경 구분 is named by its start, the particle following its last syllable shown.
  const shown = whole.length > 30 ? whole.slice(0, 30) : whole;
  const particle = josa(shown, '을/를').slice(shown.length);
  return `${label} '${shown}${shown === whole ? '' : '…'}'${particle} 삭제할까요? ${what}`;
}

/** Asks `question` when `row` holds content (`preset` as for holdsContent); an empty row goes without asking. */
export function confirmRemoval(row: unknown, question: string, preset: readonly string[] = []): boolean {
  return !holdsContent(row, preset) || window.confirm(question);
}

const FOCUSABLE = 'input, select, textarea, button, [tabindex]';

/** `element` itself when the keyboard can reach it, else the first element inside it that it can. */
function firstFocusable(element: Element | null | undefined): HTMLElement | null {
  if (!element) return null;
  const candidates = [element, ...element.querySelectorAll(FOCUSABLE)];
  return (
    (candidates.find(
      (c): c is HTMLElement =>
        c instanceof HTMLElement &&
        c.matches(FOCUSABLE) &&
        c.tabIndex >= 0 &&
        !c.matches(':disabled') &&
        c.getClientRects().length > 0,
    ) as HTMLElement | undefined) ?? null
  );
}

/**
 * After the row at `index` of the list marked `data-row-of={list}` is removed: the focus goes to the first field
 * of the row that took its place, else of the row before it (the last), else to `fallback` (the list's add button,
 * or the first control inside it). Waits for the list to render without the row.
 */
export function focusAfterRemoval(list: string, index: number, fallback: () => Element | null): void {
  window.setTimeout(() => {
    const rows = document.querySelectorAll(`[data-row-of="${CSS.escape(list)}"]`);
    const row = rows[Math.min(index, rows.length - 1)];
    (firstFocusable(row) ?? firstFocusable(fallback()))?.focus();
  }, 0);
}
