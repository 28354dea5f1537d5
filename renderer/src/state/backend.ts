import { invoke } from '../ipc';
import type { ReviewBackend } from './reviewStore';

/**
 * The store's backend over the app's transport (preload bridge or loopback HTTP). Opening without a path opens the
 * project named on the command line when there is one, else the sample.
 */
export const ipcBackend: ReviewBackend = {
  open: async (path) => {
    const target = path ?? (await invoke('app:info', {})).startupProject ?? undefined;
    return invoke('project:open', target ? { path: target } : {});
  },
  apply: (path, command) => invoke('project:apply', { path, command }),
  undo: (path) => invoke('project:undo', { path }),
  redo: (path) => invoke('project:redo', { path }),
  save: (path) => invoke('project:save', { path }),
  status: (path) => invoke('project:status', { path }),
};
