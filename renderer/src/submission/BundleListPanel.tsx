import { Fragment, useState } from 'react';
import type { ReceivedBundleView } from '../../../domain/api/contract';
import { api } from '../api/client';
import { useLoad } from '../api/use-load';
import { StatusMessage } from '../components/StatusMessage';
import { type BundleFilter, filterBundles, filterChoices, NO_FILTER } from './bundle-filter';
import { formatTime, periodLabel, shortHash } from './labels';

/** Rows shown at first and added by each 더 보기: thousands of received files stay quick to scroll and search. */
const PAGE_SIZE = 100;
/** Lists longer than this get the department, period and text filters. */
const FILTER_FROM = 20;

const TEXT = {
  quarantined: {
    title: '격리된 제출 파일',
    hint: '등록되지 않았거나 승인 대기·폐기된 키, 또는 키 교체 뒤의 이전 키로 서명된 파일입니다. 반영하지 않고 보관하며, 등록·승인 대기 키는 승인하면 다시 검사해 반영합니다. 폐기된 키의 파일은 반영되지 않습니다.',
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
 * pending, revoked or (for a file signed after a rotation) retired — not merged, not lost.
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
          <BundleTable status={status} list={state.value} />
        ))}
    </section>
  );
}

function BundleTable(props: { status: 'quarantined' | 'accepted'; list: readonly ReceivedBundleView[] }) {
  const { status, list } = props;
  const [filter, setFilter] = useState<BundleFilter>(NO_FILTER);
  const [shown, setShown] = useState(PAGE_SIZE);
  const change = (next: Partial<BundleFilter>) => {
    setFilter((f) => ({ ...f, ...next }));
    setShown(PAGE_SIZE);
  };
  const matching = filterBundles(list, filter);
  const visible = matching.slice(0, shown);
  const choices = list.length > FILTER_FROM ? filterChoices(list) : null;
  return (
    <>
      {choices && (
        <div className="bundle-filter" role="search" aria-label={`${TEXT[status].title} 찾기`}>
          <label>
            부서
            <select value={filter.department} onChange={(e) => change({ department: e.target.value })}>
              <option value="">전체 부서</option>
              {choices.departments.map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>
          </label>
          <label>
            기간
            <select value={filter.period} onChange={(e) => change({ period: e.target.value })}>
              <option value="">전체 기간</option>
              {choices.periods.map((p) => (
                <option key={p} value={p}>
                  {periodLabel(p)}
                </option>
              ))}
            </select>
          </label>
          <label>
            파일 이름·해시·키 ID
            <input
              type="search"
              value={filter.text}
              onChange={(e) => change({ text: e.target.value })}
              placeholder="예: r3, 40b97fc9"
            />
          </label>
          <p className="hint" role="status" data-testid={`${status}-shown`}>
            {matching.length === list.length
              ? `${list.length}건 중 ${visible.length}건 표시`
              : `찾은 ${matching.length}건 중 ${visible.length}건 표시`}
          </p>
        </div>
      )}
      {matching.length === 0 ? (
        <p className="empty">조건에 맞는 파일이 없습니다.</p>
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
                {status === 'accepted' && <th scope="col">문서</th>}
              </tr>
            </thead>
            <tbody>
              {visible.map((b) => (
                <Fragment key={b.sha256}>
                  <tr className={status === 'quarantined' ? 'has-reason' : undefined}>
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
                    <td>
                      {b.receivedOn === null ? (
                        formatTime(b.importedAt)
                      ) : (
                        <>
                          {b.receivedOn}
                          <div className="hint">접수일 지정 · 가져옴 {formatTime(b.importedAt)}</div>
                        </>
                      )}
                    </td>
                    {status === 'accepted' && <td className="reason">{`${b.documents}건`}</td>}
                  </tr>
                  {status === 'quarantined' && (
                    // Why it waits is what the office reads first: a full-width line under the file, not a squeezed column.
                    <tr className="reason-row">
                      <td colSpan={6} className="reason" data-testid="quarantined-reason">
                        이유: {b.reason}
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {visible.length < matching.length && (
        <button type="button" className="more-button" onClick={() => setShown((n) => n + PAGE_SIZE)}>
          {`더 보기 (${Math.min(PAGE_SIZE, matching.length - visible.length)}건 더, 남은 ${matching.length - visible.length}건)`}
        </button>
      )}
    </>
  );
}
