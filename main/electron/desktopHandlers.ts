import { dialog, shell, type BrowserWindow } from 'electron';
import type { Handlers } from '../services/dispatch';
import { ServiceError } from '../services/serviceError';

/**
 * The services' handler map with the desktop app's own channels: the native save dialog, and "show in folder" for a
 * file this app has just exported (never any other path the page names). Export results are watched only to learn
 * those paths.
 */
export function withDesktopChannels(
  handlers: Handlers,
  getWindow: () => BrowserWindow | undefined,
): Handlers {
  const exported = new Set<string>();
  return {
    ...handlers,
    'project:export': async (request) => {
      const result = await handlers['project:export'](request);
      if (result.filePath) exported.add(result.filePath);
      return result;
    },
    'dialog:save-path': async (request) => {
      const window = getWindow();
      const options = { defaultPath: request.defaultName, filters: request.filters };
      const answer = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options);
      return { path: answer.canceled || !answer.filePath ? null : answer.filePath };
    },
    'shell:show-in-folder': async (request) => {
      if (!exported.has(request.path))
        throw new ServiceError('refused', 'Only a file this app has just exported can be shown.');
      shell.showItemInFolder(request.path);
      return {};
    },
  };
}
