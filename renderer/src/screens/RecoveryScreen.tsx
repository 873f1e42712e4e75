import { useState, type FormEvent, type ReactNode } from 'react';
import { newDataDirInputSchema, type StartupProblem } from '../../../domain/api/contract';
import { localDateTimeOf } from '../../../domain/reports/submissions';
import { ApiCallError, api } from '../api/client';
import { StatusMessage } from '../components/StatusMessage';
import { useAction } from '../components/use-action';
import {
  lostFileText,
  newFolderKeptText,
  recoveryFieldOf,
  recoveryHeading,
  sameFolder,
  startAnewRefusal,
} from './recovery-text';

type FieldError = NonNullable<ReturnType<typeof recoveryFieldOf>>;
const fieldIds = { dataDir: 'recovery-data-dir', backupFile: 'recovery-backup-file' } as const;

/**
 * The app started without its data: the data folder's file is not a database or is damaged (main's
 * getStartupProblem). It says which file and that it was left as it was, and offers a new data folder (with a
 * backup file restored into it, or empty: its first run) or another try on the same folder. A data file missing or
 * empty in a folder that still holds the program's files (kind 'missing' / 'empty') has its own screen
 * (LostDataFile). `onRecovered` loads the app on the data opened.
 */
/**
 * Starts the program on a new data folder (startWithNewDataDir), for both recovery screens: the contract's own check
 * first (an empty or relative path), then main's (a folder with data, a bad backup). A refusal about a field comes
 * back as that field (`at`) for the screen to show there; any other is left under the form's button (`action`).
 */
async function startOnNewFolder(
  action: ReturnType<typeof useAction>,
  input: { dataDir: string; backupFile?: string },
  missingMessage: string,
): Promise<{ kind: 'started' } | { kind: 'refused'; at: FieldError | null }> {
  const parsed = newDataDirInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      kind: 'refused',
      at: {
        field: issue?.path[0] === 'backupFile' ? 'backupFile' : 'dataDir',
        message: issue?.message ?? missingMessage,
      },
    };
  }
  let at: FieldError | null = null;
  const started = await action.run(async () => {
    try {
      return await api.startWithNewDataDir(parsed.data);
    } catch (error) {
      at = error instanceof ApiCallError ? recoveryFieldOf(error.details) : null;
      throw error;
    }
  });
  if (started) return { kind: 'started' };
  const refused = at as FieldError | null;
  if (refused !== null) action.setError(null);
  return { kind: 'refused', at: refused };
}

export function RecoveryScreen(props: { problem: StartupProblem; onRecovered: () => void }) {
  const [problem, setProblem] = useState(props.problem);
  const [retried, setRetried] = useState(false);
  const retry = useAction();

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

  const retrySection = (busy: boolean, hint: string) => (
    <section className="backup" aria-labelledby="recovery-retry-title">
      <h2 id="recovery-retry-title">다시 시도</h2>
      <p className="hint">{hint}</p>
      <div className="actions">
        <button type="button" onClick={() => void tryAgain()} disabled={busy || retry.busy}>
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
  );

  if (problem.kind !== 'unreadable') {
    return (
      <LostDataFile
        problem={problem}
        kind={problem.kind}
        onRecovered={props.onRecovered}
        retryBusy={retry.busy}
        retrySection={retrySection}
      />
    );
  }
  return (
    <UnreadableDataFile
      problem={problem}
      onRecovered={props.onRecovered}
      retryBusy={retry.busy}
      retrySection={retrySection}
    />
  );
}

interface RecoveryProps {
  problem: StartupProblem;
  onRecovered: () => void;
  /** 다시 시도 is running (the other buttons wait). */
  retryBusy: boolean;
  /** The 다시 시도 section, shared (it may find the problem changed), given whether a start is running and its hint. */
  retrySection: (busy: boolean, hint: string) => ReactNode;
}

