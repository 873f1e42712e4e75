import {
  CARD_STATUS_LABELS,
  COMPLETION_PROCEDURE,
  PROJECT_KIND_COMPLETION_RULES,
  STATUS_CRITERIA,
} from '../../../domain/documents';

/**
 * The plan's rules for 완료, where a department asks for it (관리카드) and where the office decides (완료 요청):
 * who decides and when, what 완료 and 이행 후 계속 추진 mean, and the evaluators' rule for each kind of project.
 * On screen only: the printed forms and report carry what was decided, not the rules.
 */
export function CompletionCriteria({ testId, open = false }: { testId: string; open?: boolean }) {
  return (
    <details className="criteria screen-only" data-testid={testId} open={open}>
      <summary>완료 판단 기준 (공약이행 관리계획)</summary>
      <p>{COMPLETION_PROCEDURE}</p>
      <dl>
        <dt>{CARD_STATUS_LABELS.completed}</dt>
        <dd>{STATUS_CRITERIA.completed}</dd>
        <dt>{CARD_STATUS_LABELS.continuing}</dt>
        <dd>{STATUS_CRITERIA.continuing}</dd>
      </dl>
      <table>
        <caption>한국매니페스토실천본부 공약 이행 완료 세부 기준</caption>
        <thead>
          <tr>
            <th scope="col">사업 유형</th>
            <th scope="col">완료로 보는 때</th>
          </tr>
        </thead>
        <tbody>
          {PROJECT_KIND_COMPLETION_RULES.map((r) => (
            <tr key={r.kind}>
              <th scope="row">{r.kind}</th>
              <td>{r.completedWhen}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
