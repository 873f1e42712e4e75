import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentRef, OpenedDocument } from '../../../domain/api/contract';
import type { Lifecycle, ValidationResult } from '../../../domain/documents';
import { ApiCallError, api } from '../api/client';
import type { AnyForm } from './form-kit';
import { savableOnUnload } from './partial-save';
import { attemptSave } from './save-attempt';

/**
 * Autosave of a drafting form: ~800 ms after the last change, on Ctrl+S, when the window loses focus and before
 * the page unloads. Saves run one after another (each carries the version the previous one returned), so two
 * saves never race on the same expected version.
 */

export const AUTOSAVE_DELAY_MS = 800;

export const REOPENED_MESSAGE =
  "제출 표시한 문서를 고쳐 작성중으로 돌아갔습니다. 다 고친 뒤 다시 '제출'을 누르고, 제출 파일을 다시 만들어 보내세요.";

export const SUBMITTED_MESSAGE =
  "제출 표시했습니다. 아직 보내지 않았습니다: '제출 파일' 메뉴에서 제출 파일을 만들어 기획담당관에게 보내세요.";

export type SaveState =
  | { kind: 'clean' }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  /** Saved except the fields in `refused` (path → message), which kept their last saved value. */
  | { kind: 'partial'; at: string; refused: Record<string, string> }
  | { kind: 'invalid'; message: string; refused: Record<string, string> }
  /** Not saved at all (another window saved first, or the app could not be reached); `code` is the API's. */
  | { kind: 'error'; message: string; code?: string };

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
  submit: () => Promise<void>;
  /** `forErrors`: 제출 was refused for the document's own errors (listed under 제출 전 확인), not a failed call. */
  submitMessage: { kind: 'error' | 'success' | 'info'; text: string; forErrors?: true } | null;
  /** Increments after each successful save (for panels that refresh, e.g. the derived finance row). */
  savedCount: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
const clock = (d: Date) => `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;

/** Writes server-side messages onto the fields they name (paths are the form's dot paths). */
export function markFields(form: AnyForm, details: Record<string, string>, type: string): void {
  for (const [path, message] of Object.entries(details)) {
    if (path === '' || path.startsWith('(')) continue;
    form.setError(path, { type, message });
  }
}

/** Same-page save for unload: a keepalive request survives the page going away (browser mode only). */
function saveOnUnload(ref: DocumentRef, json: unknown, expectedVersion: number | null): void {
  if (window.api) {
    void window.api.saveDraft({ ...ref, json, expectedVersion });
    return;
  }
  const token = document.querySelector<HTMLMetaElement>('meta[name="pledge-token"]')?.content ?? '';
  const body = JSON.stringify({ ...ref, json, expectedVersion });
  // Browsers cap keepalive bodies at 64 KB; a larger document was saved by the blur/debounce path anyway.
  void fetch('/api/saveDraft', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Pledge-Token': token },
    body,
    keepalive: body.length < 60_000,
  }).catch(() => undefined);
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
  const [status, setStatus] = useState<Lifecycle | 'new'>(opened.status);
  const statusRef = useRef<Lifecycle | 'new'>(opened.status);
  const [validation, setValidation] = useState<ValidationResult>(opened.validation);
  const [submitMessage, setSubmitMessage] = useState<AutosaveHandle['submitMessage']>(null);
  const [savedCount, setSavedCount] = useState(0);
  const versionRef = useRef<number | null>(opened.version);
  const dirty = useRef(false);
  const timer = useRef<number | null>(null);
  const queue = useRef<Promise<boolean>>(Promise.resolve(true));
  const lastOk = useRef(true);
  /** The values of the last successful save (the stored document when opened). */
  const lastSaved = useRef<unknown>(opened.document);
  /** Why the last save stored nothing, when it was not the input (another window, no connection). */
  const lastFailure = useRef<string | null>(null);

  const saveNow = useCallback(async (): Promise<boolean> => {
    if (!dirty.current) return lastOk.current;
    dirty.current = false;
    setState({ kind: 'saving' });
    const store = async (json: unknown) => {
      const saved = await api.saveDraft({ ...ref, json, expectedVersion: versionRef.current });
      versionRef.current = saved.version;
      lastSaved.current = json;
      // A change to a document marked 제출 makes it a draft again: said, not only shown by the badge.
      if (statusRef.current === 'submitted' && saved.status === 'draft')
        setSubmitMessage({ kind: 'info', text: REOPENED_MESSAGE });
      statusRef.current = saved.status;
      setStatus(saved.status);
      setValidation(saved.validation);
      setSavedCount((n) => n + 1);
    };
    const outcome = await attemptSave(store, structuredClone(form.getValues()), () => lastSaved.current);
    if (outcome.kind === 'saved') {
      setState(dirty.current ? { kind: 'dirty' } : { kind: 'saved', at: clock(new Date()) });
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
        setState(
          dirty.current
            ? { kind: 'dirty' }
            : { kind: 'partial', at: clock(new Date()), refused: outcome.refused },
        );
      else setState({ kind: 'invalid', message: outcome.message, refused: outcome.refused });
      return false;
    }
    // Keep the change pending so the next edit, blur or Ctrl+S tries again; refused fields stay marked meanwhile.
    if (outcome.refused) markFields(form, outcome.refused, 'server');
    dirty.current = true;
    const { message, code } = outcome;
    setState(code === undefined ? { kind: 'error', message } : { kind: 'error', message, code });
    lastFailure.current = message;
    return false;
  }, [form, ref]);

  const flush = useCallback((): Promise<boolean> => {
    if (timer.current !== null) {
      window.clearTimeout(timer.current);
      timer.current = null;
    }
    queue.current = queue.current.then(saveNow, saveNow);
    return queue.current;
  }, [saveNow]);

  useEffect(() => {
    if (readOnly) return;
    const subscription = form.watch(() => {
      dirty.current = true;
      setState((s) => (s.kind === 'dirty' ? s : { kind: 'dirty' }));
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    });
    return () => subscription.unsubscribe();
  }, [form, flush, readOnly]);

  useEffect(() => {
    if (readOnly) return;
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void flush();
      }
    };
    const onBlur = () => void flush();
    const onUnload = () => {
      if (!dirty.current) return;
      dirty.current = false;
      // No second try after the page is gone: fields the server would refuse go back to their saved values.
      saveOnUnload(ref, savableOnUnload(form.getValues(), lastSaved.current), versionRef.current);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('blur', onBlur);
    window.addEventListener('beforeunload', onUnload);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('blur', onBlur);
      window.removeEventListener('beforeunload', onUnload);
      // Leaving the editor (back to the list) saves what is pending.
      if (dirty.current) void flush();
    };
  }, [flush, form, ref, readOnly]);

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
  const saved = useCallback(() => lastSaved.current, []);

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
      submit,
      submitMessage,
      savedCount,
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
      submit,
      submitMessage,
      savedCount,
    ],
  );
}
