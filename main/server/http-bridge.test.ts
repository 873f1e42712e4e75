import { stubHandlers } from '../services/test-support/stub-handlers';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Handlers, PlanConfirmationRow, SetupState } from '../../domain/api/contract';
import { API_TOKEN_HEADER, API_TOKEN_META_NAME, apiPathOf } from '../../domain/api/bridge';
import { UserError } from '../services/errors';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';
import {
  MAX_API_BODY_BYTES,
  createApiToken,
  startHttpBridge,
  tokensMatch,
  type HttpBridge,
} from './http-bridge';

const setupState: SetupState = {
  configured: true,
  role: 'department',
  department: '기획담당관',
  dataDir: '/data',
  defaultDataDir: '/data',
  startDataDir: null,
};

/** Real handlers of the contract's shape, recording what reached them. */
function testHandlers(received: unknown[]): Handlers {
  return stubHandlers({
    getAppInfo: () => ({
      version: '9.9.9',
      mode: 'browser',
      databasePath: '/tmp/x.sqlite',
      schemaVersion: 3,
    }),
    getSetup: () => setupState,
    saveSetup: (input) => {
      received.push(input);
      return { ...setupState, role: input.role, department: input.department, dataDir: input.dataDir };
    },
    getCatalog: () => {
      throw new UserError('NO_CATALOG', '공약 목록이 아직 없습니다.');
    },
    getTerm: () => {
      throw new Error('boom');
    },
    listPlanConfirmations: () => frozenPlans,
  });
}

/** A frozen result (as the office's kept report is), with text that JSON must escape. */
const frozenPlans: PlanConfirmationRow[] = Object.freeze([
  Object.freeze({
    projectId: '1-1-1',
    projectName: '마포 "핀테크" 랩\u2028 \\ 거점',
    leadDepartment: '경제진흥본부',
    received: null,
    confirmed: null,
    state: 'notReceived' as const,
  }),
]) as PlanConfirmationRow[];

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function rawRequest(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

let root: string;
let staticDir: string;
let bridge: HttpBridge;
const received: unknown[] = [];

const hostHeader = () => `127.0.0.1:${bridge.port}`;
const apiHeaders = (extra: Record<string, string> = {}): Record<string, string> => ({
  Host: hostHeader(),
  'Content-Type': 'application/json',
  [API_TOKEN_HEADER]: bridge.token,
  ...extra,
});
const callApi = (path: string, body: unknown, headers = apiHeaders()) =>
  rawRequest(bridge.port, {
    method: 'POST',
    path,
    headers,
    body: body === undefined ? '' : JSON.stringify(body),
  });

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'pledge-bridge-'));
  staticDir = join(root, 'renderer');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(
    join(staticDir, 'index.html'),
    '<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>공약</title></head><body></body></html>',
  );
  writeFileSync(join(staticDir, 'assets', 'app-1a2b.js'), 'console.log("앱");');
  writeFileSync(join(staticDir, 'assets', 'app-1a2b.css'), 'body{margin:0}');
  writeFileSync(join(staticDir, '.env'), 'hidden');
  writeFileSync(join(root, 'secret.txt'), 'TOP-SECRET');
  symlinkSync(join(root, 'secret.txt'), join(staticDir, 'assets', 'link.txt'));
  bridge = await startHttpBridge({ handlers: testHandlers(received), staticDir });
});

afterAll(async () => {
  await bridge.close();
  rmSync(root, { recursive: true, force: true });
});

