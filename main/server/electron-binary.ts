import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Where the Electron executable is, or null. Deliberately not `require('electron')`: in Electron 45 that call
 * starts a download when the binary is missing (slow or hanging on an air-gapped network, and noisy). Instead this
 * reads what the electron package's installer leaves behind: `path.txt` naming the executable inside `dist/`.
 */
export function findElectronBinary(
  appRoot: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
  platform: NodeJS.Platform = process.platform,
): string | null {
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(join(appRoot, 'package.json')).resolve('electron/package.json'));
  } catch {
    return null;
  }
  let executable = '';
  try {
    executable = readFileSync(join(packageDir, 'path.txt'), 'utf8').trim();
  } catch {
    // Not downloaded by the installer; only an unpacked binary named by ELECTRON_OVERRIDE_DIST_PATH can help.
  }
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  // Same rule as the electron package: the override folder holds the executable under its platform name.
  if (!executable && override) executable = platform === 'win32' ? 'electron.exe' : 'electron';
  if (!executable) return null;
  const binary = join(override || join(packageDir, 'dist'), executable);
  return existsSync(binary) ? binary : null;
}
