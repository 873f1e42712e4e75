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
  const [done, setDone] = useState<DataBackup | null>(null);
  const backup = async () => {
    setDone(null);
    const made = await action.run(() =>
      api.backupData(folder.trim() === '' ? {} : { folder: folder.trim() }),
    );
    if (made) setDone(made);
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
        <StatusMessage kind="success">
          백업했습니다: <code data-testid="backup-path">{done.path}</code> ({formatBytes(done.bytes)})
        </StatusMessage>
      )}
      {action.error && <StatusMessage kind="error">{action.error}</StatusMessage>}
    </section>
  );
}
