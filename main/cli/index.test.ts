import { describe, expect, it } from 'vitest';
import { runCli } from './index';

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
    expect(result.stdout).toContain('Usage: npm run --silent cli -- <command>');
  });
  it('reports an unknown command as a usage error', async () => {
    const result = await run(['frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown command 'frobnicate'");
  });
});
