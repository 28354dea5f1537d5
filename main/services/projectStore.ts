import { basename, resolve } from 'node:path';
import { serializeProjectFile, stampProjectForSave } from '../../core/project/projectFile';
import type { ProjectFile } from '../../core/project/projectFile';
import { removeStrayTemporaryFiles, replaceFileAtomically } from './project/atomicReplace';
import { alreadyOpenError, DEFAULT_LOCK_STALE_MS, lockProject } from './project/projectLock';
import { ProjectStoreError } from './project/projectStoreError';
import { isGoodProjectFile, readProjectFile } from './project/readProject';
import type { OpenedProject } from './project/readProject';
import { RecentProjects } from './project/recentProjects';
import type { RecentProject } from './project/recentProjects';

/**
 * Opens and saves `.taiyaku` project files so that work is never lost. The store is a thin façade over four parts in
 * `main/services/project/`:
 *
 * - `atomicReplace.ts`: a save replaces the file atomically (temp file, fsync, keep `.bak`, rename, fsync the folder),
 *   so a crash leaves the old or the new file; stray temporary files are removed on the next open.
 * - `projectLock.ts`: one writer per project (proper-lockfile plus an owner record, so a crashed holder's lock is
 *   broken at once).
 * - `readProject.ts`: parse and migrate a project file, falling back to its backup with a message when it is damaged;
 *   the next save then leaves that good `.bak` alone instead of backing up the damaged file.
 * - `recentProjects.ts`: the recent projects list in the user-data folder.
 *
 * Plain Node, no Electron: the Electron main process, the loopback host and the command line share it.
 */

export { backupPathOf, replaceFileAtomically } from './project/atomicReplace';
export { DEFAULT_LOCK_STALE_MS, lockOwnerPathOf, lockPathOf } from './project/projectLock';
export { ProjectStoreError } from './project/projectStoreError';
export type { ProjectStoreFailure } from './project/projectStoreError';
export { readProjectFile } from './project/readProject';
export type { OpenedProject, ProjectRecovery } from './project/readProject';
export { MAX_RECENT_PROJECTS, RECENT_PROJECTS_FILE } from './project/recentProjects';
export type { RecentProject } from './project/recentProjects';

/** A completed save. */
export interface SavedProject {
  readonly path: string;
  /** The project as written: `updatedAt` and `appVersion` stamped at save time. */
  readonly project: ProjectFile;
}

export interface ProjectStoreOptions {
  /** Folder for the app's own state (the recent list); created when missing. */
  readonly userDataDirectory: string;
  /** Written into every saved project as the version that wrote it. */
  readonly appVersion: string;
  /** Clock, for tests. */
  readonly now?: () => Date;
  /** See `DEFAULT_LOCK_STALE_MS`; proper-lockfile's minimum is 2,000 ms. */
  readonly lockStaleMs?: number;
}

/** The project files one app process has open, and how it reads, writes and remembers them. */
export interface ProjectStore {
  /** Locks and reads a project (falling back to its backup when damaged), and records it as recent. */
  open(path: string): Promise<OpenedProject>;
  /** Saves a project this store has open (or has saved with `saveAs`). Saves to one path run one after another. */
  save(path: string, project: ProjectFile): Promise<SavedProject>;
  /**
   * Saves a project under a new path: locks it (refusing a path open elsewhere), writes it, records it as recent and,
   * when `previousPath` is given and different, releases that one.
   */
  saveAs(path: string, project: ProjectFile, previousPath?: string): Promise<SavedProject>;
  /** Releases the lock on a project. Flush its autosaver first. Closing a path that is not open does nothing. */
  close(path: string): Promise<void>;
  /** Releases every lock, for quitting. */
  closeAll(): Promise<void>;
  /** True when this store holds the lock on `path`. */
  isOpen(path: string): boolean;
  /** The recent projects, most recent first, at most `MAX_RECENT_PROJECTS`. */
  recentProjects(): Promise<RecentProject[]>;
  /** Drops a path from the recent list (e.g. one the reviewer removed). */
  forgetRecentProject(path: string): Promise<void>;
}

interface HeldProject {
  release: () => Promise<void>;
  /** The lock was lost (refresh failed, or another process took it over): saving is refused. */
  compromised?: Error;
  /**
   * True when the project file on disk is known to be a good project (we read it as valid or wrote it), so a save may
   * turn it into the backup. False after opening from the backup, so that good backup is not overwritten.
   */
  mainFileGood: boolean;
  /** Saves to this path, chained so that they never overlap. */
  queue: Promise<unknown>;
}

