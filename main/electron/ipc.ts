import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { IPC_CHANNELS } from '../../core/ipc/channels';
import type { IpcResult } from '../../core/ipc/contract';
import type { ChangeFeed } from '../services/changeFeed';
import { dispatch, responseCheckingFromEnvironment, type Handlers } from '../services/dispatch';
import { isTrustedRendererUrl } from '../security/trustedUrl';

/**
 * Registers every channel of the contract with ipcMain. Each call is refused unless it comes from the main frame of
 * our own page (the whole origin of the app scheme, or the dev server's),
 * then parsed and answered by `dispatch`, exactly as the loopback host answers it.
 */
export function registerIpcHandlers(handlers: Handlers, rendererUrl: string): void {
  for (const channel of IPC_CHANNELS) {
    ipcMain.handle(
      channel,
      async (event: IpcMainInvokeEvent, request: unknown): Promise<IpcResult<unknown>> => {
        const frame = event.senderFrame;
        // Only the window's main frame showing our page may call: never an iframe, whatever it loads.
        const isMainFrame = frame !== null && frame === event.sender.mainFrame;
        if (!isTrustedRendererUrl(frame?.url ?? '', rendererUrl, isMainFrame)) {
          return {
            ok: false,
            error: { code: 'refused', message: 'request from an untrusted frame' },
          };
        }
        return dispatch(handlers, channel, request, {
          checkResponses: responseCheckingFromEnvironment(),
        });
      },
    );
  }
}

/**
 * Pushes every change the workspace applies to every window (`project:changed`); each window keeps the changes of the
 * project it shows and ignores its own. Returns the function that stops forwarding.
 */
export function forwardChanges(feed: ChangeFeed): () => void {
  return feed.subscribe((event) => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (!window.isDestroyed() && !window.webContents.isDestroyed())
        window.webContents.send('project:changed', event);
    }
  });
}
