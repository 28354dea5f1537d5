// `npm run build`: builds main, preload and renderer into out/ through electron-vite's API.
// (Its command-line shim ships without an executable bit, so npm scripts cannot call it by name.)
// Then parses every built main and preload file with Node: no Electron binary runs here, so a bundle that would not
// even load in Electron (a name declared twice by a bundler shim, say) must be caught now.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'electron-vite';

/** Every .js/.cjs/.mjs file under `directory`. */
function scripts(directory) {
  return readdirSync(directory, { recursive: true })
    .map(String)
    .filter((name) => /\.(c|m)?js$/.test(name))
    .map((name) => join(directory, name));
}

try {
  await build({
    configFile: 'electron.vite.config.ts',
    logLevel: process.env.TAIYAKU_BUILD_QUIET ? 'warn' : 'info',
  });
  for (const file of [...scripts('out/main'), ...scripts('out/preload')]) {
    try {
      execFileSync(process.execPath, ['--check', file], { stdio: 'pipe' });
    } catch (error) {
      throw new Error(`${file} does not parse:\n${String(error.stderr ?? error.message)}`, {
        cause: error,
      });
    }
  }
} catch (error) {
  console.error(`taiyaku build failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
