import { BrowserWindow, dialog, ipcMain } from 'electron';
import { closeQuestion, trackUnsavedInput } from './close-question';
import { APP_ORIGIN, isTrustedSender, secureWebPreferences } from './security';

export interface MainWindowOptions {
  /** out/preload/preload.cjs inside the app folder. */
  preloadPath: string;
}

/**
 * The one window. Its WebContents is hardened by the app-wide 'web-contents-created' hook in main.ts, which runs
 * before anything is loaded; the page comes from app://pledge/ (see app-protocol.ts for why not file://).
 */
export function createMainWindow({ preloadPath }: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: '공약이행 관리',
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(preloadPath),
  });
  window.once('ready-to-show', () => window.show());
  // The page holds back its closing while anything typed is not stored (EditorFrame's beforeunload): Electron then
  // shows nothing by itself, so the question is asked here, in Korean, naming what the page last reported (a save
  // under way, a failed one with its reason, refused cells), and closing goes on only if meant.
  const unsaved = trackUnsavedInput(ipcMain, window.webContents, (frame) => isTrustedSender(frame));
  window.once('closed', () => unsaved.dispose());
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, closeQuestion(unsaved.current()));
    if (choice === 0) event.preventDefault();
  });
  window.loadURL(`${APP_ORIGIN}/index.html`).catch((error: unknown) => {
    console.error('[window] the page could not be loaded', error);
  });
  return window;
}
