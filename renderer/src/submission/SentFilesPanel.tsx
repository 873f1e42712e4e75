import { localDateTimeOf } from '../../../domain/reports/submissions';
import { api } from '../api/client';
import { useLoad } from '../api/use-load';
import { StatusMessage } from '../components/StatusMessage';
import { receiptCellLabel, receiptLabel } from '../drafting/receipt-label';
import { CardDecisionList } from '../drafting/CardDecisions';
import { periodLabel, shortHash } from './labels';

/**
 * Department: the submission files this copy made, newest first, and whether the office holds each (접수 확인,
 * from the last baseline package applied). The desk shows the current half-year's last file only.
 */
export function SentFilesPanel({ generation }: { generation: number }) {
  const [state] = useLoad(() => api.listSentBundles(), [generation]);
  return (
    <section className="sub-panel" aria-labelledby="sent-files-title" data-testid="sent-files-panel">
      <h2 id="sent-files-title">만든 제출 파일</h2>
      <p className="hint">
        접수 확인은 기획담당관이 보낸 기준 자료를 적용하면 나타납니다 (그 기준 자료를 만든 때까지 받은 파일).
        기획담당관이 파일의 관리카드에 내린 결정(완료 승인·반려, 관리카드 제외와 그 사유)과, 같은 회차의 다른
        파일과 겹쳐 보류된 파일에 대한 결정도 함께 나타납니다.
      </p>
      {state.status === 'loading' && <StatusMessage kind="info">불러오는 중…</StatusMessage>}
      {state.status === 'error' && <StatusMessage kind="error">{state.message}</StatusMessage>}
      {state.status === 'ready' &&
        (state.value.length === 0 ? (
          <p className="hint">아직 만든 제출 파일이 없습니다.</p>
        ) : (
          <table className="sub-table" data-testid="sent-files-table">
            <thead>
              <tr>
                <th scope="col">회차</th>
                <th scope="col">기간</th>
                <th scope="col">만든 시각</th>
                <th scope="col">문서</th>
                <th scope="col">접수 확인</th>
              </tr>
            </thead>
            <tbody>
              {state.value.map((b) => {
                const receipt = receiptCellLabel(b.receipt);
                return (
                  <tr key={b.sha256} data-testid={`sent-file-r${b.revision}`}>
                    <td>r{b.revision}</td>
                    <td>{periodLabel(b.period)}</td>
                    <td title={`${b.path}\nSHA-256 ${shortHash(b.sha256)}`}>
                      {localDateTimeOf(b.createdAt)}
                    </td>
                    <td className="num">{b.documents}건</td>
                    <td>
                      <span
                        className={receipt.warn ? 'sent-missing' : undefined}
                        data-testid="sent-file-receipt"
                      >
                        {receipt.text}
                      </span>
                      {b.receipt?.state === 'held' && b.receipt.keptOther !== null && (
                        <p className="hint" data-testid="sent-file-held-decision">
                          {receiptLabel(b.receipt).text}
                        </p>
                      )}
                      <CardDecisionList decisions={b.cardDecisions} testId="sent-file-card-decisions" />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ))}
    </section>
  );
}
