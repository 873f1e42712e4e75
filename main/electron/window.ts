import { BrowserWindow, dialog } from 'electron';
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
  // The page holds back its closing while typed cells could not be stored (EditorFrame's beforeunload): Electron
  // then shows nothing by itself, so the question is asked here, in Korean, and closing goes on only if meant.
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'warning',
      title: '저장되지 않은 입력',
      message: '저장되지 않은 입력이 있습니다.',
      detail:
        '입력 오류가 있는 칸은 저장되지 않았습니다. 지금 닫으면 그 칸에 입력한 내용은 사라집니다. 닫을까요?',
      buttons: ['닫기', '머물기'],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    });
    if (choice === 0) event.preventDefault();
  });
  window.loadURL(`${APP_ORIGIN}/index.html`).catch((error: unknown) => {
    console.error('[window] the page could not be loaded', error);
  });
  return window;
}
