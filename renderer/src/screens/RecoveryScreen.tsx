import { useState, type FormEvent } from 'react';
import { newDataDirInputSchema, type StartupProblem } from '../../../domain/api/contract';
import { localDateTimeOf } from '../../../domain/reports/submissions';
import { ApiCallError, api } from '../api/client';
import { StatusMessage } from '../components/StatusMessage';
import { useAction } from '../components/use-action';

/**
 * The app started without its data: the data folder's file is not a database or is damaged (main's
 * getStartupProblem). It says which file and that it was left as it was, and offers a new data folder (whose
 * first run offers 백업에서 복원) or another try on the same folder. `onRecovered` loads the app on the data opened.
 */
export function RecoveryScreen(props: { problem: StartupProblem; onRecovered: () => void }) {
  const [problem, setProblem] = useState(props.problem);
  const [retried, setRetried] = useState(false);
  const [dataDir, setDataDir] = useState(props.problem.suggestedDataDir);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const start = useAction();
  const retry = useAction();

  const startNew = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFieldError(null);
    start.setError(null);
    // The contract's own check first (an empty or relative path), then main's (a folder with data, one not made).
    const parsed = newDataDirInputSchema.safeParse({ dataDir });
    if (!parsed.success) {
      setFieldError(parsed.error.issues[0]?.message ?? '새 데이터 폴더를 입력하세요.');
      document.getElementById('recovery-data-dir')?.focus();
      return;
    }
    let refusedAtField: string | undefined;
    const started = await start.run(async () => {
      try {
        return await api.startWithNewDataDir(parsed.data);
      } catch (error) {
        refusedAtField = error instanceof ApiCallError ? error.details.dataDir : undefined;
        throw error;
      }
    });
    if (started) {
      props.onRecovered();
      return;
    }
    if (refusedAtField !== undefined) {
      start.setError(null);
      setFieldError(refusedAtField);
      document.getElementById('recovery-data-dir')?.focus();
    }
  };

  const tryAgain = async () => {
    setRetried(false);
    const result = await retry.run(() => api.retryStartup());
    if (result === undefined) return;
    if (result === null) {
      props.onRecovered();
      return;
    }
    setProblem(result);
    setRetried(true);
  };

  return (
    <main className="setup recovery">
      <h1>공약이행 관리 — 데이터 파일을 열 수 없습니다</h1>
      <div id="recovery-problem">
        <p>
          데이터 폴더의 데이터 파일이 공약이행 데이터베이스가 아니거나 손상되어 열 수 없습니다:
          <br />
          <code data-testid="unreadable-path">{problem.databasePath}</code>
        </p>
        <p>
          프로그램은 이 파일을 고치거나 지우지 않았고, 아래 어느 쪽을 골라도 이 파일과 폴더(
          <code>{problem.dataDir}</code>)는 그대로 둡니다. 데이터 백업 파일이 없으면 이 파일을 그대로 두고
          전산 담당자에게 문의하세요.
        </p>
      </div>

      <section className="backup" aria-labelledby="recovery-new-title">
        <h2 id="recovery-new-title">새 데이터 폴더로 시작</h2>
        <form onSubmit={(e) => void startNew(e)} noValidate aria-labelledby="recovery-new-title">
          <div className="field">
            <label htmlFor="recovery-data-dir">새 데이터 폴더</label>
            <input
              id="recovery-data-dir"
              type="text"
              value={dataDir}
              autoFocus
              onChange={(e) => setDataDir(e.target.value)}
              aria-invalid={fieldError !== null ? true : undefined}
              aria-describedby={`recovery-problem recovery-data-dir-hint${fieldError !== null ? ' recovery-data-dir-error' : ''}`}
            />
            <p className="hint" id="recovery-data-dir-hint">
              비어 있거나 아직 없는 폴더의 전체 경로 (이 PC의 로컬 디스크). 새 폴더에서 처음 설정이 열리고,
              거기서 ‘백업에서 복원’으로 데이터 백업 파일을 복원할 수 있습니다. 다음 시작부터 이 폴더를
              씁니다.
            </p>
            {fieldError !== null && (
              <p className="field-error" id="recovery-data-dir-error" role="alert">
                {fieldError}
              </p>
            )}
          </div>
          <div className="actions">
            <button type="submit" className="primary" disabled={start.busy || retry.busy}>
              {start.busy ? '여는 중…' : '새 데이터 폴더로 시작'}
            </button>
          </div>
          {start.error && <StatusMessage kind="error">{start.error}</StatusMessage>}
        </form>
      </section>

      <section className="backup" aria-labelledby="recovery-retry-title">
        <h2 id="recovery-retry-title">다시 시도</h2>
        <p className="hint">
          데이터 파일을 백업한 파일로 바꿔 놓았거나 저장장치(USB·외장 디스크)를 다시 연결했다면, 같은 데이터
          폴더를 다시 열어 봅니다.
        </p>
        <div className="actions">
          <button type="button" onClick={() => void tryAgain()} disabled={start.busy || retry.busy}>
            {retry.busy ? '여는 중…' : '다시 시도'}
          </button>
        </div>
        {retried && (
          <StatusMessage kind="error">
            다시 시도했지만 아직 열 수 없습니다 ({localDateTimeOf(problem.checkedAt)} 확인). 파일은 이번에도
            바꾸지 않았습니다: <code>{problem.databasePath}</code>
          </StatusMessage>
        )}
        {retry.error && <StatusMessage kind="error">{retry.error}</StatusMessage>}
      </section>
    </main>
  );
}
