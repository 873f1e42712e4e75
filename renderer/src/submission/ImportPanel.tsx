import { useEffect, useId, useRef, useState } from 'react';
import { BUNDLE_MAX_BYTES, type BundleImportResult } from '../../../domain/api/contract';
import { tooLargeMessage } from '../../../domain/text/file-size';
import { josa } from '../../../domain/text/josa';
import { api } from '../api/client';
import { StatusMessage } from '../components/StatusMessage';
import { droppedFiles } from './drop-files';
import { readAsBase64 } from './files';
import { ImportResultsTable } from './ImportResultsTable';
import { InterruptedImports } from './InterruptedImports';
import { acceptedSha256s, withImportNotes } from '../../../domain/reports/import-notes';
import { useAction } from '../components/use-action';

/**
 * Files travel in batches of about this much base64 (a third more than their bytes): progress moves on between
 * batches and no request holds a whole folder. A file larger than a batch goes alone (browser mode's bridge takes
 * one bundle of the largest size allowed).
 */
const BATCH_BASE64_CHARS = 14 * 1024 * 1024;
const BATCH_MAX_FILES = 200;
/**
 * How long one progress request waits for the job (getImportProgress's waitMs): it is answered at once when the
 * import ends, so a small file's results come as soon as they are there; a long import's bar moves this often.
 */
const PROGRESS_WAIT_MS = 300;

/** The result for a chosen file too large to be a submission file (not read, nothing stored). */
const tooLargeResult = (f: File): BundleImportResult => ({
  file: f.name,
  status: 'rejected',
  code: 'ZIP_LIMIT',
  reason: tooLargeMessage('제출 파일', f.size, BUNDLE_MAX_BYTES),
  department: null,
  period: null,
  unverified: false,
  revision: null,
  sha256: null,
  documents: 0,
});

