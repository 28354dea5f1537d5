import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { cliCommands } from './commands/index';
import { runCli } from './index';

const projectFolder = join(import.meta.dirname, '../..');

function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const done = runCli(argv, {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    cwd: process.cwd(),
  });
  return done.then((code) => ({ code, stdout: out.join(''), stderr: err.join('') }));
}

describe('taiyaku command line', () => {
  it('prints its version', async () => {
    expect(await run(['--version'])).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^taiyaku \d+\.\d+\.\d+\n$/),
    });
  });
  it('prints help listing the commands', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: npx taiyaku <command> [options]');
    expect(result.stdout).toContain('npm run --silent cli -- <command> [options]');
  });
  it('prints usage texts with commands the user can type', () => {
    // `taiyaku` alone is no command on the PATH; `npx taiyaku` and `npm run --silent cli --` are.
    for (const command of Object.values(cliCommands)) {
      expect(command.usage).not.toMatch(/^(Usage:)?\s*taiyaku /m);
    }
    expect(cliCommands.align!.usage).toContain('Usage: npx taiyaku align --en FILE');
  });
  it('runs as `npx taiyaku` in the project folder, through the bin entry', async () => {
    const manifest = JSON.parse(readFileSync(join(projectFolder, 'package.json'), 'utf8')) as {
      bin?: Record<string, string>;
    };
    expect(manifest.bin?.taiyaku).toBe('main/cli/taiyaku.mjs');
    const { stdout } = await promisify(execFile)('npx', ['--no-install', 'taiyaku', '--version'], {
      cwd: projectFolder,
    });
    expect(stdout).toMatch(/^taiyaku \d+\.\d+\.\d+\n$/);
  }, 30_000);
  it('reports an unknown command as a usage error', async () => {
    const result = await run(['frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown command 'frobnicate'");
  });
});
