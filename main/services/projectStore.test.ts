import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  createExampleAnnotation,
  createExampleProject,
} from '../../core/project/exampleProject.testkit';
import { parseProjectJson, serializeProjectFile } from '../../core/project/projectFile';
import type { ProjectFile } from '../../core/project/projectFile';
import {
  backupPathOf,
  createProjectStore,
  lockOwnerPathOf,
  lockPathOf,
  MAX_RECENT_PROJECTS,
  readProjectFile,
} from './projectStore';
import type { ProjectStore } from './projectStore';

const SAVE_TIME = new Date('2024-05-01T12:00:00.000Z');

let directory: string;
let userData: string;
let stores: ProjectStore[];

function newStore(): ProjectStore {
  const store = createProjectStore({
    userDataDirectory: userData,
    appVersion: '9.9.9',
    now: () => SAVE_TIME,
  });
  stores.push(store);
  return store;
}

function withAnnotations(project: ProjectFile, count: number): ProjectFile {
  return {
    ...project,
    annotations: Array.from({ length: count }, (_, index) =>
      createExampleAnnotation(project, index, '2024-04-01T00:00:00.000Z'),
    ),
  };
}

function expected(project: ProjectFile): ProjectFile {
  return { ...project, appVersion: '9.9.9', updatedAt: SAVE_TIME.toISOString() };
}

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'taiyaku-store-'));
  userData = join(directory, 'user-data');
  stores = [];
});

afterEach(async () => {
  await Promise.all(stores.map((store) => store.closeAll()));
  await rm(directory, { recursive: true, force: true });
});

