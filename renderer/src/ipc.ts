import type { IpcChannel, IpcEvent } from '../../core/ipc/channels';
import type { IpcError, IpcRequest, IpcResponse, IpcResult } from '../../core/ipc/contract';

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

async function invokeOverHttp(channel: IpcChannel, request: unknown): Promise<unknown> {
  token ??= loopbackToken();
  const response = await fetch(`/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(request),
  });
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
