import type * as FsPromises from 'node:fs/promises';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createExampleProject } from '../../../core/project/exampleProject.testkit';
import { useStoreFixture, withAnnotations } from './storeTestFixture';

// Faults these machines cannot make for real (the tests run as root, so a file cannot be made unreadable; a disk
// cannot be filled on demand), injected where the store meets the file system: node:fs/promises' `open`.

/** Paths whose next `open` fails, with the error code it fails with. */
const failingOpens = new Map<string, string>();

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>();
  const open: typeof actual.open = (path, ...rest) => {
    const code = failingOpens.get(String(path));
    if (code !== undefined) {
      return Promise.reject(
        Object.assign(new Error(`${code}: injected, open '${String(path)}'`), { code }),
      );
    }
    return actual.open(path, ...rest);
  };
  return { ...actual, open, default: { ...actual, open } };
});

const fixture = useStoreFixture();

/** A project saved twice (one annotation, then two), so it has a good backup; closed again. */
async function savedTwice(): Promise<string> {
  const path = join(fixture.directory, 'review.taiyaku');
  const store = fixture.newStore();
  const project = createExampleProject({ now: '2024-01-01T00:00:00.000Z' });
  await store.saveAs(path, withAnnotations(project, 1));
  await store.save(path, withAnnotations(project, 2));
  await store.close(path);
  return path;
}

describe('faults reading a project', () => {
  it('refuses a project file it cannot read instead of opening the backup (the next save would replace it)', async () => {
    const path = await savedTwice();
    const before = await readFile(path, 'utf8');
    failingOpens.set(path, 'EACCES');
    try {
      const store = fixture.newStore();
      await expect(store.open(path)).rejects.toMatchObject({ reason: 'io' });
      expect(store.isOpen(path)).toBe(false);
    } finally {
      failingOpens.clear();
    }
    expect(await readFile(path, 'utf8')).toBe(before);
  });

  it('refuses to open a damaged project when the copy of it cannot be written', async () => {
    const path = await savedTwice();
    await writeFile(path, '{"format": "taiyaku-project"');
    failingOpens.set(`${path}.damaged-20240501T120000Z`, 'ENOSPC');
    try {
      const store = fixture.newStore();
      await expect(store.open(path)).rejects.toMatchObject({
        reason: 'io',
        message: expect.stringContaining('Could not keep a copy of the damaged review.taiyaku'),
      });
      expect(store.isOpen(path)).toBe(false);
    } finally {
      failingOpens.clear();
    }
    expect(await readFile(path, 'utf8')).toBe('{"format": "taiyaku-project"');
  });
});
