import { useState } from 'react';
import { api } from '../api/client';
import { StatusMessage } from '../components/StatusMessage';
import { downloadBase64 } from '../submission/files';

/** What the file choosers of a 공약사업 목록 파일 offer: Excel workbooks (.xlsx). */
export const CATALOG_FILE_ACCEPT = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The list in use as a 공약사업 목록 파일 (.xlsx) to edit, with what became of the download. */
export function CatalogDownloadButton(props: { label: string }) {
  const [result, setResult] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const download = async () => {
    setResult(null);
    try {
      const file = await api.exportCatalogWorkbook();
      downloadBase64(file.fileName, file.mediaType, file.dataBase64);
      setResult({ kind: 'success', text: `${file.fileName} 파일을 내려받았습니다.` });
    } catch (error) {
      setResult({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <div className="catalog-download">
      <button type="button" onClick={() => void download()}>
        {props.label}
      </button>
      {result && <StatusMessage kind={result.kind}>{result.text}</StatusMessage>}
    </div>
  );
}