describe('token', () => {
  it('is 32 random bytes in base64url, fresh per run', () => {
    const token = createApiToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(createApiToken()).not.toBe(token);
    expect(bridge.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('compares exactly', () => {
    expect(tokensMatch('a'.repeat(43), 'a'.repeat(43))).toBe(true);
    expect(tokensMatch('a'.repeat(43), 'a'.repeat(42) + 'b')).toBe(false);
    expect(tokensMatch('a'.repeat(43), 'a'.repeat(44))).toBe(false);
    expect(tokensMatch('a'.repeat(43), undefined)).toBe(false);
  });
});

describe('API calls', () => {
  it('runs the handler and returns its result as an ApiResult', async () => {
    const res = await callApi(apiPathOf('getAppInfo'), undefined);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(res.body)).toEqual({
      ok: true,
      value: { version: '9.9.9', mode: 'browser', databasePath: '/tmp/x.sqlite', schemaVersion: 3 },
    });
  });

  it('serves a frozen result as the same JSON text every time, exactly as JSON.stringify writes it', async () => {
    const first = await callApi(apiPathOf('listPlanConfirmations'), undefined);
    const second = await callApi(apiPathOf('listPlanConfirmations'), undefined);
    expect(first.status).toBe(200);
    expect(first.body).toBe(JSON.stringify({ ok: true, value: frozenPlans }));
    expect(second.body).toBe(first.body);
    expect(JSON.parse(second.body)).toEqual({ ok: true, value: frozenPlans });
  });

  it('passes the parsed input to the handler (trimmed by the schema)', async () => {
    const res = await callApi(apiPathOf('saveSetup'), {
      role: 'office',
      department: null,
      dataDir: '  /srv/pledge ',
    });
    expect(JSON.parse(res.body)).toEqual({
      ok: true,
      value: { ...setupState, role: 'office', department: null, dataDir: '/srv/pledge' },
    });
    expect(received.at(-1)).toEqual({ role: 'office', department: null, dataDir: '/srv/pledge' });
  });

  it('accepts localhost as host and a same-origin Origin', async () => {
    const res = await callApi(
      apiPathOf('getSetup'),
      {},
      apiHeaders({ Host: `localhost:${bridge.port}`, Origin: `http://localhost:${bridge.port}` }),
    );
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: setupState });
  });

  it('returns INVALID_INPUT from dispatch for an input the schema rejects', async () => {
    const before = received.length;
    const res = await callApi(apiPathOf('saveSetup'), { role: 'mayor', department: null, dataDir: '/x' });
    expect(res.status).toBe(200);
    const result = JSON.parse(res.body) as {
      ok: false;
      error: { code: string; details: Record<string, string> };
    };
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(Object.keys(result.error.details)).toEqual(['role']);
    expect(received.length).toBe(before);
  });

  it('returns UNKNOWN_OPERATION for a name outside the contract, including prototype names', async () => {
    for (const name of ['deleteEverything', '__proto__', 'constructor']) {
      const res = await callApi(`/api/${name}`, {});
      expect(JSON.parse(res.body)).toEqual({
        ok: false,
        error: { code: 'UNKNOWN_OPERATION', message: `알 수 없는 요청입니다: ${name}` },
      });
    }
  });

  it('passes a UserError through and hides an internal error', async () => {
    expect(JSON.parse((await callApi(apiPathOf('getCatalog'), undefined)).body)).toEqual({
      ok: false,
      error: { code: 'NO_CATALOG', message: '공약 목록이 아직 없습니다.' },
    });
    const internal = JSON.parse((await callApi(apiPathOf('getTerm'), undefined)).body) as {
      error: { code: string; message: string };
    };
    expect(internal.error.code).toBe('INTERNAL');
    expect(internal.error.message).not.toContain('boom');
  });
});

