import type { IpcMainEvent, MessageBoxSyncOptions } from 'electron';
import { z } from 'zod';
import { UNSAVED_INPUT_CHANNEL, type UnsavedInput } from '../../domain/api/window-bridge';
import type { SenderFrame } from './security';

/**
 * The desktop window's question when the page holds back its closing (EditorFrame's beforeunload): Electron shows
 * nothing by itself then. Main must answer synchronously, so it cannot ask the page why; the page reports what is
 * not stored as it changes (domain/api/window-bridge.ts) and the question names that.
 */

const unsavedInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('pending') }),
  // A message is the app's own (a few lines at most); a longer one is not shown in a dialog.
  z.object({ kind: z.literal('failed'), message: z.string().min(1).max(1_000) }),
  z.object({ kind: z.literal('refused'), cells: z.number().int().min(1).max(100_000) }),
]);

/** What the page reported, or null for nothing unsaved or anything not of that shape (not trusted blindly). */
export function parseUnsavedInput(input: unknown): UnsavedInput | null {
  const parsed = unsavedInputSchema.safeParse(input);
  return parsed.success ? parsed.data : null;
}

function detailOf(unsaved: UnsavedInput | null): string {
  switch (unsaved?.kind) {
    case 'pending':
      return '저장이 아직 끝나지 않았습니다. 지금 닫으면 마지막으로 저장한 뒤 입력한 내용이 저장되지 않을 수 있습니다. 닫을까요?';
    case 'failed':
      return `저장하지 못했습니다: ${unsaved.message}\n지금 닫으면 마지막으로 저장한 뒤 입력한 내용은 사라집니다. 닫을까요?`;
    case 'refused':
      return `입력 오류가 있는 칸 ${unsaved.cells}곳은 저장되지 않았습니다. 지금 닫으면 그 칸에 입력한 내용은 사라집니다. 닫을까요?`;
    default:
      // The page held back its closing without a report reaching main (yet): what it is, is not known here.
      return '저장되지 않은 입력이 있습니다. 지금 닫으면 입력한 내용이 사라질 수 있습니다. 닫을까요?';
  }
}

/** The message box for closing the window with `unsaved`; its button 0 closes, 1 (the default, Esc) stays. */
export function closeQuestion(unsaved: UnsavedInput | null): MessageBoxSyncOptions {
  return {
    type: 'warning',
    title: '저장되지 않은 입력',
    message: '저장되지 않은 입력이 있습니다.',
    detail: detailOf(unsaved),
    buttons: ['닫기', '머물기'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  };
}

export type UnsavedInputEvent = Pick<IpcMainEvent, 'sender'> & { readonly senderFrame: SenderFrame | null };
type Listener = (event: UnsavedInputEvent, input: unknown) => void;
export type UnsavedInputRegistrar = {
  on(channel: string, listener: Listener): unknown;
  removeListener(channel: string, listener: Listener): unknown;
};

/**
 * Keeps the last report of the page in `contents` (main frame of our own page only: another window or a sub-frame
 * is not listened to). Returns the current report and the removal of the listener.
 */
export function trackUnsavedInput(
  ipcMain: UnsavedInputRegistrar,
  contents: unknown,
  isTrusted: (frame: SenderFrame | null) => boolean,
): { current: () => UnsavedInput | null; dispose: () => void } {
  let current: UnsavedInput | null = null;
  const listener: Listener = (event, input) => {
    if (event.sender !== contents) return;
    let frame: SenderFrame | null;
    try {
      frame = event.senderFrame;
    } catch {
      // A frame that navigated away or was destroyed cannot be trusted.
      frame = null;
    }
    if (!isTrusted(frame)) return;
    current = parseUnsavedInput(input);
  };
  ipcMain.on(UNSAVED_INPUT_CHANNEL, listener);
  return {
    current: () => current,
    dispose: () => void ipcMain.removeListener(UNSAVED_INPUT_CHANNEL, listener),
  };
}
