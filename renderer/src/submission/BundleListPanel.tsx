import { api } from '../api/client';
import { useLoad } from '../api/use-load';
import { StatusMessage } from '../components/StatusMessage';
import { formatTime, periodLabel, shortHash } from './labels';

const TEXT = {
  quarantined: {
    title: '격리된 제출 파일',
    hint: '등록되지 않았거나 승인 대기·폐기된 키로 서명된 파일입니다. 반영하지 않고 보관하며, 키를 승인하면 다시 검사해 반영합니다.',
    empty: '격리된 파일이 없습니다.',
  },
  accepted: {
    title: '반영된 제출 파일',
    hint: '검사를 통과해 반영된 파일입니다. 원본 파일은 해시(SHA-256)로 보관되어 감사할 수 있습니다.',
    empty: '아직 반영된 제출 파일이 없습니다.',
  },
} as const;

/**
 * Office: received bundles of one status. Quarantined ones are kept aside because their key is unknown,
 * pending or revoked — not merged, not lost.
 */
export function BundleListPanel(props: { generation: number; status: 'quarantined' | 'accepted' }) {
  const { status } = props;
  const [state] = useLoad(() => api.listBundles({ status }), [props.generation, status]);
  const text = TEXT[status];
  return (
    <section className="sub-panel" aria-labelledby={`${status}-title`} data-testid={`${status}-panel`}>
      <h2 id={`${status}-title`}>
        {text.title}{' '}
        {state.status === 'ready' && (
          <span className="count" data-testid={`${status}-count`}>
            ({state.value.length}건)
          </span>
        )}
      </h2>
      <p className="hint">{text.hint}</p>
      {state.status === 'loading' && <StatusMessage kind="info">불러오는 중…</StatusMessage>}
      {state.status === 'error' && <StatusMessage kind="error">{state.message}</StatusMessage>}
      {state.status === 'ready' &&
        (state.value.length === 0 ? (
          <p className="empty">{text.empty}</p>
        ) : (
          <div className="table-scroll">
            <table className="sub-table" data-testid={`${status}-table`}>
              <thead>
                <tr>
                  <th scope="col">파일</th>
                  <th scope="col">부서</th>
                  <th scope="col">기간</th>
                  <th scope="col">회차</th>
                  <th scope="col">키 ID</th>
                  <th scope="col">받은 때</th>
                  <th scope="col">{status === 'quarantined' ? '이유' : '문서'}</th>
                </tr>
              </thead>
              <tbody>
                {state.value.map((b) => (
                  <tr key={b.sha256}>
                    <td className="file-cell">
                      {b.fileName}
                      <div className="hint mono" title={b.sha256}>
                        {shortHash(b.sha256)}
                      </div>
                    </td>
                    <td>{b.department}</td>
                    <td>{periodLabel(b.period)}</td>
                    <td>r{b.revision}</td>
                    <td className="mono">{b.keyId}</td>
                    <td>{formatTime(b.importedAt)}</td>
                    <td className="reason">{status === 'quarantined' ? b.reason : `${b.documents}건`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </section>
  );
}
