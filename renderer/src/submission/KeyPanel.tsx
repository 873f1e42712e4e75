import { useRef, useState } from 'react';
import type { EnrollmentExported, KeyImported, KeyStatusView } from '../../../domain/api/contract';
import { api } from '../api/client';
import { useLoad } from '../api/use-load';
import { StatusMessage } from '../components/StatusMessage';
import { baseName, downloadText, readKeyFileText } from './files';
import { FilePicker } from '../components/FilePicker';
import { Fingerprint } from './Fingerprint';
import { formatTime } from './labels';
import { useAction } from '../components/use-action';
import { onEscape } from '../components/on-escape';

const STORE_LABELS: Record<NonNullable<KeyStatusView['store']>, string> = {
  file: '키 파일 (데이터 폴더의 keys)',
  safeStorage: '운영체제 보안 저장소 (Electron safeStorage)',
};

/** This copy's signing key: make it, show the fingerprint to read over the phone, export it, rotate it. */
export function KeyPanel(props: {
  role: 'department' | 'office';
  generation: number;
  onChanged: () => void;
}) {
  const [state] = useLoad(() => api.getKeyStatus(), [props.generation]);
  const action = useAction();
  const [enrollment, setEnrollment] = useState<EnrollmentExported | null>(null);
  const [created, setCreated] = useState(false);
  const [rotation, setRotation] = useState<{ path: string; oldKeyId: string; keyId: string } | null>(null);
  const [confirmRotate, setConfirmRotate] = useState(false);
  // Cancelling the question takes the keyboard back to 키 교체… (the focused 취소 leaves the page).
  const rotateButton = useRef<HTMLButtonElement>(null);
  const cancelRotate = () => {
    setConfirmRotate(false);
    rotateButton.current?.focus();
  };
  const office = props.role === 'office';

  if (state.status === 'loading')
    return <StatusMessage kind="info">서명 키 정보를 불러오는 중…</StatusMessage>;
  if (state.status === 'error') return <StatusMessage kind="error">{state.message}</StatusMessage>;
  const key = state.value;

  // The screen's generation bump reloads this panel (and the others that depend on the key).
  const changed = props.onChanged;
  // A first key, or a new one in place of a key whose private half this PC cannot read.
  const makeKey = () =>
    void action.run(async () => {
      const r = await api.initKeys();
      setCreated(r.created);
      changed();
    });

  return (
    <section className="sub-panel" aria-labelledby="key-panel-title" data-testid="key-panel">
      <h2 id="key-panel-title">{office ? '기획담당관 서명 키' : '서명 키'}</h2>
      {!key.hasKey ? (
        <>
          <p>
            이 PC에는 아직 서명 키가 없습니다.{' '}
            {office
              ? '기준 자료를 부서에 보내려면 기획담당관의 서명 키가 필요합니다.'
              : '제출 파일을 만들려면 먼저 부서의 서명 키를 만들고, 기획담당관의 승인을 받아야 합니다.'}
          </p>
          <button type="button" className="primary" disabled={action.busy} onClick={makeKey}>
            서명 키 만들기
          </button>
        </>
      ) : (
        <>
          {/* 서명 키 만들기 left the page with the key made: the keyboard goes on from here (see useFocusKeeper). */}
          {created && (
            <div tabIndex={-1} data-focus-fallback data-testid="key-created">
              <StatusMessage kind="success">새 서명 키를 만들었습니다.</StatusMessage>
            </div>
          )}
          {key.privateKeyProblem && (
            <div data-testid="key-problem">
              <StatusMessage kind="error">
                {key.privateKeyProblem}
                {key.privateKeyLost &&
                  ' 백업에서 복원한 데이터 폴더이거나 키 파일이 지워진 경우입니다. 이 키로는 서명할 수 없으니 새 키를 만들고, 등록 파일을 기획담당관에게 보내 다시 승인받으세요.'}
              </StatusMessage>
              {key.privateKeyLost && (
                <button type="button" className="primary" disabled={action.busy} onClick={makeKey}>
                  새 서명 키 만들기
                </button>
              )}
            </div>
          )}
          <dl className="key-facts">
            <dt>부서</dt>
            <dd data-testid="key-department">{key.department}</dd>
            <dt>키 ID</dt>
            <dd className="mono" data-testid="own-key-id">
              {key.keyId}
            </dd>
            <dt>만든 때</dt>
            <dd>{formatTime(key.createdAt)}</dd>
            <dt>개인 키 보호</dt>
            <dd data-testid="key-protection">
              {key.store && <strong>{STORE_LABELS[key.store]}</strong>}
              {key.protection && <p className="hint">{key.protection}</p>}
            </dd>
          </dl>
          <div className="fingerprint-box">
            <div className="fingerprint-label">지문</div>
            {key.fingerprint && <Fingerprint value={key.fingerprint} testId="own-fingerprint" />}
            <p className="fingerprint-help">
              {office
                ? '각 부서가 기획담당관 키 등록 파일을 받을 때 이 지문을 전화로 불러 주고, 부서 화면의 지문과 같은지 확인하게 하세요.'
                : '등록 파일을 기획담당관에게 보낸 뒤, 전화로 이 지문을 한 묶음씩 읽어 주세요. 기획담당관 화면의 지문과 같아야 승인됩니다.'}
            </p>
          </div>
          <div className="actions">
            <button
              type="button"
              disabled={action.busy}
              onClick={() =>
                void action.run(async () => {
                  setEnrollment(await api.exportEnrollment());
                })
              }
            >
              등록 파일 내보내기
            </button>
            {!office && (
              <button
                ref={rotateButton}
                type="button"
                disabled={action.busy}
                onClick={() => setConfirmRotate(true)}
              >
                키 교체…
              </button>
            )}
          </div>
          {enrollment && (
            <div className="result-box" data-testid="enrollment-result">
              <p>
                키 등록 파일을 이 PC에 저장했습니다:{' '}
                <code className="path" data-testid="enrollment-path">
                  {enrollment.path}
                </code>
              </p>
              <p className="hint">
                이 파일을 메일·공유 폴더·USB로 {office ? '각 부서' : '기획담당관'}에게 보내세요. 파일에는 공개
                키만 들어 있습니다.
              </p>
              <button type="button" onClick={() => downloadText(baseName(enrollment.path), enrollment.text)}>
                등록 파일 내려받기
              </button>
            </div>
          )}
          {confirmRotate && (
            <div
              className="confirm-box"
              role="alertdialog"
              aria-labelledby="rotate-title"
              onKeyDown={onEscape(cancelRotate)}
            >
              <p id="rotate-title">
                <strong>키를 교체할까요?</strong> 새 키를 만들고, 지금 키로 서명한 키 교체 문서를 씁니다. 교체
                문서를 기획담당관이 가져오기 전까지 새 키로 만든 제출 파일은 격리됩니다.
              </p>
              <div className="actions">
                <button
                  type="button"
                  className="primary"
                  disabled={action.busy}
                  onClick={() =>
                    void action.run(async () => {
                      setRotation(await api.rotateOwnKey());
                      setConfirmRotate(false);
                      setEnrollment(null);
                      changed();
                    })
                  }
                >
                  새 키로 교체
                </button>
                {/* The key cannot be had back once replaced: the question starts on 취소 (Enter twice replaces nothing). */}
                <button type="button" onClick={cancelRotate} autoFocus>
                  취소
                </button>
              </div>
            </div>
          )}
          {rotation && (
            // 새 키로 교체 left the page with the question: the keyboard goes on from here (see useFocusKeeper).
            <div tabIndex={-1} data-focus-fallback data-testid="key-rotated">
              <StatusMessage kind="success">
                키를 교체했습니다 (이전 키 {rotation.oldKeyId} → 새 키 {rotation.keyId}). 키 교체 문서{' '}
                <code className="path">{rotation.path}</code>를 기획담당관에게 보내세요.
              </StatusMessage>
            </div>
          )}
        </>
      )}
      {action.error && <StatusMessage kind="error">{action.error}</StatusMessage>}
      {!office && <TrustedOfficeKeys keys={key.trustedOfficeKeys} onChanged={changed} />}
    </section>
  );
}

