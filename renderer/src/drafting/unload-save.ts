import type { ApiResult, OperationOutput } from '../../../domain/api/contract';
import { API_TOKEN_HEADER, API_TOKEN_META_NAME, apiPathOf } from '../../../domain/api/bridge';

/**
 * The save started as the page is about to go away (closing, reloading). In browser mode it is a keepalive
 * request, which the browser finishes after the page is gone, when its body fits the browser's cap.
 */

type SaveDraftResult = ApiResult<OperationOutput<'saveDraft'>>;

/**
 * Sends a saveDraft; resolves to its envelope when the page is still there to hear it (the person chose to stay).
 * A body too large for keepalive goes as a plain request: it is started before the browser's question is shown and
 * is carried on while it is open, but the browser may cut it off once the page is gone.
 */
export async function sendSaveOnUnload(input: unknown): Promise<SaveDraftResult> {
  if (window.api) return (await window.api.saveDraft(input)) as SaveDraftResult;
  const token = document.querySelector<HTMLMetaElement>(`meta[name="${API_TOKEN_META_NAME}"]`)?.content ?? '';
  const body = JSON.stringify(input);
  try {
    const response = await fetch(apiPathOf('saveDraft'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [API_TOKEN_HEADER]: token },
      body,
      // Browsers cap keepalive bodies at 64 KB; a larger document goes as a plain request.
      keepalive: body.length < 60_000,
    });
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
