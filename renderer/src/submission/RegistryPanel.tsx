import { useEffect, useRef, useState } from 'react';
import type { BundleImportResult, KeyImported, RegistryKeyView } from '../../../domain/api/contract';
import { api } from '../api/client';
import { useLoad } from '../api/use-load';
import { StatusMessage } from '../components/StatusMessage';
import { FilePicker } from '../components/FilePicker';
import { Fingerprint } from './Fingerprint';
import { ImportResultsTable } from './ImportResultsTable';
import { readKeyFileText } from './files';
import { formatTime, KEY_STATUS_LABELS } from './labels';
import { useAction } from '../components/use-action';

type Pending = { kind: 'approve' | 'revoke'; key: RegistryKeyView };

/** Office: the departments' keys — import enrollments, approve after the phone check, revoke. */
export function RegistryPanel(props: { generation: number; onChanged: () => void }) {
  const [state] = useLoad(() => api.listRegistryKeys(), [props.generation]);
  const action = useAction();
  const [imported, setImported] = useState<KeyImported | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [outcome, setOutcome] = useState<{ message: string; released: BundleImportResult[] } | null>(null);

  const confirm = (p: Pending) =>
    action.run(async () => {
      if (p.kind === 'approve') {
        const r = await api.approveKey({ keyId: p.key.keyId, department: p.key.department });
        const accepted = r.released.filter((b) => b.status === 'accepted').length;
        setOutcome({
          message:
            `${p.key.department}의 키 ${p.key.keyId}를 승인했습니다. ` +
            (r.released.length === 0
              ? '격리되어 있던 제출 파일은 없습니다.'
              : `격리되어 있던 제출 파일 ${r.released.length}건을 다시 검사해 ${accepted}건을 반영했습니다.`),
          released: r.released,
        });
      } else {
        await api.revokeKey({ keyId: p.key.keyId, department: p.key.department });
        setOutcome({
          message: `${p.key.department}의 키 ${p.key.keyId}를 폐기했습니다. 이 키로 서명된 제출 파일은 만든 때와 상관없이 격리됩니다.`,
          released: [],
        });
      }
      setPending(null);
      // The enrollment notice ("승인 대기로 등록했습니다") is out of date once the key is decided.
      setImported(null);
      props.onChanged();
    });

  return (
    <section className="sub-panel" aria-labelledby="registry-title" data-testid="registry-panel">
      <h2 id="registry-title">부서 키 등록부</h2>
      <FilePicker
        label="부서 키 등록 파일·키 교체 문서 가져오기"
        hint="가져온 키는 ‘승인 대기’가 됩니다. 부서 담당자와 전화로 지문을 서로 읽어 확인한 뒤 승인하세요. 키 교체 문서는 이전 키의 서명이 맞으면 바로 승인됩니다."
        accept=".json,application/json"
        disabled={action.busy}
        onFile={(file) =>
          void action.run(async () => {
            setOutcome(null);
            setImported(await api.importEnrollment({ text: await readKeyFileText(file) }));
            props.onChanged();
          })
        }
      />
      {imported && <ImportedKey imported={imported} />}
      {action.error && <StatusMessage kind="error">{action.error}</StatusMessage>}
      {outcome && (
        <div className="result-box" data-testid="registry-outcome">
          <StatusMessage kind="success">{outcome.message}</StatusMessage>
          {outcome.released.length > 0 && (
            <>
              <p>
                반영된 격리 파일:{' '}
                <strong data-testid="released-count">
                  {outcome.released.filter((b) => b.status === 'accepted').length}
                </strong>
                건
              </p>
              <ImportResultsTable results={outcome.released} testId="released-table" />
            </>
          )}
        </div>
      )}
      <h3>등록된 키</h3>
      {state.status === 'loading' && <StatusMessage kind="info">키 목록을 불러오는 중…</StatusMessage>}
      {state.status === 'error' && <StatusMessage kind="error">{state.message}</StatusMessage>}
      {state.status === 'ready' &&
        (state.value.length === 0 ? (
          <p className="empty">등록된 부서 키가 없습니다.</p>
        ) : (
          <div className="table-scroll">
            <table className="sub-table" data-testid="registry-table">
              <thead>
                <tr>
                  <th scope="col">부서 · 키 ID</th>
                  <th scope="col">지문</th>
                  <th scope="col">상태</th>
                  <th scope="col">
                    <span className="sr-only">작업</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {state.value.map((k) => (
                  <tr
                    key={`${k.department}-${k.keyId}`}
                    data-key-id={k.keyId}
                    className={`key-row-${k.status}`}
                  >
                    <td>
                      {k.department}
                      <div className="hint mono">{k.keyId}</div>
                    </td>
                    <td>
                      <Fingerprint value={k.fingerprint} size="small" testId="registry-fingerprint" />
                    </td>
                    <td
                      className="dates-cell"
                      title={`등록 ${formatTime(k.enrolledAt)}${k.approvedAt ? `, 승인 ${formatTime(k.approvedAt)}` : ''}${k.revokedAt ? `, ${k.status === 'retired' ? '교체' : '폐기'} ${formatTime(k.revokedAt)}` : ''}`}
                    >
                      <span className={`key-status key-${k.status}`} data-testid="key-status">
                        {KEY_STATUS_LABELS[k.status]}
                      </span>
                      <div className="hint">{formatTime(k.revokedAt ?? k.approvedAt ?? k.enrolledAt)}</div>
                      {k.status === 'retired' && (
                        <div className="hint">교체 전에 서명한 파일은 계속 받습니다</div>
                      )}
                      {k.replacesKeyId && <div className="hint">이전 키 {k.replacesKeyId} 교체</div>}
                    </td>
                    <td className="row-actions">
                      {k.status === 'pending' && (
                        <button
                          type="button"
                          className="primary"
                          aria-label={`${k.department} 키 ${k.keyId} 승인`}
                          onClick={() => setPending({ kind: 'approve', key: k })}
                        >
                          승인…
                        </button>
                      )}
                      {k.status !== 'revoked' && (
                        <button
                          type="button"
                          aria-label={`${k.department} 키 ${k.keyId} 폐기`}
                          onClick={() => setPending({ kind: 'revoke', key: k })}
                        >
                          폐기…
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      {pending && (
        <ConfirmKeyDialog
          pending={pending}
          busy={action.busy}
          error={action.error}
          onConfirm={() => void confirm(pending)}
          onCancel={() => setPending(null)}
        />
      )}
    </section>
  );
}

function ImportedKey({ imported }: { imported: KeyImported }) {
  const what =
    imported.kind === 'rotation'
      ? `키 교체 문서를 받아 ${imported.department}의 새 키를 승인했습니다. 이전 키로 교체 전에 서명한 파일은 계속 받습니다.`
      : imported.alreadyKnown
        ? `이미 등록된 키입니다 (${imported.department}, 상태 ${KEY_STATUS_LABELS[imported.status]}).`
        : `${imported.department}의 키를 승인 대기로 등록했습니다.`;
  return (
    <div className="result-box" data-testid="enrollment-imported">
      <StatusMessage kind="success">{what}</StatusMessage>
      <div className="fingerprint-box">
        <div className="fingerprint-label">
          {imported.department} · 키 ID <span className="mono">{imported.keyId}</span> · 지문
        </div>
        <Fingerprint value={imported.fingerprint} testId="imported-fingerprint" />
        {imported.status === 'pending' && (
          <p className="fingerprint-help">
            부서 담당자에게 전화해 부서 화면의 지문을 읽어 달라고 하고, 위 지문과 한 글자씩 같은지 확인한 뒤
            아래 목록에서 승인하세요.
          </p>
        )}
      </div>
      {imported.released.length > 0 && (
        <ImportResultsTable results={imported.released} testId="released-table" />
      )}
    </div>
  );
}

/** A modal step before approving or revoking: the fingerprint, and the question the phone call answers. */
function ConfirmKeyDialog(props: {
  pending: Pending;
  busy: boolean;
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    // The button that opened the dialog gets the focus back when it closes (Escape or 취소).
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    // Cancel is the safe default: Enter must not approve a key nobody compared.
    dialog?.querySelector<HTMLButtonElement>('[data-autofocus]')?.focus();
    return () => {
      dialog?.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  const { kind, key } = props.pending;
  const approve = kind === 'approve';
  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby="confirm-key-title"
      data-testid="confirm-key-dialog"
      onCancel={(e) => {
        e.preventDefault();
        props.onCancel();
      }}
    >
      <h3 id="confirm-key-title">{approve ? '키 승인' : '키 폐기'}</h3>
      <p>
        {key.department} · 키 ID <span className="mono">{key.keyId}</span>
      </p>
      <Fingerprint value={key.fingerprint} testId="confirm-fingerprint" />
      {approve ? (
        <p className="confirm-question">
          <strong>전화로 확인한 지문과 같습니까?</strong> 한 글자라도 다르면 승인하지 말고 부서에 다시
          확인하세요.
        </p>
      ) : (
        <p className="confirm-question">
          <strong>이 키를 폐기할까요?</strong> 폐기한 키는 다시 승인할 수 없고, 이 키로 서명된 제출 파일은
          만든 때와 상관없이 격리됩니다. (이미 반영된 자료는 그대로 남습니다.) 키 교체로 바뀐 키라면,
          잃어버렸거나 도난당한 경우에만 폐기하세요.
        </p>
      )}
      {props.error && <StatusMessage kind="error">{props.error}</StatusMessage>}
      <div className="actions">
        <button
          type="button"
          className={approve ? 'primary' : 'danger'}
          disabled={props.busy}
          onClick={props.onConfirm}
        >
          {approve ? '예, 같습니다 — 승인' : '폐기'}
        </button>
        <button type="button" data-autofocus onClick={props.onCancel}>
          취소
        </button>
      </div>
    </dialog>
  );
}
