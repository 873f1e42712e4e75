import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createAppContext, type AppContext } from '../services/context';
import { UsageError } from './io';

/** The app version for manifests: package.json next to the running bundle (out/cli → ../..) or the cwd. */
export function cliAppVersion(): string {
  const roots = [process.argv[1] ? join(dirname(resolve(process.argv[1])), '..', '..') : null, process.cwd()];
  for (const root of roots) {
    const path = root && join(root, 'package.json');
    if (!path || !existsSync(path)) continue;
    try {
      const pkg = JSON.parse(readFileSync(path, 'utf8')) as { name?: unknown; version?: unknown };
      if (pkg.name === 'pledge-tracker' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // try the next candidate
    }
  }
  return '0.1.0';
}

/** Opens the data folder given with --data for one command and closes it afterwards. */
export async function withData<T>(
  dataDir: string | undefined,
  work: (ctx: AppContext) => Promise<T>,
): Promise<T> {
  if (!dataDir) throw new UsageError('--data DIR 로 데이터 폴더를 지정하세요.');
  const ctx = await createAppContext({
    profileDir: resolve(dataDir),
    dataDirOverride: dataDir,
    mode: 'cli',
    appVersion: cliAppVersion(),
  });
  try {
    return await work(ctx);
  } finally {
    await ctx.close();
  }
}
