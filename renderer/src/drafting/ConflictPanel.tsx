import type { ConflictEntry } from './use-autosave';

/**
 * The fields this window and another changed differently (the same document open twice). This window's text is
 * what was saved; the other window's is shown beside it (selectable, to copy a sentence across) and can be taken
 * instead, field by field. Nothing typed in either window is lost: the other window's save stays in 저장 기록.
 */

/** A value as the person reads it: text as typed, rows one a line, a row's filled cells joined. */
export function conflictText(value: unknown): string {
  if (value === undefined) return '(삭제함)';
  if (value === null || value === '') return '(비어 있음)';
  if (Array.isArray(value)) return value.length === 0 ? '(비어 있음)' : value.map(conflictText).join('\n');
  if (typeof value === 'object') {
    const parts = Object.values(value as Record<string, unknown>)
      .filter((v) => v !== null && v !== '' && !(Array.isArray(v) && v.length === 0))
      .map((v) => (typeof v === 'object' ? conflictText(v).replace(/\n/g, ', ') : String(v)));
    return parts.length === 0 ? '(비어 있음)' : parts.join(' · ');
  }
  return String(value as string | number | boolean);
}

function Side(props: { label: string; title: string; value: unknown; testId: string }) {
  const text = conflictText(props.value);
  return (
    <div className="merge-side">
      <p className="merge-side-title">{props.title}</p>
      <textarea
        readOnly
        rows={Math.min(6, text.split('\n').length + 1)}
        aria-label={`${props.label} — ${props.title}`}
        value={text}
        data-testid={props.testId}
      />
    </div>
  );
}

export function ConflictPanel(props: {
  conflicts: readonly ConflictEntry[];
  onResolve: (path: string, take: 'mine' | 'theirs') => void;
}) {
  if (props.conflicts.length === 0) return null;
  return (
    <section
      className="merge-conflicts"
      aria-labelledby="merge-conflicts-title"
      data-testid="merge-conflicts"
    >
      <h3 id="merge-conflicts-title">다른 창과 다르게 고친 항목 {props.conflicts.length}곳</h3>
      <p>
        다른 창에서 먼저 저장한 내용과 합쳐 저장했습니다. 아래 항목은 두 창에서 서로 다르게 고친 곳이라 이
        창의 입력으로 저장해 두었습니다. 다른 창의 내용은 저장 기록에도 남아 있습니다. 항목마다 남길 내용을
        고르세요.
      </p>
      <ul className="merge-list">
        {props.conflicts.map((c) => (
          <li key={c.path} className="merge-item" data-testid="merge-conflict" data-path={c.path}>
            <h4>{c.label}</h4>
            <div className="merge-sides">
              <Side label={c.label} title="이 창의 입력" value={c.mine} testId="merge-mine" />
              <Side label={c.label} title="다른 창에서 저장한 내용" value={c.theirs} testId="merge-theirs" />
            </div>
            {c.row === true ? (
              <RowChoice conflict={c} onResolve={props.onResolve} />
            ) : (
              <FieldChoice conflict={c} onResolve={props.onResolve} />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

type Resolve = (path: string, take: 'mine' | 'theirs') => void;

/** A field both windows changed: keep this window's text, or take the other's. */
function FieldChoice(props: { conflict: ConflictEntry; onResolve: Resolve }) {
  const c = props.conflict;
  return (
    <div className="merge-actions">
      <button
        type="button"
        aria-label={`${c.label}: 이 창의 입력 남기기`}
        onClick={() => props.onResolve(c.path, 'mine')}
      >
        이 창의 입력 남기기
      </button>
      {c.theirs !== undefined && (
        <button
          type="button"
          aria-label={`${c.label}: 다른 창의 내용으로 바꾸기`}
          onClick={() => props.onResolve(c.path, 'theirs')}
        >
          다른 창의 내용으로 바꾸기
        </button>
      )}
    </div>
  );
}

/**
 * A row deleted in one window and changed in the other: it is kept for now (nothing typed is dropped), and the
 * person keeps it or deletes it after all, from here.
 */
function RowChoice(props: { conflict: ConflictEntry; onResolve: Resolve }) {
  const c = props.conflict;
  const deletedHere = c.mine === undefined;
  // The side that deleted the row, and the side that changed it (whose row is in the form now).
  const [remove, keep]: ['mine' | 'theirs', 'mine' | 'theirs'] = deletedHere
    ? ['mine', 'theirs']
    : ['theirs', 'mine'];
  return (
    <>
      <p className="hint">
        {deletedHere
          ? '이 창에서 삭제한 줄을 다른 창에서 고쳤으므로 그 줄을 되살려 두었습니다. 남길지 삭제할지 고르세요.'
          : '다른 창에서 삭제한 줄에 이 창에서 입력했으므로 그 줄을 남겨 두었습니다. 남길지 삭제할지 고르세요.'}
      </p>
      <div className="merge-actions">
        <button
          type="button"
          aria-label={`${c.label}: 줄 남기기`}
          onClick={() => props.onResolve(c.path, keep)}
        >
          줄 남기기
        </button>
        <button
          type="button"
          aria-label={`${c.label}: 줄 삭제`}
          onClick={() => props.onResolve(c.path, remove)}
        >
          줄 삭제
        </button>
      </div>
    </>
  );
}
