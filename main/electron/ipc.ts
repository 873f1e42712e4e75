import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { ApiResult, Handlers } from '../../domain/api/contract';
import { channelOf, operationNames } from '../../domain/api/operations';
import { dispatch } from '../services/dispatch';
import type { SenderFrame } from './security';

export type IpcRegistrar = Pick<IpcMain, 'handle' | 'removeHandler'>;

export const UNTRUSTED_SENDER_RESULT: ApiResult<never> = Object.freeze({
  ok: false,
  error: Object.freeze({
    code: 'UNTRUSTED_SENDER',
    message: '허용되지 않은 화면에서 온 요청이라 처리하지 않았습니다.',
  }),
});

function senderFrameOf(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): SenderFrame | null {
  try {
    return event.senderFrame;
  } catch {
    // A frame that navigated away or was destroyed cannot be trusted.
    return null;
  }
}

/**
 * One `ipcMain.handle` per operation of the contract, on the fixed channel `api:<name>`. Every call first checks
 * the sending frame, then goes through the same `dispatch` as the HTTP bridge and the CLI (input parsed from
 * `unknown`, failures as ApiResult). Returns a function that removes the handlers again.
 */
export function registerIpcHandlers(
  ipcMain: IpcRegistrar,
  handlers: Handlers,
  isTrusted: (frame: SenderFrame | null) => boolean,
): () => void {
  for (const name of operationNames) {
    ipcMain.handle(channelOf(name), async (event, input: unknown) => {
      if (!isTrusted(senderFrameOf(event))) return UNTRUSTED_SENDER_RESULT;
      return dispatch(handlers, name, input);
    });
  }
  return () => {
    for (const name of operationNames) ipcMain.removeHandler(channelOf(name));
  };
}
