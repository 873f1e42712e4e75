import type { ApiError } from '../../domain/api/contract';

/** An error whose message is meant for the user (Korean), with a stable code for programs and tests. */
export class UserError extends Error {
  readonly code: string;
  readonly details: Record<string, string> | undefined;
  constructor(code: string, message: string, details?: Record<string, string>) {
    super(message);
    this.name = 'UserError';
    this.code = code;
    this.details = details;
  }
  toApiError(): ApiError {
    return { code: this.code, message: this.message, details: this.details };
  }
}

/** What the disk or the data file did, by SQLite's (and the file system's) error code: what happened, what to do. */
const STORAGE_PROBLEMS: Record<string, { code: string; what: string; todo: string; unchanged: boolean }> = {
  SQLITE_FULL: {
    code: 'DISK_FULL',
    what: '디스크 공간이 부족해 데이터를 저장하지 못했습니다.',
    todo: '데이터 폴더가 있는 디스크의 공간을 비운 뒤 다시 시도하세요.',
    unchanged: true,
  },
  ENOSPC: {
    code: 'DISK_FULL',
    what: '디스크 공간이 부족해 파일을 쓰지 못했습니다.',
    todo: '디스크의 공간을 비운 뒤 다시 시도하세요.',
    unchanged: true,
  },
  SQLITE_READONLY: {
    code: 'DATA_READ_ONLY',
    what: '데이터 파일에 쓸 수 없습니다 (읽기 전용이거나 권한이 없습니다).',
    todo: '데이터 폴더의 권한을 확인하세요.',
    unchanged: true,
  },
  SQLITE_BUSY: {
    code: 'DATA_BUSY',
    what: '다른 프로그램이 데이터 파일을 쓰고 있어 기다리다 멈췄습니다.',
    todo: '잠시 뒤 다시 시도하세요.',
    unchanged: true,
  },
  SQLITE_IOERR: {
    code: 'DATA_IO_ERROR',
    what: '디스크에서 데이터 파일을 읽거나 쓰지 못했습니다.',
    todo: '저장장치(USB·네트워크 드라이브가 빠지지 않았는지)를 확인하고 다시 시도하세요.',
    unchanged: true,
  },
  SQLITE_CORRUPT: {
    code: 'DATA_CORRUPT',
    what: '데이터 파일이 손상되어 읽거나 쓰지 못했습니다.',
    todo: '더 작업하지 말고 전산 담당자에게 알리세요. 데이터 백업 파일이 있으면 설정 변경 → 백업에서 복원으로 새 데이터 폴더에 복원할 수 있습니다.',
    unchanged: false,
  },
};

/**
 * A storage failure said plainly (SQLite's extended codes, e.g. SQLITE_IOERR_WRITE, count as their family), or null
 * for any other error. Each operation writes in one transaction, so its data is as it was; an import commits its
 * files in batches (`partOfImport`), so the files of the batches before stay received.
 */
export function storageError(
  error: unknown,
  options: { partOfImport?: boolean } = {},
): { code: string; message: string } | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  const problem = STORAGE_PROBLEMS[code] ?? STORAGE_PROBLEMS[/^SQLITE_[A-Z]+/.exec(code)?.[0] ?? ''];
  if (problem === undefined) return null;
  const outcome = options.partOfImport
    ? '이미 반영된 제출 파일은 그대로 있고, 나머지는 반영되지 않았습니다. 해결한 뒤 같은 파일들을 다시 가져오면 이미 받은 파일은 중복으로 건너뜁니다.'
    : problem.unchanged
      ? '저장된 데이터는 바뀌지 않았습니다.'
      : '';
  return {
    code: problem.code,
    message: [problem.what, outcome, problem.todo].filter((t) => t !== '').join(' '),
  };
}
