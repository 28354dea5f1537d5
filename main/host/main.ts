import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createHandlers } from '../services/handlers';
import { projectRoot } from '../services/appInfo';
import { startLoopbackHost } from './server';

// Entry point of `npm run serve [-- --port N]`.
const { values } = parseArgs({
  options: { port: { type: 'string', default: '0' } },
  allowPositionals: false,
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
const host = await startLoopbackHost({
  rendererDirectory,
  handlers: createHandlers({ host: 'loopback' }),
  port,
});
console.log(`Taiyaku is serving at ${host.url}`);
console.log('Open that address in a browser on this machine. Press Ctrl+C to stop.');
const stop = (): void => {
  void host.close().then(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