describe('save and open', () => {
  it('saves a new project with saveAs and opens it again', async () => {
    const path = join(directory, 'review.taiyaku');
    const project = withAnnotations(createExampleProject(), 2);
    const store = newStore();
    const saved = await store.saveAs(path, project);
    expect(saved.project).toEqual(expected(project));
    await store.close(path);
    const opened = await newStore().open(path);
    expect(opened).toEqual({ path, project: expected(project) });
  });

  it('keeps the previous version as .bak and leaves no temporary files', async () => {
    const path = join(directory, 'review.taiyaku');
    const store = newStore();
    const first = withAnnotations(createExampleProject(), 1);
    await store.saveAs(path, first);
    await store.save(path, withAnnotations(first, 2));
    await store.save(path, withAnnotations(first, 3));
    const backup = parseProjectJson(await readFile(backupPathOf(path), 'utf8'));
    expect(backup.ok && backup.project.annotations.length).toBe(2);
    const main = parseProjectJson(await readFile(path, 'utf8'));
    expect(main.ok && main.project.annotations.length).toBe(3);
    expect((await readdir(directory)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses to save a project it does not hold', async () => {
    await expect(
      newStore().save(join(directory, 'x.taiyaku'), createExampleProject()),
    ).rejects.toMatchObject({
      reason: 'not-open',
    });
  });

  it('removes temporary files a crashed save left behind, and only those', async () => {
    const path = join(directory, 'review.taiyaku');
    await newStore()
      .saveAs(path, createExampleProject())
      .then(() => stores[0]?.close(path));
    const strays = ['.review.taiyaku.new-123-1.tmp', '.review.taiyaku.bak-123-2.tmp'];
    const unrelated = ['.review.taiyaku.x.taiyaku.new-1-1.tmp', 'notes.txt'];
    for (const name of [...strays, ...unrelated]) await writeFile(join(directory, name), 'partial');
    await newStore().open(path);
    const names = await readdir(directory);
    for (const name of strays) expect(names).not.toContain(name);
    for (const name of unrelated) expect(names).toContain(name);
  });

  it('round-trips any project (property)', async () => {
    const path = join(directory, 'property.taiyaku');
    const store = newStore();
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
});

describe('damaged files', () => {
  async function savedTwice(): Promise<{ path: string; store: ProjectStore }> {
    const path = join(directory, 'review.taiyaku');
    const store = newStore();
    const project = createExampleProject({ now: '2024-01-01T00:00:00.000Z' });
    await store.saveAs(path, withAnnotations(project, 1));
    await store.save(path, withAnnotations(project, 2));
    await store.close(path);
    return { path, store };
  }

  it('opens the backup when the project file is damaged, and the next save keeps that backup', async () => {
    const { path } = await savedTwice();
    const backupBefore = await readFile(backupPathOf(path), 'utf8');
    await writeFile(path, '{"format": "taiyaku-project", "schemaVer');
    const store = newStore();
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

  it('opens the backup when the project file is missing', async () => {
    const { path } = await savedTwice();
    await rm(path);
    const opened = await newStore().open(path);
    expect(opened.recovery?.message).toMatch(
      /^The project file was missing; opened the backup from /,
    );
  });

  it('reports a damaged file with readable schema paths when the backup is unusable too', async () => {
    const { path } = await savedTwice();
    const broken = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
    await writeFile(path, JSON.stringify({ ...broken, settings: { mqmThreshold: 'high' } }));
    await writeFile(backupPathOf(path), 'garbage');
    const error = await newStore()
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
    const { path } = await savedTwice();
    const newer = { ...(JSON.parse(await readFile(path, 'utf8')) as object), schemaVersion: 3 };
    await writeFile(path, JSON.stringify(newer));
    const store = newStore();
    await expect(store.open(path)).rejects.toMatchObject({
      reason: 'newer-version',
      message:
        'This project was saved by a newer Taiyaku (format 3); this version reads up to format 1. Update Taiyaku to open it.',
    });
    expect(store.isOpen(path)).toBe(false);
  });

  it('reports a project that does not exist', async () => {
    await expect(newStore().open(join(directory, 'none.taiyaku'))).rejects.toMatchObject({
      reason: 'not-found',
      code: 'not-found',
    });
  });
});

describe('locking', () => {
  async function savedProject(): Promise<string> {
    const path = join(directory, 'shared.taiyaku');
    const store = newStore();
    await store.saveAs(path, createExampleProject());
    await store.close(path);
    return path;
  }

  it('refuses a second open in the same store and in another store of this process', async () => {
    const path = await savedProject();
    const first = newStore();
    await first.open(path);
    await expect(first.open(path)).rejects.toMatchObject({ reason: 'locked' });
    await expect(newStore().open(path)).rejects.toMatchObject({
      reason: 'locked',
      message:
        'shared.taiyaku is already open in another Taiyaku window. Switch to that window, or close the project there and try again.',
    });
    await expect(newStore().saveAs(path, createExampleProject())).rejects.toMatchObject({
      reason: 'locked',
    });
    await first.close(path);
    await newStore().open(path);
  });

  it('refuses while another process holds the project, and recovers at once when that process is killed', async () => {
    const path = await savedProject();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(__dirname, 'projectStoreChild.ts'), path, userData],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    try {
      expect(await firstLine(child)).toBe('opened');
      await expect(newStore().open(path)).rejects.toMatchObject({ reason: 'locked' });
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      // The lock folder is still there and fresh, but its recorded owner is dead: no waiting for the stale period.
      const started = Date.now();
      const opened = await newStore().open(path);
      expect(Date.now() - started).toBeLessThan(1_500);
      expect(opened.recovery).toBeUndefined();
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('takes over a stale lock that has no owner record', async () => {
    const path = await savedProject();
    await mkdir(lockPathOf(path));
    const old = new Date(Date.now() - 60_000);
    await utimes(lockPathOf(path), old, old);
    await newStore().open(path);
    expect((await readFile(lockOwnerPathOf(path), 'utf8')).includes(`"pid":${process.pid}`)).toBe(
      true,
    );
  });

  it('refuses a fresh lock whose owner is unknown', async () => {
    const path = await savedProject();
    await mkdir(lockPathOf(path));
    await expect(newStore().open(path)).rejects.toMatchObject({ reason: 'locked' });
  });

  it('moves the lock with saveAs and releases everything on closeAll', async () => {
    const path = await savedProject();
    const copy = join(directory, 'copy.taiyaku');
    const store = newStore();
    const opened = await store.open(path);
    await store.saveAs(copy, opened.project, path);
    expect(store.isOpen(path)).toBe(false);
    expect(store.isOpen(copy)).toBe(true);
    await newStore().open(path);
    await store.closeAll();
    expect(await readdir(directory)).not.toContain('copy.taiyaku.lock');
  });
});

describe('recent projects', () => {
  it('lists opened and saved projects, most recent first, without duplicates, at most ten', async () => {
    const store = newStore();
    const paths: string[] = [];
    for (let index = 0; index < MAX_RECENT_PROJECTS + 2; index += 1) {
      const path = join(directory, `p${index}.taiyaku`);
      paths.push(path);
      await store.saveAs(path, createExampleProject({ name: `Project ${index}` }));
    }
    await store.close(paths[3] as string);
    await store.open(paths[3] as string);
    await rm(paths[11] as string);
    const recent = await newStore().recentProjects();
    expect(recent).toHaveLength(MAX_RECENT_PROJECTS);
    expect(recent.map((entry) => entry.name)).toEqual([
      'Project 3',
      'Project 11',
      'Project 10',
      'Project 9',
      'Project 8',
      'Project 7',
      'Project 6',
      'Project 5',
      'Project 4',
      'Project 2',
    ]);
    expect(recent[1]?.exists).toBe(false);
    expect(recent[0]).toEqual({
      path: paths[3],
      name: 'Project 3',
      openedAt: SAVE_TIME.toISOString(),
      exists: true,
    });
    await store.forgetRecentProject(paths[3] as string);
    expect((await store.recentProjects())[0]?.name).toBe('Project 11');
  });

  it('treats a damaged recent list as empty', async () => {
    await mkdir(userData, { recursive: true });
    await writeFile(join(userData, 'recent-projects.json'), '{oops');
    expect(await newStore().recentProjects()).toEqual([]);
    const path = join(directory, 'a.taiyaku');
    await newStore().saveAs(path, createExampleProject());
    expect((await newStore().recentProjects()).map((entry) => entry.path)).toEqual([path]);
  });
});

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const newline = buffered.indexOf('\n');
      if (newline !== -1) resolve(buffered.slice(0, newline));
    });
    child.once('exit', (code) =>
      reject(new Error(`child exited (${code}) before answering: ${buffered}`)),
    );
  });
}

// Keep the serializer in the import list honest: the store writes exactly what serializeProjectFile produces.
it('writes exactly the serialized project', async () => {
  const path = join(directory, 'exact.taiyaku');
  const { project } = await newStore().saveAs(path, createExampleProject());
  expect(await readFile(path, 'utf8')).toBe(serializeProjectFile(project));
});
