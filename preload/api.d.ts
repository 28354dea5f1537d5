import type { IpcChannel, IpcEvent } from '../core/ipc/channels';

/**
 * What the preload exposes on `window.api`: a channel-checked `invoke` and `on`, nothing else.
 * Results are `{ ok: true, value } | { ok: false, error }` as the contract defines; the renderer's ipc.ts types them.
 */
export interface PreloadApi {
  invoke(channel: IpcChannel, request: unknown): Promise<unknown>;
  /**
   * Subscribes to a push event; returns the unsubscribe function. Menu events carry nothing; `project:changed` carries
   * a change event, unchecked until the page parses it.
   */
  on(event: IpcEvent, listener: (payload?: unknown) => void): () => void;
}

declare global {
  interface Window {
    /** Present in the Electron window only; the loopback host's page has none. */
    readonly api?: PreloadApi;
  }
}
