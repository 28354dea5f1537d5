// `npm run build`: builds main, preload and renderer into out/ through electron-vite's API.
// (Its command-line shim ships without an executable bit, so npm scripts cannot call it by name.)
import { build } from 'electron-vite';

try {
  await build({
    configFile: 'electron.vite.config.ts',
    logLevel: process.env.TAIYAKU_BUILD_QUIET ? 'warn' : 'info',
  });
} catch (error) {
  console.error(`taiyaku build failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
