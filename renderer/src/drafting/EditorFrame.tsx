import { useCallback, useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import {
  DOCUMENT_KIND_LABELS,
  LIFECYCLE_LABELS,
  type Issue,
  type Lifecycle,
} from '../../../domain/documents';
import type { UnsavedInput } from '../../../domain/api/window-bridge';
import { leaveThen, useLeaveGuard } from '../components/leave-guard';
import { ConflictPanel } from './ConflictPanel';
import { HistoryPanel } from './HistoryPanel';
import { PrintOverlay } from './PrintOverlay';
import { fieldId } from './form-kit';
import { placeOf } from './field-label';
import { mergedErrors } from './issue-merge';
import { leaveQuestion, refusedFields, unsavedInputOf } from './unsaved';
import type { AutosaveHandle, SaveState } from './use-autosave';
import { useBarHeight } from './use-bar-height';
import './drafting.css';

/**
 * The chrome around every drafting form: title, status badge, save indicator, 제출 / 인쇄 buttons, the
 * "제출 전 확인" panel (errors and warnings of the last save, each focusing its field) and the version history.
 */

export function StatusBadge({ status }: { status: Lifecycle | 'new' | null }) {
  const label = status === null || status === 'new' ? '미작성' : LIFECYCLE_LABELS[status];
  return (
    <span className={`badge badge-${status ?? 'new'}`} data-testid="status-badge">
      {label}
    </span>
  );
}

function saveLabel(state: SaveState, status: Lifecycle | 'new'): string {
  switch (state.kind) {
    case 'clean':
      return status === 'new' ? '아직 저장하지 않았습니다' : '저장된 내용';
    case 'dirty':
      return '저장되지 않은 변경 있음';
    case 'saving':
      return '저장 중…';
    case 'saved':
      if (state.via === 'merged') return `다른 창에서 저장한 내용과 합쳐 저장했습니다 ${state.at}`;
      if (state.via === 'loaded') return `다른 창에서 저장한 내용을 불러왔습니다 ${state.at}`;
      return `저장됨 ${state.at}`;
    case 'partial':
      return `저장됨 ${state.at} — 입력 오류 ${Object.keys(state.refused).length}곳은 저장하지 않았습니다`;
    case 'invalid':
      return '입력 오류가 있어 저장하지 않았습니다';
    case 'error':
      return `저장하지 못했습니다: ${state.message}`;
  }
}

export function SaveIndicator({ state, status }: { state: SaveState; status: Lifecycle | 'new' }) {
  return (
    <span className={`save-indicator save-${state.kind}`} role="status" data-testid="save-indicator">
      {saveLabel(state, status)}
    </span>
  );
}

/**
 * Moves focus to the field of an issue path, or a row's first cell; falls back to the closest enclosing section.
 * False when nothing on screen belongs to the path (an error about the whole document).
 */
export function focusPath(handle: AutosaveHandle, path: string): boolean {
  try {
    handle.form.setFocus(path);
  } catch {
    // Not a registered field (a grid or list as a whole): handled below.
  }
  let p = path;
  while (p !== '') {
    const cells = [
      ...document.querySelectorAll<HTMLInputElement>(`input[id^="${CSS.escape(`${fieldId(p)}-`)}"]`),
    ];
    const el =
      document.getElementById(fieldId(p)) ??
      // A row of a grid ("unitProjects.0.executed.city"): its first cell holding an amount (what the message is
      // about), else its first cell; not the grid's first.
      cells.find((cell) => cell.value.trim() !== '') ??
      cells[0] ??
      document.querySelector<HTMLElement>(`[data-path="${CSS.escape(p)}"]`);
    if (el) {
      el.scrollIntoView({ block: 'center' });
      const target = el.matches('input, textarea, select, button')
        ? el
        : el.querySelector<HTMLElement>('input, textarea, select, button');
      (target ?? el).focus();
      return true;
    }
    p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '';
  }
  return false;
}

/**
 * Whether the docked 제출 전 확인 (a window narrower than 1100 px) is folded to its one-line bar: the person's
 * choice, kept for the session (every document opened after, a reload of the page) and nowhere else.
 */
const ISSUES_COLLAPSED_KEY = 'pledge.issuesCollapsed';
let issuesCollapsedChoice = false;
function readIssuesCollapsed(): boolean {
  try {
    return window.sessionStorage.getItem(ISSUES_COLLAPSED_KEY) === '1';
  } catch {
    return issuesCollapsedChoice;
  }
}
function rememberIssuesCollapsed(collapsed: boolean): void {
  issuesCollapsedChoice = collapsed;
  try {
    window.sessionStorage.setItem(ISSUES_COLLAPSED_KEY, collapsed ? '1' : '0');
  } catch {
    // No session storage (a locked-down profile): the choice lasts until the program is closed.
  }
}

/** The width below which 제출 전 확인 docks at the bottom of the window (drafting.css's media query). */
const DOCKED_QUERY = '(max-width: 1100px)';
function onDockedChange(onChange: () => void): () => void {
  const query = window.matchMedia(DOCKED_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}
const isDocked = (): boolean => window.matchMedia(DOCKED_QUERY).matches;
function useDocked(): boolean {
  return useSyncExternalStore(onDockedChange, isDocked);
}

function IssueList({ handle }: { handle: AutosaveHandle }) {
  // Only the docked panel folds (its toggle is there only); beside the form the list is always open, and the
  // choice made while docked comes back when the window is narrowed again.
  const [collapsed, setCollapsed] = useState(readIssuesCollapsed);
  const docked = useDocked();
  const folded = collapsed && docked;
  const toggle = () => {
    setCollapsed(!collapsed);
    rememberIssuesCollapsed(!collapsed);
  };
  // 제출 refused: the list of what to fix is opened (each refusal is a new message); the choice kept stays.
  const refusal = handle.submitMessage?.kind === 'error' ? handle.submitMessage : null;
  // …and, refused for the document's errors, the keyboard is taken to the first of them: its field (whose
  // message is read with it), else its line in the list; not when the person has gone on elsewhere meanwhile.
  const firstErrorButton = useRef<HTMLButtonElement>(null);
  const firstErrorPath = useRef<string | null>(null);
  useEffect(() => {
    if (refusal === null) return;
    setCollapsed(false);
    const path = firstErrorPath.current;
    const active = document.activeElement;
    const stillAtSubmit = active === null || active === document.body || active.hasAttribute('data-submit');
    if (!refusal.forErrors || path === null || !stillAtSubmit) return;
    if (!focusPath(handle, path)) requestAnimationFrame(() => firstErrorButton.current?.focus());
  }, [refusal]);
  const { errors: savedErrors, warnings } = handle.validation;
  // What the last save refused comes first: it is on screen but not stored, and blocks 제출. The stored value's
  // own error at that field is not listed again (one problem, said once).
  const errors: Issue[] = mergedErrors(
    refusedFields(handle.state).map(([path, message]) => {
      const place = placeOf(path);
      return {
        path,
        code: 'schema' as const,
        message: place === null ? `저장 안 됨: ${message}` : `저장 안 됨 — ${place}: ${message}`,
      };
    }),
    savedErrors,
  );
  firstErrorPath.current = errors[0]?.path ?? null;
  const item = (issue: Issue, kind: 'error' | 'warning', i: number) => (
    <li key={`${kind}-${i}`}>
      <button
        ref={kind === 'error' && i === 0 ? firstErrorButton : undefined}
        type="button"
        className={`issue issue-${kind}`}
        onClick={() => focusPath(handle, issue.path)}
        data-issue-path={issue.path}
        // Where F6 lands in the panel: the first entry.
        data-f6-first={(kind === 'error' || errors.length === 0) && i === 0 ? '' : undefined}
      >
        <span className="issue-kind">{kind === 'error' ? '오류' : '확인'}</span> {issue.message}
      </button>
    </li>
  );
  const none = errors.length === 0 && warnings.length === 0;
  return (
    <section
      className={`side-panel issues${folded ? ' issues-collapsed' : ''}`}
      aria-labelledby="issues-title"
      data-testid="issues-panel"
      // F6 stops here after the form (App's useMenuKeys): the list is a keystroke away, not dozens of Tabs.
      data-f6-stop=""
    >
      <div className="issues-head">
        <h3 id="issues-title">제출 전 확인</h3>
        <button
          type="button"
          className="issues-toggle"
          aria-expanded={!folded}
          aria-controls={none ? undefined : 'issues-list'}
          aria-label={folded ? '제출 전 확인 펼치기' : '제출 전 확인 접기'}
          onClick={toggle}
          data-testid="issues-toggle"
        >
          {folded ? '펼치기' : '접기'}
          <span aria-hidden="true">{folded ? ' ▲' : ' ▼'}</span>
        </button>
      </div>
      {/* Folded, the list is out of sight: a new problem (or one fixed) is still said as the counts change. */}
      <div className="issues-summary" aria-live={folded ? 'polite' : undefined} aria-atomic="true">
        {none ? (
          <p className="empty">확인할 항목이 없습니다.</p>
        ) : (
          <p className={`issue-count${errors.length > 0 ? ' has-errors' : ''}`}>
            오류 {errors.length}건 · 확인 {warnings.length}건
          </p>
        )}
      </div>
      {!none && (
        <ul className="issue-list" id="issues-list">
          {errors.map((e, i) => item(e, 'error', i))}
          {warnings.map((w, i) => item(w, 'warning', i))}
        </ul>
      )}
    </section>
  );
}

export function EditorFrame(props: {
  handle: AutosaveHandle;
  title: string;
  projectId: string;
  projectName: string;
  subtitle?: ReactNode;
  /** The read-only official layout of the current values. */
  renderPrint: () => ReactNode;
  /** Reopens the document (after a restore). */
  onReload: () => void;
  onClose: () => void;
  extraActions?: ReactNode;
  children: ReactNode;
  below?: ReactNode;
}) {
  const { handle } = props;
  // 'browser': the browser's own 인쇄 (its menu) opened the preview, which closes when that printing ends.
  const [printing, setPrinting] = useState<false | 'app' | 'browser'>(false);
  const [submitting, setSubmitting] = useState(false);
  const closePrint = useCallback(() => setPrinting(false), []);
  // Opened, the document's title has the focus: the next Tab is its first field, not the top of the page.
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => title.current?.focus(), []);
  // Ctrl+P prints the form in its official layout, as 인쇄 / PDF does, not the editing screen.
  const { flush } = handle;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== 'p' || e.shiftKey || e.altKey) return;
      e.preventDefault();
      if (printing) window.print();
      else void flush().then(() => setPrinting('app'));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [flush, printing]);
  // Printing started elsewhere (the browser's menu) prints the official layout too, never the editing screen: the
  // preview is put on the page before the page is laid out for print.
  const printingNow = useRef(printing);
  printingNow.current = printing;
  useEffect(() => {
    const before = () => {
      if (printingNow.current !== false) return;
      flushSync(() => setPrinting('browser'));
      void flush();
    };
    const after = () => {
      if (printingNow.current === 'browser') setPrinting(false);
    };
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, [flush]);
  // Leaving by any way (this button, the main menu, 설정 변경, another document) first saves what is pending and
  // waits for it ("저장 중…" meanwhile); it asks when that save failed, cells were refused or the last save stored
  // nothing (a full disk, another window saved first, the app could not be reached), naming why.
  const { current, pending, settle, readOnly } = handle;
  const confirmLeave = useCallback((): boolean | Promise<boolean> => {
    const ask = (state: SaveState) => {
      const question = leaveQuestion(state);
      return question === null || window.confirm(question);
    };
    if (readOnly || !pending()) return ask(current());
    return settle().then(ask);
  }, [current, pending, settle, readOnly]);
  const refusedCount = refusedFields(handle.state).length;
  useLeaveGuard(confirmLeave);
  // Closing the window or tab (or reloading) while anything is not stored asks too: the browser's own question,
  // or in the desktop app the window's (main/electron/window.ts). A pending change is sent on the way out
  // regardless (use-autosave), but whether it arrives is not known before the page is gone.
  const unsaved = unsavedInputOf(handle.state);
  const unstored = unsaved !== null;
  // The desktop window asks on its own side (main cannot ask the page then): it is told what to name.
  const unsavedKey = JSON.stringify(unsaved);
  useEffect(() => {
    window.appWindow?.reportUnsavedInput(JSON.parse(unsavedKey) as UnsavedInput | null);
  }, [unsavedKey]);
  useEffect(() => () => window.appWindow?.reportUnsavedInput(null), []);
  useEffect(() => {
    if (!unstored) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      // Older engines ask only when returnValue is set.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [unstored]);
  const kindLabel = DOCUMENT_KIND_LABELS[handle.ref.kind];
  const bar = useRef<HTMLDivElement>(null);
  useBarHeight(bar);
  return (
    <div className="editor" data-kind={handle.ref.kind}>
      <div className="editor-bar" ref={bar}>
        <button type="button" className="link" onClick={() => leaveThen(props.onClose)}>
          ← 목록으로
        </button>
        <h2 ref={title} tabIndex={-1}>
          {kindLabel} <span className="project-id">{props.projectId}</span> {props.projectName}
          {props.subtitle && <span className="subtitle"> · {props.subtitle}</span>}
        </h2>
        <StatusBadge status={handle.status} />
        {!handle.readOnly && <SaveIndicator state={handle.state} status={handle.status} />}
        {/* Merging failed (the stored version could not be read): tried again, never by dropping what was typed. */}
        {handle.state.kind === 'error' && handle.state.code === 'VERSION_CONFLICT' && (
          <button type="button" className="link" onClick={() => void handle.flush()}>
            다른 창의 내용과 합쳐 다시 저장
          </button>
        )}
        <div className="editor-actions">
          {props.extraActions}
          <button
            type="button"
            onClick={() => {
              void handle.flush().then(() => setPrinting('app'));
            }}
          >
            인쇄 / PDF
          </button>
          {!handle.readOnly && (
            <button
              type="button"
              className="primary"
              data-submit
              disabled={submitting}
              onClick={() => {
                setSubmitting(true);
                void handle.submit().finally(() => setSubmitting(false));
              }}
            >
              {submitting ? '제출 중…' : '제출'}
            </button>
          )}
        </div>
        {/* In the sticky bar, beside the button: 제출 is pressed anywhere down a long form, and what it says
            (marked, not yet sent; or why not) must be in sight there. */}
        {handle.submitMessage && (
          <p
            className={`status status-${handle.submitMessage.kind} bar-message`}
            role={handle.submitMessage.kind === 'error' ? 'alert' : 'status'}
            data-testid="submit-message"
          >
            {handle.submitMessage.text}
          </p>
        )}
      </div>
      <ConflictPanel
        conflicts={handle.conflicts}
        onResolve={(path, take) => {
          const next = handle.resolveConflict(path, take);
          // The field now holds the text chosen, or the row deleted gave its place to the next: the keyboard goes
          // there (the panel's line is gone).
          requestAnimationFrame(() => focusPath(handle, next));
        }}
      />
      {handle.readOnly && (
        <p className="readonly-note" role="note">
          확정된 문서입니다. 내용을 바꿀 수 없습니다.
        </p>
      )}
      <div className="editor-body">
        <form
          className="doc-form"
          noValidate
          aria-label={kindLabel}
          onSubmit={(e) => e.preventDefault()}
          onKeyDown={(e) => {
            // Enter in a one-line field never submits anything (textareas keep their new lines).
            const target = e.target as HTMLInputElement;
            if (e.key === 'Enter' && target.tagName === 'INPUT' && target.type === 'text') e.preventDefault();
          }}
        >
          <fieldset className="doc-fieldset" disabled={handle.readOnly}>
            {props.children}
          </fieldset>
        </form>
        <aside className="editor-side">
          <IssueList handle={handle} />
          <HistoryPanel handle={handle} onRestored={props.onReload} />
        </aside>
      </div>
      {props.below}
      {printing && (
        <PrintOverlay
          onClose={closePrint}
          autoPrint={printing === 'app'}
          title={`${kindLabel} ${props.projectId} ${props.projectName}`}
          notice={
            refusedCount > 0
              ? `입력 오류 ${refusedCount}곳은 저장되지 않은 칸이라 마지막으로 저장한 값으로 인쇄됩니다.`
              : handle.state.kind === 'error'
                ? '화면의 내용으로 인쇄하지만, 아직 저장하지 못한 변경이 있습니다.'
                : null
          }
        >
          {props.renderPrint()}
        </PrintOverlay>
      )}
    </div>
  );
}
