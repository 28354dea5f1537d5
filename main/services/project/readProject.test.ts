import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createExampleProject } from '../../../core/project/exampleProject.testkit';
import { backupPathOf } from './atomicReplace';
import { useStoreFixture, withAnnotations } from './storeTestFixture';

// Reading goes through the store's open, as the app does; a failed open also releases the project.
// (Opening the backup of a damaged file and what the next save does with it: ../projectStore.test.ts.)

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

describe('damaged files', () => {
  it('opens the backup when the project file is missing', async () => {
    const path = await savedTwice();
    await rm(path);
    const opened = await fixture.newStore().open(path);
    expect(opened.recovery?.message).toMatch(
      /^The project file was missing; opened the backup from /,
    );
  });

  it('reports a damaged file with readable schema paths when the backup is unusable too', async () => {
    const path = await savedTwice();
    const broken = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
    await writeFile(path, JSON.stringify({ ...broken, settings: { mqmThreshold: 'high' } }));
    await writeFile(backupPathOf(path), 'garbage');
    const error = await fixture
      .newStore()
      .open(path)
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ reason: 'damaged', code: 'failed' });
    const { message, issues } = error as { message: string; issues: string[] };
    expect(issues).toEqual([
      'settings.mqmThreshold: Invalid input: expected number, received string',
    ]);
    expect(message).toContain('review.taiyaku could not be opened.');
    expect(message).toContain('Its backup (review.taiyaku.bak) could not be opened either');
  });

  it('refuses a file from a newer Taiyaku instead of falling back to the backup', async () => {
    const path = await savedTwice();
    const newer = { ...(JSON.parse(await readFile(path, 'utf8')) as object), schemaVersion: 3 };
    await writeFile(path, JSON.stringify(newer));
    const store = fixture.newStore();
    await expect(store.open(path)).rejects.toMatchObject({
      reason: 'newer-version',
      message:
        'This project was saved by a newer Taiyaku (format 3); this version reads up to format 1. Update Taiyaku to open it.',
    });
    expect(store.isOpen(path)).toBe(false);
  });

  it('reports a project that does not exist', async () => {
    await expect(
      fixture.newStore().open(join(fixture.directory, 'none.taiyaku')),
    ).rejects.toMatchObject({
      reason: 'not-found',
      code: 'not-found',
    });
  });
});
