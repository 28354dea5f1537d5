import { basename, resolve } from 'node:path';
import { serializeProjectFile, stampProjectForSave } from '../../core/project/projectFile';
import type { ProjectFile } from '../../core/project/projectFile';
import { removeStrayTemporaryFiles, replaceFileAtomically } from './project/atomicReplace';
import { alreadyOpenError, DEFAULT_LOCK_STALE_MS, lockProject } from './project/projectLock';
import type { ProjectLock } from './project/projectLock';
import { ProjectStoreError } from './project/projectStoreError';
import { readProjectFileForEditing } from './project/readProject';
import type { OpenedProject } from './project/readProject';
import { RecentProjects } from './project/recentProjects';
import type { RecentProject } from './project/recentProjects';
import { checkSaveAsTarget } from './project/saveAsTarget';

/**
 * Opens and saves `.taiyaku` project files so that work is never lost. The store is a thin façade over four parts in
 * `main/services/project/`:
 *
 * - `atomicReplace.ts`: a save replaces the file atomically (temp file, fsync, keep `.bak`, rename, fsync the folder),
 *   so a crash leaves the old or the new file; stray temporary files are removed on the next open.
 * - `projectLock.ts`: one writer per project (proper-lockfile plus an owner record: a live holder's lock is never
 *   taken over, a crashed holder's is broken at once, and a holder can check it still holds the lock).
 * - `readProject.ts`: parse and migrate a project file (regular files only, up to `MAX_PROJECT_FILE_BYTES`); when only
 *   some annotations are invalid, open the rest and set those aside; when it is damaged beyond that, fall back to its
 *   backup; each with a message. A damaged file is first copied to `<name>.damaged-<time>`, and the next save leaves
 *   the `.bak` alone instead of backing up the damaged file.
 * - `recentProjects.ts`: the recent projects list in the user-data folder.
 * - `saveAsTarget.ts`: what Save as may replace (a readable project, when told to; nothing else ever).
 *
 * Plain Node, no Electron: the Electron main process, the loopback host and the command line share it.
 */

export { backupPathOf, replaceFileAtomically } from './project/atomicReplace';
export { DEFAULT_LOCK_STALE_MS, lockOwnerPathOf, lockPathOf } from './project/projectLock';
export { ProjectStoreError } from './project/projectStoreError';
export type { ProjectStoreFailure } from './project/projectStoreError';
export { damagedCopyPathOf, MAX_PROJECT_FILE_BYTES, readProjectFile } from './project/readProject';
export type { OpenedProject, ProjectRecovery } from './project/readProject';
export type { QuarantinedAnnotation } from '../../core/project/readProjectFile';
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
  /**
   * See `DEFAULT_LOCK_STALE_MS` (5 minutes); proper-lockfile's minimum is 2,000 ms. Only for locks whose owner cannot
   * be checked: a live owner on this machine keeps its lock whatever its age.
   */
  readonly lockStaleMs?: number;
}

/** How `saveAs` treats a path that is taken. */
export interface SaveAsOptions {
  /**
   * Replace a project already at the path (the reviewer answered "Replace?"); its file becomes the `.bak`. Default
   * false: such a save is refused with reason `exists`. Never replaces anything that is not a readable project.
   */
  readonly overwrite?: boolean;
  /**
   * Runs once the path is locked and checked, before the project is written there: for removing what belonged to a
   * project it replaces (its change journal), which must not outlive it. A rejection stops the save.
   */
  readonly beforeWrite?: (path: string) => Promise<void>;
}

