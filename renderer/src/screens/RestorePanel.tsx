import { useState } from 'react';
import type { RestoredBackup } from '../../../domain/api/contract';
import { localDateTimeOf } from '../../../domain/reports/submissions';
import { ApiCallError, api } from '../api/client';
import { formatBytes } from '../components/format-bytes';
import { onEscape } from '../components/on-escape';
import { StatusMessage } from '../components/StatusMessage';
import { useAction } from '../components/use-action';

const whoOf = (r: RestoredBackup): string =>
  r.role === 'office'
    ? '기획담당관'
    : r.role === 'department'
      ? `주관부서 ${r.department ?? ''}`.trim()
      : '사용자 설정 없음';

/**
 * 백업에서 복원 (처음 설정 and 설정 변경): a backup file written into a new data folder, checked first (SQLite's check
 * and the SHA-256 kept inside the backup: a file changed since it was made is refused); a folder that already holds
 * data is refused. A backup of another user than this PC's (기획담당관 or another 주관부서) is restored only once the
 * question main asks (RESTORE_ROLE_CHANGE) is answered, as 설정 변경 asks before another user's folder. The setup
 * form above then points at that folder (and its user), so 저장하고 시작 uses it.
 */
export function RestorePanel(props: { suggestedDataDir: string; onRestored: (r: RestoredBackup) => void }) {
  const [file, setFile] = useState('');
  const [dataDir, setDataDir] = useState('');
  const action = useAction();
  const [done, setDone] = useState<RestoredBackup | null>(null);
  // main's question when the backup is another user's: what it said, and the paths it was asked about.
  const [asked, setAsked] = useState<{ message: string; file: string; dataDir: string } | null>(null);
  const restore = async (confirmed: { file: string; dataDir: string } | null) => {
    setDone(null);
    setAsked(null);
    const input = confirmed ?? { file: file.trim(), dataDir: dataDir.trim() };
    type Outcome = { restored: RestoredBackup } | { asked: NonNullable<typeof asked> };
    const outcome = await action.run(async (): Promise<Outcome> => {
      try {
        const restored = await api.restoreBackup({
          ...input,
          ...(confirmed === null ? {} : { confirmRoleChange: true }),
        });
        return { restored };
      } catch (error) {
        if (error instanceof ApiCallError && error.code === 'RESTORE_ROLE_CHANGE')
          return { asked: { message: error.message, ...input } };
        throw error;
      }
    });
    if (outcome === undefined) return;
    if ('asked' in outcome) {
      setAsked(outcome.asked);
      return;
    }
    setDone(outcome.restored);
    props.onRestored(outcome.restored);
  };
  return (
    <section className="backup" aria-labelledby="restore-title">
      <h2 id="restore-title">백업에서 복원</h2>
      <p className="hint">
        데이터 백업 파일(<code>공약이행_백업_….sqlite</code>)을 검사한 뒤 새 데이터 폴더로 복원합니다. 백업
        파일 안의 내용 확인값과 맞지 않는 (만든 뒤 바뀐) 파일은 복원하지 않습니다. 이 PC의 사용자와 다른
        사용자의 백업이면 먼저 묻습니다. 이미 데이터가 있는 폴더는 덮어쓰지 않습니다. 개인 서명 키는 백업에
        없습니다: 복원한 폴더에서는 제출 파일 화면에서 새 키를 만들어 기획담당관에 다시 등록하세요 (같은
        PC라도 그렇습니다).
      </p>
      <div className="field">
        <label htmlFor="restore-file">백업 파일</label>
        <input
          id="restore-file"
          type="text"
          value={file}
          placeholder="예: E:\백업\공약이행_백업_20261202-093000.sqlite"
          onChange={(e) => setFile(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="restore-folder">복원할 새 데이터 폴더</label>
        <input
          id="restore-folder"
          type="text"
          value={dataDir}
          placeholder={`예: ${props.suggestedDataDir}-복원`}
          onChange={(e) => setDataDir(e.target.value)}
        />
        <p className="hint">비어 있거나 아직 없는 폴더여야 합니다 (이 PC의 로컬 디스크).</p>
      </div>
      <div className="actions">
        <button
          type="button"
          onClick={() => void restore(null)}
          disabled={action.busy || file.trim() === '' || dataDir.trim() === ''}
        >
          {action.busy ? '복원하는 중…' : '복원'}
        </button>
      </div>
      {asked && (
        <div
          className="confirm-box"
          role="alertdialog"
          aria-label="다른 사용자의 백업 복원 확인"
          data-testid="restore-role-change"
          onKeyDown={onEscape(() => setAsked(null))}
        >
          <p>{asked.message}</p>
          <button
            type="button"
            className="primary"
            onClick={() => void restore({ file: asked.file, dataDir: asked.dataDir })}
          >
            그래도 복원하기
          </button>
          <button type="button" onClick={() => setAsked(null)} autoFocus>
            복원하지 않기
          </button>
        </div>
      )}
      {done && (
        <StatusMessage kind="success">
          복원했습니다: <code data-testid="restore-path">{done.path}</code> ({whoOf(done)}
          {done.backupCreatedAt === null ? '' : `, ${localDateTimeOf(done.backupCreatedAt)}에 만든 백업`},
          문서 {done.documents}건, 받은 제출 파일 {done.receivedBundles}건, {formatBytes(done.bytes)}).{' '}
          <span data-testid="restore-check">
            {done.note ?? '백업 파일의 내용이 만들 때와 같은지 확인했습니다.'}
          </span>{' '}
          위의 데이터 폴더를 이 폴더로 바꿔 두었습니다. ‘저장하고 시작’을 누르면 복원한 데이터를 사용합니다.
        </StatusMessage>
      )}
      {action.error && <StatusMessage kind="error">{action.error}</StatusMessage>}
    </section>
  );
}
