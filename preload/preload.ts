import { contextBridge, ipcRenderer } from 'electron';
import { buildPreloadApi, buildWindowBridge } from './build-api';

// Bundled to CommonJS (out/preload/preload.cjs): a sandboxed preload may only require 'electron'.
contextBridge.exposeInMainWorld(
  'api',
  buildPreloadApi((channel, input) => ipcRenderer.invoke(channel, input)),
);
contextBridge.exposeInMainWorld(
  'appWindow',
  buildWindowBridge((channel, input) => ipcRenderer.send(channel, input)),
);
