// `npm start`: builds the app, makes sure the Electron binary is there (the electron package downloads it at first
// run), then starts the desktop app. Where the binary cannot be had, says so and how to use Taiyaku instead.
import { spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { ensureElectronBinary } from './electronBinary';

const built = spawnSync(process.execPath, ['scripts/build.mjs'], {
  stdio: 'inherit',
  env: { ...process.env, TAIYAKU_BUILD_QUIET: '1' },
});
if (built.status !== 0) process.exit(built.status ?? 1);

const electron = ensureElectronBinary();
if ('failure' in electron) {
  console.error(`\n${electron.failure}`);
  process.exit(1);
}

// npm runs this from the package folder; a project path the user typed is relative to where they typed it.
const userDirectory = process.env['INIT_CWD'] ?? process.cwd();
const args = process.argv
  .slice(2)
  .map((argument) => (argument.endsWith('.taiyaku') ? resolve(userDirectory, argument) : argument));
const child = spawn(electron.binary, ['.', ...args], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
