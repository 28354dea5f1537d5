import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createExampleProject } from '../../core/project/exampleProject.testkit';
import { serializeProjectFile } from '../../core/project/projectFile';
import { parseProjectJson } from '../../core/project/readProjectFile';
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
    const damaged = '{"format": "taiyaku-project", "schemaVer';
    await writeFile(path, damaged);
    const store = fixture.newStore();
    const opened = await store.open(path);
    const localTime = /from (.*?)\. /.exec(opened.recovery?.message ?? '')?.[1] ?? '';
    expect(opened.project.annotations).toHaveLength(1);
    expect(localTime).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(opened.recovery?.backupSavedAt).toBe(SAVE_TIME.toISOString());
    expect(opened.recovery?.problem).toBe(
      'review.taiyaku is not a Taiyaku project (not valid JSON: at position 40).',
    );
    expect(opened.recovery?.message).toBe(
      `The project file was damaged; opened the backup from ${localTime}. The damaged file is kept as ` +
        'review.taiyaku.damaged-20240501T120000Z.',
    );
    expect(await readFile(`${path}.damaged-20240501T120000Z`, 'utf8')).toBe(damaged);
    await store.save(path, withAnnotations(opened.project, 5));
    expect(await readFile(backupPathOf(path), 'utf8')).toBe(backupBefore);
    await store.save(path, withAnnotations(opened.project, 6));
    const backup = parseProjectJson(await readFile(backupPathOf(path), 'utf8'));
    expect(backup.ok && backup.project.annotations.length).toBe(5);
  });
});

describe('a project file with some unreadable annotations', () => {
  /**
   * A project saved with annotations a0–a2, then a0–a4 (so its backup holds a0–a2), in which `damage` then breaks
   * annotation a3 on disk. Returns the path and the damaged file's text.
   */
  async function savedWithDamagedAnnotation(
    damage: (annotation: Record<string, unknown>, textLength: number) => void,
  ): Promise<{ path: string; damaged: string }> {
    const path = join(fixture.directory, 'review.taiyaku');
    const store = fixture.newStore();
    const project = createExampleProject({ now: '2024-01-01T00:00:00.000Z' });
    await store.saveAs(path, withAnnotations(project, 3));
    await store.save(path, withAnnotations(project, 5));
    await store.close(path);
    const data = JSON.parse(await readFile(path, 'utf8')) as {
      annotations: Record<string, unknown>[];
    };
    damage(data.annotations[3] as Record<string, unknown>, project.alignment.target.text.length);
    const damaged = serializeProjectFile(data as never);
    await writeFile(path, damaged);
    return { path, damaged };
  }

  it.each([
    [
      'an invalid severity',
      (annotation: Record<string, unknown>) => {
        annotation.severity = 'catastrophic';
      },
    ],
    [
      'a selector past the end of the text',
      (annotation: Record<string, unknown>, textLength: number) => {
        const [selector] = annotation.selectors as { start: number; end: number; exact: string }[];
        selector!.start = textLength + 1;
        selector!.end = textLength + 1 + selector!.exact.length;
      },
    ],
  ])(
    'opens the valid annotations of the newer file, sets aside the one with %s, and keeps the file',
    async (_, damage) => {
      const { path, damaged } = await savedWithDamagedAnnotation(damage);
      const store = fixture.newStore();
      const opened = await store.open(path);
      expect(opened.project.annotations.map((annotation) => annotation.id)).toEqual([
        'a0',
        'a1',
        'a2',
        'a4',
      ]);
      const quote = opened.project.annotations[0]?.selectors[0]?.exact ?? '';
      expect(opened.recovery?.message).toBe(
        `1 annotation in review.taiyaku could not be read and was set aside: a3 ("${quote}"). ` +
          'The file as it was, that annotation included, is kept as review.taiyaku.damaged-20240501T120000Z.',
      );
      expect(opened.recovery?.quarantined).toEqual([expect.objectContaining({ id: 'a3', quote })]);
      // The whole file as it was, the set-aside annotation's JSON included, before anything can overwrite it.
      expect(await readFile(`${path}.damaged-20240501T120000Z`, 'utf8')).toBe(damaged);
      await store.save(path, opened.project);
      await store.save(path, opened.project);
      expect(await readFile(`${path}.damaged-20240501T120000Z`, 'utf8')).toBe(damaged);
    },
  );

  it('falls back to the backup when the texts themselves are damaged, and still keeps the file', async () => {
    const { path } = await savedWithDamagedAnnotation(() => {});
    const data = JSON.parse(await readFile(path, 'utf8')) as {
      alignment: { source: { text: unknown } };
    };
    data.alignment.source.text = 42;
    const damaged = JSON.stringify(data);
    await writeFile(path, damaged);
    const opened = await fixture.newStore().open(path);
    expect(opened.project.annotations).toHaveLength(3);
    expect(opened.recovery?.message).toContain('opened the backup');
    expect(await readFile(`${path}.damaged-20240501T120000Z`, 'utf8')).toBe(damaged);
  });
});

