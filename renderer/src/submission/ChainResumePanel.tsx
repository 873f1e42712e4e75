import { useRef, useState } from 'react';
import type { ChainResumeView } from '../../../domain/api/contract';
import { josa } from '../../../domain/text/josa';
import { api } from '../api/client';
import { useLoad } from '../api/use-load';
import { StatusMessage } from '../components/StatusMessage';
import { useAction } from '../components/use-action';
import { formatTime, periodLabel } from './labels';
import { onEscape } from '../components/on-escape';

/** "r2(2019년 상반기), r3(2019년 상반기)": the files named, each with its half-year. */
const filesText = (files: ChainResumeView['notReceived']): string =>
  files.map((f) => `r${f.revision}(${periodLabel(f.period)})`).join(', ');

/** The half-years of the files not received, each once, to be sent again. */
const periodsText = (files: ChainResumeView['notReceived']): string =>
  [...new Set(files.map((f) => f.period))].map(periodLabel).join(', ');

/**
 * Department: 이어 보내기. Shown only when the office's last baseline package says a file this copy made well before
 * it never arrived, or that this copy's files do not follow the office's last accepted one (a new PC): every later
 * file would be refused. The next file can then follow the office's last accepted file; the person confirms first.
 */
export function ChainResumePanel(props: { generation: number; onChanged: () => void }) {
  const [state] = useLoad(() => api.getChainResume(), [props.generation]);
  const action = useAction();
  const [asking, setAsking] = useState(false);
  const [done, setDone] = useState<ChainResumeView | null>(null);
  const openButton = useRef<HTMLButtonElement>(null);
  const cancel = () => {
    setAsking(false);
    openButton.current?.focus();
  };

  if (state.status !== 'ready' || state.value === null) {
    return state.status === 'error' ? <StatusMessage kind="error">{state.message}</StatusMessage> : null;
  }
  const offer = state.value;
  const head = offer.head;
  const after = head ? `기획담당관이 받은 r${head.revision}` : '처음';
  // Shown at once after 이어 보내기 (the offer reloads a moment later); a later package's other offer is asked anew.
  const resumed = offer.resumed || (done !== null && (done.head?.sha256 ?? null) === (head?.sha256 ?? null));
  const next = `r${offer.nextRevision}`;
  const lost = offer.notReceived.filter((f) => !f.mayBeInTransit);
  const onTheWay = offer.notReceived.filter((f) => f.mayBeInTransit);

  return (
    <section
      className="sub-panel chain-resume"
      aria-labelledby="chain-resume-title"
      data-testid="chain-resume"
    >
      <h2 id="chain-resume-title">받지 못한 제출 파일 — 이어 보내기</h2>
      <p>
        기획담당관의 기준 자료({formatTime(offer.asOf)} 기준)에 따르면{' '}
        {head ? (
          <>
            기획담당관이 마지막으로 받은 이 부서의 파일은{' '}
            <strong>
              r{head.revision}({periodLabel(head.period)}, {formatTime(head.receivedAt)} 받음)
            </strong>
            입니다.
          </>
        ) : (
          '기획담당관은 이 부서의 파일을 아직 하나도 받지 않았습니다.'
        )}
      </p>
      {lost.length > 0 ? (
        <p className="sent-missing" data-testid="chain-resume-lost">
          이 PC에서 만든 {filesText(lost)} 파일은 받지 못했습니다.
        </p>
      ) : (
        <p className="sent-missing" data-testid="chain-resume-lost">
          이 PC의 제출 파일은 기획담당관이 받은 파일에 이어지지 않습니다 (이 PC를 새로 설치했거나 다른 PC에서
          보낸 경우).
        </p>
      )}
      {onTheWay.length > 0 && (
        <p className="hint">
          {josa(filesText(onTheWay), '은/는')} 기준 자료를 만들 무렵에 만들어 아직 가는 중일 수 있습니다.
        </p>
      )}
      {resumed ? (
        <div tabIndex={-1} data-focus-fallback data-testid="chain-resumed">
          <StatusMessage kind="success">
            다음 제출 파일은 {josa(next, '으로/로')}, {after} 다음으로 이어집니다.
            {offer.notReceived.length > 0 &&
              ` 받지 못한 파일의 기간(${periodsText(offer.notReceived)})은 제출 파일을 다시 만들어 보내세요.`}
          </StatusMessage>
        </div>
      ) : (
        <>
          <p className="hint">
            파일 하나가 빠지면 그 뒤에 만든 파일은 모두 받지 않습니다. 빠진 파일을 찾을 수 있으면(보낼 파일
            폴더, 메일, USB) 그 파일을 먼저 보내세요. 찾을 수 없으면 다음 제출 파일을 {after} 다음으로 이어
            만듭니다.
          </p>
          <div className="actions">
            <button ref={openButton} type="button" disabled={action.busy} onClick={() => setAsking(true)}>
              {head ? `r${head.revision} 다음으로 이어 보내기…` : '처음부터 이어 보내기…'}
            </button>
          </div>
        </>
      )}
      {asking && !resumed && (
        <div
          className="confirm-box"
          role="alertdialog"
          aria-labelledby="chain-resume-question"
          onKeyDown={onEscape(cancel)}
        >
          <p id="chain-resume-question">
            <strong>다음 제출 파일을 {after} 다음으로 이어 만들까요?</strong> 다음 파일은{' '}
            {josa(next, '이/가')} 됩니다.
            {offer.notReceived.length > 0 &&
              ` ${josa(filesText(offer.notReceived), '은/는')} 나중에 찾아 보내도 기획담당관이 받지 않으니, 그 기간의 제출 파일을 다시 만들어 보내세요.`}
          </p>
          <div className="actions">
            <button
              type="button"
              className="primary"
              disabled={action.busy}
              onClick={() =>
                void action.run(async () => {
                  setDone(await api.resumeChain({ headSha256: head?.sha256 ?? null }));
                  setAsking(false);
                  props.onChanged();
                })
              }
            >
              이어 보내기
            </button>
            {/* Files skipped cannot be taken back into the chain: the question starts on 취소. */}
            <button type="button" onClick={cancel} autoFocus>
              취소
            </button>
          </div>
        </div>
      )}
      {action.error && <StatusMessage kind="error">{action.error}</StatusMessage>}
    </section>
  );
}
