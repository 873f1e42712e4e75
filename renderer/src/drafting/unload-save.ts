import type { ApiResult, OperationOutput } from '../../../domain/api/contract';
import { apiPathOf } from '../../../domain/api/bridge';
import { browserPost } from '../api/token-fetch';

/**
 * The save started as the page is about to go away (closing, reloading). In browser mode it is a keepalive
 * request, which the browser finishes after the page is gone, when its body fits the browser's cap.
 */

/**
 * Chromium caps the bodies of all keepalive requests in flight together at 64 KiB, counted in bytes: Korean text is
 * 3 bytes a character in UTF-8, so the length in characters says nothing. A margin is left for other requests.
 */
export const KEEPALIVE_MAX_BYTES = 60_000;

export const utf8Bytes = (text: string): number => new TextEncoder().encode(text).length;

export const fitsKeepalive = (body: string): boolean => utf8Bytes(body) <= KEEPALIVE_MAX_BYTES;

type SaveDraftResult = ApiResult<OperationOutput<'saveDraft'>>;

/**
 * Sends a saveDraft; resolves to its envelope when the page is still there to hear it (the person chose to stay).
 * A body too large for keepalive goes as a plain request: it is started before the browser's question is shown and
 * is carried on while it is open, but the browser may cut it off once the page is gone.
 */
export async function sendSaveOnUnload(input: unknown): Promise<SaveDraftResult> {
  if (window.api) return (await window.api.saveDraft(input)) as SaveDraftResult;
  const body = JSON.stringify(input);
  try {
    const response = await browserPost()(apiPathOf('saveDraft'), body, { keepalive: fitsKeepalive(body) });
    return (await response.json()) as SaveDraftResult;
  } catch {
    return {
      ok: false,
      error: {
        code: 'OFFLINE',
        message: '프로그램(로컬 서버)과 연결할 수 없습니다. 프로그램이 실행 중인지 확인하세요.',
      },
    };
  }
}
