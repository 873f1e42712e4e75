import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_TOKEN_HEADER, apiPathOf } from '../../domain/api/bridge';
import { makeCopy } from '../services/bundle-test-support';
import { startBrowserMode, type BrowserMode } from './browser-mode';

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

function warmUpOf(running: BrowserMode) {
  const warmUp = running.runtime.warmUp;
  if (warmUp === null) throw new Error('the data did not open');
  return warmUp;
}

async function callApi(running: BrowserMode, name: Parameters<typeof apiPathOf>[0], input: unknown = {}) {
  const response = await fetch(new URL(apiPathOf(name), running.bridge.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', [API_TOKEN_HEADER]: running.bridge.token },
    body: JSON.stringify(input),
  });
  return (await response.json()) as
    { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };
}

describe('startBrowserMode', () => {
  it('serves the real handlers over HTTP with the data in the given folder, and closes', async () => {
    const dataDir = join(root, 'data-override');
    const running = await startBrowserMode({
      appRoot: join(root, 'app'),
      profileDir: join(root, 'profile'),
      dataDirOverride: dataDir,
      reportWarmUpDelayMs: 0,
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
      // A copy not set up yet (nor a department's) has no office report to build.
      expect(running.runtime.startupProblem).toBeNull();
      expect((await warmUpOf(running).done).kind).toBe('skipped');
    } finally {
      await running.close();
    }
    await expect(fetch(running.bridge.url)).rejects.toThrow();
  });

  it("builds the office's report in the background, and the screen's first request gets that report", async () => {
    // An office copy set up beforehand (its data folder), then opened by browser mode.
    const prepared = await makeCopy(root, 'office', { role: 'office' });
    await prepared.close();
    const running = await startBrowserMode({
      appRoot: join(root, 'app'),
      profileDir: join(root, 'office-profile'),
      dataDirOverride: join(root, 'office', 'data'),
      reportWarmUpDelayMs: 0,
    });
    try {
      const outcome = await warmUpOf(running).done;
      expect(outcome.kind).toBe('built');
      const call = async (name: Parameters<typeof apiPathOf>[0], input: unknown) => {
        const response = await fetch(new URL(apiPathOf(name), running.bridge.url), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', [API_TOKEN_HEADER]: running.bridge.token },
          body: JSON.stringify(input),
        });
        return ((await response.json()) as { ok: boolean; value: unknown }).value;
      };
      const { periodId } = (await call('getDefaultReportPeriod', {})) as { periodId: string };
      const view = await call('getOfficeReport', { periodId, executionRateThreshold: 0.3 });
      if (outcome.kind === 'built') expect(view).toEqual(JSON.parse(JSON.stringify(outcome.view)));
    } finally {
      await running.close();
    }
  });

  it('refuses to start without a built renderer', async () => {
    await expect(
      startBrowserMode({ appRoot: join(root, 'nothing-built'), profileDir: join(root, 'profile2') }),
    ).rejects.toThrow('npm run build');
  });
});

describe('startBrowserMode on data it cannot read', () => {
  it('starts on the recovery screen for a data file that is not a database, and leaves the file as it was', async () => {
    const dataDir = join(root, 'broken-data');
    mkdirSync(dataDir, { recursive: true });
    const junk = Buffer.from('이 파일은 데이터베이스가 아닙니다. '.repeat(200), 'utf8');
    writeFileSync(join(dataDir, 'pledge.sqlite'), junk);
    const running = await startBrowserMode({
      appRoot: join(root, 'app'),
      profileDir: join(root, 'broken-profile'),
      dataDirOverride: dataDir,
    });
    try {
      expect(running.runtime.context).toBeNull();
      expect(running.runtime.warmUp).toBeNull();
      const problem = await callApi(running, 'getStartupProblem');
      expect(problem).toMatchObject({
        ok: true,
        value: { code: 'DATA_DIR_UNREADABLE', databasePath: join(dataDir, 'pledge.sqlite'), dataDir },
      });
      const refused = await callApi(running, 'getSetup');
      expect(refused).toMatchObject({ ok: false, error: { code: 'DATA_DIR_UNREADABLE' } });
      if (!refused.ok)
        expect(refused.error.message).toContain(
          `공약이행 데이터베이스가 아니거나 손상된 파일이라 데이터를 열 수 없습니다: ${join(dataDir, 'pledge.sqlite')}`,
        );
    } finally {
      await running.close();
    }
    await expect(fetch(running.bridge.url)).rejects.toThrow();
    expect(readFileSync(join(dataDir, 'pledge.sqlite')).equals(junk)).toBe(true);
  });

  it('names an unreadable settings file instead of opening the default folder as if none was chosen', async () => {
    const profileDir = join(root, 'profile-with-broken-config');
    mkdirSync(profileDir, { recursive: true });
    writeFileSync(join(profileDir, 'config.json'), '{"dataDir": "D:\\공약');
    const started = startBrowserMode({ appRoot: join(root, 'app'), profileDir });
    await expect(started).rejects.toMatchObject({ code: 'PROFILE_CONFIG_UNREADABLE' });
    await expect(started).rejects.toThrow(join(profileDir, 'config.json'));
    expect(existsSync(join(profileDir, 'data'))).toBe(false);
    // JSON of another shape (no folder in it) is no choice either.
    writeFileSync(join(profileDir, 'config.json'), '{}');
    await expect(startBrowserMode({ appRoot: join(root, 'app'), profileDir })).rejects.toMatchObject({
      code: 'PROFILE_CONFIG_UNREADABLE',
    });
    expect(existsSync(join(profileDir, 'data'))).toBe(false);
  });
});
