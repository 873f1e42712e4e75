import { useState } from 'react';
import type { ArchiveAudit } from '../../../domain/api/contract';
import { localDateTimeOf } from '../../../domain/reports/submissions';
import { api } from '../api/client';
import { StatusMessage } from '../components/StatusMessage';
import { useAction } from '../components/use-action';
import { shortHash } from './labels';

/**
 * Office: 받은 제출 파일 점검 — every kept file and the documents stored from it checked again against its
 * signature (main/services/archive-audit.ts). Before publishing, or when the data file may have been touched.
 */
export function ArchiveAuditPanel() {
  const action = useAction();
  const [audit, setAudit] = useState<ArchiveAudit | null>(null);
  const sound = audit !== null && audit.integrity === null && audit.problems.length === 0;
  return (
    <section className="sub-panel" aria-labelledby="archive-audit-title" data-testid="archive-audit-panel">
      <h2 id="archive-audit-title">받은 제출 파일 점검</h2>
      <p className="hint">
        보관한 제출 파일마다 서명과 내용을 다시 확인하고, 현황 표가 읽는 저장된 문서·부서·회차가 그 파일과
        같은지 봅니다. 아무것도 바꾸지 않습니다. 공개·보고 전에, 또는 데이터 파일이 프로그램 밖에서 바뀌었을
        수 있을 때 씁니다.
      </p>
      <button
        type="button"
        disabled={action.busy}
        onClick={() => void action.run(async () => setAudit(await api.auditArchive()))}
      >
        {action.busy ? '점검하는 중…' : '점검하기'}
      </button>
      {action.error && <StatusMessage kind="error">{action.error}</StatusMessage>}
      {audit && (
        <div className="result-box" data-testid="archive-audit-result">
          {sound ? (
            <StatusMessage kind="success">
              이상 없음: 제출 파일 {audit.files}개, 문서 {audit.documents}건이 받은 그대로입니다 (
              {localDateTimeOf(audit.checkedAt)} 점검).
            </StatusMessage>
          ) : (
            <>
              <StatusMessage kind="error">
                제출 파일 {audit.files}개, 문서 {audit.documents}건 중 받은 파일과 다른 점이{' '}
                {audit.problems.length + audit.more}건 있습니다. 데이터 파일이 프로그램 밖에서 바뀌었거나
                손상되었을 수 있습니다: 설정 변경 → 백업에서 복원으로 이상이 없던 때의 백업을 열고, 그 뒤에
                받은 제출 파일은 다시 가져오세요.
              </StatusMessage>
              {audit.integrity !== null && <p>데이터 파일 검사: {audit.integrity}</p>}
              {audit.changedDuring && (
                <p data-testid="archive-audit-changed">
                  점검하는 동안 자료가 바뀌었습니다 (가져오기·결정). 다시 점검해 같은 결과인지 보세요.
                </p>
              )}
              <ul className="plain" data-testid="archive-audit-problems">
                {audit.problems.map((p, i) => (
                  <li key={i}>
                    {p.bundleSha256 !== '' && (
                      <>
                        <strong>
                          {p.fileName || shortHash(p.bundleSha256)} ({p.department}
                          {p.revision === null ? '' : ` r${p.revision}`})
                        </strong>
                        :{' '}
                      </>
                    )}
                    {p.problem}
                  </li>
                ))}
                {audit.more > 0 && <li>외 {audit.more}건</li>}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}
