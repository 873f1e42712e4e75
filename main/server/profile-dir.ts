import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';

export const PROFILE_FOLDER_NAME = 'pledge-tracker';

/**
 * The per-user folder holding the bootstrap config (where the data lives). Electron mode, browser mode and the CLI
 * use the same folder, so a user who switches between them sees the same data. It matches Electron's own
 * `app.getPath('appData')` per platform; PLEDGE_PROFILE_DIR overrides it (tests, portable setups).
 */
export function defaultProfileDir(
  env: Readonly<Record<string, string | undefined>> = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  const override = env.PLEDGE_PROFILE_DIR?.trim();
  if (override) return override;
  if (platform === 'win32') {
    return win32.join(env.APPDATA || win32.join(home, 'AppData', 'Roaming'), PROFILE_FOLDER_NAME);
  }
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', PROFILE_FOLDER_NAME);
  return posix.join(env.XDG_CONFIG_HOME || posix.join(home, '.config'), PROFILE_FOLDER_NAME);
}
