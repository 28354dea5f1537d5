import { contextBridge, ipcRenderer } from 'electron';
import { isIpcChannel, isIpcEvent } from '../core/ipc/channels';
import type { PreloadApi } from './api';

// The whole bridge: two functions, both refusing names outside the allowlist. No logic lives here.
const api = {
  invoke(channel, request) {
    if (!isIpcChannel(channel))
      return Promise.reject(new Error(`channel not allowed: ${String(channel)}`));
    return ipcRenderer.invoke(channel, request);
  },
  on(event, listener) {
    if (!isIpcEvent(event)) throw new Error(`event not allowed: ${String(event)}`);
    // The payload (a change event) is handed over as it came; the page parses it with the contract's schema.
    const wrapped = (_event: unknown, payload?: unknown): void => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => {
      ipcRenderer.removeListener(event, wrapped);
    };
  },
} satisfies PreloadApi;

contextBridge.exposeInMainWorld('api', api);
