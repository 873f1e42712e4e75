import type { ApiError, ApiResult, AppApi, OperationName } from '../../../domain/api/contract';
import { apiPathOf } from '../../../domain/api/bridge';
import { operationNames } from '../../../domain/api/operations';
import { browserPost } from './token-fetch';

/**
 * The renderer's only way to main: `api.<operation>(input)`. In Electron the preload exposes `window.api`
 * (one function per operation, fixed channels); in browser mode the same operations go to the local HTTP
 * bridge with the per-run token that the bridge wrote into index.html (token-fetch.ts: renewed after a restart).
 */

type Transport = (name: OperationName, input: unknown) => Promise<ApiResult<unknown>>;

type PreloadBridge = Record<OperationName, (input?: unknown) => Promise<ApiResult<unknown>>>;

declare global {
  interface Window {
    api?: PreloadBridge;
  }
}

/** A failed operation, with the Korean message to show and per-field details for forms. */
export class ApiCallError extends Error {
  readonly code: string;
  readonly details: Record<string, string>;
  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
    this.details = error.details ?? {};
  }
}

function electronTransport(bridge: PreloadBridge): Transport {
  return (name, input) => bridge[name](input);
}

function httpTransport(): Transport {
  const post = browserPost();
  return async (name, input) => {
    let response: Response;
    try {
      response = await post(apiPathOf(name), JSON.stringify(input ?? {}));
    } catch {
      return {
        ok: false,
        error: {
          code: 'OFFLINE',
          message: '프로그램(로컬 서버)과 연결할 수 없습니다. 프로그램이 실행 중인지 확인하세요.',
        },
      };
    }
    try {
      return (await response.json()) as ApiResult<unknown>;
    } catch {
      return {
        ok: false,
        error: { code: 'BAD_RESPONSE', message: `응답을 읽을 수 없습니다 (HTTP ${response.status}).` },
      };
    }
  };
}

export function createApi(transport: Transport): AppApi {
  const entries = operationNames.map((name) => [
    name,
    async (input?: unknown) => {
      const result = await transport(name, input);
      if (!result.ok) throw new ApiCallError(result.error);
      return result.value;
    },
  ]);
  return Object.fromEntries(entries) as AppApi;
}

export const api: AppApi = createApi(window.api ? electronTransport(window.api) : httpTransport());
