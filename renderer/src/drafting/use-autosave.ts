import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentRef, OpenedDocument } from '../../../domain/api/contract';
import type { Lifecycle, ValidationResult } from '../../../domain/documents';
import { localTimeOf } from '../../../domain/reports/submissions';
import { ApiCallError, api } from '../api/client';
import { fieldLabelOf } from './field-label';
import type { AnyForm } from './form-kit';
import {
  afterRowDeleted,
  mergeEdits,
  rowPathParts,
  sameValue,
  type EditConflict,
  type MergedEdits,
} from './merge-edits';
import { savableOnUnload, valueAt } from './partial-save';
import { attemptSave, type SaveAttempt } from './save-attempt';
import { sendSaveOnUnload } from './unload-save';
import { stateAfterEdit } from './unsaved';

/**
 * Autosave of a drafting form: ~800 ms after the last change, on Ctrl+S, when the window loses focus, before the
 * editor is left (waited for: see settle) and as the page unloads. Saves run one after another (each carries the
 * version the previous one returned), so two saves never race on the same expected version.
 *
 * The same document open in another window: a save refused because that window stored a newer version is merged
 * with it (merge-edits.ts) and saved again at once; a window with nothing unsaved takes the newer version quietly
 * when it is brought back to the front.
 */

export const AUTOSAVE_DELAY_MS = 800;
/**
 * The longest a change waits while typing goes on without a pause: steady typing is saved at least this often, so
 * a program that stops (a crash, a power cut) loses seconds of it, not the whole paragraph.
 */
export const AUTOSAVE_MAX_WAIT_MS = 3_000;
/**
 * After a save failed because the program could not be reached (stopped, restarting), the pending change is tried
 * again this often, so what was typed is stored as soon as the program is back, without another keystroke.
 */
export const RETRY_AFTER_OFFLINE_MS = 5_000;
export const RETRY_NOTE =
  '입력한 내용은 이 화면에 남아 있고, 프로그램이 다시 실행되면 자동으로 저장합니다. 그때까지 이 화면을 닫거나 새로 고치지 마세요.';

/** How long leaving the editor waits for its save before asking (a save that hangs must not hold the person). */
export const SETTLE_TIMEOUT_MS = 15_000;

export const REOPENED_MESSAGE =
  "제출 표시한 문서를 고쳐 작성중으로 돌아갔습니다. 다 고친 뒤 다시 '제출'을 누르고, 제출 파일을 다시 만들어 보내세요.";

export const SUBMITTED_MESSAGE =
  "제출 표시했습니다. 아직 보내지 않았습니다: '제출 파일' 메뉴에서 제출 파일을 만들어 기획담당관에게 보내세요.";

export type SaveState =
  | { kind: 'clean' }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  /** `via`: the save merged what another window stored first, or (nothing typed here) that was loaded. */
  | { kind: 'saved'; at: string; via?: 'merged' | 'loaded' }
  /** Saved except the fields in `refused` (path → message), which kept their last saved value. */
  | { kind: 'partial'; at: string; refused: Record<string, string> }
  | { kind: 'invalid'; message: string; refused: Record<string, string> }
  /** Not saved at all (another window saved first, or the app could not be reached); `code` is the API's. */
  | { kind: 'error'; message: string; code?: string };

/** A field both windows changed differently, named as on screen; this window's value is the one stored. */
export type ConflictEntry = EditConflict & { label: string };

/** How many times one save merges and tries again when other windows keep saving in between. */
const MERGE_ROUNDS = 3;

