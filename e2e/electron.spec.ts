import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

const require = createRequire(import.meta.url);

/** The Electron binary if it has been downloaded, without triggering a download (its index.js would). */
function electronBinary(): string | undefined {
  const packageDirectory = dirname(require.resolve('electron/package.json'));
  const pathFile = join(packageDirectory, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(packageDirectory, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

const binary = electronBinary();

test.describe('the desktop app (Electron)', () => {
  test.skip(
    !binary,
    'No Electron binary on this machine: the electron package fetches it from GitHub at first run, which this network cannot reach.',
  );

  test('opens one sandboxed window showing the sample', async () => {
    const app = await electron.launch({
      executablePath: binary!,
      args: [resolve(import.meta.dirname, '..', 'out', 'main', 'index.js')],
    });
    const window = await app.firstWindow();
    await expect(window.getByRole('table', { name: 'Aligned text' })).toBeVisible();
    await expect(window.getByRole('rowgroup', { name: 'Clause 7', exact: true })).toHaveCount(1);
    const hasNode = await window.evaluate(
      () => typeof (globalThis as { require?: unknown }).require !== 'undefined',
    );
    expect(hasNode).toBe(false);
    const api = await window.evaluate(() =>
      Object.keys((globalThis as { api?: object }).api ?? {}).sort(),
    );
    expect(api).toEqual(['invoke', 'on']);
    await app.close();
  });
});
