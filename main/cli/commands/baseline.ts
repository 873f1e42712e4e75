import { parseArgs } from 'node:util';
import { applyBaseline, exportBaseline } from '../../services/baseline';
import { printJson, UsageError, type CliIo } from '../io';
import { withData } from '../data-context';
import { requireInputFile, writingTo } from '../files';
import { localDateTimeOf } from '../../../domain/reports/submissions';
import { josa } from '../../../domain/text/josa';

export const baselineHelp = `pledge baseline export --data DIR [--out FILE] [--json]
  (기획담당관) 공약사업 목록·임기(제출 기한 포함), 확정된 실천계획서, 승인된 조정 요청서와 받은 제출 파일 목록(접수 확인)을
  서명한 기준 자료로 씁니다.
pledge baseline apply FILE --data DIR [--json]
  (주관부서) 신뢰하는 기획담당관 키로 기준 자료를 검증하고 적용합니다 (새 PC에 확정 계획서를 되살릴 때, 제출 파일의
  접수 여부를 확인할 때).`;

export async function runBaseline(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { data: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' } },
  });
  const [sub, file] = positionals;
  if (sub === 'export') {
    return withData(values.data, async (ctx) => {
      const result = await writingTo(values.out, '기준 자료 파일', (out) => exportBaseline(ctx, out));
      if (values.json) printJson(io, result);
      else
        io.out(
          `기준 자료를 썼습니다: ${result.path}\n회차: r${result.revision}\n확정 계획서 ${result.plans}건, 승인된 조정 요청 ${result.changeRequests}건${result.rejectedChangeRequests > 0 ? `, 반려된 조정 요청 ${result.rejectedChangeRequests}건` : ''}, 접수 내역 ${result.receipts}건${result.handoverCards > 0 ? `, 인계 관리카드 ${result.handoverCards}건` : ''}${result.cardDecisions > 0 ? `, 관리카드 결정(완료 승인·반려, 카드 제외) ${result.cardDecisions}건` : ''}${result.heldDecisions > 0 ? `, 보류 제출 파일 결정 ${result.heldDecisions}건` : ''}\nSHA-256: ${result.sha256}`,
        );
      return 0;
    });
  }
  if (sub === 'apply') {
    if (!file) throw new UsageError('적용할 기준 자료 파일을 지정하세요.');
    const path = requireInputFile(file, '적용할 기준 자료 파일');
    return withData(values.data, async (ctx) => {
      const result = await applyBaseline(ctx, { path });
      if (values.json) printJson(io, result);
      else if (result.status === 'duplicate')
        io.out(`이미 적용한 기준 자료입니다 (r${result.revision}). 바뀐 것이 없습니다.`);
      else
        io.out(
          `기준 자료 ${josa(`r${result.revision}`, '을/를')} 적용했습니다: 확정 계획서 ${result.plans}건, 승인된 조정 요청 ${result.changeRequests}건${result.rejectedChangeRequests > 0 ? `, 반려된 조정 요청 ${result.rejectedChangeRequests}건` : ''}, 공약사업 목록 ${result.catalogVersion}${
            result.receipts === null || result.receiptsAsOf === null
              ? ''
              : `, 이 부서의 접수 확인 ${result.receipts}건 (${localDateTimeOf(result.receiptsAsOf)} 기준)`
          }${result.handoverCards > 0 ? `, 이 부서로 옮겨 온 사업의 인계 관리카드 ${result.handoverCards}건` : ''}${result.cardDecisions > 0 ? `, 이 부서 관리카드에 대한 기획담당관 결정 ${result.cardDecisions}건 ('문서 작성'의 제출 파일 항목에 표시)` : ''}${result.heldDecisions > 0 ? `, 보류된 이 부서 제출 파일에 대한 결정 ${result.heldDecisions}건 (같은 회차의 다른 파일 반영: '제출 파일'의 만든 제출 파일 목록에 표시)` : ''}${result.movedAway
            .map(
              (m) =>
                `\n다른 부서로 옮겨 간 사업: ${m.projectId} ${m.projectName} (${m.fromPeriodId}부터 ${m.to})${m.drafts > 0 ? ` — 이 PC에서 쓰던 문서 ${m.drafts}건은 여기서 제출할 수 없습니다: 'pledge draft pack'으로 ${m.to}에 넘기세요.` : ''}`,
            )
            .join('')}`,
        );
      return 0;
    });
  }
  throw new UsageError(
    sub ? `알 수 없는 하위 명령입니다: ${sub}` : '하위 명령(export 또는 apply)을 지정하세요.',
  );
}
