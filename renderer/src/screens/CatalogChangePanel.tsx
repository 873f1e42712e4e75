import { useState } from 'react';
import type { CatalogChangePreview, CatalogFile } from '../../../domain/api/contract';
import type { Catalog } from '../../../domain/catalog/types';
import { api } from '../api/client';
import { FilePicker } from '../components/FilePicker';
import { useFold } from '../components/use-fold';
import { StatusMessage } from '../components/StatusMessage';
import { readAsBase64 } from '../submission/files';
import { CATALOG_FILE_ACCEPT, CatalogDownloadButton } from './CatalogDownload';

type Message = { kind: 'success' | 'error' | 'info'; text: string };

/**
 * 공약사업 목록 관리 (the planning office, on 공약 목록): the list as an .xlsx to edit, and an edited file shown
 * change by change before it is taken (or why it cannot be: data that would no longer fit). Taken, it goes to the
 * departments with the next 기준 자료.
 */
export function CatalogChangePanel(props: { catalog: Catalog; onChanged: () => void }) {
  const [chosen, setChosen] = useState<{ file: CatalogFile; preview: CatalogChangePreview } | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);

  const check = async (picked: File) => {
    setBusy(true);
    setMessage(null);
    setChosen(null);
    try {
      const file = { name: picked.name, dataBase64: await readAsBase64(picked, '공약사업 목록 파일') };
      setChosen({ file, preview: await api.previewCatalogChange(file) });
    } catch (error) {
      setMessage({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };

  const apply = async () => {
    if (chosen === null) return;
    setBusy(true);
    setMessage(null);
    try {
      const result = await api.applyCatalogChange({
        ...chosen.file,
        currentVersion: chosen.preview.currentVersion,
      });
      setChosen(null);
      setMessage({
        kind: 'success',
        text:
          `공약사업 목록을 바꿨습니다 (판 ${result.version}, ${result.changes}건). ` +
          "부서에는 '제출 파일 받기'의 기준 자료 내보내기로 만든 다음 파일부터 전달됩니다.",
      });
      props.onChanged();
    } catch (error) {
      setMessage({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };

  const preview = chosen?.preview;
  const canApply = preview !== undefined && preview.lines.length > 0 && preview.refusals.length === 0;
  const fold = useFold(chosen !== null || message !== null);
  return (
    <details className="catalog-change" {...fold}>
      <summary>공약사업 목록 관리 (판 {props.catalog.version})</summary>
      <p className="hint">
        목록을 엑셀로 내려받아 이름, 정책내용, 세부항목, 협조부서 등을 고친 뒤 고르면, 바뀌는 내용을 먼저 보여
        줍니다. 받은 문서·등록된 키와 맞지 않는 변경(문서가 있는 사업 빼기, 보낸 부서를 사업에서 빼기,
        실천계획서· 관리카드·조정 요청서를 보낸 주관부서 바꾸기, 반기 문서를 받은 뒤 사업 더하기, 임기
        바꾸기)은 할 수 없습니다. &apos;기본 정보&apos; 시트의 목록 판도 바꾸세요.
      </p>
      <CatalogDownloadButton label="목록 엑셀로 내려받기" />
      <FilePicker
        label="고친 공약사업 목록 파일 (.xlsx)"
        accept={CATALOG_FILE_ACCEPT}
        disabled={busy}
        onFile={(file) => void check(file)}
      />
      {preview && (
        <div data-testid="catalog-change-preview">
          {preview.lines.length === 0 ? (
            <StatusMessage kind="info">고른 파일의 목록은 지금 목록과 같습니다.</StatusMessage>
          ) : (
            <>
              <p>
                {preview.summary.title} — 바뀌는 내용 {preview.lines.length}건:
              </p>
              <ul className="catalog-change-lines">
                {preview.lines.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </>
          )}
          {preview.refusals.length > 0 && (
            <StatusMessage kind="error">
              이 목록으로 바꿀 수 없습니다:
              <ul>
                {preview.refusals.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </StatusMessage>
          )}
          {canApply && (
            <button type="button" className="primary" disabled={busy} onClick={() => void apply()}>
              이 목록으로 바꾸기
            </button>
          )}
        </div>
      )}
      {message && (
        <StatusMessage kind={message.kind}>
          <span className="pre-line">{message.text}</span>
        </StatusMessage>
      )}
    </details>
  );
}
