import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './browser';

/**
 * Two projects: the real UI in Debian's Chromium against the loopback host (runs everywhere), and the built Electron
 * app through Playwright's `_electron` (runs where an Electron binary exists, skips with its reason elsewhere).
 */
export default defineConfig({
  testDir: '.',
  outputDir: './artifacts/test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
  projects: [
    {
      name: 'chromium-loopback',
      testIgnore: /electron\.spec\.ts/,
      use: {
        browserName: 'chromium',
        launchOptions: chromiumLaunchOptions(),
        viewport: { width: 1400, height: 900 },
      },
    },
    { name: 'electron', testMatch: /electron\.spec\.ts/ },
  ],
});
