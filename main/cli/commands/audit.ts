import { parseArgs } from 'node:util';
import { auditArchive } from '../../services/archive-audit';
import { withData } from '../data-context';
import { exitCodes, printJson, type CliIo } from '../io';

export const auditHelp = `pledge audit --data DIR [--json]
  받은 제출 파일 점검 (기획담당관): 데이터 파일을 SQLite로 검사하고, 보관한 제출 파일마다 내용(SHA-256)과
  서명을 다시 확인한 뒤, 기록된 부서·회차·기간과 저장된 문서가 서명된 파일의 것과 같은지 봅니다. 아무것도
  쓰지 않습니다. 다른 점이 있으면 파일과 다른 점을 말하고 1로 끝납니다 (데이터 파일이 프로그램 밖에서
  바뀌었거나 손상된 경우: 이상이 없던 때의 백업에서 복원하고, 그 뒤에 받은 제출 파일은 다시 가져오세요).
  --json         결과를 JSON으로 출력`;

export async function runAudit(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { data: { type: 'string' }, json: { type: 'boolean' } } });
  return withData(values.data, async (ctx) => {
    const audit = await auditArchive(ctx);
    const sound = audit.integrity === null && audit.problems.length === 0;
    if (values.json) {
      printJson(io, audit);
      return sound ? exitCodes.ok : exitCodes.failed;
    }
    io.out(`제출 파일 ${audit.files}개, 문서 ${audit.documents}건을 점검했습니다.`);
    if (audit.integrity !== null) io.out(`데이터 파일 검사: ${audit.integrity}`);
    for (const p of audit.problems) {
      const file =
        p.bundleSha256 === ''
          ? ''
          : `${p.fileName || p.bundleSha256.slice(0, 12)} (${p.department}${p.revision === null ? '' : ` r${p.revision}`}): `;
      io.out(`- ${file}${p.problem}`);
    }
    if (audit.more > 0) io.out(`- 외 ${audit.more}건`);
    if (audit.changedDuring && !sound)
      io.out('점검하는 동안 자료가 바뀌었습니다 (가져오기·결정). 다시 점검해 같은 결과인지 보세요.');
    io.out(
      sound
        ? '이상 없음: 저장된 내용이 받은 파일과 같습니다.'
        : '다른 점이 있습니다. 데이터 파일이 프로그램 밖에서 바뀌었거나 손상되었을 수 있습니다.',
    );
    return sound ? exitCodes.ok : exitCodes.failed;
  });
}
