import type { PreloadApi } from '../domain/api/bridge';
import { channelOf, operationNames } from '../domain/api/operations';
import { UNSAVED_INPUT_CHANNEL, type UnsavedInput, type WindowBridge } from '../domain/api/window-bridge';

/** `ipcRenderer.invoke`, narrowed to what the preload needs (so this file has no electron import). */
export type Invoke = (channel: string, input: unknown) => Promise<unknown>;

/**
 * One plain function per operation, each bound to its fixed channel and forwarding exactly one argument: the page
 * gets no way to choose a channel or to reach ipcRenderer itself. Main answers with the ApiResult envelope.
 */
export function buildPreloadApi(invoke: Invoke): PreloadApi {
  const api: Record<string, (input?: unknown) => Promise<unknown>> = {};
  for (const name of operationNames) {
    const channel = channelOf(name);
    api[name] = (input?: unknown) => invoke(channel, input);
  }
  return Object.freeze(api) as PreloadApi;
}

/** `ipcRenderer.send`, narrowed likewise (one-way messages). */
export type Send = (channel: string, input: unknown) => void;

/** The window's own channel (see domain/api/window-bridge.ts): fixed, one argument, nothing else reachable. */
export function buildWindowBridge(send: Send): WindowBridge {
  return Object.freeze({
    reportUnsavedInput: (input: UnsavedInput | null) => send(UNSAVED_INPUT_CHANNEL, input),
  });
}
