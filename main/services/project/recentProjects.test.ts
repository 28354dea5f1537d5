import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createExampleProject } from '../../../core/project/exampleProject.testkit';
import { MAX_RECENT_PROJECTS, RECENT_PROJECTS_FILE } from './recentProjects';
import { SAVE_TIME, useStoreFixture } from './storeTestFixture';

// Through the store, which records every open and save.

const fixture = useStoreFixture();

describe('recent projects', () => {
  it('lists opened and saved projects, most recent first, without duplicates, at most ten', async () => {
    const store = fixture.newStore();
    const paths: string[] = [];
    for (let index = 0; index < MAX_RECENT_PROJECTS + 2; index += 1) {
      const path = join(fixture.directory, `p${index}.taiyaku`);
      paths.push(path);
      await store.saveAs(path, createExampleProject({ name: `Project ${index}` }));
    }
    await store.close(paths[3] as string);
    await store.open(paths[3] as string);
    await rm(paths[11] as string);
    const recent = await fixture.newStore().recentProjects();
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
    await mkdir(fixture.userData, { recursive: true });
    await writeFile(join(fixture.userData, RECENT_PROJECTS_FILE), '{oops');
    expect(await fixture.newStore().recentProjects()).toEqual([]);
    const path = join(fixture.directory, 'a.taiyaku');
    await fixture.newStore().saveAs(path, createExampleProject());
    expect((await fixture.newStore().recentProjects()).map((entry) => entry.path)).toEqual([path]);
  });
});
