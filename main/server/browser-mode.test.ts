import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_TOKEN_HEADER, apiPathOf } from '../../domain/api/bridge';
import { startBrowserMode } from './browser-mode';

let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'pledge-browser-mode-'));
  mkdirSync(join(root, 'app', 'out', 'renderer'), { recursive: true });
  writeFileSync(
    join(root, 'app', 'package.json'),
    JSON.stringify({ name: 'pledge-tracker', version: '3.4.5' }),
  );
  writeFileSync(
    join(root, 'app', 'out', 'renderer', 'index.html'),
    '<html><head></head><body></body></html>',
  );
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('startBrowserMode', () => {
  it('serves the real handlers over HTTP with the data in the given folder, and closes', async () => {
    const dataDir = join(root, 'data-override');
    const running = await startBrowserMode({
      appRoot: join(root, 'app'),
      profileDir: join(root, 'profile'),
      dataDirOverride: dataDir,
    });
    try {
      const page = await fetch(running.bridge.url);
      expect(await page.text()).toContain(running.bridge.token);
      const response = await fetch(new URL(apiPathOf('getAppInfo'), running.bridge.url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [API_TOKEN_HEADER]: running.bridge.token },
        body: '',
      });
      const result = (await response.json()) as {
        ok: boolean;
        value: { mode: string; version: string; databasePath: string };
      };
      expect(result.ok).toBe(true);
      expect(result.value.mode).toBe('browser');
      expect(result.value.version).toBe('3.4.5');
      expect(result.value.databasePath.startsWith(dataDir)).toBe(true);
    } finally {
      await running.close();
    }
    await expect(fetch(running.bridge.url)).rejects.toThrow();
  });

  it('refuses to start without a built renderer', async () => {
    await expect(
      startBrowserMode({ appRoot: join(root, 'nothing-built'), profileDir: join(root, 'profile2') }),
    ).rejects.toThrow('npm run build');
  });
});
