import { useEffect, useRef, useState } from 'react';
import {
  departmentsAsked,
  missingNoticeText,
  planWaitOfficeNote,
  type SubmissionsReport,
} from '../../../domain/reports';
import { StatusMessage } from '../components/StatusMessage';

/**
 * 미제출 안내 복사 in 제출 현황: the reminder to the departments that still owe documents, copied for a mail or
 * messenger. Where the clipboard refuses, the text is shown selected, to copy with Ctrl+C.
 */
export function MissingNotice({ submissions }: { submissions: SubmissionsReport }) {
  const text = missingNoticeText(submissions);
  const owing = departmentsAsked(submissions).length;
  const planWaitNote = planWaitOfficeNote(submissions);
  const [outcome, setOutcome] = useState<'copied' | 'manual' | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (outcome === 'manual') box.current?.select();
  }, [outcome]);
  // Another half-year or new arrivals: the message said what was copied before.
  useEffect(() => setOutcome(null), [text]);
  const note = planWaitNote && (
    <p className="office-legend" data-testid="missing-notice-plan-wait">
      {planWaitNote}
    </p>
  );
  if (text === null) return note;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setOutcome('copied');
    } catch {
      setOutcome('manual');
    }
  };
  return (
    <>
      <button type="button" onClick={() => void copy()}>
        미제출 안내문 복사 ({owing}개 부서)
      </button>
      {note}
      {outcome === 'copied' && (
        <StatusMessage kind="success">
          {owing}개 부서의 미제출 안내문을 복사했습니다. 메일이나 메신저에 붙여 넣으세요 (Ctrl+V).
        </StatusMessage>
      )}
      {outcome === 'manual' && (
        <>
          <StatusMessage kind="info">
            클립보드에 넣지 못했습니다. 아래 글을 복사하세요 (선택되어 있습니다: Ctrl+C).
          </StatusMessage>
          <textarea
            ref={box}
            className="missing-notice"
            readOnly
            value={text}
            rows={Math.min(12, text.split('\n').length)}
            aria-label="미제출 안내문"
          />
        </>
      )}
    </>
  );
}
