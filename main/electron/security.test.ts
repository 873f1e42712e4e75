import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY as SERVED_CSP } from '../server/content-security-policy';
import {
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  hardenSession,
  hardenWebContents,
  isAllowedNavigation,
  isTrustedSender,
  secureWebPreferences,
  withContentSecurityPolicy,
  type HardenableSession,
  type HardenableWebContents,
} from './security';

const directives = (csp: string) =>
  new Map(
    csp.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values];
    }),
  );

describe('secureWebPreferences', () => {
  it('isolates, sandboxes and strips Node from the renderer', () => {
    const prefs = secureWebPreferences('/app/out/preload/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      spellcheck: false,
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  const policy = directives(CONTENT_SECURITY_POLICY);

  it('is the policy the browser-mode server sends', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(SERVED_CSP);
  });

  it('allows only our own scripts, styles and connections', () => {
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
  });

  it('blocks plugins, base rewriting, form posts and framing', () => {
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('has no unsafe or wildcard source anywhere', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|\*|https?:|wasm-unsafe/);
  });
});

describe('isAllowedNavigation', () => {
  it('allows pages of the app origin', () => {
    expect(APP_ORIGIN).toBe('app://pledge');
    expect(isAllowedNavigation('app://pledge/index.html', APP_ORIGIN)).toBe(true);
    expect(isAllowedNavigation('app://pledge/cards/1-1-7?tab=2#x', APP_ORIGIN)).toBe(true);
  });

  it.each([
    'https://example.com/',
    'http://127.0.0.1:5173/',
    'file:///etc/passwd',
    'app://evil/index.html',
    'app://pledge.evil/index.html',
    'app://user:pw@pledge/index.html',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    'devtools://devtools/bundled/inspector.html',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isAllowedNavigation(url, APP_ORIGIN)).toBe(false);
  });
});

describe('isTrustedSender', () => {
  const mainFrame = { url: 'app://pledge/index.html', parent: null };

  it('trusts the main frame of our page', () => {
    expect(isTrustedSender(mainFrame, APP_ORIGIN)).toBe(true);
  });

  it('refuses a sub-frame, even of our own origin', () => {
    expect(isTrustedSender({ url: 'app://pledge/index.html', parent: mainFrame }, APP_ORIGIN)).toBe(false);
  });

  it('refuses a main frame showing another origin, and a missing frame', () => {
    expect(isTrustedSender({ url: 'https://example.com/', parent: null }, APP_ORIGIN)).toBe(false);
    expect(isTrustedSender({ url: 'file:///tmp/index.html', parent: null }, APP_ORIGIN)).toBe(false);
    expect(isTrustedSender(null, APP_ORIGIN)).toBe(false);
    expect(isTrustedSender(undefined, APP_ORIGIN)).toBe(false);
  });
});

/** A fake shaped like Electron's Session that keeps the handlers our code registers. */
function fakeSession() {
  const registered: Record<string, (...args: never[]) => unknown> = {};
  const session = {
    setPermissionRequestHandler: (handler: unknown) => (registered.permissionRequest = handler as never),
    setPermissionCheckHandler: (handler: unknown) => (registered.permissionCheck = handler as never),
    setDevicePermissionHandler: (handler: unknown) => (registered.devicePermission = handler as never),
    webRequest: { onHeadersReceived: (handler: unknown) => (registered.headersReceived = handler as never) },
  };
  return { session: session as unknown as HardenableSession, registered };
}

describe('hardenSession', () => {
  it('denies every permission request and check', () => {
    const { session, registered } = fakeSession();
    hardenSession(session);
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'usb',
    ]) {
      const answers: boolean[] = [];
      (registered.permissionRequest as (...a: unknown[]) => void)({}, permission, (granted: boolean) =>
        answers.push(granted),
      );
      expect(answers, permission).toEqual([false]);
      expect(
        (registered.permissionCheck as (...a: unknown[]) => boolean)(null, permission, APP_ORIGIN, {}),
      ).toBe(false);
    }
    expect(
      (registered.devicePermission as (...a: unknown[]) => boolean)({
        deviceType: 'usb',
        origin: APP_ORIGIN,
      }),
    ).toBe(false);
  });

  it("lets the app's own pages write text to the clipboard, and nothing else: no other origin, no reading", () => {
    const { session, registered } = fakeSession();
    hardenSession(session);
    const request = (permission: string, requestingUrl: string) => {
      const answers: boolean[] = [];
      (registered.permissionRequest as (...a: unknown[]) => void)(
        {},
        permission,
        (granted: boolean) => answers.push(granted),
        { requestingUrl },
      );
      return answers;
    };
    const check = (permission: string, origin: string) =>
      (registered.permissionCheck as (...a: unknown[]) => boolean)(null, permission, origin, {});
    expect(request('clipboard-sanitized-write', `${APP_ORIGIN}/index.html`)).toEqual([true]);
    expect(check('clipboard-sanitized-write', APP_ORIGIN)).toBe(true);
    expect(request('clipboard-sanitized-write', 'https://example.com/')).toEqual([false]);
    expect(check('clipboard-sanitized-write', 'https://example.com')).toBe(false);
    expect(check('clipboard-sanitized-write', `${APP_ORIGIN}.example.com`)).toBe(false);
    expect(request('clipboard-read', `${APP_ORIGIN}/index.html`)).toEqual([false]);
    expect(check('clipboard-read', APP_ORIGIN)).toBe(false);
  });

  it('puts our CSP on every response, replacing a weaker one', () => {
    const { session, registered } = fakeSession();
    hardenSession(session);
    const responses: unknown[] = [];
    (registered.headersReceived as (...a: unknown[]) => void)(
      {
        url: 'app://pledge/index.html',
        responseHeaders: { 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] },
      },
      (response: unknown) => responses.push(response),
    );
    expect(responses).toEqual([
      {
        responseHeaders: {
          'Content-Type': ['text/html'],
          'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
        },
      },
    ]);
  });
});

