import { contextBridge, ipcRenderer } from 'electron';
import { buildPreloadApi } from './build-api';

// Bundled to CommonJS (out/preload/preload.cjs): a sandboxed preload may only require 'electron'.
contextBridge.exposeInMainWorld(
  'api',
  buildPreloadApi((channel, input) => ipcRenderer.invoke(channel, input)),
);
