import { useCallback, useState } from 'react';
import type { ReceivedCardView } from '../../../domain/api/contract';
import type { Term } from '../../../domain/term/types';
import { api } from '../api/client';
import { StatusMessage } from '../components/StatusMessage';
import { CardPrint } from '../drafting/print';
import { PrintOverlay } from '../drafting/PrintOverlay';
import { DocumentFilesToOpen } from './DocumentFiles';
import { formatKoreanDateTime } from './format';

/**
 * 관리카드 보기 beside a decision (완료 요청): the lead department's card of the half-year as the report counts it,
 * in its official layout over the screen, so the office reads all of it without leaving what it is typing.
 */
export function CardViewButton({
  projectId,
  department,
  periodId,
}: {
  projectId: string;
  department: string;
  periodId: string;
}) {
  const [shown, setShown] = useState<{ card: ReceivedCardView; term: Term } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const close = useCallback(() => setShown(null), []);
  const open = async () => {
    setLoading(true);
    setProblem(null);
    try {
      const [view, term] = await Promise.all([
        api.getDepartmentCards({ periodId, department }),
        api.getTerm(),
      ]);
      const card = view.cards.find((c) => c.projectId === projectId);
      const unreadable = view.unreadable.find((u) => u.projectId === projectId);
      if (card !== undefined) setShown({ card, term });
      else
        setProblem(
          unreadable === undefined
            ? `${projectId}의 관리카드를 받지 않았습니다.`
            : `${projectId}의 관리카드를 읽을 수 없습니다: ${unreadable.problem}`,
        );
    } catch (e) {
      setProblem(`관리카드를 열지 못했습니다: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setLoading(false);
    }
  };
  return (
    <>
      <button
        type="button"
        className="link screen-only"
        onClick={() => void open()}
        disabled={loading}
        aria-label={`${projectId} 관리카드 보기·인쇄`}
      >
        {loading ? '여는 중…' : '관리카드 보기'}
      </button>
      {problem !== null && <StatusMessage kind="error">{problem}</StatusMessage>}
      {shown !== null && (
        <PrintOverlay
          onClose={close}
          autoPrint={false}
          title={`공약관리카드 ${projectId} ${department} r${shown.card.revision}`}
          notice={`제출 파일 r${shown.card.revision} · ${formatKoreanDateTime(shown.card.receivedAt)} 접수. 기획담당관이 받은 그대로이며, 여기서 고칠 수 없습니다.`}
        >
          <DocumentFilesToOpen document={shown.card.card} />
          <CardPrint card={shown.card.card} term={shown.term} />
        </PrintOverlay>
      )}
    </>
  );
}
