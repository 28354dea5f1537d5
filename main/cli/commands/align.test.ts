import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../index';

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    cwd: process.cwd(),
  });
  return { code, stdout, stderr };
}

describe('align command, bad input', () => {
  const directory = mkdtempSync(join(tmpdir(), 'align-cli-'));
  const file = (name: string, content: string | Buffer): string => {
    const path = join(directory, name);
    writeFileSync(path, content);
    return path;
  };
  const english = file('en.txt', 'The meeting was held in Tokyo.\n');
  const japanese = file('ja.txt', '会合は東京で開催された。\n');

  it('rejects an empty file, a binary file, a missing file and same-language input with a clear message', async () => {
    for (const [argv, message] of [
      [['--en', file('empty.txt', ''), '--ja', japanese], /empty/],
      [['--en', english, '--ja', file('blank.txt', '  \n\n')], /empty/],
      [
        [
          '--en',
          file('binary.bin', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1])),
          '--ja',
          japanese,
        ],
        /binary/,
      ],
      [['--en', join(directory, 'missing.txt'), '--ja', japanese], /no file at/],
      [['--en', english, '--ja', english], /English/],
      [['--en', japanese, '--ja', english], /swapped/],
    ] as const) {
      const result = await run(['align', ...argv]);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/unexpected error/);
    }
  });
  it('rejects a file over the size limit without reading it', async () => {
    const big = join(directory, 'big.txt');
    writeFileSync(big, Buffer.alloc(21 * 1024 * 1024, 0x61));
    const result = await run(['align', '--en', big, '--ja', japanese]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/MB/);
  });
  it('reports usage errors', async () => {
    expect((await run(['align', '--en', english])).code).toBe(2);
    expect((await run(['align', '--presegmented', '--batch', directory])).code).toBe(2);
  });
});
