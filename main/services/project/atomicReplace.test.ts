import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupPathOf, removeStrayTemporaryFiles, replaceFileAtomically } from './atomicReplace';

let directory: string;

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'taiyaku-replace-'));
});

afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('replaceFileAtomically', () => {
  it('creates a file that did not exist, with no backup and no temporary files', async () => {
    const path = join(directory, 'a.json');
    await replaceFileAtomically(path, 'one', { backup: true });
    expect(await readFile(path, 'utf8')).toBe('one');
    expect(await readdir(directory)).toEqual(['a.json']);
  });

  it('keeps the replaced contents as .bak when asked, and leaves .bak alone when not', async () => {
    const path = join(directory, 'a.json');
    await replaceFileAtomically(path, 'one', { backup: false });
    await replaceFileAtomically(path, 'two', { backup: true });
    expect(await readFile(backupPathOf(path), 'utf8')).toBe('one');
    await replaceFileAtomically(path, 'three', { backup: false });
    expect(await readFile(path, 'utf8')).toBe('three');
    expect(await readFile(backupPathOf(path), 'utf8')).toBe('one');
    expect((await readdir(directory)).sort()).toEqual(['a.json', 'a.json.bak']);
  });
});

describe('removeStrayTemporaryFiles', () => {
  it('removes the temporary files of that file only', async () => {
    const path = join(directory, 'review.taiyaku');
    const strays = ['.review.taiyaku.new-123-1.tmp', '.review.taiyaku.bak-123-2.tmp'];
    const unrelated = [
      'review.taiyaku',
      '.review.taiyaku.x.taiyaku.new-1-1.tmp',
      '.other.taiyaku.new-123-1.tmp',
      'notes.txt',
    ];
    for (const name of [...strays, ...unrelated]) await writeFile(join(directory, name), 'x');
    await removeStrayTemporaryFiles(path);
    expect((await readdir(directory)).sort()).toEqual([...unrelated].sort());
  });

  it('does nothing when the folder does not exist', async () => {
    await expect(
      removeStrayTemporaryFiles(join(directory, 'missing', 'a.taiyaku')),
    ).resolves.toBeUndefined();
  });
});
