import { constants as fsConstants, unlinkSync } from 'node:fs';
import {
  copyFile,
  link,
  mkdir,
  open,
  readdir,
  readFile,
  rename,
  rmdir,
  stat,
  unlink,
} from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import lockfile from 'proper-lockfile';
import { z } from 'zod';
import {
  parseProjectJson,
  serializeProjectFile,
  stampProjectForSave,
} from '../../core/project/projectFile';
import type { ProjectFile } from '../../core/project/projectFile';
import { ServiceError } from './serviceError';

/**
 * Opens and saves `.taiyaku` project files so that work is never lost:
 *
 * - **Atomic replace.** A save writes the whole project to a temporary file in the same folder, fsyncs it, and renames
 *   it over the project file, then fsyncs the folder. A reader sees the old file or the new one, never half of one.
 * - **Backup.** Before the rename, the current project file (when it is known to be good) becomes `<name>.taiyaku.bak`
 *   by a hard link (or, where links are not supported, a copy to a temporary file that is fsynced and renamed).
 * - **Crash safety.** The steps are: (1) write + fsync temp; (2) link/copy old file to a temp backup name and rename it
 *   to `.bak`; (3) rename temp over the project file; (4) fsync the folder. The project file itself is never deleted or
 *   written in place, only replaced by rename, so at every instant it holds either the previous good version or the
 *   new one; `.bak` likewise holds a good version at every instant. A crash (or power loss: every combination of
 *   persisted renames is one of those states) can leave stray temp files, which the next open of the project removes.
 *   If the project file is damaged anyway (disk fault, another program), open falls back to `.bak`, and the next save
 *   leaves that good `.bak` alone instead of backing up the damaged file.
 * - **One writer.** Opening a project takes a lock (proper-lockfile: a `<name>.taiyaku.lock` folder whose mtime the
 *   holder refreshes; considered stale after `lockStaleMs` without refresh). A second window or app instance gets
 *   "already open in another window". The holder also writes `<name>.taiyaku.lock-owner.json` (pid and host), so a
 *   lock left by a crashed process on this machine is broken at once instead of after the stale period. (The record
 *   is written just after the lock folder is made; a record from a dead pid could in principle be read in those few
 *   milliseconds of a new holder's acquisition. Records are removed on release and on process exit to keep that
 *   window empty in practice; the file contents are never at risk, only which window may write.)
 *
 * Why not write-file-atomic: the backup step has to sit between writing the temporary file and the rename, temporary
 * names have to be recognizable for clean-up after a SIGKILL, and the folder has to be fsynced; owning the ~30 lines
 * keeps those three in one place. `scripts/kill-during-autosave.ts` checks all of this by killing a writer 50 times.
 *
 * Plain Node, no Electron: the Electron main process, the loopback host and the command line share it.
 */

/** Why a store operation failed; `code` (from `ServiceError`) is what the UI branches on, `reason` is finer. */
export type ProjectStoreFailure =
  'locked' | 'lock-lost' | 'not-found' | 'not-open' | 'damaged' | 'newer-version' | 'io';

/** A project store failure with a message a reviewer can act on. */
export class ProjectStoreError extends ServiceError {
  constructor(
    readonly reason: ProjectStoreFailure,
    message: string,
    /** Readable schema issues when the file failed validation. */
    readonly issues?: readonly string[],
  ) {
    super(
      reason === 'not-found'
        ? 'not-found'
        : reason === 'io' || reason === 'damaged'
          ? 'failed'
          : 'refused',
      message,
    );
    this.name = 'ProjectStoreError';
  }
}

/** Set when the project file could not be used and its backup was opened instead. */
export interface ProjectRecovery {
  /** For the reviewer, e.g. "The project file was damaged; opened the backup from 2024-05-01 14:03." */
  readonly message: string;
  /** `updatedAt` of the backup (ISO), i.e. when the work it holds was saved. */
  readonly backupSavedAt: string;
  /** What was wrong with the project file. */
  readonly problem: string;
}

/** A project read from disk. */
export interface OpenedProject {
  /** Absolute path of the project file. */
  readonly path: string;
  readonly project: ProjectFile;
  /** Present when the backup was opened because the project file was damaged or missing. */
  readonly recovery?: ProjectRecovery;
  /** The schema version the file had, when it was older and got migrated (the next save writes the current one). */
  readonly migratedFrom?: number;
}

/** A completed save. */
export interface SavedProject {
  readonly path: string;
  /** The project as written: `updatedAt` and `appVersion` stamped at save time. */
  readonly project: ProjectFile;
}