export interface AutosaveHandle {
  ref: DocumentRef;
  form: AnyForm;
  readOnly: boolean;
  state: SaveState;
  status: Lifecycle | 'new';
  validation: ValidationResult;
  /** Last stored version (null before the first save). */
  version: () => number | null;
  /** The values of the last successful save (the stored document when opened). */
  lastSaved: () => unknown;
  /** Saves pending changes now; resolves true when nothing unsaved remains. */
  flush: () => Promise<boolean>;
  /** The state as of now (`state` is as of the last render). */
  current: () => SaveState;
  /** Whether a change waits for its save (the pause after typing) or a save is under way. */
  pending: () => boolean;
  /**
   * Saves what is pending and waits for it (and for what is typed meanwhile), at most SETTLE_TIMEOUT_MS; resolves
   * to the state then, for the question before leaving.
   */
  settle: () => Promise<SaveState>;
  submit: () => Promise<void>;
  /** `forErrors`: 제출 was refused for the document's own errors (listed under 제출 전 확인), not a failed call. */
  submitMessage: { kind: 'error' | 'success' | 'info'; text: string; forErrors?: true } | null;
  /** Increments after each successful save (for panels that refresh, e.g. the derived finance row). */
  savedCount: number;
  /** Fields another window changed differently, kept here until the person chooses (see ConflictPanel). */
  conflicts: ConflictEntry[];
  /**
   * Keeps this window's value of a conflicting field, or puts the other window's into the form (then saved); a row
   * one window deleted is kept or deleted. Returns where the keyboard goes next: the field, or for a row deleted
   * the row now in its place, else the one before it, else its list.
   */
  resolveConflict: (path: string, take: 'mine' | 'theirs') => string;
}

/**
 * "저장됨 HH:mm:ss": when the program stored the document, by its clock (a training copy under PLEDGE_NOW shows its
 * own day's time) and in Korea's time as every other time the app shows.
 */
const storedClock = (updatedAt: string | null): string => localTimeOf(updatedAt ?? new Date().toISOString());

/** Writes server-side messages onto the fields they name (paths are the form's dot paths). */
export function markFields(form: AnyForm, details: Record<string, string>, type: string): void {
  for (const [path, message] of Object.entries(details)) {
    if (path === '' || path.startsWith('(')) continue;
    form.setError(path, { type, message });
  }
}

