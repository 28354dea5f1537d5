import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createExampleProject } from '../../core/project/exampleProject.testkit';
import { parseProjectJson, serializeProjectFile } from '../../core/project/projectFile';
import { backupPathOf, readProjectFile } from './projectStore';
import { expected, SAVE_TIME, useStoreFixture, withAnnotations } from './project/storeTestFixture';

// The store as a whole. Its parts have their own tests beside them in project/: locking (projectLock.test.ts),
// reading damaged files (readProject.test.ts), the recent list (recentProjects.test.ts), atomicReplace.test.ts.

const fixture = useStoreFixture();

describe('save and open', () => {
  it('saves a new project with saveAs and opens it again', async () => {
    const path = join(fixture.directory, 'review.taiyaku');
    const project = withAnnotations(createExampleProject(), 2);
    const store = fixture.newStore();
    const saved = await store.saveAs(path, project);
    expect(saved.project).toEqual(expected(project));
    await store.close(path);
    const opened = await fixture.newStore().open(path);
    expect(opened).toEqual({ path, project: expected(project) });
  });

  it('keeps the previous version as .bak and leaves no temporary files', async () => {
    const path = join(fixture.directory, 'review.taiyaku');
    const store = fixture.newStore();
    const first = withAnnotations(createExampleProject(), 1);
    await store.saveAs(path, first);
    await store.save(path, withAnnotations(first, 2));
    await store.save(path, withAnnotations(first, 3));
    const backup = parseProjectJson(await readFile(backupPathOf(path), 'utf8'));
    expect(backup.ok && backup.project.annotations.length).toBe(2);
    const main = parseProjectJson(await readFile(path, 'utf8'));
    expect(main.ok && main.project.annotations.length).toBe(3);
    expect((await readdir(fixture.directory)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses to save a project it does not hold', async () => {
    await expect(
      fixture.newStore().save(join(fixture.directory, 'x.taiyaku'), createExampleProject()),
    ).rejects.toMatchObject({
      reason: 'not-open',
    });
  });

  it('removes temporary files a crashed save left behind, and only those', async () => {
    const path = join(fixture.directory, 'review.taiyaku');
    const first = fixture.newStore();
    await first.saveAs(path, createExampleProject());
    await first.close(path);
    const strays = ['.review.taiyaku.new-123-1.tmp', '.review.taiyaku.bak-123-2.tmp'];
    const unrelated = ['.review.taiyaku.x.taiyaku.new-1-1.tmp', 'notes.txt'];
    for (const name of [...strays, ...unrelated]) {
      await writeFile(join(fixture.directory, name), 'partial');
    }
    await fixture.newStore().open(path);
    const names = await readdir(fixture.directory);
    for (const name of strays) expect(names).not.toContain(name);
    for (const name of unrelated) expect(names).toContain(name);
  });

  it('round-trips any project (property)', async () => {
    const path = join(fixture.directory, 'property.taiyaku');
    const store = fixture.newStore();
    await store.saveAs(path, createExampleProject());
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1, unit: 'grapheme' }),
        fc.integer({ min: 0, max: 30 }),
        fc.constantFrom('en' as const, 'ja' as const, undefined),
        async (name, annotationCount, uiLanguage) => {
          const base = createExampleProject({ name });
          const project = {
            ...withAnnotations(base, annotationCount),
            settings: uiLanguage === undefined ? base.settings : { ...base.settings, uiLanguage },
          };
          await store.save(path, project);
          expect((await readProjectFile(path)).project).toEqual(expected(project));
        },
      ),
      { numRuns: 30 },
    );
  });

  // Keep the serializer in the import list honest: the store writes exactly what serializeProjectFile produces.
  it('writes exactly the serialized project', async () => {
    const path = join(fixture.directory, 'exact.taiyaku');
    const { project } = await fixture.newStore().saveAs(path, createExampleProject());
    expect(await readFile(path, 'utf8')).toBe(serializeProjectFile(project));
  });
});

describe('a damaged project file', () => {
  it('opens the backup when the project file is damaged, and the next save keeps that backup', async () => {
    const path = join(fixture.directory, 'review.taiyaku');
    const first = fixture.newStore();
    const project = createExampleProject({ now: '2024-01-01T00:00:00.000Z' });
    await first.saveAs(path, withAnnotations(project, 1));
    await first.save(path, withAnnotations(project, 2));
    await first.close(path);
    const backupBefore = await readFile(backupPathOf(path), 'utf8');
    await writeFile(path, '{"format": "taiyaku-project", "schemaVer');
    const store = fixture.newStore();
    const opened = await store.open(path);
    expect(opened.project.annotations).toHaveLength(1);
    expect(opened.recovery?.message).toMatch(
      /^The project file was damaged; opened the backup from \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.$/,
    );
    expect(opened.recovery?.backupSavedAt).toBe(SAVE_TIME.toISOString());
    expect(opened.recovery?.problem).toContain('not valid JSON');
    await store.save(path, withAnnotations(opened.project, 5));
    expect(await readFile(backupPathOf(path), 'utf8')).toBe(backupBefore);
    await store.save(path, withAnnotations(opened.project, 6));
    const backup = parseProjectJson(await readFile(backupPathOf(path), 'utf8'));
    expect(backup.ok && backup.project.annotations.length).toBe(5);
  });
});
