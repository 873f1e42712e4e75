import { parseArgs } from 'node:util';

/** What `npm start` (out/main/start.mjs) was asked to do. */
export interface StartOptions {
  /** Browser mode even when Electron is available. */
  browser: boolean;
  /** A data folder for this run only (not remembered). */
  dataDir: string | undefined;
  /** Browser-mode port; 0 picks a free one. */
  port: number;
  /** Open the URL in the default browser (off with --no-open, e.g. in e2e). */
  open: boolean;
}

export class StartArgsError extends Error {
  override name = 'StartArgsError';
}

export const START_USAGE =
  '사용법: npm start -- [--browser] [--data 폴더] [--port 번호] [--no-open]\n' +
  '  --browser   Electron이 있어도 브라우저 모드로 시작합니다\n' +
  '  --data      이번 실행에만 쓸 데이터 폴더\n' +
  '  --port      브라우저 모드의 포트 (기본: 빈 포트 자동 선택)\n' +
  '  --no-open   브라우저를 자동으로 열지 않습니다';

export function parseStartArgs(args: readonly string[]): StartOptions {
  let values: { browser?: boolean; data?: string; port?: string; 'no-open'?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        browser: { type: 'boolean' },
        data: { type: 'string' },
        port: { type: 'string' },
        'no-open': { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new StartArgsError(`알 수 없는 실행 옵션입니다 (${detail}).\n${START_USAGE}`);
  }
  const dataDir = values.data?.trim();
  if (values.data !== undefined && !dataDir)
    throw new StartArgsError('--data 에 데이터 폴더 경로를 적으세요.');
  let port = 0;
  if (values.port !== undefined) {
    port = Number(values.port);
    if (!/^\d+$/.test(values.port) || port > 65535) {
      throw new StartArgsError(`--port 는 0부터 65535 사이의 숫자여야 합니다: ${values.port}`);
    }
  }
  return { browser: values.browser ?? false, dataDir: dataDir || undefined, port, open: !values['no-open'] };
}

/**
 * `--data DIR` or `--data=DIR` from Electron's argv. Electron and Chromium add their own switches there, so this
 * scans leniently instead of refusing unknown ones.
 */
export function dataDirFromArgv(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--data') return argv[i + 1]?.trim() || undefined;
    if (arg?.startsWith('--data=')) return arg.slice('--data='.length).trim() || undefined;
  }
  return undefined;
}
