import type { Handlers } from './dispatch';
import { appVersion } from './appInfo';
import { openProjectFile, openSample } from './documentService';

/** What a front door tells the services about itself. */
export interface HostContext {
  readonly host: 'electron' | 'loopback';
}

/** The handler map: every channel of the contract, answered by the plain-Node services. */
export function createHandlers(context: HostContext): Handlers {
  return {
    'app:info': async () => ({ name: 'Taiyaku', version: appVersion(), host: context.host }),
    'project:open': async (request) =>
      request.path ? openProjectFile(request.path) : openSample(),
    'sample:open': async () => openSample(),
  } satisfies Handlers;
}
