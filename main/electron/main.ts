import { app, dialog, ipcMain, protocol, safeStorage, session, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { startAppRuntime, type AppRuntime } from '../services/app-runtime';
import { dataDirFromArgv } from '../server/launch-options';
import { defaultProfileDir } from '../server/profile-dir';
import { setVerifyWorkerFile } from '../services/bundle-verify';
import { setPrivateKeyStoreFactory } from '../services/key-store';
import { APP_SCHEME_PRIVILEGES, serveAppProtocol } from './app-protocol';
import { registerIpcHandlers } from './ipc';
import { safeStorageKeyStore } from './safe-storage-key-store';
import { hardenSession, hardenWebContents, isTrustedSender } from './security';
import { createMainWindow } from './window';

/**
 * Electron entry (bundled to out/main/electron.cjs). Order matters: the scheme and the profile path must be set
 * before the app is ready, and the single-instance lock lives in the userData folder.
 */

protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();

const profileDir = defaultProfileDir();
// Chromium's own files (cache, local storage, the instance lock) go to a subfolder, apart from our config and data,
// while the profile itself is the one browser mode and the CLI use too.
app.setPath('userData', join(profileDir, 'electron'));

let runtime: AppRuntime | undefined;
let mainWindow: BrowserWindow | undefined;
let closing = false;

async function start(): Promise<void> {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (!runtime || closing) return;
    // Close the database (after the reports built in the background) before the process ends, then quit for real.
    event.preventDefault();
    closing = true;
    runtime
      .close()
      .catch((error: unknown) => console.error('[main] closing the data failed', error))
      .finally(() => app.quit());
  });

  await app.whenReady();
  hardenSession(session.defaultSession);
  const appDir = app.getAppPath();
  serveAppProtocol(protocol, join(appDir, 'out', 'renderer'));
  // Bundles are verified in a worker thread; its file is unpacked from the asar archive (see electron-builder.yml).
  setVerifyWorkerFile(
    join(appDir.replace(/app\.asar$/, 'app.asar.unpacked'), 'out', 'main', 'verify-worker.mjs'),
  );
  // Keys encrypted by the OS where it can; otherwise the 0600 key file, and the key screen says which.
  setPrivateKeyStoreFactory((dataDir) => safeStorageKeyStore(safeStorage, process.platform, dataDir));

  // The full handlers over the data folder, or the recovery screen's when its data file cannot be read (the same
  // as browser mode: app-runtime.ts); any other failure stops the start below, with its message.
  runtime = await startAppRuntime({
    profileDir,
    dataDirOverride: dataDirFromArgv(process.argv),
    mode: 'electron',
    appVersion: app.getVersion(),
  });
  registerIpcHandlers(ipcMain, runtime.handlers, (frame) => isTrustedSender(frame));

  mainWindow = createMainWindow({ preloadPath: join(appDir, 'out', 'preload', 'preload.cjs') });
  mainWindow.on('closed', () => (mainWindow = undefined));
}

if (!app.requestSingleInstanceLock()) {
  // Another copy is running; it gets focused through 'second-instance'.
  app.quit();
} else {
  start().catch((error: unknown) => {
    console.error('[main] start failed', error);
    const detail = error instanceof Error ? error.message : String(error);
    dialog.showErrorBox(
      '공약이행 관리를 시작할 수 없습니다',
      `프로그램을 시작하는 중 오류가 발생했습니다.\n\n${detail}`,
    );
    app.exit(1);
  });
}
