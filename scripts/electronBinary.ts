// The Electron binary behind `npm start`: the electron package downloads it at first run (its index.js does, when
// required). Where the download fails, the reviewer gets one clear message, not the downloader's stack traces.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const DOWNLOAD_TIMEOUT_MS = 10 * 60 * 1000;

/** The downloaded Electron executable, if the electron package has one. */
export function downloadedElectronBinary(): string | undefined {
  const packageDirectory = dirname(require.resolve('electron/package.json'));
  const pathFile = join(packageDirectory, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(packageDirectory, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

/**
 * The one line worth showing from a failed download's output: the first error's message ("fetch failed",
 * "getaddrinfo ENOTFOUND github.com", …), without stack frames or the electron package's own advice.
 */
export function downloadFailureReason(output: string): string {
  const lines = output.split(/\r?\n/).map((line) => line.trim());
  const cause = lines.find((line) =>
    /\b(ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|ECONNRESET)\b/.test(line),
  );
  if (cause) return cause.replace(/^\w*Error:\s*/, '');
  const firstError = lines.find(
    (line) => /^\w*Error\b/.test(line) && !/failed to install correctly/.test(line),
  );
  return firstError ? firstError.replace(/^\w*Error:\s*/, '') : 'the download failed';
}

/** The Electron executable, downloading it once if needed; or why it cannot be had. Output of the download is kept quiet. */
export function ensureElectronBinary(): { binary: string } | { failure: string } {
  const present = downloadedElectronBinary();
  if (present) return { binary: present };
  console.log(
    'Taiyaku: fetching the Electron binary (first run only; this can take a few minutes)…',
  );
  // Requiring the electron package downloads its binary; bounded so a stalled network cannot hang `npm start`.
  const fetched = spawnSync(process.execPath, ['-e', "require('electron')"], {
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    timeout: DOWNLOAD_TIMEOUT_MS,
  });
  const binary = downloadedElectronBinary();
  if (fetched.status === 0 && binary) return { binary };
  const reason = fetched.error
    ? fetched.error.message
    : downloadFailureReason(`${fetched.stderr ?? ''}\n${fetched.stdout ?? ''}`);
  return {
    failure: [
      `Taiyaku could not start the desktop app: the Electron binary is not installed and could not be downloaded (${reason}).`,
      'Electron fetches its binary from GitHub at first run; this machine cannot reach it.',
      'Use Taiyaku in a browser instead:  npm run serve   (then open the address it prints)',
      'or run the command line:           npm run --silent cli -- --help',
    ].join('\n'),
  };
}