describe('refusals', () => {
  const expectRefusal = (res: RawResponse, status: number, code: string) => {
    expect(res.status).toBe(status);
    const body = JSON.parse(res.body) as { ok: boolean; error: { code: string; message: string } };
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe(code);
    expect(body.error.message).toMatch(/[가-힣]/);
  };

  it('refuses a call without the token', async () => {
    const headers: Record<string, string> = apiHeaders();
    delete headers[API_TOKEN_HEADER];
    expectRefusal(await callApi(apiPathOf('getSetup'), {}, headers), 401, 'UNAUTHORIZED');
  });

  it('refuses a call with a wrong token, even one differing in the last character', async () => {
    const last = bridge.token.at(-1) === 'A' ? 'B' : 'A';
    const wrong = bridge.token.slice(0, -1) + last;
    expectRefusal(
      await callApi(apiPathOf('getSetup'), {}, apiHeaders({ [API_TOKEN_HEADER]: wrong })),
      401,
      'UNAUTHORIZED',
    );
    expectRefusal(
      await callApi(apiPathOf('getSetup'), {}, apiHeaders({ [API_TOKEN_HEADER]: '' })),
      401,
      'UNAUTHORIZED',
    );
  });

  it('refuses a foreign Host (DNS rebinding) on API calls and on the page that holds the token', async () => {
    for (const host of [
      `evil.example:${bridge.port}`,
      '127.0.0.1',
      `127.0.0.1:${bridge.port + 1}`,
      `[::1]:${bridge.port}`,
    ]) {
      expectRefusal(
        await callApi(apiPathOf('getSetup'), {}, apiHeaders({ Host: host })),
        403,
        'FORBIDDEN_HOST',
      );
      const page = await rawRequest(bridge.port, { path: '/', headers: { Host: host } });
      expectRefusal(page, 403, 'FORBIDDEN_HOST');
      expect(page.body).not.toContain(bridge.token);
    }
  });

  it('refuses a foreign Origin even with the right token', async () => {
    for (const origin of [
      'http://evil.example',
      `http://127.0.0.1:${bridge.port + 1}`,
      `https://127.0.0.1:${bridge.port}`,
      'null',
    ]) {
      expectRefusal(
        await callApi(apiPathOf('getSetup'), {}, apiHeaders({ Origin: origin })),
        403,
        'FORBIDDEN_ORIGIN',
      );
    }
  });

  it('requires a JSON content type', async () => {
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ]) {
      expectRefusal(
        await callApi(apiPathOf('getSetup'), {}, apiHeaders({ 'Content-Type': type })),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      );
    }
    const withCharset = await callApi(
      apiPathOf('getSetup'),
      {},
      apiHeaders({ 'Content-Type': 'application/json; charset=utf-8' }),
    );
    expect(withCharset.status).toBe(200);
  });

  it('refuses a body that is not JSON', async () => {
    const res = await rawRequest(bridge.port, {
      method: 'POST',
      path: apiPathOf('getSetup'),
      headers: apiHeaders(),
      body: '{"role":',
    });
    expectRefusal(res, 400, 'INVALID_JSON');
  });

  it('refuses a declared body over the limit without reading it', async () => {
    const res = await rawRequest(bridge.port, {
      method: 'POST',
      path: apiPathOf('saveSetup'),
      headers: apiHeaders({ 'Content-Length': String(MAX_API_BODY_BYTES + 1) }),
      body: '{}',
    });
    expectRefusal(res, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('stops reading a chunked body once it passes the limit', async () => {
    const res = await new Promise<RawResponse>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: bridge.port,
          method: 'POST',
          path: apiPathOf('saveSetup'),
          headers: { ...apiHeaders(), 'Transfer-Encoding': 'chunked' },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              headers: response.headers,
              body: Buffer.concat(chunks).toString(),
            }),
          );
        },
      );
      // The server closes the connection after refusing; the rest of our upload then fails, which is expected.
      req.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') reject(error);
      });
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent <= MAX_API_BODY_BYTES + 2 * chunk.length) {
          sent += chunk.length;
          if (!req.write(chunk)) {
            req.once('drain', pump);
            return;
          }
        }
        req.end();
      };
      pump();
    });
    expectRefusal(res, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('accepts API calls only by POST', async () => {
    const res = await rawRequest(bridge.port, {
      path: apiPathOf('getSetup'),
      headers: { Host: hostHeader(), [API_TOKEN_HEADER]: bridge.token },
    });
    expectRefusal(res, 405, 'METHOD_NOT_ALLOWED');
    expect(res.headers.allow).toBe('POST');
  });
});

