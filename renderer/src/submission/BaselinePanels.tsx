import { useState } from 'react';
import type { BaselineApplied, BaselineExported } from '../../../domain/api/contract';
import { periodLabel } from '../../../domain/documents/validate-format';
import { api } from '../api/client';
import { useLoad } from '../api/use-load';
import { StatusMessage } from '../components/StatusMessage';
import { FilePicker } from '../components/FilePicker';
import { readAsBase64 } from './files';
import { MadeFileDownload } from './MadeFileDownload';
import { shortHash } from './labels';
import { localDateTimeOf } from '../../../domain/reports/submissions';
import { useAction } from '../components/use-action';

/** Department: verify a baseline package from the office (with a trusted office key) and apply it. */
export function BaselineApplyPanel(props: { onChanged: () => void }) {
  const action = useAction();
  const [applied, setApplied] = useState<(BaselineApplied & { file: string }) | null>(null);
  // What was applied last, also after leaving the screen: read again after each package chosen here.
  const [last, reloadLast] = useLoad(() => api.getAppliedBaseline(), []);
  return (
    <section className="sub-panel" aria-labelledby="baseline-apply-title" data-testid="baseline-apply-panel">
      <h2 id="baseline-apply-title">기준 자료 적용</h2>
      <p className="hint">
        기획담당관이 보낸 기준 자료(공약사업 목록, 임기·제출 기한, 확정된 실천계획서, 승인된 조정 요청서,
        기획담당관이 받은 제출 파일 목록과 관리카드에 내린 결정)를 신뢰하는 기획담당관 키로 검증한 뒤
        적용합니다. 새 PC에서 확정된 계획서를 되살릴 때, 그리고 보낸 제출 파일이 접수되었는지, 관리카드가
        제외되거나 완료가 승인·반려되었는지 확인할 때 씁니다 (문서 작성 화면의 제출 파일 항목과 관리카드 칸에
        표시).
      </p>
      {last.status === 'ready' && (
        <p data-testid="baseline-last">
          {last.value === null ? (
            '아직 적용한 기준 자료가 없습니다.'
          ) : (
            <>
              마지막으로 적용한 기준 자료: <strong>회차 r{last.value.revision}</strong> ·{' '}
              {localDateTimeOf(last.value.appliedAt)} 적용 · SHA-256{' '}
              <code className="mono" title={last.value.sha256}>
                {shortHash(last.value.sha256)}
              </code>
            </>
          )}
        </p>
      )}
      <FilePicker
        label="기준 자료 파일 선택"
        disabled={action.busy}
        onFile={(file) =>
          void action.run(async () => {
            setApplied(null);
            const r = await api.applyBaseline({
              name: file.name,
              dataBase64: await readAsBase64(file, '기준 자료'),
            });
            setApplied({ ...r, file: file.name });
            reloadLast();
            props.onChanged();
          })
        }
      />
      {action.busy && <StatusMessage kind="info">검증하고 적용하는 중…</StatusMessage>}
      {action.error && <StatusMessage kind="error">{action.error}</StatusMessage>}
      {applied && (
        <div className="result-box" data-testid="baseline-applied">
          <StatusMessage kind={applied.status === 'duplicate' ? 'info' : 'success'}>
            {applied.status === 'duplicate'
              ? `이미 적용한 기준 자료입니다 (${applied.file}, 회차 r${applied.revision}). 바뀐 것이 없습니다.`
              : `기준 자료 ${applied.file} (회차 r${applied.revision})를 적용했습니다.`}
          </StatusMessage>
          <dl className="key-facts">
            <dt>확정 실천계획서</dt>
            <dd>{applied.plans}건</dd>
            <dt>승인된 조정 요청서</dt>
            <dd>{applied.changeRequests}건</dd>
            <dt>공약사업 목록 판</dt>
            <dd>{applied.catalogVersion}</dd>
            {applied.movedAway.length > 0 && (
              <>
                <dt>다른 부서로 옮겨 간 사업</dt>
                <dd data-testid="baseline-moved-away">
                  <ul>
                    {applied.movedAway.map((m) => (
                      <li key={m.projectId}>
                        {m.projectId} {m.projectName}: {periodLabel(m.fromPeriodId)}부터 {m.to}
                        {m.drafts > 0 &&
                          ` — 이 PC에서 쓰던 문서 ${m.drafts}건은 여기서 제출할 수 없습니다. '문서 작성'의 '다른 PC와 작성 문서 주고받기'로 ${m.to}에 넘기세요.`}
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            )}
            {applied.handoverCards > 0 && (
              <>
                <dt>인계받은 관리카드</dt>
                <dd data-testid="baseline-handover">
                  {applied.handoverCards}건 — 이 부서로 옮겨 온 사업의 이전 주관부서 마지막 관리카드입니다. 그
                  사업의 첫 관리카드는 이 카드에서 이어 씁니다.
                </dd>
              </>
            )}
            <dt>접수 확인</dt>
            <dd data-testid="baseline-receipts">
              {applied.receipts === null || applied.receiptsAsOf === null
                ? '이 기준 자료에는 접수 내역이 없습니다'
                : `이 부서의 제출 파일 ${applied.receipts}건 (${localDateTimeOf(applied.receiptsAsOf)} 기준)`}
            </dd>
            <dt>관리카드 결정</dt>
            <dd data-testid="baseline-card-decisions">
              {applied.cardDecisions === 0
                ? '이 부서 관리카드에 대한 결정 없음'
                : `이 부서 관리카드 ${applied.cardDecisions}건 (완료 승인·반려, 관리카드 제외: 문서 작성 화면과 만든 제출 파일 목록에 사유와 함께 표시)`}
            </dd>
            {applied.heldDecisions > 0 && (
              <>
                <dt>보류 파일 결정</dt>
                <dd data-testid="baseline-held-decisions">
                  {`보류된 이 부서 제출 파일 ${applied.heldDecisions}건: 같은 회차의 다른 파일을 반영하기로 정함 (만든 제출 파일 목록에 표시)`}
                </dd>
              </>
            )}
            <dt>SHA-256</dt>
            <dd className="mono" title={applied.sha256}>
              {shortHash(applied.sha256)}
            </dd>
          </dl>
        </div>
      )}
    </section>
  );
}

/** Office: sign the current baseline (catalog, term, confirmed plans, approved requests) for the departments. */
export function BaselineExportPanel(props: { hasKey: boolean }) {
  const action = useAction();
  const [exported, setExported] = useState<BaselineExported | null>(null);
  return (
    <section
      className="sub-panel"
      aria-labelledby="baseline-export-title"
      data-testid="baseline-export-panel"
    >
      <h2 id="baseline-export-title">기준 자료 내보내기</h2>
      <p className="hint">
        공약사업 목록, 임기·제출 기한, 확정된 실천계획서, 승인된 조정 요청서와 지금까지 받은 제출 파일
        목록(부서의 접수 확인용), 관리카드에 내린 결정(완료 승인·반려, 카드 제외와 부서에 알릴 사유)을
        기획담당관 키로 서명해 부서에 보낼 파일 하나로 씁니다. 제출 기한 뒤 가져오기를 마치면 다시 내보내
        부서에 보내면, 각 부서가 자기 파일이 접수되었는지 볼 수 있습니다.
      </p>
      <button
        type="button"
        className="primary"
        disabled={action.busy || !props.hasKey}
        title={props.hasKey ? undefined : '먼저 기획담당관 서명 키를 만드세요'}
        onClick={() => void action.run(async () => setExported(await api.exportBaseline()))}
      >
        기준 자료 내보내기
      </button>
      {!props.hasKey && <p className="hint">먼저 위에서 기획담당관 서명 키를 만드세요.</p>}
      {action.error && <StatusMessage kind="error">{action.error}</StatusMessage>}
      {exported && (
        <div className="result-box" data-testid="baseline-exported">
          <StatusMessage kind="success">
            기준 자료를 만들었습니다: 회차 r{exported.revision}, 확정 실천계획서 {exported.plans}건, 승인된
            조정 요청서 {exported.changeRequests}건, 접수 내역 {exported.receipts}건
            {exported.handoverCards > 0 && `, 옮긴 사업의 인계 관리카드 ${exported.handoverCards}건`}
            {exported.cardDecisions > 0 &&
              `, 관리카드 결정(완료 승인·반려, 카드 제외) ${exported.cardDecisions}건`}
            {exported.heldDecisions > 0 && `, 보류 제출 파일 결정 ${exported.heldDecisions}건`}.
          </StatusMessage>
          <p>
            파일:{' '}
            <code className="path" data-testid="baseline-path">
              {exported.path}
            </code>
          </p>
          <MadeFileDownload type="pledge-baseline" revision={exported.revision} label="기준 자료" />
          <p>
            SHA-256: <code className="mono wrap">{exported.sha256}</code>
          </p>
        </div>
      )}
    </section>
  );
}