export function useAutosave(
  form: AnyForm,
  opened: OpenedDocument,
  options: { beforeSubmit?: () => void } = {},
): AutosaveHandle {
  const { beforeSubmit } = options;
  const ref = opened.ref;
  const readOnly = opened.readOnly;
  const [state, setState] = useState<SaveState>({ kind: 'clean' });
  const stateRef = useRef<SaveState>(state);
  const show = useCallback((next: SaveState) => {
    stateRef.current = next;
    setState(next);
  }, []);
  const [status, setStatus] = useState<Lifecycle | 'new'>(opened.status);
  const statusRef = useRef<Lifecycle | 'new'>(opened.status);
  const [validation, setValidation] = useState<ValidationResult>(opened.validation);
  const [submitMessage, setSubmitMessage] = useState<AutosaveHandle['submitMessage']>(null);
  const [savedCount, setSavedCount] = useState(0);
  const [conflicts, setConflicts] = useState<ConflictEntry[]>([]);
  const conflictsRef = useRef<ConflictEntry[]>(conflicts);
  conflictsRef.current = conflicts;
  /** True while another window's values are put into the form: not an edit of this window's. */
  const applying = useRef(false);
  const versionRef = useRef<number | null>(opened.version);
  const dirty = useRef(false);
  const timer = useRef<number | null>(null);
  const retryTimer = useRef<number | null>(null);
  const flushRef = useRef<(() => Promise<boolean>) | null>(null);
  // Left editors do not retry: the document may be open again in a new editor by then.
  const mounted = useRef(true);
  // When the first change not yet saved was made (null: none waits); see AUTOSAVE_MAX_WAIT_MS.
  const waitingSince = useRef<number | null>(null);
  const queue = useRef<Promise<boolean>>(Promise.resolve(true));
  /** Saves queued or under way. */
  const running = useRef(0);
  const lastOk = useRef(true);
  /** The values of the last successful save (the stored document when opened). */
  const lastSaved = useRef<unknown>(opened.document);
  // When the program stored the last save (its clock: a training copy under PLEDGE_NOW shows its own day's time).
  const savedAt = useRef<string | null>(null);
  /** Why the last save stored nothing, when it was not the input (another window, no connection). */
  const lastFailure = useRef<string | null>(null);

  /**
   * Brings this editor up to the version another window stored since: merges it with the form's values (the
   * version this window last stored or opened is the base), puts the other window's changes into the form and
   * takes that version as the one to save against. Null when nothing newer is stored (or it could not be read).
   */
  const catchUp = useCallback(async (): Promise<MergedEdits | null> => {
    const stored = await api.openDocument(ref).catch(() => null);
    if (stored?.version == null || stored.version === versionRef.current) return null;
    const merged = mergeEdits(lastSaved.current, stored.document, form.getValues());
    applying.current = true;
    try {
      for (const path of merged.fromTheirs)
        form.setValue(path, structuredClone(valueAt(merged.values, path)), { shouldValidate: true });
    } finally {
      applying.current = false;
    }
    versionRef.current = stored.version;
    lastSaved.current = stored.document;
    savedAt.current = stored.updatedAt;
    statusRef.current = stored.status;
    setStatus(stored.status);
    setValidation(stored.validation);
    setSavedCount((n) => n + 1);
    if (merged.conflicts.length > 0) {
      const found = merged.conflicts.map((c) => ({ ...c, label: fieldLabelOf(c.path) }));
      setConflicts((list) => [...list.filter((c) => !found.some((f) => f.path === c.path)), ...found]);
    }
    return merged;
  }, [form, ref]);

  /**
   * `unloading`: the page is about to go away (the browser may ask first): one request that outlives the page, with
   * the fields the schema refuses put back (no second try after the page is gone). Through the queue all the same,
   * so when the person stays the next save carries the version it returned.
   */
  const saveNow = useCallback(
    async (unloading = false): Promise<boolean> => {
      if (!dirty.current) return lastOk.current;
      dirty.current = false;
      show({ kind: 'saving' });
      const send = async (input: unknown) => {
        if (!unloading) return api.saveDraft(input as Parameters<typeof api.saveDraft>[0]);
        const result = await sendSaveOnUnload(input);
        if (!result.ok) throw new ApiCallError(result.error);
        return result.value;
      };
      const store = async (json: unknown) => {
        const saved = await send({ ...ref, json, expectedVersion: versionRef.current });
        versionRef.current = saved.version;
        lastSaved.current = json;
        savedAt.current = saved.updatedAt;
        // A change to a document marked 제출 makes it a draft again: said, not only shown by the badge.
        if (statusRef.current === 'submitted' && saved.status === 'draft')
          setSubmitMessage({ kind: 'info', text: REOPENED_MESSAGE });
        statusRef.current = saved.status;
        setStatus(saved.status);
        setValidation(saved.validation);
        setSavedCount((n) => n + 1);
      };
      let values: unknown, json: unknown, outcome: SaveAttempt;
      let merged = false;
      for (let round = 0; ; round += 1) {
        values = structuredClone(form.getValues());
        json = unloading ? savableOnUnload(values, lastSaved.current) : values;
        outcome = await attemptSave(store, json, () => lastSaved.current);
        // Another window stored a newer version first: merged with it, then saved again against it.
        if (outcome.kind !== 'failed' || outcome.code !== 'VERSION_CONFLICT') break;
        if (unloading || round === MERGE_ROUNDS || (await catchUp()) === null) break;
        merged = true;
      }
      // Still here after an unload save that left refused fields out: they are tried (and marked) next.
      if (json !== values) dirty.current = true;
      if (outcome.kind === 'saved') {
        const at = storedClock(savedAt.current);
        show(
          dirty.current
            ? { kind: 'dirty' }
            : merged
              ? { kind: 'saved', at, via: 'merged' }
              : { kind: 'saved', at },
        );
        lastOk.current = true;
        lastFailure.current = null;
        return !dirty.current;
      }
      lastOk.current = false;
      if (outcome.kind !== 'failed') {
        lastFailure.current = null;
        // The refused fields wait, marked, for the next edit; everything else is saved when it could be.
        markFields(form, outcome.refused, 'server');
        if (outcome.kind === 'partial')
          show(
            dirty.current
              ? { kind: 'dirty' }
              : { kind: 'partial', at: storedClock(savedAt.current), refused: outcome.refused },
          );
        else show({ kind: 'invalid', message: outcome.message, refused: outcome.refused });
        return false;
      }
      // Keep the change pending so the next edit, blur or Ctrl+S tries again; refused fields stay marked meanwhile.
      if (outcome.refused) markFields(form, outcome.refused, 'server');
      dirty.current = true;
      const { message, code } = outcome;
      // Retried by itself: no answer at all (OFFLINE). A program restarted meanwhile answers again, with a new
      // token the client takes from the page (api/token-fetch.ts).
      const retried = code === 'OFFLINE';
      const shown = retried && !unloading ? `${message} ${RETRY_NOTE}` : message;
      show(code === undefined ? { kind: 'error', message: shown } : { kind: 'error', message: shown, code });
      lastFailure.current = message;
      if (retried && !unloading && mounted.current && retryTimer.current === null) {
        retryTimer.current = window.setTimeout(() => {
          retryTimer.current = null;
          if (dirty.current) void flushRef.current?.();
        }, RETRY_AFTER_OFFLINE_MS);
      }
      return false;
    },
    [form, ref, show, catchUp],
  );

  /**
   * Back in front: with nothing unsaved, the version another window stored meanwhile is loaded (what this window
   * holds that is not stored, such as refused cells, is kept and saved with it); with unsaved changes, they are
   * saved, merged with it.
   */
  const refresh = useCallback(async (): Promise<boolean> => {
    if (dirty.current) return saveNow();
    const merged = await catchUp();
    if (merged === null) return lastOk.current;
    if (!sameValue(form.getValues(), lastSaved.current)) {
      dirty.current = true;
      return saveNow();
    }
    show({ kind: 'saved', at: storedClock(savedAt.current), via: 'loaded' });
    lastOk.current = true;
    return true;
  }, [catchUp, form, saveNow, show]);

  const enqueue = useCallback(
    (task: 'save' | 'unload' | 'refresh'): Promise<boolean> => {
      if (timer.current !== null) {
        window.clearTimeout(timer.current);
        timer.current = null;
      }
      waitingSince.current = null;
      running.current += 1;
      const work = () => (task === 'refresh' ? refresh() : saveNow(task === 'unload'));
      const run = () => work().finally(() => (running.current -= 1));
      queue.current = queue.current.then(run, run);
      return queue.current;
    },
    [saveNow, refresh],
  );
  const flush = useCallback(() => enqueue('save'), [enqueue]);
  useEffect(() => {
    flushRef.current = flush;
  }, [flush]);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      if (retryTimer.current !== null) window.clearTimeout(retryTimer.current);
      retryTimer.current = null;
    };
  }, []);

  const pending = useCallback(() => dirty.current || running.current > 0 || timer.current !== null, []);
  const settle = useCallback(async (): Promise<SaveState> => {
    const deadline = Date.now() + SETTLE_TIMEOUT_MS;
    // What is typed while a save runs is saved too; a failure is not retried here but asked about.
    while (pending() && Date.now() < deadline) {
      let stop = 0;
      const timeout = new Promise<'timeout'>((resolve) => {
        stop = window.setTimeout(() => resolve('timeout'), Math.max(0, deadline - Date.now()));
      });
      const outcome = await Promise.race([flush(), timeout]);
      window.clearTimeout(stop);
      if (outcome === 'timeout' || stateRef.current.kind === 'error') break;
    }
    return stateRef.current;
  }, [flush, pending]);

  useEffect(() => {
    if (readOnly) return;
    const subscription = form.watch(() => {
      if (applying.current) return;
      dirty.current = true;
      show(stateAfterEdit(stateRef.current));
      if (timer.current !== null) window.clearTimeout(timer.current);
      // The pause after the last change, but no later than AUTOSAVE_MAX_WAIT_MS after the first unsaved one.
      const now = Date.now();
      waitingSince.current ??= now;
      const delay = Math.min(
        AUTOSAVE_DELAY_MS,
        Math.max(0, waitingSince.current + AUTOSAVE_MAX_WAIT_MS - now),
      );
      timer.current = window.setTimeout(() => void flush(), delay);
    });
    return () => subscription.unsubscribe();
  }, [form, flush, readOnly, show]);

  useEffect(() => {
    if (readOnly) return;
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void flush();
      }
    };
    const onBlur = () => void flush();
    // Brought back to the front (another tab, another window): what another window saved meanwhile is taken.
    const onBack = () => {
      if (document.visibilityState !== 'hidden') void enqueue('refresh');
    };
    // The request starts before the browser (or the desktop window) asks whether to leave, and outlives the page.
    const onUnload = () => {
      if (!dirty.current) return;
      // Heard only when the person stays: the fields left out of that save are saved (and marked) as usual.
      void enqueue('unload').then(() => dirty.current && flush());
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('blur', onBlur);
    window.addEventListener('focus', onBack);
    document.addEventListener('visibilitychange', onBack);
    window.addEventListener('beforeunload', onUnload);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('blur', onBlur);
      window.removeEventListener('focus', onBack);
      document.removeEventListener('visibilitychange', onBack);
      window.removeEventListener('beforeunload', onUnload);
      // Leaving the editor (back to the list) saves what is pending.
      if (dirty.current) void flush();
    };
  }, [flush, enqueue, readOnly]);

  const submit = useCallback(async () => {
    setSubmitMessage(null);
    beforeSubmit?.();
    if (versionRef.current === null) dirty.current = true;
    const ok = await flush();
    if (!ok || versionRef.current === null) {
      setSubmitMessage(
        lastFailure.current !== null
          ? { kind: 'error', text: `저장하지 못했으므로 제출할 수 없습니다: ${lastFailure.current}` }
          : {
              kind: 'error',
              text: '입력 오류가 있어 저장하지 못했으므로 제출할 수 없습니다. 표시된 항목을 고치세요.',
              forErrors: true,
            },
      );
      return;
    }
    try {
      const result = await api.submitDocument({ ...ref, expectedVersion: versionRef.current });
      versionRef.current = result.version;
      statusRef.current = result.status;
      setStatus(result.status);
      setValidation(result.validation);
      setSavedCount((n) => n + 1);
      // 제출 marks the document ready; it reaches the office only in a submission file.
      setSubmitMessage({ kind: 'success', text: SUBMITTED_MESSAGE });
    } catch (error) {
      const forErrors = error instanceof ApiCallError && error.code === 'DOCUMENT_HAS_ERRORS';
      if (forErrors) markFields(form, error.details, 'submit');
      setSubmitMessage({
        kind: 'error',
        text: error instanceof Error ? error.message : String(error),
        ...(forErrors ? { forErrors: true as const } : {}),
      });
    }
  }, [flush, form, ref, beforeSubmit]);

  const version = useCallback(() => versionRef.current, []);
  const current = useCallback(() => stateRef.current, []);
  const saved = useCallback(() => lastSaved.current, []);
  const resolveConflict = useCallback(
    (path: string, take: 'mine' | 'theirs') => {
      const entry = conflictsRef.current.find((c) => c.path === path);
      const chosen = take === 'theirs' ? entry?.theirs : entry?.mine;
      const row = entry?.row === true && chosen === undefined ? rowPathParts(path) : null;
      if (row !== null) {
        // The side chosen deleted the row: deleted from the form as if by its 삭제 button, then saved.
        const rows = form.getValues(row.list) as unknown;
        const left = Array.isArray(rows) ? rows.filter((_, i) => i !== row.index) : null;
        if (left !== null) form.setValue(row.list, left, { shouldDirty: true, shouldValidate: true });
        // The rows after it move up one: their conflicts are named by their new row numbers.
        setConflicts((list) =>
          afterRowDeleted(list, path).map((c) =>
            list.includes(c) ? c : { ...c, label: fieldLabelOf(c.path) },
          ),
        );
        const length = left?.length ?? 0;
        return length === 0 ? row.list : `${row.list}.${Math.min(row.index, length - 1)}`;
      }
      // Put into the form as if typed: saved by the autosave.
      if (take === 'theirs' && entry?.theirs !== undefined)
        form.setValue(path, structuredClone(entry.theirs), { shouldDirty: true, shouldValidate: true });
      setConflicts((list) => list.filter((c) => c.path !== path));
      return path;
    },
    [form],
  );

  return useMemo(
    () => ({
      ref,
      form,
      readOnly,
      state,
      status,
      validation,
      version,
      lastSaved: saved,
      flush,
      current,
      pending,
      settle,
      submit,
      submitMessage,
      savedCount,
      conflicts,
      resolveConflict,
    }),
    [
      ref,
      form,
      readOnly,
      state,
      status,
      validation,
      version,
      saved,
      flush,
      current,
      pending,
      settle,
      submit,
      submitMessage,
      savedCount,
      conflicts,
      resolveConflict,
    ],
  );
}
