import { parseArgs } from 'node:util';
import {
  approvedKeptNote,
  frozenChangedNote,
  approvedKeptText,
  needsConfirmation,
  PLAN_CONFIRMATION_STATE_LABELS,
  type PlanConfirmationRow,
} from '../../../domain/plans/confirmation';
import { officeHandlers } from '../../services/office-handlers';
import { printJson, UsageError, type CliIo } from '../io';
import { withData } from '../data-context';

export const plansHelp = `pledge plans --data DIR [--json] [--confirm all|1-1-1,1-1-2]
  (기획담당관) 공약실천계획서 확정: 사업마다 받은 계획서와 확정 여부를 보여 줍니다.
  --json           모든 사업의 상태를 JSON으로 출력
  --confirm all    확정할 계획서(확정 대기, 확정 후 새 계획서 받음)를 모두 확정
  --confirm IDS    쉼표로 나눈 관리번호의 받은 계획서를 확정 (하나라도 안 되면 아무것도 확정하지 않음)`;

export async function runPlans(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { data: { type: 'string' }, json: { type: 'boolean' }, confirm: { type: 'string' } },
  });
  return withData(values.data, async (ctx) => {
    const handlers = officeHandlers(ctx);
    if (values.confirm !== undefined) {
      const wanted = values.confirm.trim();
      const projectIds =
        wanted === 'all'
          ? (await handlers.listPlanConfirmations()).filter(needsConfirmation).map((r) => r.projectId)
          : wanted
              .split(',')
              .map((id) => id.trim())
              .filter((id) => id !== '');
      if (projectIds.length === 0) {
        if (wanted === 'all') {
          io.out('확정할 실천계획서가 없습니다.');
          return 0;
        }
        throw new UsageError('--confirm 에 all 또는 관리번호(예: 1-1-1,1-1-2)를 쓰세요.');
      }
      const { confirmed, approvedKept } = await handlers.confirmReceivedPlans({ projectIds });
      io.out(`실천계획서 ${confirmed.length}건을 확정했습니다: ${confirmed.join(', ')}`);
      if (approvedKept.length > 0) io.out(approvedKeptText(approvedKept));
      return 0;
    }
    const rows = await handlers.listPlanConfirmations();
    if (values.json) {
      printJson(io, rows);
      return 0;
    }
    const count = (state: PlanConfirmationRow['state']) => rows.filter((r) => r.state === state).length;
    io.out(
      `공약실천계획서: 확정 대기 ${count('awaiting')}건, 확정 후 새 계획서 ${count('newerReceived')}건, 확정됨 ${count('confirmed')}건, 받지 않음 ${count('notReceived')}건`,
    );
    for (const r of rows.filter(needsConfirmation)) {
      io.out(
        `  ${r.projectId}  ${r.leadDepartment}  r${r.received?.revision ?? '-'}  ${PLAN_CONFIRMATION_STATE_LABELS[r.state]}${
          r.approvedKept.length > 0 ? `  (${approvedKeptNote(r.approvedKept)})` : ''
        }${r.frozenChanged.length > 0 ? `  (${frozenChangedNote(r.frozenChanged)})` : ''}`,
      );
    }
    return 0;
  });
}
