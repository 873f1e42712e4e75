import { parseArgs } from 'node:util';
import { clockFromEnv, databasePathIn, unreadableDatabaseError } from '../../services/context';
import { backupDataFolder } from '../../services/data-backup';
import { printJson, type CliIo } from '../io';
import { checkDataFolder } from '../data-context';

export const backupHelp = `pledge backup --data DIR [--out FOLDER] [--json]
  데이터 백업: 데이터 폴더의 데이터베이스(작성 중인 문서와 변경 기록, 첨부, 받은 제출 파일, 결정)를 검사를 마친 파일
  하나로 복사합니다. 파일 안에 만들 때의 내용 확인값(SHA-256)이 들어 있어, 복원할 때 그 뒤에 바뀐(손상된) 파일은
  거절합니다. 프로그램이 실행 중이어도 되고, 데이터 폴더는 읽기만 합니다 (쓸 수 없는 폴더도 백업할 수 있습니다).
  개인 서명 키는 들어가지 않습니다.
  --out FOLDER   백업 파일을 둘 폴더 (이미 있어야 함, 예: USB). 없으면 데이터 폴더의 backups/
  --json         결과(경로, 크기, 시각)를 JSON으로 출력
  복원: pledge restore BACKUP_FILE --data 새_폴더 (또는 설정 변경 → 백업에서 복원).`;

export async function runBackup(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { data: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' } },
  });
  // The folder is only read (never opened for writing, nor migrated): a read-only data folder can be backed up.
  const dir = checkDataFolder(values.data);
  let backup: Awaited<ReturnType<typeof backupDataFolder>>;
  try {
    backup = await backupDataFolder(dir, values.out, clockFromEnv(process.env.PLEDGE_NOW)());
  } catch (error) {
    throw unreadableDatabaseError(error, databasePathIn(dir));
  }
  if (values.json) printJson(io, backup);
  else io.out(`백업했습니다: ${backup.path} (${backup.bytes.toLocaleString('en-US')}바이트)`);
  return 0;
}
