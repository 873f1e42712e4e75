import { parseArgs } from 'node:util';
import {
  importConflictNote,
  importLateNote,
  importOutcomeLabel,
} from '../../../domain/reports/import-outcome';
import { importBundles } from '../../services/bundle-import';
import { interruptedImportNote } from '../../../domain/reports/interrupted-import';
import { withReportNotes } from '../../services/import-notes';
import { interruptedImports } from '../../services/import-runs';
import { loadTerm } from '../../services/reference';
import type { ImportResult } from '../../services/import-result';
import { requireOffice } from '../../services/key-service';
import { exitCodes, printJson, UsageError, type CliIo } from '../io';
import { withData } from '../data-context';

export const importHelp = `pledge import --data DIR FILE|FOLDER… [--received-on YYYY-MM-DD] [--json]
  (기획담당관) 제출 파일을 가져옵니다. 폴더는 하위 폴더까지 *.pledge, *.zip 파일을 찾습니다.
  각 파일을 한 번만 읽어 별도 작업자에서 끝까지 검사한 뒤 반영합니다. 진행 상황은 표준 오류로 출력합니다.
  결과: 반영(accepted), 중복(duplicate), 격리(quarantined: 등록·승인되지 않았거나 폐기된 키),
  충돌 보류(held: 같은 회차의 다른 제출 파일을 이미 받음, 현황의 '충돌'에 표시), 거부(rejected)와 이유.
  반영한 파일의 문서가 반기 제출 기한 뒤에 처음 온 것이면 "반영 (기한 지남: 지연)", 그 파일의 관리카드로
  결정할 충돌이 생겼으면 "충돌 n건 → 종합 현황 › 충돌"이라고 덧붙입니다 (--json: late, conflicts).
  --received-on  접수일: 공유 폴더·우편·USB로 먼저 받은 파일을 늦게 가져올 때 받은 날 (제출 기한은 이 날로
                 따집니다; 그날보다 뒤에 만든 파일은 가져오는 때로 접수). 오늘보다 뒤일 수 없습니다
  지난 가져오기가 중간에 끊겼으면(프로그램 종료, PC 꺼짐) 먼저 알립니다. 같은 파일(폴더)을 다시 가져와 끝나면
  그 알림은 정리됩니다.
  --json  결과를 JSON 요약으로 출력 (accepted, duplicate, quarantined, held, rejected 목록; interrupted: 아직
          남은 끊긴 가져오기, interruptedCompleted: 이번에 다시 가져와 정리된 것)
  거부된 파일이 하나라도 있으면 종료 코드 1`;

/** One file's line, as the screen's table says it: outcome (지연 marked), reason, lateness, new 충돌. */
const lineOf = (r: ImportResult): string =>
  [`[${importOutcomeLabel(r)}] ${r.file}: ${r.reason}`, importLateNote(r), importConflictNote(r)]
    .filter((part): part is string => part !== null)
    .join(' ');

export async function runImport(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { data: { type: 'string' }, 'received-on': { type: 'string' }, json: { type: 'boolean' } },
  });
  if (positionals.length === 0) throw new UsageError('가져올 제출 파일이나 폴더를 지정하세요.');
  return withData(
    values.data,
    async (ctx) => {
      await requireOffice(ctx);
      // An earlier import cut off midway is told first: importing the same files again completes it.
      const cutOffBefore = await interruptedImports(ctx);
      for (const run of cutOffBefore) io.err(`알림: ${interruptedImportNote(run)}`);
      let lastShown = -1;
      const receivedOn = values['received-on'];
      const imported = await importBundles(
        ctx,
        positionals,
        (done, total) => {
          const percent = Math.floor((done / total) * 100);
          if (percent !== lastShown && (percent % 5 === 0 || done === total)) {
            lastShown = percent;
            io.err(`검사 ${done}/${total} (${percent}%)`);
          }
        },
        receivedOn === undefined ? {} : { receivedOn },
      );
      // What 종합 현황 now says of each accepted file (지연, new 충돌), as the screen shows it after the import.
      const results = await withReportNotes(ctx, await loadTerm(ctx.db), imported);
      const by = (status: ImportResult['status']) => results.filter((r) => r.status === status);
      const cutOff = await interruptedImports(ctx);
      const completed = cutOffBefore.filter((run) => !cutOff.some((r) => r.id === run.id));
      if (values.json) {
        printJson(io, {
          total: results.length,
          accepted: by('accepted'),
          duplicate: by('duplicate'),
          quarantined: by('quarantined'),
          held: by('held'),
          rejected: by('rejected'),
          interrupted: cutOff,
          interruptedCompleted: completed.map((r) => r.id),
        });
      } else {
        for (const r of results) io.out(lineOf(r));
        io.out(
          `합계 ${results.length}건: 반영 ${by('accepted').length}, 중복 ${by('duplicate').length}, 격리 ${by('quarantined').length}, 충돌 보류 ${by('held').length}, 거부 ${by('rejected').length}`,
        );
        if (completed.length > 0)
          io.out(`끝나지 않았던 지난 가져오기 ${completed.length}건의 파일을 이번에 모두 다시 가져왔습니다.`);
        if (cutOff.length > 0)
          io.out(
            `끝나지 않은 지난 가져오기 ${cutOff.length}건이 남아 있습니다 (같은 파일을 다시 가져오거나 앱의 제출 파일 받기에서 확인하세요).`,
          );
      }
      return by('rejected').length > 0 ? exitCodes.failed : exitCodes.ok;
    },
    { writesInBatches: true },
  );
}
