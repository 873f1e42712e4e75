import { useState } from 'react';
import type {
  DeskProject,
  DocumentSummary,
  DraftFile,
  DraftImportAction,
  DraftImportPreview,
} from '../../../domain/api/contract';
import { localDateTimeOf } from '../../../domain/reports/submissions';
import { api } from '../api/client';
import { FilePicker } from '../components/FilePicker';
import { StatusMessage } from '../components/StatusMessage';
import { useFold } from '../components/use-fold';
import { downloadBase64, readAsBase64 } from '../submission/files';

type Message = { kind: 'success' | 'error' | 'info'; text: string };

const ACTION_LABELS: Record<DraftImportAction, string> = {
  new: '새로 들어옴',
  replace: '이 PC 문서를 바꿈',
  localNewer: '이 PC 문서가 더 최근',
  same: '같음',
  refused: '가져올 수 없음',
};

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * 다른 PC와 작성 문서 주고받기 (문서 작성, under the list): when a department's projects are written on several of
 * its PCs (each 과 its own), the projects chosen go as one 작성 문서 파일 to the PC that holds the department's key,
 * which shows what each document would do before it takes the ones chosen.
 */
export function DraftExchangePanel(props: {
  projects: readonly DeskProject[];
  documents: DocumentSummary[];
  onImported: () => void;
}) {
  // Projects with something this PC wrote (confirmed plans come from the office's 기준 자료, not from here).
  // The desk's projects first, in its order, then any other this PC wrote for (a project moved to another lead:
  // its drafts go to the new lead's PC in a file).
  const written = writtenProjects(props.projects, props.documents);
  // Every project written here is chosen unless unticked (one written since, or taken from a file, is chosen too).
  const [unpicked, setUnpicked] = useState<ReadonlySet<string>>(new Set());
  const picked = new Set(written.map((p) => p.projectId).filter((id) => !unpicked.has(id)));
  const [chosen, setChosen] = useState<{ file: DraftFile; preview: DraftImportPreview } | null>(null);
  const [take, setTake] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const fold = useFold(chosen !== null || message !== null);

  const exportFile = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const ids = written.map((p) => p.projectId).filter((id) => picked.has(id));
      const file = await api.exportDraftFile({ projectIds: ids });
      downloadBase64(file.fileName, file.mediaType, file.dataBase64);
      setMessage({
        kind: 'success',
        text: `작성 문서 파일을 만들었습니다: ${file.fileName} (사업 ${ids.length}개). 부서 키가 있는 PC로 옮겨 그 PC의 이 자리에서 고르세요.`,
      });
    } catch (error) {
      setMessage({ kind: 'error', text: errorText(error) });
    } finally {
      setBusy(false);
    }
  };

  const check = async (file: File) => {
    setBusy(true);
    setMessage(null);
    setChosen(null);
    try {
      const draftFile = { name: file.name, dataBase64: await readAsBase64(file, '작성 문서 파일') };
      const preview = await api.previewDraftFile(draftFile);
      setChosen({ file: draftFile, preview });
      setTake(
        new Set(preview.rows.filter((r) => r.action === 'new' || r.action === 'replace').map((r) => r.path)),
      );
    } catch (error) {
      setMessage({ kind: 'error', text: errorText(error) });
    } finally {
      setBusy(false);
    }
  };

  const importChosen = async () => {
    if (chosen === null) return;
    setBusy(true);
    setMessage(null);
    try {
      const rows = chosen.preview.rows.filter((r) => take.has(r.path));
      const result = await api.importDraftFile({
        ...chosen.file,
        take: rows.map((r) => ({ path: r.path, localVersion: r.local?.version ?? null })),
      });
      setChosen(null);
      setMessage({
        kind: 'success',
        text:
          `${result.imported.length}건을 가져왔습니다${result.attachments > 0 ? ` (첨부 ${result.attachments}개)` : ''}: ` +
          `${result.imported.map((d) => `${d.projectId} ${d.title}`).join(', ')}. 작성중으로 들어왔으니 열어 확인한 뒤 제출하세요. ` +
          '바뀌기 전 내용은 문서의 저장 기록에서 되돌릴 수 있습니다.',
      });
      props.onImported();
    } catch (error) {
      setMessage({ kind: 'error', text: errorText(error) });
    } finally {
      setBusy(false);
    }
  };

  const toggle = <T,>(set: ReadonlySet<T>, value: T, on: boolean): Set<T> => {
    const next = new Set(set);
    if (on) next.add(value);
    else next.delete(value);
    return next;
  };
  const preview = chosen?.preview;
  const exportable = written.filter((p) => picked.has(p.projectId)).length;
  return (
    <details className="draft-exchange" data-testid="draft-exchange" {...fold}>
      <summary>다른 PC와 작성 문서 주고받기 (같은 부서)</summary>
      <p className="hint">
        여러 과가 각자 PC에서 쓰는 경우: 쓴 PC에서 사업을 골라 작성 문서 파일을 만들고, 공유 폴더나 USB로 부서
        키가 있는 PC에 옮겨 그 PC의 이 자리에서 고르세요. 문서마다 무엇이 바뀌는지 먼저 보여 줍니다. 가져온
        문서는 작성중이 되고, 바뀌기 전 내용은 저장 기록에 남습니다. 이 파일은 기획담당관에 보내는 제출 파일이
        아닙니다.
      </p>
      <h3>이 PC에서 쓴 문서 보내기</h3>
      <fieldset className="draft-exchange-projects">
        <legend>내보낼 사업 (이 PC에서 쓴 문서가 있는 사업)</legend>
        {written.length === 0 ? (
          <p className="empty">이 PC에서 쓴 문서가 아직 없습니다.</p>
        ) : (
          <>
            <label className="check">
              <input
                type="checkbox"
                checked={exportable === written.length}
                onChange={(e) =>
                  setUnpicked(new Set(e.target.checked ? [] : written.map((p) => p.projectId)))
                }
              />
              모두
            </label>
            {written.map((p) => (
              <label key={p.projectId} className="check">
                <input
                  type="checkbox"
                  checked={picked.has(p.projectId)}
                  onChange={(e) => setUnpicked(toggle(unpicked, p.projectId, !e.target.checked))}
                />
                {p.projectId} {p.projectName}
              </label>
            ))}
          </>
        )}
      </fieldset>
      <button type="button" disabled={busy || exportable === 0} onClick={() => void exportFile()}>
        작성 문서 파일 만들기{exportable > 0 ? ` (사업 ${exportable}개)` : ''}
      </button>
      <h3>다른 PC에서 쓴 문서 가져오기</h3>
      <FilePicker
        label="가져올 작성 문서 파일 (.pledgedraft)"
        accept=".pledgedraft"
        disabled={busy}
        onFile={(file) => void check(file)}
      />
      {preview && (
        <div data-testid="draft-import-preview">
          <p>
            {preview.fileName}: {localDateTimeOf(preview.createdAt)}에 만든 파일, 문서 {preview.rows.length}건
            {preview.attachments > 0 ? `, 첨부 ${preview.attachments}개` : ''}
          </p>
          <table className="draft-import-table">
            <caption className="sr-only">가져올 문서</caption>
            <thead>
              <tr>
                <th scope="col">가져오기</th>
                <th scope="col">공약번호</th>
                <th scope="col">문서</th>
                <th scope="col">파일의 저장 시각</th>
                <th scope="col">이 PC</th>
                <th scope="col">결과</th>
                <th scope="col">확인할 점</th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((r) => {
                const selectable = r.action !== 'same' && r.action !== 'refused';
                const problems = [
                  r.note,
                  r.errors > 0 ? `제출 전에 고칠 오류 ${r.errors}건` : null,
                  r.warnings > 0 ? `경고 ${r.warnings}건` : null,
                ].filter((t): t is string => t !== null);
                return (
                  <tr key={r.path} data-action={r.action}>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`${r.projectId} ${r.title} 가져오기`}
                        disabled={!selectable || busy}
                        checked={take.has(r.path)}
                        onChange={(e) => setTake(toggle(take, r.path, e.target.checked))}
                      />
                    </td>
                    <td>{r.projectId}</td>
                    <td>{r.title}</td>
                    <td>{localDateTimeOf(r.fileSavedAt)}</td>
                    <td>{r.local === null ? '없음' : `${localDateTimeOf(r.local.savedAt)} 저장`}</td>
                    <td>{ACTION_LABELS[r.action]}</td>
                    <td>{problems.join(' · ')}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <button
            type="button"
            className="primary"
            disabled={busy || take.size === 0}
            onClick={() => void importChosen()}
          >
            고른 문서 가져오기 ({take.size}건)
          </button>
        </div>
      )}
      {message && <StatusMessage kind={message.kind}>{message.text}</StatusMessage>}
    </details>
  );
}

/** The projects this PC wrote a document for (not a confirmed plan): the desk's in its order, then the others. */
function writtenProjects(
  desk: readonly DeskProject[],
  documents: readonly DocumentSummary[],
): { projectId: string; projectName: string }[] {
  const order = new Map(desk.map((p, i) => [p.projectId, i]));
  const rank = (id: string) => order.get(id) ?? desk.length;
  const written = new Map<string, { projectId: string; projectName: string }>();
  for (const d of documents)
    if (d.status !== 'confirmed' && !written.has(d.ref.projectId))
      written.set(d.ref.projectId, { projectId: d.ref.projectId, projectName: d.projectName });
  return [...written.values()].sort(
    (a, b) =>
      rank(a.projectId) - rank(b.projectId) ||
      a.projectId.localeCompare(b.projectId, 'en', { numeric: true }),
  );
}