/** One entry of the recent projects list. */
export interface RecentProject {
  readonly path: string;
  readonly name: string;
  /** When it was last opened or saved under this path (ISO). */
  readonly openedAt: string;
  /** Whether the file (or its backup) still exists, checked when the list is read. */
  readonly exists: boolean;
}

/** Most entries the recent projects list keeps. */
export const MAX_RECENT_PROJECTS = 10;

/** File in the user-data folder holding the recent projects list. */
export const RECENT_PROJECTS_FILE = 'recent-projects.json';

/** Default lock staleness: a lock not refreshed for this long (ms) may be taken over. */
export const DEFAULT_LOCK_STALE_MS = 10_000;

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

/** The backup path of a project file: `<name>.taiyaku.bak`. */
export function backupPathOf(path: string): string {
  return `${path}.bak`;
}

/** The lock folder of a project file (managed by proper-lockfile). */
export function lockPathOf(path: string): string {
  return `${path}.lock`;
}

/** The lock owner record of a project file (pid and host of the holder). */
export function lockOwnerPathOf(path: string): string {
  return `${path}.lock-owner.json`;
}

/** Creates a store. Nothing is touched on disk until the first call. */
export function createProjectStore(options: ProjectStoreOptions): ProjectStore {
  const now = options.now ?? (() => new Date());
  const staleMs = Math.max(options.lockStaleMs ?? DEFAULT_LOCK_STALE_MS, 2_000);
  const held = new Map<string, HeldProject>();
  const recentFile = join(options.userDataDirectory, RECENT_PROJECTS_FILE);
  let recentQueue: Promise<unknown> = Promise.resolve();

  async function acquire(path: string): Promise<HeldProject> {
    if (held.has(path)) throw alreadyOpen(path);
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

  function updateRecent(change: (entries: StoredRecent[]) => StoredRecent[]): Promise<void> {
    const run = recentQueue.then(async () => {
      const entries = change(await readRecentFile(recentFile)).slice(0, MAX_RECENT_PROJECTS);
      await mkdir(options.userDataDirectory, { recursive: true });
      await replaceFileAtomically(
        recentFile,
        `${JSON.stringify({ version: 1, projects: entries }, null, 2)}\n`,
        {
          backup: false,
        },
      );
    });
    // The recent list is a convenience: failing to update it must not fail an open or a save.
    recentQueue = run.catch(() => {});
    return recentQueue as Promise<void>;
  }

  function remember(path: string, name: string): Promise<void> {
    const openedAt = now().toISOString();
    return updateRecent((entries) => [
      { path, name, openedAt },
      ...entries.filter((entry) => entry.path !== path),
    ]);
  }

  return {
    async open(requestedPath) {
      const path = resolve(requestedPath);
      const entry = await acquire(path);
      try {
        await removeStrayTemporaryFiles(path);
        const opened = await readProjectFile(path);
        entry.mainFileGood = opened.recovery === undefined;
        await remember(path, opened.project.name);
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
        await remember(path, saved.project.name);
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

    async recentProjects() {
      await recentQueue;
      const entries = await readRecentFile(recentFile);
      return Promise.all(
        entries.map(async (entry) => ({
          ...entry,
          exists: (await fileExists(entry.path)) || (await fileExists(backupPathOf(entry.path))),
        })),
      );
    },

    async forgetRecentProject(requestedPath) {
      const path = resolve(requestedPath);
      await updateRecent((entries) => entries.filter((entry) => entry.path !== path));
    },
  };
}

/**
 * Reads a project without locking it (for previews, the command line and the crash harness): the project file, or,
 * when it is damaged or missing, its backup with a `recovery` note. A project file from a newer Taiyaku is refused and
 * never replaced by its backup: that would silently drop the newer work.
 */
export async function readProjectFile(requestedPath: string): Promise<OpenedProject> {
  const path = resolve(requestedPath);
  const main = await readCandidate(path);
  if (main.ok) return withMigration(path, main);
  if (main.error.reason === 'newer-version') throw main.error;

  const backup = await readCandidate(backupPathOf(path));
  if (backup.ok) {
    const mainMissing = main.error.reason === 'not-found';
    const savedAt = backup.project.updatedAt;
    const recovery: ProjectRecovery = {
      message: `The project file was ${mainMissing ? 'missing' : 'damaged'}; opened the backup from ${formatLocalTime(savedAt)}.`,
      backupSavedAt: savedAt,
      problem: main.error.message,
    };
    return { ...withMigration(path, backup), recovery };
  }
  if (main.error.reason === 'not-found' && backup.error.reason === 'not-found') {
    throw new ProjectStoreError('not-found', `There is no project at ${path}.`);
  }
  if (main.error.reason === 'not-found') throw backup.error;
  throw new ProjectStoreError(
    main.error.reason,
    backup.error.reason === 'not-found'
      ? main.error.message
      : `${main.error.message}\nIts backup (${basename(backupPathOf(path))}) could not be opened either: ${backup.error.message}`,
    main.error.issues,
  );
}

type Candidate =
  | { ok: true; project: ProjectFile; migratedFrom?: number }
  | { ok: false; error: ProjectStoreError };

async function readCandidate(path: string): Promise<Candidate> {
  let json: string;
  try {
    json = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      return {
        ok: false,
        error: new ProjectStoreError('not-found', `There is no file at ${path}.`),
      };
    }
    return {
      ok: false,
      error: new ProjectStoreError(
        'io',
        `Could not read ${basename(path)}: ${(error as Error).message}`,
      ),
    };
  }
  const parsed = parseProjectJson(json);
  if (parsed.ok) return parsed;
  const { error } = parsed;
  if (error.code === 'newer-version') {
    return { ok: false, error: new ProjectStoreError('newer-version', error.message) };
  }
  return {
    ok: false,
    error: new ProjectStoreError(
      'damaged',
      `${basename(path)} could not be opened. ${error.message}`,
      error.code === 'invalid' ? error.issues : undefined,
    ),
  };
}

function withMigration(
  path: string,
  candidate: { project: ProjectFile; migratedFrom?: number },
): OpenedProject {
  return candidate.migratedFrom === undefined
    ? { path, project: candidate.project }
    : { path, project: candidate.project, migratedFrom: candidate.migratedFrom };
}

async function isGoodProjectFile(path: string): Promise<boolean> {
  const candidate = await readCandidate(path);
  return candidate.ok;
}

/** `2024-05-01 14:03` in the machine's time zone, for messages. */
function formatLocalTime(iso: string): string {
  const date = new Date(iso);
  const pad = (value: number): string => String(value).padStart(2, '0');
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
  );
}

let temporaryCounter = 0;

/** A fresh temporary name beside `path`, recognizable by `isTemporaryFileOf` for clean-up after a crash. */
function temporaryPathFor(path: string, kind: 'new' | 'bak'): string {
  temporaryCounter += 1;
  return join(dirname(path), `.${basename(path)}.${kind}-${process.pid}-${temporaryCounter}.tmp`);
}

function isTemporaryFileOf(path: string, fileName: string): boolean {
  const prefix = `.${basename(path)}.`;
  return (
    fileName.startsWith(prefix) && /^(new|bak)-\d+-\d+\.tmp$/.test(fileName.slice(prefix.length))
  );
}

/**
 * Temporary files a crashed save left beside `path`. Only called while holding the project's lock, so no other
 * Taiyaku process is writing any of them.
 */
async function removeStrayTemporaryFiles(path: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dirname(path));
  } catch {
    return;
  }
  await Promise.all(
    names
      .filter((name) => isTemporaryFileOf(path, name))
      .map((name) => unlink(join(dirname(path), name)).catch(() => {})),
  );
}

