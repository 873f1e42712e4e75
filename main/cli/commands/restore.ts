import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createFolder, folderProblemOf } from '../../../db/create-db';
import { UserError } from '../../services/errors';
import { checkDataFolder } from '../data-context';
import { restoreBackup } from '../../services/data-restore';
import { printJson, UsageError, type CliIo } from '../io';

export const restoreHelp = `pledge restore BACKUP_FILE --data DIR [--json]
  백업에서 복원: 데이터 백업 파일(공약이행_백업_….sqlite)을 검사한 뒤 새 데이터 폴더 DIR의 pledge.sqlite로
  씁니다. DIR에 이미 데이터가 있으면 덮어쓰지 않고 거절합니다. 복원한 뒤 그 폴더를 데이터 폴더로 고르거나
  (설정 변경) --data DIR 로 사용하세요. 개인 서명 키는 백업에 없습니다: 복원한 폴더에서는 (같은 PC라도)
  'pledge keys init'으로 새 키를 만들어 기획담당관에 다시 등록하세요.
  --json   결과(폴더, 크기, 백업한 사용자, 문서 수)를 JSON으로 출력`;

export async function runRestore(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { data: { type: 'string' }, json: { type: 'boolean' } },
  });
  const [file] = positionals;
  if (!file) throw new UsageError('복원할 백업 파일을 지정하세요.');
  if (!values.data) throw new UsageError('--data DIR 로 복원할 (새) 데이터 폴더를 지정하세요.');
  // The folder is checked as typed (a network share, a file in its place) and made here one level at a time, so
  // one that cannot be made (/proc) fails at once; it is removed again if the backup cannot be restored into it.
  const dir = checkDataFolder(values.data, { create: true });
  let created: string | null;
  try {
    created = createFolder(dir);
  } catch (error) {
    throw new UserError(
      'RESTORE_FOLDER_UNUSABLE',
      `복원할 데이터 폴더를 만들 수 없습니다: ${dir} (${folderProblemOf(error)}).\n--data 경로를 확인하세요.`,
    );
  }
  let restored: Awaited<ReturnType<typeof restoreBackup>>;
  try {
    restored = await restoreBackup(file, dir);
  } catch (error) {
    if (created !== null) rmSync(created, { recursive: true, force: true });
    throw error;
  }
  if (values.json) printJson(io, restored);
  else {
    const who =
      restored.role === 'office'
        ? '기획담당관'
        : restored.role === 'department'
          ? `주관부서 ${restored.department ?? ''}`
          : '사용자 설정 없음';
    io.out(
      `복원했습니다: ${restored.path} (${who}, 문서 ${restored.documents}건, 받은 제출 파일 ${restored.receivedBundles}건)`,
    );
  }
  return 0;
}
