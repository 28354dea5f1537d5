/**
 * The names of every request channel and every push event between the UI and the Node side, and nothing else:
 * the preload imports this file alone, so it stays free of zod and of any other dependency.
 * Names take the form `noun:verb`.
 */
export const IPC_CHANNELS = [
  'app:info',
  // The desktop app's own: its save dialog and file manager (the loopback host refuses them).
  'dialog:save-path',
  'shell:show-in-folder',
  'project:open',
  'project:create',
  'project:apply',
  'project:realign',
  'project:undo',
  'project:redo',
  'project:checks',
  'project:update-settings',
  'project:save',
  'project:save-as',
  'project:status',
  'project:close',
  'project:recent',
  // Reports out, documents in.
  'project:import',
  'project:export',
  'project:export-progress',
  'project:export-cancel',
  // A glossary file read for the reviewer to keep in the project's settings.
  'glossary:read',
] as const;

/** A request/response channel name. */
export type IpcChannel = (typeof IPC_CHANNELS)[number];

/**
 * Events the Node side pushes to the UI. Menu commands are payload-free (the UI asks for data through channels);
 * `project:changed` carries one `ProjectChangeEvent` (core/ipc/contract.ts), which the UI parses like an answer.
 */
export const IPC_EVENTS = [
  'menu:open',
  'menu:save',
  'menu:export',
  'menu:undo',
  'menu:redo',
  'project:changed',
] as const;

/** A push event name. */
export type IpcEvent = (typeof IPC_EVENTS)[number];

/** True when `name` is one of the request channels. */
export function isIpcChannel(name: unknown): name is IpcChannel {
  return typeof name === 'string' && (IPC_CHANNELS as readonly string[]).includes(name);
}

/** True when `name` is one of the push events. */
export function isIpcEvent(name: unknown): name is IpcEvent {
  return typeof name === 'string' && (IPC_EVENTS as readonly string[]).includes(name);
}
