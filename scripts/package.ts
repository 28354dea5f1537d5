// `npm run package`: builds the app and the desktop installers for this platform (dist/), with Electron's fuses set
// (scripts/packaging/fuses.ts). electron-builder downloads Electron's release zip from GitHub; where that cannot be
// reached, this says so in a few lines instead of a stack trace.
import { spawnSync } from 'node:child_process';
import { build } from 'electron-builder';
import { electronBuilderConfig } from './packaging/electronBuilderConfig';
import { messageOf } from '../core/ipc/messageOf';

const NETWORK_FAILURE =
  /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|getaddrinfo|github\.com|status code 4\d\d|socket hang up/i;

const built = spawnSync(process.execPath, ['scripts/build.mjs'], {
  stdio: 'inherit',
  env: { ...process.env, TAIYAKU_BUILD_QUIET: '1' },
});
if (built.status !== 0) process.exit(built.status ?? 1);

try {
  const artifacts = await build({ config: electronBuilderConfig, publish: 'never' });
  console.log(`Taiyaku: installers written:\n  ${artifacts.join('\n  ')}`);
} catch (error) {
  const message = messageOf(error);
  if (NETWORK_FAILURE.test(message)) {
    console.error(
      [
        'Taiyaku could not build the installers: electron-builder downloads the Electron release it packages from',
        'GitHub, and this machine cannot reach it. Run `npm run package` where GitHub is reachable; the app itself',
        'is built in out/ (`npm run serve` runs it in a browser).',
        `(${message.split('\n')[0]})`,
      ].join('\n'),
    );
  } else {
    console.error(`Taiyaku could not build the installers: ${message}`);
  }
  process.exit(1);
}