/** The data file is not a database or is damaged: a new data folder (with a backup, or empty), or another try. */
function UnreadableDataFile(props: RecoveryProps) {
  const { problem } = props;
  const [dataDir, setDataDir] = useState(props.problem.suggestedDataDir);
  const [backupFile, setBackupFile] = useState('');
  const [fieldError, setFieldError] = useState<FieldError | null>(null);
  const start = useAction();

  const showAtField = (error: FieldError) => {
    setFieldError(error);
    document.getElementById(fieldIds[error.field])?.focus();
  };

  const startNew = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFieldError(null);
    start.setError(null);
    const input = backupFile.trim() === '' ? { dataDir } : { dataDir, backupFile };
    const outcome = await startOnNewFolder(start, input, '새 데이터 폴더를 입력하세요.');
    if (outcome.kind === 'started') props.onRecovered();
    else if (outcome.at !== null) showAtField(outcome.at);
  };

  const errorAt = (field: FieldError['field']): string | null =>
    fieldError?.field === field ? fieldError.message : null;

  return (
    <main className="setup recovery">
      <h1>{recoveryHeading(problem.kind)}</h1>
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
            <button type="submit" className="primary" disabled={start.busy || props.retryBusy}>
              {start.busy ? '여는 중…' : '새 데이터 폴더로 시작'}
            </button>
          </div>
          {start.error && <StatusMessage kind="error">{start.error}</StatusMessage>}
        </form>
      </section>

      {props.retrySection(
        start.busy,
        '데이터 파일을 백업한 파일로 바꿔 놓았다면 같은 데이터 폴더를 다시 열어 봅니다. 바꿀 때는 같은 폴더의 ' +
          'pledge.sqlite-wal, pledge.sqlite-shm, pledge.sqlite-journal 파일도 함께 다른 곳으로 옮겨 두세요. ' +
          '다시 시도는 새 파일을 만들지 않습니다.',
      )}
    </main>
  );
}

/** Which form of the lost data file's screen a refusal is shown in, and at which field. */
type LostFieldError =
  | { form: 'restore'; field: 'dataDir' | 'backupFile'; message: string }
  | { form: 'anew'; field: 'dataDir' | 'confirm'; message: string };
const lostFieldIds = {
  restore: { dataDir: 'recovery-restore-dir', backupFile: 'recovery-backup-file' },
  anew: { dataDir: 'recovery-anew-dir', confirm: 'recovery-anew-confirm' },
} as const;

/**
 * The data file is missing or empty while the folder still holds the program's files (keys, made submission
 * files; StartupProblem.found): a folder in use that lost its data, on which nothing was written. First 백업에서
 * 복원 (into this folder by default, where the keys left are used again), then 다시 시도, and last 새로 시작, in
 * a new folder or this one, only with the warning confirmed.
 */
