import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { base64Length, BUNDLE_MAX_BYTES, type ApiResult, type Handlers } from '../../domain/api/contract';
import { API_TOKEN_HEADER, API_TOKEN_META_NAME } from '../../domain/api/bridge';
import { dispatch } from '../services/dispatch';
import { RENDERER_SECURITY_HEADERS } from './content-security-policy';
import { contentTypeOf, resolveStaticFile } from './static-files';

/**
 * Browser mode: the renderer runs in an ordinary browser and reaches the same handlers over HTTP on 127.0.0.1.
 * Any web page the user opens could send requests to this port, so every API call must carry a per-run token
 * that only our own page can read (it is written into index.html, which other origins cannot read), and the Host
 * and Origin headers must name this server (a DNS-rebinding page sends its own host name).
 */

/**
 * The largest API request: one bundle of the largest size the contract accepts, in base64, plus the request's
 * JSON around it. The import screen sends a file that large alone; smaller ones go in batches of about 14 MB. A
 * smaller cap here would refuse files the application itself allows (a 16 MB photo, a 30 MB bundle).
 */
export const MAX_API_BODY_BYTES = base64Length(BUNDLE_MAX_BYTES) + 1024 * 1024;
export const API_PATH_PREFIX = '/api/';
const LOOPBACK = '127.0.0.1';

export interface HttpBridgeOptions {
  handlers: Handlers;
  /** The built renderer (out/renderer). */
  staticDir: string;
  host?: typeof LOOPBACK;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Normally left out: a fresh random token is made per run. */
  token?: string;
}

export interface HttpBridge {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** 32 random bytes, base64url (43 characters, safe in a header and an HTML attribute). */
export const createApiToken = (): string => randomBytes(32).toString('base64url');

/** Constant-time comparison; hashing first makes the inputs equally long, as timingSafeEqual requires. */
export function tokensMatch(expected: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(expected), digest(given));
}

export const allowedHosts = (port: number): readonly string[] => [`${LOOPBACK}:${port}`, `localhost:${port}`];
export const allowedOrigins = (port: number): readonly string[] =>
  allowedHosts(port).map((host) => `http://${host}`);

/** Puts the token into the page's head as `<meta name="pledge-token" content="…">`. */
export function injectToken(html: string, token: string): string {
  const meta = `<meta name="${API_TOKEN_META_NAME}" content="${token}">`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (!head) return meta + html;
  const at = head.index + head[0].length;
  return html.slice(0, at) + meta + html.slice(at);
}

type Refusal = { status: number; code: string; message: string };

class RequestRefused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
  }
}

/**
 * The JSON text of frozen results, by object: a frozen result never changes (the office's kept report is served
 * again and again while the data stays the same; at ten times Seoul's size it is megabytes of JSON).
 */
const frozenResultText = new WeakMap<object, string>();

function serialize(body: ApiResult<unknown>): string {
  if (!body.ok || body.value === null || typeof body.value !== 'object' || !Object.isFrozen(body.value))
    return JSON.stringify(body);
  let value = frozenResultText.get(body.value);
  if (value === undefined) {
    value = JSON.stringify(body.value);
    frozenResultText.set(body.value, value);
  }
  return `{"ok":true,"value":${value}}`;
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: ApiResult<unknown>,
  extraHeaders: Record<string, string> = {},
): void {
  let text: string;
  try {
    text = serialize(body);
  } catch (error) {
    console.error('[http-bridge] result is not serialisable', error);
    status = 500;
    text = JSON.stringify({
      ok: false,
      error: {
        code: 'INTERNAL',
        message: '처리 결과를 전송할 수 없습니다. 저장된 데이터는 바뀌지 않았습니다.',
      },
    } satisfies ApiResult<never>);
  }
  res.writeHead(status, {
    ...RENDERER_SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': String(Buffer.byteLength(text)),
    ...extraHeaders,
  });
  res.end(text);
}

const refuse = (res: ServerResponse, refusal: Refusal, extraHeaders: Record<string, string> = {}): void =>
  sendJson(
    res,
    refusal.status,
    { ok: false, error: { code: refusal.code, message: refusal.message } },
    extraHeaders,
  );

/** Reads the body up to the limit; past it, throws a 413 refusal without buffering the rest. */
async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new RequestRefused(tooLarge(limit));
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

const tooLarge = (limit: number): Refusal => ({
  status: 413,
  code: 'PAYLOAD_TOO_LARGE',
  message: `요청이 너무 큽니다. 한 번에 ${Math.floor(limit / (1024 * 1024))}MB까지 보낼 수 있습니다.`,
});

const headerValue = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : value;
};