/** The project files one app process has open, and how it reads, writes and remembers them. */
export interface ProjectStore {
  /**
   * Locks and reads a project (setting invalid annotations aside, or falling back to its backup when damaged beyond
   * them; a damaged file is first copied aside), and records it as recent.
   */
  open(path: string): Promise<OpenedProject>;
  /** Saves a project this store has open (or has saved with `saveAs`). Saves to one path run one after another. */
  save(path: string, project: ProjectFile): Promise<SavedProject>;
  /**
   * Saves a project under a new path: locks it (refusing a path open elsewhere, in this store too), writes it, records
   * it as recent and, when `previousPath` is given and different, releases that one. A path that already holds a
   * project (its file or its `.bak`) is refused with reason `exists` (code `refused`) unless `options.overwrite`; a
   * path holding anything that is not a project this version reads is refused with `not-replaceable`, even with
   * `overwrite`. Saving to `previousPath` itself (the project being edited) is a plain save and needs no `overwrite`.
   */
  saveAs(
    path: string,
    project: ProjectFile,
    previousPath?: string,
    options?: SaveAsOptions,
  ): Promise<SavedProject>;
  /** Releases the lock on a project. Flush its autosaver first. Closing a path that is not open does nothing. */
  close(path: string): Promise<void>;
  /** Releases every lock, for quitting. */
  closeAll(): Promise<void>;
  /** True when this store holds the lock on `path` (as far as it knows: see `assertStillOwner`). */
  isOpen(path: string): boolean;
  /**
   * Resolves when this store still holds the lock on `path` on disk (its lock folder is there and the owner record is
   * this store's); otherwise rejects with `lock-lost` (the lock was taken over, e.g. by another machine that thought
   * it stale; every later save is refused too) or `not-open`. A stat and a read of a tiny file: cheap enough to call
   * before each journal append. `save` checks it itself.
   */
  assertStillOwner(path: string): Promise<void>;
  /** The recent projects, most recent first, at most `MAX_RECENT_PROJECTS`. */
  recentProjects(): Promise<RecentProject[]>;
  /** Drops a path from the recent list (e.g. one the reviewer removed). */
  forgetRecentProject(path: string): Promise<void>;
}

interface HeldProject {
  lock?: ProjectLock;
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
    const entry: HeldProject = { mainFileGood: false, queue: Promise.resolve() };
    entry.lock = await lockProject(path, staleMs, (error) => {
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
    await entry.lock?.release();
  }

  /** Throws `lock-lost` (and marks the entry so) unless this store still holds the lock on disk. */
  async function assertOwner(path: string, entry: HeldProject): Promise<void> {
    if (entry.compromised === undefined && !(await entry.lock?.isStillOwner())) {
      entry.compromised = new Error('its lock was taken over');
    }
    if (entry.compromised !== undefined) {
      throw new ProjectStoreError(
        'lock-lost',
        `Taiyaku lost its hold on ${basename(path)} (${entry.compromised.message}), so another window may be ` +
          'editing it. Use Save As to keep your changes in a new file.',
      );
    }
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
    await assertOwner(path, entry);
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
        const opened = await readProjectFileForEditing(path, now());
        // A file that could not be used as it is (copied aside by now) must not become the backup.
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

    async saveAs(requestedPath, project, previousPath, saveAsOptions = {}) {
      const path = resolve(requestedPath);
      const previous = previousPath === undefined ? undefined : resolve(previousPath);
      const existing = held.get(path);
      if (existing !== undefined) {
        // Held here: the project being edited (a plain save), or another project open in this store (refused, as a
        // project open in another process is).
        if (previous !== path) throw alreadyOpenError(path);
        const saved = await enqueue(existing, () => write(path, existing, project));
        await recent.remember(path, saved.project.name);
        return saved;
      }
      const entry = await acquire(path);
      try {
        await removeStrayTemporaryFiles(path);
        // Only a good project may be replaced, and it becomes the backup; see saveAsTarget.ts.
        entry.mainFileGood = await checkSaveAsTarget(path, saveAsOptions.overwrite === true);
        await saveAsOptions.beforeWrite?.(path);
        const saved = await enqueue(entry, () => write(path, entry, project));
        await recent.remember(path, saved.project.name);
        if (previous !== undefined) await releaseHeld(previous);
        return saved;
      } catch (error) {
        await releaseHeld(path);
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

    async assertStillOwner(requestedPath) {
      const path = resolve(requestedPath);
      const entry = held.get(path);
      if (entry === undefined) {
        throw new ProjectStoreError('not-open', `${basename(path)} is not open in this window.`);
      }
      await assertOwner(path, entry);
    },

    recentProjects() {
      return recent.list();
    },

    async forgetRecentProject(requestedPath) {
      await recent.forget(resolve(requestedPath));
    },
  };
}
