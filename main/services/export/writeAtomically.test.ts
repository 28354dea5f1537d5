import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WriteFileError, writeFileAtomically } from './writeAtomically';

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'taiyaku-write-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

const isRoot = process.getuid?.() === 0;

describe('writeFileAtomically', () => {
  it('creates missing folders and writes bytes or UTF-8 text', async () => {
    const path = join(directory, 'a', 'b', 'report.docx');
    await writeFileAtomically(path, Buffer.from([1, 2, 3]));
    expect([...(await readFile(path))]).toEqual([1, 2, 3]);
    await writeFileAtomically(path, '行われた');
    expect(await readFile(path, 'utf8')).toBe('行われた');
  });

  it('replaces an existing file and leaves no temporary file behind', async () => {
    const path = join(directory, 'replace.xlsx');
    await writeFile(path, 'old');
    await writeFileAtomically(path, 'new contents');
    expect(await readFile(path, 'utf8')).toBe('new contents');
    expect(await readdir(directory)).not.toContainEqual(expect.stringMatching(/\.tmp$/));
  });

  it('stops between chunks when cancelled, keeping the previous file and removing the temporary one', async () => {
    const folder = join(directory, 'cancel');
    const path = join(folder, 'report.xlsx');
    await mkdir(folder);
    await writeFile(path, 'previous export');
    const controller = new AbortController();
    const fractions: number[] = [];
    await expect(
      writeFileAtomically(path, Buffer.alloc(10 * 1024 * 1024, 1), {
        signal: controller.signal,
        onProgress: (fraction) => {
          fractions.push(fraction);
          controller.abort();
        },
      }),
    ).rejects.toThrow(/cancelled/);
    expect(fractions).toEqual([0.4]);
    expect(await readFile(path, 'utf8')).toBe('previous export');
    expect(await readdir(folder)).toEqual(['report.xlsx']);

    // Cancelled after the last chunk, it still stops before the rename.
    const late = new AbortController();
    await expect(
      writeFileAtomically(path, 'new export', {
        signal: late.signal,
        onProgress: () => late.abort(),
      }),
    ).rejects.toThrow(/cancelled/);
    expect(await readFile(path, 'utf8')).toBe('previous export');
    expect(await readdir(folder)).toEqual(['report.xlsx']);
  });

  it('names the path and the reason when a file stands where a folder should be', async () => {
    const file = join(directory, 'plain-file');
    await writeFile(file, 'x');
    const error = await writeFileAtomically(join(file, 'report.pdf'), 'x').catch((e) => e);
    expect(error).toBeInstanceOf(WriteFileError);
    expect(error.message).toContain(join(file, 'report.pdf'));
    expect(error.message).toMatch(/a file is in the way/);
  });

  it('refuses to replace a folder', async () => {
    const folder = join(directory, 'is-a-folder.docx');
    await mkdir(folder);
    await expect(writeFileAtomically(folder, 'x')).rejects.toThrow(/a folder with that name/);
  });

  it.skipIf(isRoot)(
    'says permission denied for a read-only folder (skipped as root: root may write anywhere)',
    async () => {
      const folder = join(directory, 'read-only');
      await mkdir(folder);
      await chmod(folder, 0o500);
      try {
        await expect(writeFileAtomically(join(folder, 'r.docx'), 'x')).rejects.toThrow(
          /permission denied/,
        );
        expect(await readdir(folder)).toEqual([]);
      } finally {
        await chmod(folder, 0o700);
      }
    },
  );

  it('says so when the name is too long for the file system', async () => {
    const path = join(directory, `${'x'.repeat(300)}.docx`);
    const error = await writeFileAtomically(path, 'x').catch((e) => e);
    expect(error).toBeInstanceOf(WriteFileError);
    expect(error.message).toMatch(
      /^Cannot write .*: cannot write the file \(the name is too long\)/,
    );
  });
});

describe('writeFileAtomically under a folder that refuses new entries', () => {
  it.runIf(process.platform === 'linux')(
    'fails at once for a path under /proc (Node 20 recursive mkdir would hang)',
    async () => {
      await expect(writeFileAtomically('/proc/taiyaku-nope/x.html', 'x')).rejects.toThrow(
        /Cannot write \/proc\/taiyaku-nope\/x\.html/,
      );
    },
    10_000,
  );
});
