import type { OfficeCardDecision } from '../../../domain/api/contract';
import { localDateTimeOf } from '../../../domain/reports/submissions';
import { cardDecisionLabel, cardDecisionLines } from './card-decision-label';

/**
 * The office's decisions on the department's cards, from the last 기준 자료 applied (main/services/card-decisions.ts):
 * per submission file beside its 접수 확인, and per project in the desk's 관리카드 cell.
 */

/** One line per card decided on in a file; nothing when the office decided on none of its cards. */
export function CardDecisionList(props: { decisions: readonly OfficeCardDecision[]; testId: string }) {
  if (props.decisions.length === 0) return null;
  return (
    <ul
      className="plain-list card-decisions"
      data-testid={props.testId}
      aria-label="기획담당관 관리카드 결정"
    >
      {cardDecisionLines(props.decisions).map((line) => (
        <li key={line.key} className={line.warn ? 'sent-missing' : undefined}>
          {line.text}
        </li>
      ))}
    </ul>
  );
}

/** The office's decision on the project's card of the half-year shown, beside its state on the desk. */
export function CardDecisionNote({ decision }: { decision: OfficeCardDecision }) {
  const label = cardDecisionLabel(decision);
  return (
    <span
      className={`card-decision ${label.warn ? 'sent-missing' : ''}`}
      data-testid="card-decision"
      title={`기획담당관 결정: ${localDateTimeOf(decision.decidedAt)} (제출 파일 r${decision.revision}의 관리카드)`}
    >
      {label.text}
    </span>
  );
}
