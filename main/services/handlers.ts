import type { Handlers } from './dispatch';
import { appVersion } from './appInfo';
import type { WorkspaceService } from './workspace';

/** What a front door gives the services. */
export interface HostContext {
  readonly host: 'electron' | 'loopback';
  readonly workspace: WorkspaceService;
  /** A project named on the command line, opened instead of the sample. */
  readonly startupProject?: string | null;
}

/** The handler map: every channel of the contract, answered by the plain-Node services. */
export function createHandlers(context: HostContext): Handlers {
  const { workspace } = context;
  return {
    'app:info': async () => ({
      name: 'Taiyaku',
      version: appVersion(),
      host: context.host,
      projectsDirectory: workspace.projectsDirectory,
      startupProject: context.startupProject ?? null,
    }),
    'project:open': (request) =>
      request.path ? workspace.open(request.path) : workspace.openSample(),
    'project:create': (request) => workspace.create(request),
    'project:apply': (request) => workspace.apply(request.path, request.command),
    'project:realign': (request) => workspace.realign(request.path),
    'project:undo': (request) => workspace.undo(request.path),
    'project:redo': (request) => workspace.redo(request.path),
    'project:update-settings': (request) =>
      workspace.updateSettings(request.path, request.settings),
    'project:save': (request) => workspace.save(request.path),
    'project:save-as': (request) =>
      workspace.saveAs(request.path, request.newPath, { overwrite: request.overwrite === true }),
    'project:status': async (request) => workspace.status(request.path),
    'project:close': async (request) => {
      await workspace.close(request.path);
      return {};
    },
    'project:recent': () => workspace.recent(),
  } satisfies Handlers;
}
