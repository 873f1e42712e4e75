import { join } from 'node:path';
import { type AppContext, createAppContext } from '../context';

/**
 * Copies of the app on given data folders (each with a profile folder beside it), kept in `open` in the order
 * opened, for tests that move data folders around; `closeAll` closes them (after each test).
 */
export function openCopies(): {
  open: AppContext[];
  copyAt(dataDir: string): Promise<AppContext>;
  closeAll(): Promise<void>;
} {
  const open: AppContext[] = [];
  return {
    open,
    async copyAt(dataDir) {
      const ctx = await createAppContext({
        profileDir: join(dataDir, '..', 'profile'),
        dataDirOverride: dataDir,
        mode: 'cli',
        appVersion: '0.1.0',
      });
      open.push(ctx);
      return ctx;
    },
    async closeAll() {
      for (const ctx of open.splice(0)) await ctx.close();
    },
  };
}
