import { useState } from 'react';
import type { DataBackup } from '../../../domain/api/contract';
import { api } from '../api/client';
import { formatBytes } from '../components/format-bytes';
import { StatusMessage } from '../components/StatusMessage';
import { useAction } from '../components/use-action';

/**
 * 데이터 백업 (설정 변경): a checked copy of this copy's database in a folder the user names (a USB stick, another
 * disk), or in the data folder's backups/. The program keeps running while it is written.
 */
export function BackupPanel(props: { dataDir: string }) {
  const [folder, setFolder] = useState('');
  const action = useAction();
  const [done, setDone] = useState<{ made: DataBackup; inDataFolder: boolean } | null>(null);
  const backup = async () => {
    setDone(null);
    const inDataFolder = folder.trim() === '';
    const made = await action.run(() => api.backupData(inDataFolder ? {} : { folder: folder.trim() }));
    if (made) setDone({ made, inDataFolder });
  };
  return (
    <section className="backup" aria-labelledby="backup-title">
      <h2 id="backup-title">데이터 백업</h2>
      <p className="hint">
        작성 중인 문서와 변경 기록, 첨부, 받은 제출 파일과 결정을 검사를 마친 파일 하나로 복사합니다. 개인
        서명 키는 들어가지 않습니다. 복원은 아래 ‘백업에서 복원’에서 합니다.
      </p>
      <div className="field">
        <label htmlFor="backup-folder">백업 파일을 둘 폴더</label>
        <input
          id="backup-folder"
          type="text"
          value={folder}
          placeholder={`비워 두면 ${props.dataDir}의 backups 폴더`}
          onChange={(e) => setFolder(e.target.value)}
        />
        <p className="hint">이미 있는 폴더여야 합니다 (예: USB 저장장치, 다른 디스크).</p>
      </div>
      <div className="actions">
        <button type="button" onClick={() => void backup()} disabled={action.busy}>
          {action.busy ? '백업하는 중…' : '지금 백업'}
        </button>
      </div>
      {done && (
        <StatusMessage kind={done.inDataFolder ? 'info' : 'success'}>
          백업했습니다: <code data-testid="backup-path">{done.made.path}</code> (
          {formatBytes(done.made.bytes)})
          {done.inDataFolder && (
            <span data-testid="backup-same-disk">
              {' '}
              데이터 폴더 안에 두었으므로 이 PC의 디스크가 고장 나면 백업도 함께 잃습니다. 이 파일을 USB
              저장장치나 다른 디스크에도 복사해 두세요.
            </span>
          )}
        </StatusMessage>
      )}
      {action.error && <StatusMessage kind="error">{action.error}</StatusMessage>}
    </section>
  );
}