describe('withContentSecurityPolicy', () => {
  it('adds the CSP to a response without headers', () => {
    expect(withContentSecurityPolicy(undefined)).toEqual({
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
  });
});

/** A fake shaped like Electron's WebContents that keeps the listeners our code registers. */
function fakeWebContents() {
  const listeners = new Map<string, ((...args: unknown[]) => unknown)[]>();
  let windowOpenHandler: ((details: unknown) => unknown) | undefined;
  const contents = {
    on(event: string, listener: (...args: unknown[]) => unknown) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return contents;
    },
    setWindowOpenHandler(handler: (details: unknown) => unknown) {
      windowOpenHandler = handler;
    },
  };
  /** Emits like Electron: returns whether some listener called preventDefault. */
  const emit = (event: string, params: object = {}, ...rest: unknown[]) => {
    let prevented = false;
    const eventObject = { ...params, preventDefault: () => (prevented = true) };
    for (const listener of listeners.get(event) ?? []) listener(eventObject, ...rest);
    return { prevented, listenerCount: listeners.get(event)?.length ?? 0 };
  };
  return {
    contents: contents as unknown as HardenableWebContents,
    emit,
    openWindow: (url: string) => windowOpenHandler?.({ url, disposition: 'new-window' }),
  };
}

describe('hardenWebContents', () => {
  for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
    it(`${event}: stops navigation away from the app and lets app pages through`, () => {
      const { contents, emit } = fakeWebContents();
      hardenWebContents(contents, APP_ORIGIN);
      const away = emit(event, { url: 'https://example.com/phish' }, 'https://example.com/phish');
      expect(away).toEqual({ prevented: true, listenerCount: 1 });
      expect(emit(event, { url: 'file:///etc/passwd' }).prevented).toBe(true);
      expect(emit(event, { url: 'app://pledge/index.html' }).prevented).toBe(false);
    });
  }

  it('denies every new window, even one of our own origin', () => {
    const { contents, openWindow } = fakeWebContents();
    hardenWebContents(contents, APP_ORIGIN);
    expect(openWindow('https://example.com/')).toEqual({ action: 'deny' });
    expect(openWindow('app://pledge/index.html')).toEqual({ action: 'deny' });
  });

  it('refuses to attach a webview', () => {
    const { contents, emit } = fakeWebContents();
    hardenWebContents(contents, APP_ORIGIN);
    const result = emit(
      'will-attach-webview',
      {},
      { nodeIntegration: true },
      { src: 'app://pledge/index.html' },
    );
    expect(result).toEqual({ prevented: true, listenerCount: 1 });
  });
});