/** Department: the office keys this copy trusts for baseline packages, and importing the office's enrollment. */
function TrustedOfficeKeys(props: { keys: KeyStatusView['trustedOfficeKeys']; onChanged: () => void }) {
  const action = useAction();
  const [imported, setImported] = useState<KeyImported | null>(null);
  // A file chosen, its fingerprint shown: trusted only once the person says it is the one read on the phone.
  const [pending, setPending] = useState<{ text: string; fingerprint: string; keyId: string } | null>(null);
  const [withdrawing, setWithdrawing] = useState<KeyStatusView['trustedOfficeKeys'][number] | null>(null);
  const [withdrawn, setWithdrawn] = useState<string | null>(null);
  const trustedAfter = (keyId: string) =>
    props.keys.filter((k) => k.status === 'approved' && k.keyId !== keyId).length;
  return (
    <div className="trusted-keys">
      <h3>신뢰하는 기획담당관 키 (기준 자료 검증용)</h3>
      {props.keys.length === 0 ? (
        <p className="empty">아직 없습니다. 기준 자료를 적용하려면 기획담당관의 키 등록 파일을 가져오세요.</p>
      ) : (
        <ul className="plain-list">
          {props.keys.map((k) => (
            <li key={k.keyId}>
              <span className="mono">{k.keyId}</span> <Fingerprint value={k.fingerprint} size="small" />{' '}
              <span className={`key-status key-${k.status}`}>
                {k.status === 'revoked' ? '신뢰 철회' : '신뢰'}
              </span>
              {k.status === 'approved' && (
                <button
                  type="button"
                  className="link"
                  disabled={action.busy || withdrawing !== null}
                  aria-label={`기획담당관 키 ${k.keyId} 신뢰 철회`}
                  onClick={() => {
                    setWithdrawn(null);
                    setWithdrawing(k);
                  }}
                >
                  신뢰 철회
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <FilePicker
        label="기획담당관 키 등록 파일 가져오기"
        hint="파일을 고르면 지문을 보여 줍니다. 기획담당관이 전화로 불러 준 지문과 같을 때만 신뢰하세요."
        accept=".json,application/json"
        disabled={action.busy || pending !== null}
        onFile={(file) =>
          void action.run(async () => {
            setImported(null);
            const text = await readKeyFileText(file);
            const key = await api.previewEnrollment({ text });
            if (key.role !== 'office') {
              throw new Error(
                `기획담당관의 키 등록 파일이 아닙니다 (${key.department}의 키입니다). 주관부서 PC에는 기획담당관의 키만 등록합니다.`,
              );
            }
            setPending({ text, fingerprint: key.fingerprint, keyId: key.keyId });
          })
        }
      />
      {pending && (
        <div
          className="confirm-box"
          role="alertdialog"
          aria-label="기획담당관 키 지문 확인"
          data-testid="trust-office-key"
          onKeyDown={onEscape(() => setPending(null))}
        >
          <p>
            이 파일의 기획담당관 키 지문: <Fingerprint value={pending.fingerprint} />
          </p>
          <p>기획담당관이 전화로 불러 준 지문과 같습니까? 같을 때만 신뢰 목록에 넣으세요.</p>
          <button
            type="button"
            className="primary"
            disabled={action.busy}
            onClick={() =>
              void action.run(async () => {
                setImported(await api.importEnrollment({ text: pending.text }));
                setPending(null);
                props.onChanged();
              })
            }
          >
            같습니다: 신뢰하기
          </button>
          <button type="button" onClick={() => setPending(null)} autoFocus>
            다릅니다: 넣지 않기
          </button>
        </div>
      )}
      {withdrawing && (
        <div
          className="confirm-box"
          role="alertdialog"
          aria-label="기획담당관 키 신뢰 철회 확인"
          data-testid="withdraw-office-key"
          onKeyDown={onEscape(() => setWithdrawing(null))}
        >
          <p>
            기획담당관 키 <span className="mono">{withdrawing.keyId}</span> (지문{' '}
            <Fingerprint value={withdrawing.fingerprint} size="small" />
            )의 신뢰를 철회하면 이 키로 서명된 기준 자료는 언제 만든 것이든 더 이상 적용하지 않습니다. 철회한
            키는 다시 신뢰할 수 없습니다.
          </p>
          {trustedAfter(withdrawing.keyId) === 0 && (
            <p className="hint">
              신뢰하는 기획담당관 키가 남지 않습니다: 기획담당관에게 새 키의 등록 파일을 받을 때까지 기준
              자료를 적용할 수 없습니다.
            </p>
          )}
          <button
            type="button"
            className="danger"
            disabled={action.busy}
            onClick={() =>
              void action.run(async () => {
                await api.withdrawOfficeKeyTrust({ keyId: withdrawing.keyId });
                setWithdrawn(withdrawing.keyId);
                setWithdrawing(null);
                setImported(null);
                props.onChanged();
              })
            }
          >
            신뢰 철회
          </button>
          <button type="button" onClick={() => setWithdrawing(null)} autoFocus>
            취소
          </button>
        </div>
      )}
      {withdrawn && (
        <StatusMessage kind="success">
          기획담당관 키 {withdrawn}의 신뢰를 철회했습니다. 이 키로 서명된 기준 자료는 적용하지 않습니다.
        </StatusMessage>
      )}
      {imported && (
        <StatusMessage kind="success">
          {imported.alreadyKnown ? '이미 신뢰하는 키입니다' : '기획담당관 키를 신뢰 목록에 넣었습니다'}: 지문{' '}
          <Fingerprint value={imported.fingerprint} size="small" />
        </StatusMessage>
      )}
      {action.error && <StatusMessage kind="error">{action.error}</StatusMessage>}
    </div>
  );
}
