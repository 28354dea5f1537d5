import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The security gate must fail on a real finding: scan a small tree with an insecure window.
describe('npm run security', () => {
  const root = mkdtempSync(join(tmpdir(), 'taiyaku-insecure-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('fails on an unsandboxed window with Node integration', () => {
    mkdirSync(join(root, 'main'));
    writeFileSync(
      join(root, 'main', 'index.js'),
      "const { BrowserWindow } = require('electron');\nnew BrowserWindow({ webPreferences: { nodeIntegration: true, sandbox: false, contextIsolation: false } });\n",
    );
    const run = spawnSync(process.execPath, ['scripts/electronegativity.mjs', '--root', root], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/FAIL\s+HIGH\s+CONTEXT_ISOLATION_JS_CHECK/);
    expect(run.stdout).toMatch(/FAIL\s+\w+\s+SANDBOX_JS_CHECK/);
  }, 130_000);
});
