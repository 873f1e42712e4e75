import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { setupOfDatabase } from '../../../db/backup';
import { createFolder, folderProblemOf } from '../../../db/create-db';
import { localDateTimeOf } from '../../../domain/reports/submissions';
import { databasePathIn } from '../../services/context';
import { UserError } from '../../services/errors';
import { checkDataFolder } from '../data-context';
import { restoreBackup } from '../../services/data-restore';
import { printJson, UsageError, type CliIo } from '../io';

export const restoreHelp = `pledge restore BACKUP_FILE --data DIR [--current DIR] [--confirm-role] [--json]
  백업에서 복원: 데이터 백업 파일(공약이행_백업_….sqlite)을 검사한 뒤 새 데이터 폴더 DIR의 pledge.sqlite로
  씁니다. 백업 파일 안의 내용 확인값(SHA-256)과 맞지 않는(만든 뒤 바뀐, 손상된) 파일은 거절합니다. 이전
  버전이 만든 백업은 확인하지 못했다고 알리고 복원합니다. DIR에 이미 데이터가 있으면 덮어쓰지 않고 거절합니다.
  복원한 뒤 그 폴더를 데이터 폴더로 고르거나 (설정 변경) --data DIR 로 사용하세요. 개인 서명 키는 백업에
  없습니다: 복원한 폴더에서는 (같은 PC라도) 'pledge keys init'으로 새 키를 만들어 기획담당관에 다시 등록하세요.
  --current DIR    이 PC에서 지금 쓰는 데이터 폴더: 백업의 사용자(기획담당관/주관부서와 부서)가 다르면 묻습니다
  --confirm-role   사용자가 다른 백업인 줄 알고 복원합니다 (--current 와 다를 때)
  --json           결과(폴더, 크기, 백업한 사용자, 만든 시각, 문서 수, 확인 결과)를 JSON으로 출력`;

export async function runRestore(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      data: { type: 'string' },
      current: { type: 'string' },
      'confirm-role': { type: 'boolean' },
      json: { type: 'boolean' },
    },
  });
  const [file] = positionals;
  if (!file) throw new UsageError('복원할 백업 파일을 지정하세요.');
  if (!values.data) throw new UsageError('--data DIR 로 복원할 (새) 데이터 폴더를 지정하세요.');
  // The folder is checked as typed (a network share, a file in its place) and made here one level at a time, so
  // one that cannot be made (/proc) fails at once; it is removed again if the backup cannot be restored into it.
  const dir = checkDataFolder(values.data, { create: true });
  // Who uses the folder in use now, read only (its database is not opened for writing).
  const current =
    values.current === undefined
      ? undefined
      : setupOfDatabase(databasePathIn(checkDataFolder(values.current)));
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
    restored = await restoreBackup(file, dir, {
      current,
      confirmRoleChange: values['confirm-role'] === true,
    });
  } catch (error) {
    if (created !== null) rmSync(created, { recursive: true, force: true });
    if (error instanceof UserError && error.code === 'RESTORE_ROLE_CHANGE')
      throw new UserError(error.code, `${error.message}\n그래도 복원하려면 --confirm-role 을 붙이세요.`);
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
    const made =
      restored.backupCreatedAt === null ? '' : `, ${localDateTimeOf(restored.backupCreatedAt)}에 만든 백업`;
    io.out(
      `복원했습니다: ${restored.path} (${who}${made}, 문서 ${restored.documents}건, 받은 제출 파일 ${restored.receivedBundles}건)`,
    );
    io.out(
      restored.note === null
        ? '백업 파일의 내용이 만들 때와 같은지 확인했습니다 (SHA-256).'
        : `참고: ${restored.note}`,
    );
  }
  return 0;
}