describe('static files', () => {
  it('serves index.html with the token in a meta tag, the CSP and no caching', async () => {
    for (const path of ['/', '/index.html']) {
      const res = await rawRequest(bridge.port, { path, headers: { Host: hostHeader() } });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.body).toContain(`<head><meta name="${API_TOKEN_META_NAME}" content="${bridge.token}">`);
      expect(res.body).toContain('<title>공약</title>');
    }
  });

  it('serves assets with their content types', async () => {
    const js = await rawRequest(bridge.port, {
      path: '/assets/app-1a2b.js',
      headers: { Host: hostHeader() },
    });
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.body).toBe('console.log("앱");');
    expect(js.body).not.toContain(bridge.token);
    const css = await rawRequest(bridge.port, {
      path: '/assets/app-1a2b.css',
      headers: { Host: hostHeader() },
    });
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await rawRequest(bridge.port, {
      method: 'HEAD',
      path: '/',
      headers: { Host: hostHeader() },
    });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    const put = await rawRequest(bridge.port, {
      method: 'PUT',
      path: '/index.html',
      headers: { Host: hostHeader() },
    });
    expect(put.status).toBe(405);
  });

  it('gives client-side routes the page and unknown asset files a 404', async () => {
    const route = await rawRequest(bridge.port, { path: '/cards/1-1-7', headers: { Host: hostHeader() } });
    expect(route.status).toBe(200);
    expect(route.body).toContain(API_TOKEN_META_NAME);
    const missing = await rawRequest(bridge.port, {
      path: '/assets/missing.js',
      headers: { Host: hostHeader() },
    });
    expect(missing.status).toBe(404);
  });

  it('refuses path traversal, encoded or not, dotfiles and symlinks out of the folder', async () => {
    const attempts = [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/assets%2f..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/%2e%2e%5csecret.txt',
      '/assets/link.txt',
      '/.env',
      '/%00/index.html',
      '/%E0%A4%A',
      `/${join(root, 'secret.txt')}`,
    ];
    for (const path of attempts) {
      const res = await rawRequest(bridge.port, { path, headers: { Host: hostHeader() } });
      expect([400, 404], path).toContain(res.status);
      expect(res.body, path).not.toContain('TOP-SECRET');
      expect(res.body, path).not.toContain('hidden');
    }
  });
});

describe('listening', () => {
  const canConnect = (host: string, port: number) =>
    new Promise<boolean>((resolve) => {
      const socket = connect({ host, port });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });

  it('is reachable on 127.0.0.1 and nowhere else', async () => {
    expect(bridge.url).toBe(`http://127.0.0.1:${bridge.port}/`);
    expect(await canConnect('127.0.0.1', bridge.port)).toBe(true);
    expect(await canConnect('::1', bridge.port)).toBe(false);
    const external = Object.values(networkInterfaces())
      .flat()
      .filter((address) => address !== undefined && !address.internal)
      .map((address) => address!.address);
    for (const address of external) expect(await canConnect(address, bridge.port), address).toBe(false);
  });

  it('refuses any other bind address', async () => {
    await expect(
      startHttpBridge({ handlers: testHandlers([]), staticDir, host: '0.0.0.0' as '127.0.0.1' }),
    ).rejects.toThrow('127.0.0.1');
  });

  it('closes cleanly, ending open connections', async () => {
    const other = await startHttpBridge({ handlers: testHandlers([]), staticDir, token: createApiToken() });
    const res = await rawRequest(other.port, { path: '/', headers: { Host: `127.0.0.1:${other.port}` } });
    expect(res.status).toBe(200);
    await other.close();
    expect(await canConnect('127.0.0.1', other.port)).toBe(false);
  });
});