function LostDataFile(props: RecoveryProps & { kind: 'missing' | 'empty' }) {
  const { problem } = props;
  const [restoreDir, setRestoreDir] = useState(problem.dataDir);
  const [backupFile, setBackupFile] = useState('');
  const [anewDir, setAnewDir] = useState(problem.suggestedDataDir);
  const [confirmed, setConfirmed] = useState(false);
  const [fieldError, setFieldError] = useState<LostFieldError | null>(null);
  const restore = useAction();
  const anew = useAction();
  const busy = restore.busy || anew.busy || props.retryBusy;

  const showAtField = (error: LostFieldError) => {
    setFieldError(error);
    const ids: Record<string, string> = lostFieldIds[error.form];
    const id = ids[error.field];
    if (id !== undefined) document.getElementById(id)?.focus();
  };
  const errorAt = (form: LostFieldError['form'], field: string): string | null =>
    fieldError?.form === form && fieldError.field === field ? fieldError.message : null;

  /** Calls startWithNewDataDir; a refusal about a field is shown there, any other under the form's button. */
  const startWith = async (
    action: ReturnType<typeof useAction>,
    form: LostFieldError['form'],
    input: { dataDir: string; backupFile?: string },
  ) => {
    setFieldError(null);
    restore.setError(null);
    anew.setError(null);
    const outcome = await startOnNewFolder(action, input, '데이터 폴더를 입력하세요.');
    if (outcome.kind === 'started') {
      props.onRecovered();
      return;
    }
    const { at } = outcome;
    if (at === null) return;
    // 새로 시작 has the folder field only.
    if (form === 'restore') showAtField({ form, field: at.field, message: at.message });
    else showAtField({ form, field: 'dataDir', message: at.message });
  };

  const submitRestore = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (backupFile.trim() === '') {
      setFieldError(null);
      showAtField({ form: 'restore', field: 'backupFile', message: '복원할 백업 파일을 입력하세요.' });
      return;
    }
    await startWith(restore, 'restore', { dataDir: restoreDir, backupFile });
  };

  const submitAnew = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const refusal = startAnewRefusal(confirmed);
    if (refusal !== null) {
      restore.setError(null);
      anew.setError(null);
      showAtField({ form: 'anew', field: 'confirm', message: refusal });
      return;
    }
    await startWith(anew, 'anew', { dataDir: anewDir });
  };

  const anewHere = sameFolder(anewDir, problem.dataDir);

  return (
    <main className="setup recovery">
      <h1>{recoveryHeading(props.kind)}</h1>
      <div id="recovery-problem">
        <p>
          {lostFileText(props.kind)}
          <br />
          <code data-testid="lost-data-file">{problem.databasePath}</code>
        </p>
        <p>
          그런데 이 데이터 폴더(<code>{problem.dataDir}</code>)에는 이 프로그램이 만든 파일이 남아 있습니다:
        </p>
        <ul data-testid="lost-found">
          {problem.found.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <p>
          쓰던 데이터 폴더가 데이터 파일을 잃은 것입니다. 여기서 새로 시작하면 빈 데이터 파일이 새로 만들어질
          뿐, 지금까지 작성하고 보낸 문서는 돌아오지 않습니다. 그래서 프로그램은 이 폴더에 아무것도 만들거나
          바꾸지 않았습니다. 데이터 백업 파일이 있으면 이 폴더에 복원하세요. 백업이 없으면 이 폴더를 그대로
          두고 전산 담당자에게 문의하세요.
        </p>
      </div>

      <section className="backup" aria-labelledby="recovery-restore-title">
        <h2 id="recovery-restore-title">백업에서 복원</h2>
        <form onSubmit={(e) => void submitRestore(e)} noValidate aria-labelledby="recovery-restore-title">
          <div className="field">
            <label htmlFor={lostFieldIds.restore.backupFile}>백업 파일</label>
            <input
              id={lostFieldIds.restore.backupFile}
              type="text"
              value={backupFile}
              autoFocus
              onChange={(e) => setBackupFile(e.target.value)}
              aria-invalid={errorAt('restore', 'backupFile') !== null ? true : undefined}
              aria-describedby={`recovery-problem recovery-backup-file-hint${errorAt('restore', 'backupFile') !== null ? ' recovery-backup-file-error' : ''}`}
            />
            <p className="hint" id="recovery-backup-file-hint">
              데이터 백업으로 만든 파일(공약이행_백업_….sqlite)의 전체 경로. 검사한 뒤 아래 폴더에 복원하고 그
              데이터로 바로 시작합니다.
            </p>
            {errorAt('restore', 'backupFile') !== null && (
              <p className="field-error" id="recovery-backup-file-error" role="alert">
                {errorAt('restore', 'backupFile')}
              </p>
            )}
          </div>
          <div className="field">
            <label htmlFor={lostFieldIds.restore.dataDir}>복원할 데이터 폴더</label>
            <input
              id={lostFieldIds.restore.dataDir}
              type="text"
              value={restoreDir}
              onChange={(e) => setRestoreDir(e.target.value)}
              aria-invalid={errorAt('restore', 'dataDir') !== null ? true : undefined}
              aria-describedby={`recovery-restore-dir-hint${errorAt('restore', 'dataDir') !== null ? ' recovery-restore-dir-error' : ''}`}
            />
            <p className="hint" id="recovery-restore-dir-hint">
              이 데이터 폴더에 복원하면 남아 있는 서명 키와 제출 파일을 그대로 이어 씁니다. 다른 폴더에
              복원하려면 비어 있거나 아직 없는 폴더의 전체 경로를 입력하세요 (이 PC의 로컬 디스크).{' '}
              {newFolderKeptText(problem.remembered)}
            </p>
            {errorAt('restore', 'dataDir') !== null && (
              <p className="field-error" id="recovery-restore-dir-error" role="alert">
                {errorAt('restore', 'dataDir')}
              </p>
            )}
          </div>
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>
              {restore.busy ? '복원하는 중…' : '백업에서 복원'}
            </button>
          </div>
          {restore.error && <StatusMessage kind="error">{restore.error}</StatusMessage>}
        </form>
      </section>

      {props.retrySection(
        restore.busy || anew.busy,
        '데이터 파일을 다른 곳으로 옮겼거나 백업한 파일로 바꿔 놓았다면, 이 폴더의 pledge.sqlite로 돌려놓은 뒤 같은 ' +
          '데이터 폴더를 다시 열어 봅니다. 다시 시도는 새 파일을 만들지 않습니다.',
      )}

      <section className="backup" aria-labelledby="recovery-anew-title">
        <h2 id="recovery-anew-title">새로 시작</h2>
        <p id="recovery-anew-warning">
          <strong>주의:</strong> 새로 시작하면 지금까지 작성하고 보낸 문서는 돌아오지 않습니다. 새 서명 키를
          만들어 다시 등록해야 하고, 새로 보내는 파일은 전에 보낸 파일과 이어지지 않습니다. 백업 파일이 있으면
          위의 ‘백업에서 복원’을 쓰세요.
        </p>
        <form onSubmit={(e) => void submitAnew(e)} noValidate aria-labelledby="recovery-anew-title">
          <div className="field">
            <label htmlFor={lostFieldIds.anew.dataDir}>새로 시작할 데이터 폴더</label>
            <input
              id={lostFieldIds.anew.dataDir}
              type="text"
              value={anewDir}
              onChange={(e) => setAnewDir(e.target.value)}
              aria-invalid={errorAt('anew', 'dataDir') !== null ? true : undefined}
              aria-describedby={`recovery-anew-dir-hint${errorAt('anew', 'dataDir') !== null ? ' recovery-anew-dir-error' : ''}`}
            />
            <p className="hint" id="recovery-anew-dir-hint">
              {anewHere
                ? '이 폴더에 새 데이터 파일을 만듭니다. 남아 있는 파일은 지우지 않지만, 새 데이터 파일은 그 파일들을 알지 못합니다.'
                : '비어 있거나 아직 없는 폴더의 전체 경로 (이 PC의 로컬 디스크). 그 폴더에서 처음 설정이 열리고, 지금의 데이터 폴더는 그대로 둡니다.'}{' '}
              {newFolderKeptText(problem.remembered)}
            </p>
            {errorAt('anew', 'dataDir') !== null && (
              <p className="field-error" id="recovery-anew-dir-error" role="alert">
                {errorAt('anew', 'dataDir')}
              </p>
            )}
          </div>
          <div className="field">
            <label className="choice">
              <input
                id={lostFieldIds.anew.confirm}
                type="checkbox"
                checked={confirmed}
                onChange={(e) => {
                  setConfirmed(e.target.checked);
                  if (fieldError?.form === 'anew' && fieldError.field === 'confirm') setFieldError(null);
                }}
                aria-invalid={errorAt('anew', 'confirm') !== null ? true : undefined}
                aria-describedby={`recovery-anew-warning${errorAt('anew', 'confirm') !== null ? ' recovery-anew-confirm-error' : ''}`}
              />{' '}
              지금까지의 문서가 돌아오지 않는다는 것을 알고 새로 시작합니다
            </label>
            {errorAt('anew', 'confirm') !== null && (
              <p className="field-error" id="recovery-anew-confirm-error" role="alert">
                {errorAt('anew', 'confirm')}
              </p>
            )}
          </div>
          <div className="actions">
            <button type="submit" disabled={busy}>
              {anew.busy ? '여는 중…' : anewHere ? '이 폴더에서 새로 시작' : '새 폴더에서 새로 시작'}
            </button>
          </div>
          {anew.error && <StatusMessage kind="error">{anew.error}</StatusMessage>}
        </form>
      </section>
    </main>
  );
}
