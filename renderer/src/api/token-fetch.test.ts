import { describe, expect, it } from 'vitest';
import { API_TOKEN_HEADER, API_TOKEN_META_NAME } from '../../../domain/api/bridge';
import { createTokenPost, tokenOfPage, type TokenHolder } from './token-fetch';

// The real restart (a browser page kept open while the program is stopped and started again on its port) is in
// e2e/drafting-more.e2e.ts; here the renewal's rules, against a server that is a function of its current token.

const tokenA = 'A'.repeat(43);
const tokenB = 'b_-'.repeat(14) + 'b';

const page = (token: string) =>
  `<!doctype html><html><head><meta name="${API_TOKEN_META_NAME}" content="${token}"><title>공약</title></head></html>`;

interface FakeServer {
  token: string;
  /** Requests as [method, path, token header]. */
  seen: [string, string, string | undefined][];
  pageAnswers?: () => Response;
  fetch: typeof fetch;
}

function fakeServer(token: string): FakeServer {
  const server: FakeServer = {
    token,
    seen: [],
    fetch: (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const path = new URL(url).pathname;
      const headers = new Headers(init?.headers);
      const given = headers.get(API_TOKEN_HEADER) ?? undefined;
      server.seen.push([init?.method ?? 'GET', path, given]);
      if (path === '/') return Promise.resolve(server.pageAnswers?.() ?? new Response(page(server.token)));
      if (given !== server.token)
        return Promise.resolve(
          new Response(JSON.stringify({ ok: false, error: { code: 'UNAUTHORIZED', message: '토큰' } }), {
            status: 401,
          }),
        );
      return Promise.resolve(new Response(JSON.stringify({ ok: true, value: init?.body })));
    },
  };
  return server;
}

const holderOf = (initial: string): TokenHolder & { value: string } => {
  const holder = {
    value: initial,
    read: () => holder.value,
    write: (token: string) => {
      holder.value = token;
    },
  };
  return holder;
};

const origin = 'http://127.0.0.1:47000';

describe('tokenOfPage', () => {
  it('reads the token the server wrote into index.html', () => {
    expect(tokenOfPage(page(tokenB))).toBe(tokenB);
  });
  it('finds none in a page without it or with a malformed one', () => {
    expect(tokenOfPage('<html><head></head></html>')).toBeNull();
    expect(tokenOfPage(page('short'))).toBeNull();
  });
});

describe('createTokenPost', () => {
  it('sends the held token and asks for nothing else while it is accepted', async () => {
    const server = fakeServer(tokenA);
    const post = createTokenPost({ origin, holder: holderOf(tokenA), fetch: server.fetch });
    const response = await post('/api/saveDraft', '{"x":1}');
    expect(response.status).toBe(200);
    expect(server.seen).toEqual([['POST', '/api/saveDraft', tokenA]]);
  });

  it('after a restart (new token) fetches the page once, keeps its token and sends the request again', async () => {
    const server = fakeServer(tokenA);
    const holder = holderOf(tokenA);
    const post = createTokenPost({ origin, holder, fetch: server.fetch });
    server.token = tokenB;
    const response = await post('/api/saveDraft', '{"x":2}');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, value: '{"x":2}' });
    expect(holder.value).toBe(tokenB);
    expect(server.seen).toEqual([
      ['POST', '/api/saveDraft', tokenA],
      ['GET', '/', undefined],
      ['POST', '/api/saveDraft', tokenB],
    ]);
  });

  it('requests refused together fetch the page once', async () => {
    const server = fakeServer(tokenA);
    const holder = holderOf(tokenA);
    const post = createTokenPost({ origin, holder, fetch: server.fetch });
    server.token = tokenB;
    const answers = await Promise.all([post('/api/a', '1'), post('/api/b', '2'), post('/api/c', '3')]);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(server.seen.filter(([method]) => method === 'GET')).toHaveLength(1);
  });

  it('gives the refusal back when the page holds the same token (nothing to renew): no loop', async () => {
    const server = fakeServer(tokenA);
    const post = createTokenPost({ origin, holder: holderOf('x'.repeat(43)), fetch: server.fetch });
    server.token = tokenB;
    server.pageAnswers = () => new Response(page('x'.repeat(43)));
    const response = await post('/api/saveDraft', '{}');
    expect(response.status).toBe(401);
    expect(server.seen.map(([method]) => method)).toEqual(['POST', 'GET']);
  });

  it('gives the refusal back when the page cannot be fetched or carries no token', async () => {
    for (const answer of [
      () => new Response('없음', { status: 404 }),
      () => new Response('<html><head></head></html>'),
    ]) {
      const server = fakeServer(tokenB);
      server.pageAnswers = answer;
      const holder = holderOf(tokenA);
      const post = createTokenPost({ origin, holder, fetch: server.fetch });
      expect((await post('/api/saveDraft', '{}')).status).toBe(401);
      expect(holder.value).toBe(tokenA);
    }
  });

  it('a request that cannot reach the program at all still fails as before (no page fetch)', async () => {
    const holder = holderOf(tokenA);
    let calls = 0;
    const post = createTokenPost({
      origin,
      holder,
      fetch: () => {
        calls += 1;
        return Promise.reject(new TypeError('fetch failed'));
      },
    });
    await expect(post('/api/saveDraft', '{}')).rejects.toThrow('fetch failed');
    expect(calls).toBe(1);
  });
});
