import { useCallback, useEffect, useState } from 'react';
import type { VersionSummary } from '../../../domain/api/contract';
import { LIFECYCLE_LABELS, parseAmountText } from '../../../domain/documents';
import { api } from '../api/client';
import { FIELD_LABELS } from './field-label';
import type { AutosaveHandle } from './use-autosave';

/** Version history: who saved what when, a short diff against the form, and restoring an earlier version. */

const REASON_LABELS: Record<string, string> = {
  create: '최초 작성',
  autosave: '자동 저장',
  submit: '제출',
  confirm: '확정',
  restore: '복원',
  import: '가져오기',
};

const IGNORED = new Set(['lifecycle', 'kind', 'schemaVersion', 'decisionHistory']);

/** Typed text and stored numbers compare equal ("1,200" = 1200); blanks and missing cells are the same. */
function normalise(value: unknown): unknown {
  if (typeof value === 'string') {
    if (value.trim() === '') return undefined;
    const n = parseAmountText(value);
    return n ?? value;
  }
  if (Array.isArray(value)) return value.map((v) => normalise(v) ?? null);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = normalise((value as Record<string, unknown>)[key]);
      if (v !== undefined && v !== null) out[key] = v;
    }
    return out;
  }
  return value ?? undefined;
}

export function changedFields(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys]
    .filter((k) => !IGNORED.has(k))
    .filter((k) => JSON.stringify(normalise(a[k])) !== JSON.stringify(normalise(b[k])))
    .map((k) => FIELD_LABELS[k] ?? k);
}

const when = (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString('ko-KR', { hour12: false });
};

export function HistoryPanel({ handle, onRestored }: { handle: AutosaveHandle; onRestored: () => void }) {
  const [open, setOpen] = useState(false);
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setVersions(await api.listDocumentVersions(handle.ref));
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error));
    }
  }, [handle.ref]);

  useEffect(() => {
    if (open) void load();
  }, [open, load, handle.savedCount]);

  const chosen = versions?.find((v) => v.version === selected) ?? null;
  const diff = chosen
    ? changedFields(
        chosen.document as Record<string, unknown>,
        handle.form.getValues() as Record<string, unknown>,
      )
    : [];

  const restore = async (version: number) => {
    setBusy(true);
    setMessage(null);
    try {
      await handle.flush();
      const expectedVersion = handle.version();
      if (expectedVersion === null) throw new Error('저장된 버전이 없습니다.');
      await api.restoreDocumentVersion({ ...handle.ref, version, expectedVersion });
      onRestored();
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="side-panel history" aria-labelledby="history-title" data-testid="history-panel">
      <h3 id="history-title">
        <button type="button" className="link" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          {open ? '▾' : '▸'} 변경 기록
        </button>
      </h3>
      {open && versions === null && <p className="empty">불러오는 중…</p>}
      {open && versions !== null && versions.length === 0 && <p className="empty">저장된 버전이 없습니다.</p>}
      {open && versions !== null && versions.length > 0 && (
        <>
          <ol className="version-list">
            {versions.map((v) => (
              <li key={v.version}>
                <button
                  type="button"
                  className="version-item"
                  aria-pressed={selected === v.version}
                  data-version={v.version}
                  onClick={() => setSelected(v.version)}
                >
                  <span className="version-no">v{v.version}</span> {when(v.savedAt)} ·{' '}
                  {REASON_LABELS[v.reason] ?? v.reason} · {LIFECYCLE_LABELS[v.status]}
                </button>
              </li>
            ))}
          </ol>
          {chosen && (
            <div className="version-detail" data-testid="version-detail">
              <p>
                v{chosen.version}과 현재 내용의 차이:{' '}
                {diff.length === 0 ? '없음' : <strong data-testid="version-diff">{diff.join(', ')}</strong>}
              </p>
              {!handle.readOnly && (
                <button type="button" disabled={busy} onClick={() => void restore(chosen.version)}>
                  이 버전으로 복원
                </button>
              )}
            </div>
          )}
        </>
      )}
      {message && (
        <p className="field-error" role="alert">
          {message}
        </p>
      )}
    </section>
  );
}
