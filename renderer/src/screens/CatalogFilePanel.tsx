import { useState } from 'react';
import type { CatalogFile, CatalogFileSummary } from '../../../domain/api/contract';
import type { Catalog } from '../../../domain/catalog/types';
import { api } from '../api/client';
import { useLoad } from '../api/use-load';
import { FilePicker } from '../components/FilePicker';
import { useFold } from '../components/use-fold';
import { StatusMessage } from '../components/StatusMessage';
import { readAsBase64 } from '../submission/files';
import { CATALOG_FILE_ACCEPT, CatalogDownloadButton } from './CatalogDownload';

/** The file chosen for a new data folder, with what it holds (checked by main). */
export interface ChosenCatalogFile {
  file: CatalogFile;
  summary: CatalogFileSummary;
}

/**
 * 처음 설정's 공약사업 목록: the list and term this copy uses, the list as an .xlsx to edit, and another city's or
 * term's file (공약사업 목록 파일) for a new data folder. Folded unless a file is chosen or refused: most users keep
 * the list they have.
 */
export function CatalogFilePanel(props: {
  catalog: Catalog;
  chosen: ChosenCatalogFile | null;
  onChosen: (chosen: ChosenCatalogFile | null) => void;
  /** A refusal of the chosen file from 저장하고 시작 (a folder already in use), shown here. */
  problem: string | null;
  /** 처음 설정 (no data folder yet): a list whose term has ended is said to be so. */
  firstRun: boolean;
}) {
  const [term] = useLoad(() => api.getTerm(), []);
  const [today] = useLoad(() => api.getToday(), []);
  const [checking, setChecking] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const problem = refusal ?? props.problem;

  const check = async (picked: File) => {
    setChecking(true);
    setRefusal(null);
    try {
      const file = { name: picked.name, dataBase64: await readAsBase64(picked, '공약사업 목록 파일') };
      const summary = await api.checkCatalogFile(file);
      props.onChosen({ file, summary });
    } catch (error) {
      props.onChosen(null);
      setRefusal(error instanceof Error ? error.message : String(error));
    } finally {
      setChecking(false);
    }
  };

  const summary = props.chosen?.summary;
  const fold = useFold(props.chosen !== null || problem !== null);
  // The term's last month is over by the program's clock (a shipped list of a past term, say).
  const ended =
    term.status === 'ready' && today.status === 'ready' && today.value.today.slice(0, 7) > term.value.end;
  return (
    <>
      {/* Outside the fold: which list and term a new folder starts with is everyone's concern. */}
      <p data-testid="catalog-in-use">
        공약사업 목록: {props.catalog.city} {props.catalog.title} ({props.catalog.projects.length}개 세부사업)
        {term.status === 'ready' && `, 임기 ${term.value.name} ${term.value.start} ~ ${term.value.end}`}.
      </p>
      {ended && props.firstRun && props.chosen === null && (
        <StatusMessage kind="info">
          <span data-testid="catalog-term-ended">
            이 목록의 임기는 끝났습니다. 다른 시·군이나 다음 임기라면 아래 &lsquo;다른 시·군이나 다음 임기의
            공약사업 목록으로 시작&rsquo;에서 그 목록 파일을 고르세요 (지난 임기를 연습하거나 정리할 때는
            그대로 시작해도 됩니다).
          </span>
        </StatusMessage>
      )}
      <details className="catalog-file" {...fold}>
        <summary>다른 시·군이나 다음 임기의 공약사업 목록으로 시작</summary>
        <p className="hint">
          이 목록을 엑셀로 내려받아 시·도, 임기, 분야와 세부사업을 고친 뒤 아래에서 고르면, 새 데이터 폴더가
          그 목록과 임기로 시작합니다. 기획담당관과 모든 주관부서가 같은 파일로 시작하세요 (기획담당관의 기준
          자료가 그 뒤의 목록을 나눠 줍니다). 이미 문서나 제출 파일이 있는 데이터 폴더의 목록은 바뀌지
          않습니다.
        </p>
        <CatalogDownloadButton label="지금 목록 엑셀로 내려받기" />
        <FilePicker
          label="공약사업 목록 파일 (.xlsx)"
          accept={CATALOG_FILE_ACCEPT}
          disabled={checking}
          onFile={(file) => void check(file)}
        />
        {checking && <StatusMessage kind="info">목록 파일을 확인하는 중…</StatusMessage>}
        {summary && (
          <div className="catalog-file-summary" data-testid="catalog-file-summary">
            <StatusMessage kind="success">
              {summary.city} {summary.title} — {summary.areas}개 분야, {summary.corePledges}개 핵심공약,{' '}
              {summary.projects}개 세부사업, 부서 {summary.departments.length}곳; 임기 {summary.termName}{' '}
              {summary.termStart} ~ {summary.termEnd}. 저장하고 시작하면 이 목록으로 시작합니다.
            </StatusMessage>
            <button type="button" onClick={() => props.onChosen(null)}>
              파일 빼기 (지금 목록 쓰기)
            </button>
          </div>
        )}
        {problem && (
          <StatusMessage kind="error">
            <span className="pre-line" data-testid="catalog-file-problem">
              {problem}
            </span>
          </StatusMessage>
        )}
      </details>
    </>
  );
}
