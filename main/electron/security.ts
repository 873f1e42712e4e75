import type { Session, WebContents, WebFrameMain, WebPreferences } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../server/content-security-policy';

/**
 * The renderer's cage, after Electron's security checklist and Actual Budget's desktop-electron: no Node, isolated
 * and sandboxed, one origin (app://pledge), nothing else may be navigated to, opened, embedded or granted.
 * The tests import these same values; never weaken them for a test.
 */

export { CONTENT_SECURITY_POLICY };

/** The custom scheme the renderer is served from (see app-protocol.ts). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'pledge';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
  };
}

/**
 * True when `url` is in the app's origin. Compared by scheme and host because Node's URL gives custom schemes an
 * opaque origin ("null"); credentials in the URL are never ours.
 */
export function isAllowedNavigation(url: string, appOrigin: string = APP_ORIGIN): boolean {
  let target: URL;
  let app: URL;
  try {
    target = new URL(url);
    app = new URL(appOrigin);
  } catch {
    return false;
  }
  return (
    target.protocol === app.protocol &&
    target.host === app.host &&
    target.host !== '' &&
    target.username === '' &&
    target.password === ''
  );
}

/** The frame shape we rely on (a subset of Electron's WebFrameMain). */
export type SenderFrame = Pick<WebFrameMain, 'url'> & { readonly parent: unknown };

/**
 * An IPC message is trusted only from the top-level frame of our own page: a sub-frame (an iframe, even one
 * CSP would block from loading content) must never reach the handlers.
 */
export function isTrustedSender(
  frame: SenderFrame | null | undefined,
  appOrigin: string = APP_ORIGIN,
): boolean {
  if (!frame) return false;
  if (frame.parent !== null) return false;
  return isAllowedNavigation(frame.url, appOrigin);
}

type HeaderMap = Record<string, string | string[]>;

/** The page's response headers with our CSP replacing whatever CSP came with them (any capitalisation). */
export function withContentSecurityPolicy(headers: HeaderMap | undefined): HeaderMap {
  const result: HeaderMap = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = value;
  }
  result['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return result;
}

export type HardenableSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
> & {
  webRequest: Pick<Session['webRequest'], 'onHeadersReceived'>;
};

/**
 * The one permission the app's own pages get: writing plain text to the clipboard (미제출 안내문 복사). Reading it
 * stays denied, as does everything else.
 */
const CLIPBOARD_WRITE = 'clipboard-sanitized-write';

const isOwnOrigin = (url: string | undefined, appOrigin: string): boolean =>
  url !== undefined && (url === appOrigin || url.startsWith(`${appOrigin}/`));

/**
 * Denies every permission (camera, notifications, clipboard-read, USB, …) but the app's own clipboard writes, and
 * enforces the CSP on every response.
 */
export function hardenSession(session: HardenableSession, appOrigin: string = APP_ORIGIN): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(permission === CLIPBOARD_WRITE && isOwnOrigin(details.requestingUrl, appOrigin)),
  );
  session.setPermissionCheckHandler(
    (_contents, permission, requestingOrigin) =>
      permission === CLIPBOARD_WRITE && isOwnOrigin(requestingOrigin, appOrigin),
  );
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) =>
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) }),
  );
}

export type HardenableWebContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * Keeps every WebContents on the app's origin: navigations and redirects elsewhere are stopped, new windows are
 * denied (links to the web are not opened either: the app needs none), and <webview> is refused even though
 * `webviewTag: false` already prevents it.
 */
export function hardenWebContents(contents: HardenableWebContents, appOrigin: string = APP_ORIGIN): void {
  const stopForeign = (event: { url: string; preventDefault(): void }) => {
    if (!isAllowedNavigation(event.url, appOrigin)) event.preventDefault();
  };
  contents.on('will-navigate', stopForeign);
  contents.on('will-frame-navigate', stopForeign);
  contents.on('will-redirect', stopForeign);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
