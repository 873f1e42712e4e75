import { API_TOKEN_HEADER, API_TOKEN_META_NAME } from '../../../domain/api/bridge';

/**
 * Browser mode's API requests with the per-run token. The token lives in the page (a meta tag the local server
 * writes into index.html) and changes each time the program starts. A page left open while the program was
 * restarted (a crash, a power cut, the person closing the console window) still holds the old token: every save
 * would be refused until the page is reloaded, and reloading throws away what was typed since. So a request refused
 * for its token fetches the page again (same origin: another site cannot read it), takes the new token from it and
 * is sent once more.
 */

/** Where the page keeps its token. */
export interface TokenHolder {
  read(): string;
  write(token: string): void;
}

/** The page's own meta tag (client.ts and the unload save read the same one). */
export function metaTokenHolder(doc: Document): TokenHolder {
  const meta = () => doc.querySelector<HTMLMetaElement>(`meta[name="${API_TOKEN_META_NAME}"]`);
  return {
    read: () => meta()?.content ?? '',
    write: (token) => {
      const found = meta();
      if (found) found.content = token;
    },
  };
}

/** The token the server wrote into a freshly served index.html (43 base64url characters), or null. */
export function tokenOfPage(html: string): string | null {
  const tag = new RegExp(`<meta name="${API_TOKEN_META_NAME}" content="([A-Za-z0-9_-]{43})">`).exec(html);
  return tag?.[1] ?? null;
}

/** The status the local server answers a missing or wrong token with (http-bridge.ts, code UNAUTHORIZED). */
const REFUSED_FOR_TOKEN = 401;

export interface TokenFetchOptions {
  /** '' in the page (same origin); `http://127.0.0.1:<port>` in tests. */
  origin: string;
  holder: TokenHolder;
  fetch: typeof fetch;
}

export type TokenPost = (path: string, body: string, options?: { keepalive?: boolean }) => Promise<Response>;

/** A POST of a JSON body with the token; refused for the token, it takes the page's current token and tries once more. */
export function createTokenPost({ origin, holder, fetch: fetchImpl }: TokenFetchOptions): TokenPost {
  let refreshing: Promise<boolean> | null = null;

  /** True when the page now holds a token different from the one that was refused. */
  const loadToken = async (): Promise<boolean> => {
    try {
      const page = await fetchImpl(`${origin}/`, { cache: 'no-store' });
      if (!page.ok) return false;
      const token = tokenOfPage(await page.text());
      if (token === null || token === holder.read()) return false;
      holder.write(token);
      return true;
    } catch {
      return false;
    }
  };
  // Saves refused together (autosave and a panel's refresh) fetch the page once.
  const refresh = (): Promise<boolean> => {
    refreshing ??= loadToken().finally(() => {
      refreshing = null;
    });
    return refreshing;
  };

  return async (path, body, options = {}) => {
    const send = (): Promise<Response> =>
      fetchImpl(`${origin}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [API_TOKEN_HEADER]: holder.read() },
        body,
        ...(options.keepalive === undefined ? {} : { keepalive: options.keepalive }),
      });
    const sentWith = holder.read();
    const first = await send();
    if (first.status !== REFUSED_FOR_TOKEN) return first;
    // Another request may have taken the new token meanwhile; otherwise fetch it.
    const renewed = holder.read() !== sentWith || (await refresh());
    return renewed ? send() : first;
  };
}

let pagePost: TokenPost | null = null;

/** The page's one TokenPost (same origin, the meta tag, the browser's fetch). */
export function browserPost(): TokenPost {
  pagePost ??= createTokenPost({
    origin: '',
    holder: metaTokenHolder(document),
    fetch: (input, init) => fetch(input, init),
  });
  return pagePost;
}
