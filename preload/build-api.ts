import type { PreloadApi } from '../domain/api/bridge';
import { channelOf, operationNames } from '../domain/api/operations';

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
