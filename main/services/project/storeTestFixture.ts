import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { createExampleAnnotation } from '../../../core/project/exampleProject.testkit';
import type { ProjectFile } from '../../../core/project/projectFile';
import { createProjectStore } from '../projectStore';
import type { ProjectStore } from '../projectStore';

/** The clock of every store a fixture makes: each save is stamped with this time. */
export const SAVE_TIME = new Date('2024-05-01T12:00:00.000Z');

/** What a test of the project store gets: a fresh folder per test, and stores that are closed after it. */
export interface StoreFixture {
  /** A temporary folder for the test's project files, removed after the test. */
  readonly directory: string;
  /** The stores' user-data folder (inside `directory`, not created until a store writes to it). */
  readonly userData: string;
  /** A new store over `userData`, app version 9.9.9, clock `SAVE_TIME`; closed after the test. */
  newStore(options?: { readonly lockStaleMs?: number }): ProjectStore;
}

/** Registers `beforeEach`/`afterEach` hooks in the calling test file and returns the fixture they maintain. */
export function useStoreFixture(): StoreFixture {
  let directory = '';
  let stores: ProjectStore[] = [];
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'taiyaku-store-'));
    stores = [];
  });
  afterEach(async () => {
    await Promise.all(stores.map((store) => store.closeAll()));
    await rm(directory, { recursive: true, force: true });
  });
  return {
    get directory() {
      return directory;
    },
    get userData() {
      return join(directory, 'user-data');
    },
    newStore(options = {}) {
      const store = createProjectStore({
        ...options,
        userDataDirectory: join(directory, 'user-data'),
        appVersion: '9.9.9',
        now: () => SAVE_TIME,
      });
      stores.push(store);
      return store;
    },
  };
}

/** `project` with `count` example annotations instead of its own. */
export function withAnnotations(project: ProjectFile, count: number): ProjectFile {
  return {
    ...project,
    annotations: Array.from({ length: count }, (_, index) =>
      createExampleAnnotation(project, index, '2024-04-01T00:00:00.000Z'),
    ),
  };
}

/** `project` as a fixture's store writes it: stamped with its app version and `SAVE_TIME`. */
export function expected(project: ProjectFile): ProjectFile {
  return { ...project, appVersion: '9.9.9', updatedAt: SAVE_TIME.toISOString() };
}
