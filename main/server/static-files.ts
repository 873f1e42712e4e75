import { realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve } from 'node:path';

/**
 * Maps a request path onto a file of the built renderer, for both the browser-mode HTTP bridge and Electron's
 * app:// protocol. Anything that could leave the folder (`..`, encoded separators, backslashes, drive letters,
 * symlinks pointing out) is refused, and so are dotfiles.
 */

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export const contentTypeOf = (filePath: string): string =>
  contentTypes[extname(filePath).toLowerCase()] ?? 'application/octet-stream';

export const INDEX_FILE = 'index.html';

export type StaticResolution =
  { ok: true; filePath: string; isIndex: boolean } | { ok: false; status: 400 | 404; message: string };

const notFound: StaticResolution = { ok: false, status: 404, message: '요청한 파일이 없습니다.' };
const badPath: StaticResolution = { ok: false, status: 400, message: '요청 경로가 올바르지 않습니다.' };

const isInside = (root: string, candidate: string): boolean => {
  const rel = relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

async function fileKind(path: string): Promise<'file' | 'dir' | null> {
  try {
    const info = await stat(path);
    return info.isFile() ? 'file' : info.isDirectory() ? 'dir' : null;
  } catch {
    return null;
  }
}

/**
 * @param rootDir the built renderer folder (out/renderer)
 * @param urlPath the percent-encoded path of the request, without query or fragment, e.g. `/assets/index-x.js`
 */
export async function resolveStaticFile(rootDir: string, urlPath: string): Promise<StaticResolution> {
  if (!urlPath.startsWith('/')) return badPath;
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return badPath;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return badPath;
  const segments = decoded.split('/').filter((segment) => segment !== '');
  // '..' and '.' are traversal; other dot-names are hidden files; ':' would be a drive letter or an NTFS stream.
  if (segments.some((segment) => segment.startsWith('.') || segment.includes(':'))) return notFound;

  const root = resolve(rootDir);
  const wantsIndex = segments.length === 0;
  let candidate = wantsIndex ? resolve(root, INDEX_FILE) : resolve(root, ...segments);
  if (!isInside(root, candidate)) return notFound;

  let kind = await fileKind(candidate);
  // Client-side routes ("/cards/1-1-7") have no file extension: they get the page, like a single-page-app server.
  const last = segments.at(-1);
  if (kind !== 'file' && last !== undefined && !last.includes('.')) {
    candidate = resolve(root, INDEX_FILE);
    kind = await fileKind(candidate);
  }
  if (kind !== 'file') return notFound;

  // A symlink inside the folder must not lead outside it.
  const [realRoot, realFile] = await Promise.all([realpath(root), realpath(candidate)]);
  if (!isInside(realRoot, realFile)) return notFound;
  return { ok: true, filePath: realFile, isIndex: realFile === resolve(realRoot, INDEX_FILE) };
}
