// The preload: one typed `invoke` on `window.api`, and nothing else (no ipcRenderer, no Node).
// Bundled by esbuild into dist/electron/preload.cjs: a sandboxed preload cannot load files.
import { contextBridge, ipcRenderer } from 'electron';
import type { Envelope, WindowApi } from '../core/api';
import { API_CHANNEL } from './channel';

const api = {
  invoke: (op: string, args?: unknown) => ipcRenderer.invoke(API_CHANNEL, op, args) as Promise<Envelope<unknown>>,
} satisfies WindowApi;

contextBridge.exposeInMainWorld('api', api);
