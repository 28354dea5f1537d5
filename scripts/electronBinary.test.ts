import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { downloadFailureReason, downloadedElectronBinary } from './electronBinary';

// What `require('electron')` printed here when GitHub could not be reached (two stack traces).
const FAILED_DOWNLOAD = `Downloading Electron binary...
TypeError: fetch failed
    at node:internal/deps/undici/undici:14976:13
    at async FetchDownloader.download (file:///x/node_modules/@electron/get/dist/FetchDownloader.js:46:30)
/x/node_modules/electron/index.js:43
      throw new Error(
      ^

Error: Electron failed to install correctly. Please delete \`node_modules/electron\` and run "npx install-electron --no" manually.
    at getElectronPath (/x/node_modules/electron/index.js:43:13)`;

describe('the Electron binary for npm start', () => {
  it('reduces a failed download to its cause, without the package advice or stack frames', () => {
    expect(downloadFailureReason(FAILED_DOWNLOAD)).toBe('fetch failed');
    expect(downloadFailureReason('Error: getaddrinfo ENOTFOUND github.com\n    at x')).toBe(
      'getaddrinfo ENOTFOUND github.com',
    );
    expect(downloadFailureReason('')).toBe('the download failed');
  });

  it.skipIf(downloadedElectronBinary() !== undefined)(
    'prints one clear message and no stack trace where the binary cannot be downloaded',
    () => {
      const run = spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          '-e',
          "import('./scripts/electronBinary.ts').then((m) => { const r = m.ensureElectronBinary(); if ('failure' in r) { console.error(r.failure); process.exit(1); } })",
        ],
        { encoding: 'utf8', timeout: 120_000 },
      );
      const output = `${run.stdout}\n${run.stderr}`;
      expect(run.status).toBe(1);
      expect(output).toContain('Taiyaku could not start the desktop app');
      expect(output).toContain('npm run serve');
      expect(output).not.toMatch(/^\s+at /m);
      expect(output).not.toContain('install-electron');
    },
  );
});
