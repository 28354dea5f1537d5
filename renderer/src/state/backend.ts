import { invoke } from '../ipc';
import type { ReviewBackend } from './reviewStore';

/** The store's backend over the app's transport (preload bridge or loopback HTTP). */
export const ipcBackend: ReviewBackend = {
  open: (path) => invoke('project:open', path ? { path } : {}),
  apply: (path, command) => invoke('project:apply', { path, command }),
  undo: (path) => invoke('project:undo', { path }),
  redo: (path) => invoke('project:redo', { path }),
  save: (path) => invoke('project:save', { path }),
  status: (path) => invoke('project:status', { path }),
};