function batchesOf(files: readonly File[]): File[][] {
  const batches: File[][] = [];
  let current: File[] = [];
  let size = 0;
  for (const f of files) {
    const encoded = Math.ceil(f.size / 3) * 4;
    if (current.length > 0 && (size + encoded > BATCH_BASE64_CHARS || current.length >= BATCH_MAX_FILES)) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(f);
    size += encoded;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

interface Progress {
  done: number;
  total: number;
  phase: string;
}

/** Office: bring in submission files (drop, choose, or a folder path on this PC), with progress and outcomes. */
export function ImportPanel(props: { onChanged: () => void }) {
  const fileInputId = useId();
  const pathInputId = useId();
  const receivedOnId = useId();
  const receivedOnHintId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [results, setResults] = useState<BundleImportResult[] | null>(null);
  const [paths, setPaths] = useState('');
  // 접수일: empty, the files are received when imported. Cleared after each import that took files, so that the
  // next import (another day's files) never inherits it unseen; `receiptShown` names it with that import's results.
  const [receivedOn, setReceivedOn] = useState('');
  const [receiptShown, setReceiptShown] = useState('');
  // Counts finished imports, so that a reader (and the e2e tests) can tell a new results table from the last one.
  const [runs, setRuns] = useState(0);
  const action = useAction();
  // The notes of the results shown (지연, new 충돌) are asked for after them: 'pending' until they come.
  const [notes, setNotes] = useState<'pending' | 'done'>('done');

  // A file is about to be chosen: the program starts its file checks now, not with the file (or seconds later, after
  // its report's warm-up). Should it fail, the first file starts them, as before.
  useEffect(() => {
    api.prepareImport().catch(() => undefined);
  }, []);

  /** Shows an import's results, then adds what 종합 현황 says of its accepted files (a failure leaves them as they are). */
  const showResults = (shown: BundleImportResult[]) => {
    setResults(shown);
    setRuns((n) => n + 1);
    const asked = acceptedSha256s(shown);
    if (asked.length === 0) {
      setNotes('done');
      return;
    }
    setNotes('pending');
    void api
      .getImportNotes({ sha256s: asked })
      .then((found) => setResults((current) => (current === shown ? withImportNotes(shown, found) : current)))
      // The notes only repeat what 제출 현황 and 충돌 show: without them the results stand.
      .catch(() => undefined)
      .finally(() => setNotes('done'));
  };

  /** Runs one import job to the end, reporting progress offset by the files already done. */
  const runJob = async (
    input: { files: { name: string; dataBase64: string }[] } | { paths: string[] },
    offset: number,
    overall: number | null,
  ): Promise<BundleImportResult[]> => {
    let job = await api.startBundleImport(receivedOn === '' ? input : { ...input, receivedOn });
    for (;;) {
      const total = overall ?? job.total;
      setProgress({ done: offset + job.done, total, phase: '검사하고 반영하는 중' });
      if (job.finished) break;
      job = await api.getImportProgress({ jobId: job.jobId, waitMs: PROGRESS_WAIT_MS });
    }
    if (job.error) throw new Error(`가져오기가 중단되었습니다: ${job.error}`);
    return job.results ?? [];
  };

  const importFiles = (files: readonly File[]) =>
    action.run(async () => {
      if (files.length === 0) throw new Error('가져올 제출 파일(*.pledge)이 없습니다.');
      setResults(null);
      const all: BundleImportResult[] = [];
      try {
        // A file larger than any submission file is refused here, by name, before it is read; the others go on.
        const tooLarge = files.filter((f) => f.size > BUNDLE_MAX_BYTES);
        all.push(...tooLarge.map(tooLargeResult));
        const readable = files.filter((f) => f.size <= BUNDLE_MAX_BYTES);
        let offset = tooLarge.length;
        for (const batch of batchesOf(readable)) {
          setProgress({ done: offset, total: files.length, phase: '파일을 읽는 중' });
          const encoded: { name: string; dataBase64: string }[] = [];
          for (const f of batch)
            encoded.push({ name: f.name, dataBase64: await readAsBase64(f, '제출 파일') });
          all.push(...(await runJob({ files: encoded }, offset, files.length)));
          offset += batch.length;
        }
        setProgress({ done: files.length, total: files.length, phase: '완료' });
      } finally {
        // Whatever finished before a failure is already in the office database: show it. A failure before any
        // file was taken (a 접수일 refused, say) leaves no table of nothing.
        if (all.length > 0) {
          showResults(all);
          setReceiptShown(receivedOn);
          setReceivedOn('');
        } else setProgress(null);
        props.onChanged();
      }
    });

  const importPaths = () =>
    action.run(async () => {
      const list = paths
        .split(/\r?\n/)
        .map((p) => p.trim())
        .filter((p) => p.length > 0);
      if (list.length === 0) throw new Error('가져올 파일이나 폴더의 경로를 입력하세요.');
      setResults(null);
      setProgress({ done: 0, total: 0, phase: '파일을 찾는 중' });
      try {
        const found = await runJob({ paths: list }, 0, null);
        // A path that does not exist is a typing slip to correct, not a file that was refused.
        const missing = found.filter((r) => r.code === 'FILE_NOT_FOUND').map((r) => r.file);
        if (missing.length > 0 && missing.length === found.length) {
          setProgress(null);
          throw new Error(
            `${missing.join(', ')}: 이 경로의 파일이나 폴더가 없습니다. 경로를 확인하세요 (탐색기의 주소 표시줄에서 복사해 붙여 넣을 수 있습니다).`,
          );
        }
        if (found.length === 0) {
          // An empty folder (or one without bundles) is said as such, not as a finished import of nothing.
          setProgress(null);
          throw new Error(
            `${list.join(', ')}에서 제출 파일(*.pledge, *.zip)을 찾지 못했습니다. 폴더 경로가 맞는지, 파일이 그 안에 있는지 확인하세요.`,
          );
        }
        showResults(found);
        setReceiptShown(receivedOn);
        setReceivedOn('');
        setProgress({ done: found.length, total: found.length, phase: '완료' });
      } finally {
        props.onChanged();
      }
    });

  const counts = results && {
    accepted: results.filter((r) => r.status === 'accepted').length,
    duplicate: results.filter((r) => r.status === 'duplicate').length,
    quarantined: results.filter((r) => r.status === 'quarantined').length,
    held: results.filter((r) => r.status === 'held').length,
    rejected: results.filter((r) => r.status === 'rejected').length,
    late: results.filter((r) => r.late !== undefined && r.late.documents > 0).length,
    conflicts: results.reduce((n, r) => n + (r.conflicts ?? 0), 0),
  };

  return (
    <section className="sub-panel" aria-labelledby="import-title" data-testid="import-panel">
      <h2 id="import-title">제출 파일 가져오기</h2>
      <InterruptedImports refresh={runs} />
      <div className="field received-on">
        <label htmlFor={receivedOnId}>접수일 (선택)</label>
        <input
          id={receivedOnId}
          type="date"
          value={receivedOn}
          aria-describedby={receivedOnHintId}
          data-testid="import-received-on"
          onChange={(e) => setReceivedOn(e.target.value)}
        />
        <p className="hint" id={receivedOnHintId}>
          비워 두면 가져오는 때가 접수 시각입니다. 공유 폴더·우편·USB로 먼저 받은 파일을 늦게 가져올 때는 받은
          날을 고르세요. 제출 기한은 이 날로 따집니다. 그날보다 뒤에 만든 파일은 가져오는 때로 접수합니다.
        </p>
      </div>
      <div
        className={`drop-zone ${dragging ? 'drop-zone-active' : ''}`}
        data-testid="drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          e.dataTransfer.dropEffect = 'copy';
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          const data = e.dataTransfer;
          void droppedFiles(data).then(importFiles, (error: unknown) =>
            action.setError(`끌어 놓은 파일을 읽을 수 없습니다: ${String(error)}`),
          );
        }}
      >
        <p>
          <strong>제출 파일(*.pledge)이나 폴더를 여기에 끌어 놓으세요.</strong>
        </p>
        <p className="hint">
          여러 파일을 한 번에 가져올 수 있습니다. 각 파일은 끝까지 검사한 뒤에만 반영되며, 손상되거나 위조된
          파일은 반영되지 않습니다.
        </p>
        <label htmlFor={fileInputId} className="sr-only">
          제출 파일 선택
        </label>
        <input
          id={fileInputId}
          ref={fileInput}
          type="file"
          multiple
          accept=".pledge,.zip"
          className="sr-only"
          tabIndex={-1}
          data-testid="import-file-input"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            void importFiles(files);
          }}
        />
        <button
          type="button"
          className="primary"
          disabled={action.busy}
          onClick={() => fileInput.current?.click()}
        >
          파일 선택…
        </button>
      </div>
      <div className="field path-import">
        <label htmlFor={pathInputId}>폴더 경로로 가져오기</label>
        <p className="hint">
          이 PC(프로그램이 실행 중인 컴퓨터)의 파일이나 폴더 경로를 한 줄에 하나씩 입력하세요. 폴더는 하위
          폴더까지 *.pledge, *.zip 파일을 찾습니다.
        </p>
        <textarea
          id={pathInputId}
          rows={2}
          value={paths}
          placeholder="예: /home/user/제출파일 또는 \\공유폴더\제출"
          onChange={(e) => setPaths(e.target.value)}
        />
        <div className="actions">
          <button type="button" disabled={action.busy} onClick={() => void importPaths()}>
            경로에서 가져오기
          </button>
        </div>
      </div>
      {progress && (
        <div className="import-progress" data-testid="import-progress">
          <label>
            {progress.phase}{' '}
            <span data-testid="import-progress-count">
              {progress.done} / {progress.total > 0 ? progress.total : '?'}
            </span>
            <progress
              max={progress.total > 0 ? progress.total : undefined}
              value={progress.total > 0 ? progress.done : undefined}
            />
          </label>
        </div>
      )}
      {action.error && <StatusMessage kind="error">{action.error}</StatusMessage>}
      {results && counts && (
        <div className="result-box" data-testid="import-results" data-run={runs} data-notes={notes}>
          <p className="import-summary" role="status">
            {results.length}개 파일: 반영 <strong>{counts.accepted}</strong> · 중복{' '}
            <strong>{counts.duplicate}</strong> · 격리 <strong>{counts.quarantined}</strong> · 충돌 보류{' '}
            <strong className={counts.held > 0 ? 'warn' : ''}>{counts.held}</strong> · 거부{' '}
            <strong className={counts.rejected > 0 ? 'danger' : ''}>{counts.rejected}</strong>
            {counts.late > 0 && (
              <span data-testid="import-late-count">
                {' '}
                · 기한 지남 <strong className="warn">{counts.late}</strong>
              </span>
            )}
            {counts.conflicts > 0 && (
              <span data-testid="import-conflict-count">
                {' '}
                · 새 충돌 <strong className="warn">{counts.conflicts}</strong>건 (종합 현황 › 충돌)
              </span>
            )}
            {receiptShown === '' ? null : (
              <span data-testid="import-receipt-used">
                {' '}
                · {josa(`접수일 ${receiptShown}`, '으로/로')} 가져왔습니다
              </span>
            )}
          </p>
          {notes === 'pending' && (
            <p className="hint" data-testid="import-notes-pending">
              제출 기한과 충돌을 확인하는 중…
            </p>
          )}
          <ImportResultsTable results={results} />
        </div>
      )}
    </section>
  );
}
