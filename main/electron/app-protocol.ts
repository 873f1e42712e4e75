import type { CustomScheme, Protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { RENDERER_SECURITY_HEADERS } from '../server/content-security-policy';
import { contentTypeOf, resolveStaticFile } from '../server/static-files';
import { APP_HOST, APP_SCHEME } from './security';

/**
 * The renderer is served from app://pledge/ rather than file://: a file: page shares its "origin" with every file on
 * the disk, so neither the CSP's 'self' nor the sender check could tell our page from any other local HTML file.
 * A standard, secure custom scheme gives the page a real origin of its own, and this handler can only ever hand out
 * files of the built renderer folder (same traversal rules as the browser-mode server).
 */

/** Must be registered before the app is ready. */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true },
};

const plain = (status: number, message: string) =>
  new Response(message, {
    status,
    headers: { ...RENDERER_SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  });

/** The response to one app:// request; pure apart from reading the renderer folder. */
export async function appProtocolResponse(
  requestUrl: string,
  rendererDir: string,
  method = 'GET',
): Promise<Response> {
  if (method !== 'GET' && method !== 'HEAD') return plain(405, '화면 파일은 GET으로만 요청할 수 있습니다.');
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return plain(400, '요청 주소가 올바르지 않습니다.');
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST)
    return plain(404, '요청한 파일이 없습니다.');
  const resolved = await resolveStaticFile(rendererDir, url.pathname);
  if (!resolved.ok) return plain(resolved.status, resolved.message);
  const body = await readFile(resolved.filePath);
  return new Response(method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers: {
      ...RENDERER_SECURITY_HEADERS,
      'Content-Type': contentTypeOf(resolved.filePath),
      'Content-Length': String(body.length),
    },
  });
}

export function serveAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => appProtocolResponse(request.url, rendererDir, request.method));
}