/** Creates a store. Nothing is touched on disk until the first call. */
export function createProjectStore(options: ProjectStoreOptions): ProjectStore {
  const now = options.now ?? (() => new Date());
  const staleMs = Math.max(options.lockStaleMs ?? DEFAULT_LOCK_STALE_MS, 2_000);
  const held = new Map<string, HeldProject>();
  const recent = new RecentProjects(options.userDataDirectory, now);

  async function acquire(path: string): Promise<HeldProject> {
    if (held.has(path)) throw alreadyOpenError(path);
    const entry: HeldProject = {
      release: async () => {},
      mainFileGood: false,
      queue: Promise.resolve(),
    };
    entry.release = await lockProject(path, staleMs, (error) => {
      entry.compromised = error;
    });
    held.set(path, entry);
    return entry;
  }

  async function releaseHeld(path: string): Promise<void> {
    const entry = held.get(path);
    if (entry === undefined) return;
    held.delete(path);
    await entry.queue.catch(() => {});
    await entry.release();
  }

  function enqueue<T>(entry: HeldProject, task: () => Promise<T>): Promise<T> {
    const run = entry.queue.then(task, task);
    entry.queue = run.catch(() => {});
    return run;
  }

  async function write(
    path: string,
    entry: HeldProject,
    project: ProjectFile,
  ): Promise<SavedProject> {
    if (entry.compromised !== undefined) {
      throw new ProjectStoreError(
        'lock-lost',
        `Taiyaku lost its hold on ${basename(path)} (${entry.compromised.message}), so another window may be ` +
          'editing it. Use Save As to keep your changes in a new file.',
      );
    }
    const stamped = stampProjectForSave(project, {
      appVersion: options.appVersion,
      now: now().toISOString(),
    });
    try {
      await replaceFileAtomically(path, serializeProjectFile(stamped), {
        backup: entry.mainFileGood,
      });
    } catch (error) {
      throw new ProjectStoreError(
        'io',
        `Could not save ${basename(path)}: ${(error as Error).message}`,
      );
    }
    entry.mainFileGood = true;
    return { path, project: stamped };
  }

  return {
    async open(requestedPath) {
      const path = resolve(requestedPath);
      const entry = await acquire(path);
      try {
        // Only while holding the lock: no other Taiyaku process is writing any of them.
        await removeStrayTemporaryFiles(path);
        const opened = await readProjectFile(path);
        entry.mainFileGood = opened.recovery === undefined;
        await recent.remember(path, opened.project.name);
        return opened;
      } catch (error) {
        await releaseHeld(path);
        throw error;
      }
    },

    async save(requestedPath, project) {
      const path = resolve(requestedPath);
      const entry = held.get(path);
      if (entry === undefined) {
        throw new ProjectStoreError(
          'not-open',
          `${basename(path)} is not open in this window; open it or use Save As.`,
        );
      }
      return enqueue(entry, () => write(path, entry, project));
    },

    async saveAs(requestedPath, project, previousPath) {
      const path = resolve(requestedPath);
      const existing = held.get(path);
      const entry = existing ?? (await acquire(path));
      try {
        if (existing === undefined) {
          await removeStrayTemporaryFiles(path);
          // Back up a file we are about to replace only when it is a good project: an unrelated or damaged file at
          // the chosen path must not become the backup.
          entry.mainFileGood = await isGoodProjectFile(path);
        }
        const saved = await enqueue(entry, () => write(path, entry, project));
        await recent.remember(path, saved.project.name);
        if (previousPath !== undefined && resolve(previousPath) !== path) {
          await releaseHeld(resolve(previousPath));
        }
        return saved;
      } catch (error) {
        if (existing === undefined) await releaseHeld(path);
        throw error;
      }
    },

    async close(requestedPath) {
      await releaseHeld(resolve(requestedPath));
    },

    async closeAll() {
      await Promise.all([...held.keys()].map((path) => releaseHeld(path)));
    },

    isOpen(requestedPath) {
      return held.has(resolve(requestedPath));
    },

    recentProjects() {
      return recent.list();
    },

    async forgetRecentProject(requestedPath) {
      await recent.forget(resolve(requestedPath));
    },
  };
}