/**
 * Replaces `path` with `contents` atomically (see the module comment for the order of steps and why a crash at any
 * point leaves a good file). With `backup`, the current file first becomes `<path>.bak`.
 */
export async function replaceFileAtomically(
  path: string,
  contents: string,
  options: { readonly backup: boolean },
): Promise<void> {
  const temporary = temporaryPathFor(path, 'new');
  try {
    await writeAndSync(temporary, contents);
    if (options.backup) await backUp(path);
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => {});
    throw error;
  }
  await syncDirectory(dirname(path));
}

async function writeAndSync(path: string, contents: string): Promise<void> {
  // 'wx': the name is fresh; failing on an existing file protects against a clash we did not foresee.
  const handle = await open(path, 'wx');
  try {
    await handle.writeFile(contents, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes `<path>.bak` a copy of `path` (when `path` exists) by link-or-copy to a temp name, then rename. */
async function backUp(path: string): Promise<void> {
  const temporary = temporaryPathFor(path, 'bak');
  try {
    try {
      // A hard link is instant and shares the old file's (already synced) data; the rename that follows replaces the
      // project file's name, not its data, so the backup keeps the old content.
      await link(path, temporary);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return;
      // File systems without hard links (FAT, exFAT, some network shares): copy and sync instead.
      await copyFile(path, temporary, fsConstants.COPYFILE_EXCL);
      const handle = await open(temporary, 'r+');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
    await rename(temporary, backupPathOf(path));
  } catch (error) {
    await unlink(temporary).catch(() => {});
    throw error;
  }
}

/** Makes renames in `directory` durable. Windows cannot open a folder for syncing; NTFS journals renames anyway. */
async function syncDirectory(directory: string): Promise<void> {
  let handle;
  try {
    handle = await open(directory, 'r');
    await handle.sync();
  } catch {
    // EISDIR / EPERM on Windows, EINVAL on some network file systems: nothing more we can do.
  } finally {
    await handle?.close();
  }
}

interface LockOwner {
  readonly pid: number;
  readonly hostname: string;
}

/** Takes the lock on a project; returns its release. Throws `locked` when another live holder has it. */
async function lockProject(
  path: string,
  staleMs: number,
  onCompromised: (error: Error) => void,
): Promise<() => Promise<void>> {
  const lockOptions = { stale: staleMs, realpath: false, retries: 0, onCompromised };
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(path, lockOptions);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') {
      throw new ProjectStoreError(
        'io',
        `Could not lock ${basename(path)}: ${(error as Error).message}`,
      );
    }
    if (!(await breakAbandonedLock(path))) throw alreadyOpen(path);
    try {
      release = await lockfile.lock(path, lockOptions);
    } catch {
      throw alreadyOpen(path);
    }
  }
  const owner: LockOwner = { pid: process.pid, hostname: hostname() };
  await replaceFileAtomically(lockOwnerPathOf(path), JSON.stringify(owner), {
    backup: false,
  }).catch(() => {
    // Without the owner record the lock still works; a crash just leaves it for the stale period.
  });
  heldOwnerRecords.add(lockOwnerPathOf(path));
  removeOwnerRecordsOnExit();
  return async () => {
    heldOwnerRecords.delete(lockOwnerPathOf(path));
    await unlink(lockOwnerPathOf(path)).catch(() => {});
    await release().catch(() => {
      // Already released (compromised or removed): nothing left to release.
    });
  };
}

/** Owner records of the locks this process holds. */
const heldOwnerRecords = new Set<string>();
let exitHandlerInstalled = false;

/**
 * proper-lockfile removes its lock folders when the process exits without releasing them; remove our owner records
 * too, so no record of a dead pid outlives its lock and misleads `breakAbandonedLock` about a newer lock.
 */
function removeOwnerRecordsOnExit(): void {
  if (exitHandlerInstalled) return;
  exitHandlerInstalled = true;
  process.once('exit', () => {
    for (const record of heldOwnerRecords) {
      try {
        unlinkSync(record);
      } catch {
        // already gone
      }
    }
  });
}

/**
 * Removes a lock whose recorded owner is a process on this machine that no longer runs (it crashed or was killed).
 * Returns true when it did. A lock without a readable owner record, or owned on another machine, is left to
 * proper-lockfile's stale check. Two instances breaking the same dead lock at once both retry `mkdir`; only one wins.
 */
async function breakAbandonedLock(path: string): Promise<boolean> {
  let owner: LockOwner;
  try {
    owner = JSON.parse(await readFile(lockOwnerPathOf(path), 'utf8')) as LockOwner;
  } catch {
    return false;
  }
  if (owner.hostname !== hostname() || !Number.isInteger(owner.pid) || isProcessAlive(owner.pid))
    return false;
  await unlink(lockOwnerPathOf(path)).catch(() => {});
  await rmdir(lockPathOf(path)).catch(() => {});
  return true;
}

function isProcessAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function alreadyOpen(path: string): ProjectStoreError {
  return new ProjectStoreError(
    'locked',
    `${basename(path)} is already open in another Taiyaku window. Switch to that window, or close the project there ` +
      'and try again.',
  );
}

const StoredRecentSchema = z.object({ path: z.string(), name: z.string(), openedAt: z.string() });
type StoredRecent = z.infer<typeof StoredRecentSchema>;
const RecentFileSchema = z.object({ version: z.literal(1), projects: z.array(StoredRecentSchema) });

/** The stored recent list; a missing or unreadable file is an empty list (it is only a convenience). */
async function readRecentFile(path: string): Promise<StoredRecent[]> {
  try {
    const parsed = RecentFileSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
    return parsed.success ? parsed.data.projects.slice(0, MAX_RECENT_PROJECTS) : [];
  } catch {
    return [];
  }
}

async function fileExists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
