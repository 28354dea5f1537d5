// `npm start`: builds the app, makes sure the Electron binary is there (the electron package downloads it at first
// run), then starts the desktop app. Where the binary cannot be had, says so and how to use Taiyaku instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const DOWNLOAD_TIMEOUT_MS = 10 * 60 * 1000;

function downloadedBinary() {
  const packageDirectory = dirname(require.resolve('electron/package.json'));
  const pathFile = join(packageDirectory, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(packageDirectory, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

const built = spawnSync(process.execPath, ['scripts/build.mjs'], {
  stdio: 'inherit',
  env: { ...process.env, TAIYAKU_BUILD_QUIET: '1' },
});
if (built.status !== 0) process.exit(built.status ?? 1);

let binary = downloadedBinary();
if (!binary) {
  console.log('Taiyaku: fetching the Electron binary (first run only)…');
  // Requiring the electron package downloads its binary; bounded so a stalled network cannot hang `npm start`.
  const fetched = spawnSync(process.execPath, ['-e', "require('electron')"], {
    stdio: 'inherit',
    timeout: DOWNLOAD_TIMEOUT_MS,
  });
  binary = downloadedBinary();
  if (fetched.status !== 0 || !binary) {
    console.error(
      [
        '',
        'Taiyaku could not start the desktop app: the Electron binary is not installed and could not be downloaded',
        `(${fetched.error ? fetched.error.message : 'the download failed; see the message above'}).`,
        'Electron fetches its binary from GitHub at first run; this machine cannot reach it.',
        'Use Taiyaku in a browser instead:  npm run serve   (then open the address it prints)',
        'or run the command line:           npm run --silent cli -- --help',
      ].join('\n'),
    );
    process.exit(1);
  }
}

// npm runs this from the package folder; a project path the user typed is relative to where they typed it.
const userDirectory = process.env.INIT_CWD ?? process.cwd();
const args = process.argv
  .slice(2)
  .map((argument) => (argument.endsWith('.taiyaku') ? resolve(userDirectory, argument) : argument));
const child = spawn(binary, ['.', ...args], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
