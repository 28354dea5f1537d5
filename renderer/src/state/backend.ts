import { messageOf } from '../errors';
import { invoke, onProjectChange } from '../ipc';
import type { ReviewBackend } from './reviewStore';

/**
 * The store's backend over the app's transport (preload bridge or loopback HTTP). Opening without a path opens the
 * project named on the command line when there is one, else the sample; at start-up a project named on the command
 * line wins over the one the reviewer had open last.
 */
export const ipcBackend: ReviewBackend = {
  open: async (path) => {
    const target = path ?? (await invoke('app:info', {})).startupProject ?? undefined;
    return invoke('project:open', target ? { path: target } : {});
  },
  openInitial: async (remembered) => {
    const startup = (await invoke('app:info', {})).startupProject;
    if (startup) return invoke('project:open', { path: startup });
    if (remembered) {
      try {
        return await invoke('project:open', { path: remembered });
      } catch (error) {
        // Moved, deleted or damaged beyond its backup since last time: start with the sample, and say why.
        const sample = await invoke('project:open', {});
        const reason = messageOf(error);
        return {
          ...sample,
          warnings: [
            `Could not reopen your last project (${remembered}): ${reason} The sample is open instead.`,
            ...sample.warnings,
          ],
        };
      }
    }
    return invoke('project:open', {});
  },
  openSample: () => invoke('project:open', {}),
  create: (request) => invoke('project:create', request),
  importFiles: (request) => invoke('project:import', request),
  apply: (path, command, change) => invoke('project:apply', { path, command, ...change }),
  realign: (path, change) => invoke('project:realign', { path, ...change }),
  undo: (path, change) => invoke('project:undo', { path, ...change }),
  redo: (path, change) => invoke('project:redo', { path, ...change }),
  checks: (path) => invoke('project:checks', { path }),
  subscribe: (subscriber) => onProjectChange(subscriber),
  save: (path) => invoke('project:save', { path }),
  saveAs: (path, newPath, overwrite) =>
    invoke('project:save-as', { path, newPath, ...(overwrite ? { overwrite: true } : {}) }),
  status: (path) => invoke('project:status', { path }),
  close: async (path) => {
    await invoke('project:close', { path });
  },
  recent: () => invoke('project:recent', {}),
};
