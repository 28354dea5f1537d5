import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

/** Debian's Chromium; Playwright's own browser download is not available on these machines. */
export const CHROMIUM_PATH = process.env['TAIYAKU_CHROMIUM'] ?? '/usr/bin/chromium';

/** Launch options for headless Debian Chromium, quiet on a closed network. */
export function chromiumLaunchOptions(): LaunchOptions {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}: install it with 'apt-get install -y chromium' (or set TAIYAKU_CHROMIUM).`,
    );
  }
  const runningAsRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      ...(runningAsRoot ? ['--no-sandbox'] : []),
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  };
}