export async function startHttpBridge(options: HttpBridgeOptions): Promise<HttpBridge> {
  const host = options.host ?? LOOPBACK;
  if (host !== LOOPBACK) throw new Error('브라우저 모드 서버는 127.0.0.1에서만 열 수 있습니다.');
  const token = options.token ?? createApiToken();
  if (token.length < 32) throw new Error('API 토큰이 너무 짧습니다.');
  const { handlers, staticDir } = options;
  let port = 0;

  async function handleApi(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (req.method !== 'POST') {
      refuse(
        res,
        { status: 405, code: 'METHOD_NOT_ALLOWED', message: 'API 요청은 POST로만 보낼 수 있습니다.' },
        { Allow: 'POST' },
      );
      return;
    }
    const origin = headerValue(req, 'origin');
    if (origin !== undefined && !allowedOrigins(port).includes(origin)) {
      refuse(res, {
        status: 403,
        code: 'FORBIDDEN_ORIGIN',
        message: `다른 사이트(${origin})에서 온 요청은 처리하지 않습니다.`,
      });
      return;
    }
    if (!tokensMatch(token, headerValue(req, API_TOKEN_HEADER))) {
      refuse(res, {
        status: 401,
        code: 'UNAUTHORIZED',
        message: '인증 토큰이 없거나 올바르지 않습니다. 프로그램이 알려 준 주소로 화면을 다시 여세요.',
      });
      return;
    }
    const mediaType = headerValue(req, 'content-type')?.split(';')[0]?.trim().toLowerCase();
    if (mediaType !== 'application/json') {
      refuse(res, {
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: 'API 요청 본문은 JSON(Content-Type: application/json)이어야 합니다.',
      });
      return;
    }
    const declared = Number(headerValue(req, 'content-length') ?? 0);
    if (declared > MAX_API_BODY_BYTES) {
      // Answer at once and drop the connection instead of receiving megabytes we will not use.
      refuse(res, tooLarge(MAX_API_BODY_BYTES), { Connection: 'close' });
      res.once('finish', () => req.destroy());
      return;
    }

    let input: unknown;
    try {
      const body = await readBody(req, MAX_API_BODY_BYTES);
      const text = new TextDecoder('utf-8', { fatal: true }).decode(body);
      input = text.trim() === '' ? undefined : (JSON.parse(text) as unknown);
    } catch (error) {
      if (error instanceof RequestRefused) {
        refuse(res, error.refusal, { Connection: 'close' });
        res.once('finish', () => req.destroy());
        return;
      }
      refuse(res, {
        status: 400,
        code: 'INVALID_JSON',
        message: '요청 본문이 올바른 JSON(UTF-8)이 아닙니다.',
      });
      return;
    }
    const name = pathname.slice(API_PATH_PREFIX.length);
    sendJson(res, 200, await dispatch(handlers, name, input));
  }

  async function handleStatic(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      refuse(
        res,
        { status: 405, code: 'METHOD_NOT_ALLOWED', message: '화면 파일은 GET으로만 요청할 수 있습니다.' },
        { Allow: 'GET, HEAD' },
      );
      return;
    }
    const resolved = await resolveStaticFile(staticDir, pathname);
    if (!resolved.ok) {
      refuse(res, { status: resolved.status, code: 'NOT_FOUND', message: resolved.message });
      return;
    }
    let body = await readFile(resolved.filePath);
    if (resolved.isIndex) body = Buffer.from(injectToken(body.toString('utf8'), token), 'utf8');
    res.writeHead(200, {
      ...RENDERER_SECURITY_HEADERS,
      'Content-Type': contentTypeOf(resolved.filePath),
      'Content-Length': String(body.length),
      // The page carries this run's token: never cache it.
      'Cache-Control': resolved.isIndex ? 'no-store' : 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const hostHeader = headerValue(req, 'host');
    if (hostHeader === undefined || !allowedHosts(port).includes(hostHeader)) {
      refuse(res, {
        status: 403,
        code: 'FORBIDDEN_HOST',
        message: `허용되지 않은 주소로 접속했습니다. http://${LOOPBACK}:${port}/ 로 접속하세요.`,
      });
      return;
    }
    const target = req.url ?? '/';
    if (!target.startsWith('/')) {
      refuse(res, { status: 400, code: 'BAD_REQUEST', message: '요청 경로가 올바르지 않습니다.' });
      return;
    }
    const pathname = target.split(/[?#]/, 1)[0] ?? '/';
    if (pathname.startsWith(API_PATH_PREFIX)) await handleApi(req, res, pathname);
    else await handleStatic(req, res, pathname);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('[http-bridge] request failed', error);
      if (res.headersSent) res.destroy();
      else refuse(res, { status: 500, code: 'INTERNAL', message: '요청을 처리하는 중 오류가 발생했습니다.' });
    });
  });

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen({ host, port: options.port ?? 0, exclusive: true }, () => {
      server.off('error', rejectListen);
      resolveListen();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://${LOOPBACK}:${port}/`,
    port,
    token,
    close: () =>
      new Promise<void>((resolveClose, rejectClose) => {
        server.close((error) => (error ? rejectClose(error) : resolveClose()));
        server.closeAllConnections();
      }),
  };
}
