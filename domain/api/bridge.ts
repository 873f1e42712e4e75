import type { ApiResult, OperationName, OperationOutput } from './contract';

/**
 * What the preload exposes as `window.api` (Electron) and what the browser-mode client mirrors: one function per
 * operation, resolving to the ApiResult envelope (never throwing for a refused or invalid request). The input is
 * `unknown` here because main parses it with the contract's schemas anyway; the renderer's client narrows it.
 */
export type PreloadApi = {
  [K in OperationName]: (input?: unknown) => Promise<ApiResult<OperationOutput<K>>>;
};

/** Browser mode: `POST /api/<operationName>` with a JSON body. */
export const apiPathOf = (name: OperationName): string => `/api/${name}`;
/** Browser mode: the per-run token travels in this request header on every API call. */
export const API_TOKEN_HEADER = 'X-Pledge-Token';
/** Browser mode: the server writes the token into index.html as `<meta name="pledge-token" content="…">`. */
export const API_TOKEN_META_NAME = 'pledge-token';