describe('save as', () => {
  /** A closed project saved twice at `name` (so it has a `.bak`); returns its path and both files' text. */
  async function existingProject(
    name = 'existing.taiyaku',
  ): Promise<{ path: string; file: string; backup: string }> {
    const path = join(fixture.directory, name);
    const store = fixture.newStore();
    const project = createExampleProject({ name: 'Existing' });
    await store.saveAs(path, withAnnotations(project, 1));
    await store.save(path, withAnnotations(project, 2));
    await store.close(path);
    return {
      path,
      file: await readFile(path, 'utf8'),
      backup: await readFile(backupPathOf(path), 'utf8'),
    };
  }

  it('refuses to replace an existing project unless told to overwrite it', async () => {
    const { path, file, backup } = await existingProject();
    const store = fixture.newStore();
    const other = createExampleProject({ name: 'Other' });
    await expect(store.saveAs(path, other)).rejects.toMatchObject({
      reason: 'exists',
      code: 'exists',
      message: 'existing.taiyaku already exists. Replace it?',
    });
    expect(store.isOpen(path)).toBe(false);
    expect(await readFile(path, 'utf8')).toBe(file);
    expect(await readFile(backupPathOf(path), 'utf8')).toBe(backup);

    const saved = await store.saveAs(path, other, undefined, { overwrite: true });
    expect(saved.project.name).toBe('Other');
    // The replaced project is its backup now, as after any save.
    expect(await readFile(backupPathOf(path), 'utf8')).toBe(file);
  });

  it('counts a project whose file is missing but whose backup is there as existing', async () => {
    const { path, backup } = await existingProject();
    await rm(path);
    await expect(
      fixture.newStore().saveAs(path, createExampleProject({ name: 'Other' })),
    ).rejects.toMatchObject({ reason: 'exists' });
    expect(await readFile(backupPathOf(path), 'utf8')).toBe(backup);
  });

  it('never replaces a file that is not a project it can read, even when told to overwrite', async () => {
    for (const [name, content] of [
      ['notes.taiyaku', 'my notes, not a project'],
      ['damaged.taiyaku', '{"format": "taiyaku-project", "schemaVer'],
    ] as const) {
      const path = join(fixture.directory, name);
      await writeFile(path, content);
      for (const options of [undefined, { overwrite: true }]) {
        const store = fixture.newStore();
        await expect(
          store.saveAs(path, createExampleProject(), undefined, options),
        ).rejects.toMatchObject({
          reason: 'not-replaceable',
          code: 'refused',
          message: `${name} exists and is not a Taiyaku project this version can read, so Taiyaku will not replace it. Choose another name.`,
        });
        expect(store.isOpen(path)).toBe(false);
      }
      expect(await readFile(path, 'utf8')).toBe(content);
      expect(await readdir(fixture.directory)).not.toContain(`${name}.bak`);
    }
  });

  it('saves over the project it is editing without asking, and refuses one open in another window', async () => {
    const { path } = await existingProject();
    const { path: otherPath, file: otherFile } = await existingProject('other.taiyaku');
    const store = fixture.newStore();
    const opened = await store.open(path);
    await store.open(otherPath);
    await store.saveAs(path, withAnnotations(opened.project, 3), path);
    await expect(store.saveAs(otherPath, opened.project, path)).rejects.toMatchObject({
      reason: 'locked',
    });
    expect(await readFile(otherPath, 'utf8')).toBe(otherFile);
    expect(store.isOpen(path)).toBe(true);
  });
});
