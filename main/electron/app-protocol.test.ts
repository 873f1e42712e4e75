import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_SCHEME_PRIVILEGES, appProtocolResponse } from './app-protocol';
import { APP_ORIGIN, CONTENT_SECURITY_POLICY } from './security';

let root: string;
let rendererDir: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'pledge-app-protocol-'));
  rendererDir = join(root, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(
    join(rendererDir, 'index.html'),
    '<!doctype html><html><head></head><body>공약</body></html>',
  );
  writeFileSync(join(rendererDir, 'assets', 'main-9f.js'), 'export {};');
  writeFileSync(join(root, 'secret.txt'), 'TOP-SECRET');
  symlinkSync(join(root, 'secret.txt'), join(rendererDir, 'assets', 'out.txt'));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('app:// protocol', () => {
  it('is a standard, secure scheme without CSP bypass', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ scheme: 'app', privileges: { standard: true, secure: true } });
  });

  it('serves the page and assets with content types and the CSP, and no token', async () => {
    const page = await appProtocolResponse(`${APP_ORIGIN}/index.html`, rendererDir);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.text()).toBe('<!doctype html><html><head></head><body>공약</body></html>');
    const root = await appProtocolResponse(`${APP_ORIGIN}/`, rendererDir);
    expect(await root.text()).toContain('공약');
    const script = await appProtocolResponse(`${APP_ORIGIN}/assets/main-9f.js`, rendererDir);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('export {};');
  });

  it('refuses another host, traversal, symlinks out and non-GET methods', async () => {
    const refused = [
      'app://other/index.html',
      `${APP_ORIGIN}/..%2fsecret.txt`,
      `${APP_ORIGIN}/assets/..%2f..%2fsecret.txt`,
      `${APP_ORIGIN}/%2e%2e%5csecret.txt`,
      `${APP_ORIGIN}/assets/out.txt`,
      `${APP_ORIGIN}/assets/missing.js`,
    ];
    for (const url of refused) {
      const res = await appProtocolResponse(url, rendererDir);
      expect([400, 404], url).toContain(res.status);
      expect(await res.text(), url).not.toContain('TOP-SECRET');
    }
    // URL parsing already folds plain "..": the request stays inside the folder.
    const folded = await appProtocolResponse(`${APP_ORIGIN}/../../secret.txt`, rendererDir);
    expect(folded.status).toBe(404);
    expect((await appProtocolResponse(`${APP_ORIGIN}/index.html`, rendererDir, 'POST')).status).toBe(405);
  });
});
