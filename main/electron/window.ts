import { BrowserWindow } from 'electron';
import { APP_ORIGIN, secureWebPreferences } from './security';

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
  window.loadURL(`${APP_ORIGIN}/index.html`).catch((error: unknown) => {
    console.error('[window] the page could not be loaded', error);
  });
  return window;
}
