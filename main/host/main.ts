import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  alignmentWorkerSource,
  createWorkerAlignmentEngine,
} from '../services/alignment/alignmentEngine';
import { responseCheckingFromEnvironment } from '../services/dispatch';
import { createExportJobs } from '../services/exportJobs';
import { createHandlers } from '../services/handlers';
import { appVersion, projectRoot } from '../services/appInfo';
import { defaultUserDataDirectory } from '../services/userData';
import { createWorkspaceService } from '../services/workspace';
import { startLoopbackHost } from './server';
import { messageOf } from '../../core/ipc/messageOf';

// Entry point of `npm run serve [-- --port N] [PROJECT]`.
const { values, positionals } = parseArgs({
  options: { port: { type: 'string', default: '0' } },
  allowPositionals: true,
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`taiyaku serve: --port takes a whole number from 0 to 65535, not '${values.port}'`);
  process.exit(2);
}
const rendererDirectory = join(projectRoot(), 'out', 'renderer');
if (!existsSync(join(rendererDirectory, 'index.html'))) {
  console.error(
    'taiyaku serve: the UI is not built (no out/renderer/index.html). Run `npm run build` first.',
  );
  process.exit(1);
}
const startupProject = positionals[0]
  ? resolve(process.env['INIT_CWD'] ?? process.cwd(), positionals[0])
  : null;
const workspace = createWorkspaceService({
  userDataDirectory: defaultUserDataDirectory(),
  appVersion: appVersion(),
  // Aligning a new project runs in a worker thread: the host keeps answering meanwhile.
  alignment: createWorkerAlignmentEngine(alignmentWorkerSource),
});
// Shared by the export handlers and the download route: a download is the bytes an export kept.
const exportJobs = createExportJobs();
const host = await startLoopbackHost({
  rendererDirectory,
  handlers: createHandlers({ host: 'loopback', workspace, startupProject, exportJobs }),
  downloads: exportJobs,
  port,
  checkResponses: responseCheckingFromEnvironment(),
  changes: workspace.changes,
});
console.log(`Taiyaku is serving at ${host.url}`);
// Start reading the project given on the command line while the browser loads the page; the page's request for it
// then waits for this open (or reports its error) instead of starting from scratch.
if (startupProject) void workspace.open(startupProject).catch(() => {});
console.log('Open that address in a browser on this machine. Press Ctrl+C to stop.');

let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  // Pending changes are written before the process leaves; a hard kill loses at most the autosave delay.
  const forced = setTimeout(() => process.exit(1), 10_000);
  forced.unref();
  void workspace
    .closeAll()
    .catch((error: unknown) => console.error(`taiyaku serve: ${messageOf(error)}`))
    .finally(() => host.close().then(() => process.exit(0)));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
