import { useState, type FormEvent } from 'react';
import { newDataDirInputSchema, type StartupProblem } from '../../../domain/api/contract';
import { localDateTimeOf } from '../../../domain/reports/submissions';
import { ApiCallError, api } from '../api/client';
import { StatusMessage } from '../components/StatusMessage';
import { useAction } from '../components/use-action';
import { newFolderKeptText, recoveryFieldOf } from './recovery-text';

type FieldError = NonNullable<ReturnType<typeof recoveryFieldOf>>;
const fieldIds = { dataDir: 'recovery-data-dir', backupFile: 'recovery-backup-file' } as const;

/**
 * The app started without its data: the data folder's file is not a database or is damaged (main's
 * getStartupProblem). It says which file and that it was left as it was, and offers a new data folder (with a
 * backup file restored into it, or empty: its first run) or another try on the same folder. `onRecovered` loads
 * the app on the data opened.
 */
export function RecoveryScreen(props: { problem: StartupProblem; onRecovered: () => void }) {
  const [problem, setProblem] = useState(props.problem);
  const [retried, setRetried] = useState(false);
  const [dataDir, setDataDir] = useState(props.problem.suggestedDataDir);
  const [backupFile, setBackupFile] = useState('');
  const [fieldError, setFieldError] = useState<FieldError | null>(null);
  const start = useAction();
  const retry = useAction();

  const showAtField = (error: FieldError) => {
    setFieldError(error);
    document.getElementById(fieldIds[error.field])?.focus();
  };

  const startNew = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFieldError(null);
    start.setError(null);
    // The contract's own check first (an empty or relative path), then main's (a folder with data, a bad backup).
    const input = backupFile.trim() === '' ? { dataDir } : { dataDir, backupFile };
    const parsed = newDataDirInputSchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      showAtField({
        field: issue?.path[0] === 'backupFile' ? 'backupFile' : 'dataDir',
        message: issue?.message ?? '새 데이터 폴더를 입력하세요.',
      });
      return;
    }
    let refusedAtField: FieldError | null = null;
    const started = await start.run(async () => {
      try {
        return await api.startWithNewDataDir(parsed.data);
      } catch (error) {
        refusedAtField = error instanceof ApiCallError ? recoveryFieldOf(error.details) : null;
        throw error;
      }
    });
    if (started) {
      props.onRecovered();
      return;
    }
    if (refusedAtField !== null) {
      start.setError(null);
      showAtField(refusedAtField);
    }
  };

  const errorAt = (field: FieldError['field']): string | null =>
    fieldError?.field === field ? fieldError.message : null;

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
            <label htmlFor={fieldIds.dataDir}>새 데이터 폴더</label>
            <input
              id={fieldIds.dataDir}
              type="text"
              value={dataDir}
              autoFocus
              onChange={(e) => setDataDir(e.target.value)}
              aria-invalid={errorAt('dataDir') !== null ? true : undefined}
              aria-describedby={`recovery-problem recovery-data-dir-hint${errorAt('dataDir') !== null ? ' recovery-data-dir-error' : ''}`}
            />
            <p className="hint" id="recovery-data-dir-hint">
              비어 있거나 아직 없는 폴더의 전체 경로 (이 PC의 로컬 디스크).{' '}
              {newFolderKeptText(problem.remembered)}
            </p>
            {errorAt('dataDir') !== null && (
              <p className="field-error" id="recovery-data-dir-error" role="alert">
                {errorAt('dataDir')}
              </p>
            )}
          </div>
          <div className="field">
            <label htmlFor={fieldIds.backupFile}>백업 파일 (있으면)</label>
            <input
              id={fieldIds.backupFile}
              type="text"
              value={backupFile}
              onChange={(e) => setBackupFile(e.target.value)}
              aria-invalid={errorAt('backupFile') !== null ? true : undefined}
              aria-describedby={`recovery-backup-file-hint${errorAt('backupFile') !== null ? ' recovery-backup-file-error' : ''}`}
            />
            <p className="hint" id="recovery-backup-file-hint">
              데이터 백업으로 만든 파일(공약이행_백업_….sqlite)의 전체 경로. 입력하면 검사한 뒤 새 폴더에
              복원하고 그 데이터로 바로 시작합니다. 비워 두면 빈 새 폴더에서 처음 설정이 열립니다.
            </p>
            {errorAt('backupFile') !== null && (
              <p className="field-error" id="recovery-backup-file-error" role="alert">
                {errorAt('backupFile')}
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
          데이터 파일을 백업한 파일로 바꿔 놓았다면 같은 데이터 폴더를 다시 열어 봅니다. 바꿀 때는 같은 폴더의
          pledge.sqlite-wal, pledge.sqlite-shm, pledge.sqlite-journal 파일도 함께 다른 곳으로 옮겨 두세요.
          다시 시도는 새 파일을 만들지 않습니다.
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
