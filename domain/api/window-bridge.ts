/**
 * The desktop window's own channel, apart from the operations of the contract: the page tells main what the
 * editor on show holds that is not stored, so that the window's question on closing names it (main cannot ask the
 * page while it decides: see main/electron/close-question.ts). Browser mode has no such window: the browser asks.
 */

/** What is not stored, by cause. */
export type UnsavedInput =
  /** A change waits for its save, or the save is under way. */
  | { kind: 'pending' }
  /** The last save stored nothing (a full disk, another window's save, input it could not take as a whole). */
  | { kind: 'failed'; message: string }
  /** Cells the last save refused; everything else was stored. */
  | { kind: 'refused'; cells: number };

/** What the preload exposes as `window.appWindow` (Electron only). */
export interface WindowBridge {
  /** Null: everything typed is stored (or no editor is open). */
  reportUnsavedInput(input: UnsavedInput | null): void;
}

/** The fixed IPC channel of reportUnsavedInput (one-way: the page does not wait for main). */
export const UNSAVED_INPUT_CHANNEL = 'window:unsavedInput';
