import type { IpcChannel, IpcEvent } from '../../core/ipc/channels';
import {
  ProjectChangeEventSchema,
  type IpcError,
  type IpcRequest,
  type IpcResponse,
  type IpcResult,
  type ProjectChangeEvent,
} from '../../core/ipc/contract';

/** A failed call, carrying the contract's error for the UI to show. */
export class IpcCallError extends Error {
  constructor(readonly error: IpcError) {
    super(error.message);
    this.name = 'IpcCallError';
  }
}

const TOKEN_KEY = 'taiyaku.token';

/** The loopback host's token: from the page URL on first load (then removed from the address bar), else the session. */
function loopbackToken(): string {
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    const clean = new URL(window.location.href);
    clean.searchParams.delete('token');
    window.history.replaceState(null, '', clean);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

let token: string | undefined;

/** How often a change request that carries a request id is sent again when the connection fails. */
const RETRIES = 3;

function hasRequestId(request: unknown): boolean {
  return typeof request === 'object' && request !== null && 'requestId' in request;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function invokeOverHttp(channel: IpcChannel, request: unknown): Promise<unknown> {
  token ??= loopbackToken();
  const send = () =>
    fetch(`/api/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(request),
    });
  let response: Response;
  for (let attempt = 0; ; attempt++) {
    try {
      response = await send();
      break;
    } catch (error) {
      // The request may have been applied before the connection broke: only a request with an id is sent again (the
      // host applies an id once and answers the retry with the original answer).
      if (!hasRequestId(request) || attempt >= RETRIES) throw error;
      await pause(200 * 2 ** attempt);
    }
  }
  if (response.status === 401 || response.status === 403) {
    return {
      ok: false,
      error: {
        code: 'refused',
        message: 'The Taiyaku host refused this page: open the address it printed, with its token.',
      },
    };
  }
  return response.json();
}

/** The transport in use: the Electron preload bridge when present, else HTTP to the loopback host. */
export function transportName(): 'electron' | 'loopback' {
  return window.api ? 'electron' : 'loopback';
}

/** Calls a channel of the contract and returns its value; throws IpcCallError with the contract's error on failure. */
export async function invoke<C extends IpcChannel>(
  channel: C,
  request: IpcRequest<C>,
): Promise<IpcResponse<C>> {
  const raw = (await (window.api
    ? window.api.invoke(channel, request)
    : invokeOverHttp(channel, request))) as IpcResult<IpcResponse<C>>;
  if (!raw.ok) throw new IpcCallError(raw.error);
  return raw.value;
}

/** Subscribes to a push event from the Node side (menu commands). The loopback host pushes none. */
export function onEvent(event: IpcEvent, listener: () => void): () => void {
  return window.api ? window.api.on(event, listener) : () => {};
}

/** What the change stream hands over: a change, or word that events may have been missed (reconnected). */
export interface ChangeListeners {
  readonly change: (event: ProjectChangeEvent) => void;
  /** The stream was down for a while: changes made meanwhile were missed. */
  readonly missed: () => void;
}

/** Parses a pushed change at the boundary, like an answer; anything else is dropped. */
function parseChange(payload: unknown): ProjectChangeEvent | undefined {
  const parsed = ProjectChangeEventSchema.safeParse(payload);
  if (!parsed.success) {
    console.warn('taiyaku: dropped a malformed change event');
    return undefined;
  }
  return parsed.data;
}

/** Reads the loopback host's change stream (`GET /api/events`) with fetch, reconnecting with a growing pause. */
function streamChangesOverHttp(listeners: ChangeListeners): () => void {
  let stopped = false;
  let controller: AbortController | undefined;
  const deliver = (block: string) => {
    const data = block
      .split('\n')
      .filter((line) => line.startsWith('data:'))
      .map((line) => line.slice('data:'.length).trimStart())
      .join('\n');
    if (data === '') return; // a heartbeat or a comment
    let payload: unknown;
    try {
      payload = JSON.parse(data);
    } catch {
      return;
    }
    const event = parseChange(payload);
    if (event) listeners.change(event);
  };
  const run = async () => {
    let connectedBefore = false;
    for (let attempt = 0; !stopped; attempt++) {
      controller = new AbortController();
      try {
        token ??= loopbackToken();
        const response = await fetch('/api/events', {
          headers: { Authorization: `Bearer ${token}` },
          cache: 'no-store',
          signal: controller.signal,
        });
        if (response.ok && response.body) {
          if (connectedBefore) listeners.missed();
          connectedBefore = true;
          attempt = 0;
          const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
          let buffer = '';
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            buffer += value;
            for (let cut = buffer.indexOf('\n\n'); cut >= 0; cut = buffer.indexOf('\n\n')) {
              deliver(buffer.slice(0, cut));
              buffer = buffer.slice(cut + 2);
            }
          }
        }
      } catch {
        // Host restarting, network hiccup or stopped: try again below unless stopped.
      }
      if (!stopped) await pause(Math.min(30_000, 500 * 2 ** attempt));
    }
  };
  void run();
  return () => {
    stopped = true;
    controller?.abort();
  };
}

/**
 * Subscribes to the changes applied to open projects by any window (this one included): the preload's
 * `project:changed` event in Electron, the loopback host's change stream in a browser. Each change is checked against
 * the contract before `listeners.change` sees it. Returns the unsubscribe function.
 */
export function onProjectChange(listeners: ChangeListeners): () => void {
  if (window.api) {
    return window.api.on('project:changed', (payload) => {
      const event = parseChange(payload);
      if (event) listeners.change(event);
    });
  }
  return streamChangesOverHttp(listeners);
}

/**
 * Saves a file the loopback host prepared (an export's `downloadUrl`, on this page's own origin): fetched with the
 * token, then handed to the browser as a download named `fileName`. Throws when the host does not hand it over.
 */
export async function downloadFile(url: string, fileName: string): Promise<void> {
  const target = new URL(url, window.location.href);
  // The token goes to this page's own host only.
  if (target.origin !== window.location.origin) throw new Error(`Refused to download from ${url}`);
  token ??= loopbackToken();
  const response = await fetch(target, { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok)
    throw new Error(`The download of ${fileName} failed (HTTP ${response.status}).`);
  const href = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser reads the blob when the click is handled; give it time before letting the memory go.
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}
