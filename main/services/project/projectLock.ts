import { randomUUID } from 'node:crypto';
import fs, { lstatSync, readFileSync, unlinkSync } from 'node:fs';
import type { PathLike } from 'node:fs';
import { rmdir, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename } from 'node:path';
import lockfile from 'proper-lockfile';
import { replaceFileAtomically } from './atomicReplace';
import { ProjectStoreError } from './projectStoreError';
import { readRegularFile } from './regularFile';

/**
 * One writer per project. Opening a project takes a lock (proper-lockfile: a `<name>.taiyaku.lock` folder whose mtime
 * the holder refreshes) and writes `<name>.taiyaku.lock-owner.json` beside it: the holder's pid, host and a token
 * fresh for this lock. A second window or app instance gets "already open in another window".
 *
 * - **A live owner keeps its lock, however old.** When the record names a process on this machine that still runs,
 *   the lock is never taken over, whatever its mtime: a host whose main thread stalls (a long GC, a debugger, a
 *   stopped process) must not find a second window writing its project when it wakes. proper-lockfile's own stale
 *   check (which knows only the mtime) is consulted only after that.
 * - **A dead owner's lock is broken at once**: a record naming a process on this machine that no longer runs.
 * - **The stale period** (`DEFAULT_LOCK_STALE_MS`, long) is left for the locks whose owner cannot be checked: one
 *   held from another machine on a shared folder, or one without a record.
 * - **The holder can ask whether it still holds the lock** (`isStillOwner`: the lock folder is there and the record
 *   carries its token), before every journal append or save; a lock that was taken over is never released by the old
 *   holder (neither the new folder nor the new record is removed).
 *
 * (The record is written just after the lock folder is made; a record from a dead pid could in principle be read in
 * those few milliseconds of a new holder's acquisition. Records are removed on release and on process exit to keep
 * that window empty in practice; the file contents are never at risk, only which window may write.)
 */

/**
 * Default lock staleness (ms): a lock not refreshed for this long may be taken over, but only when its owner cannot be
 * checked (see the module comment): a live owner on this machine keeps its lock, a dead one loses it at once. Five
 * minutes rides out any stall short of a hung process, and still frees a lock left by a crashed machine.
 */
export const DEFAULT_LOCK_STALE_MS = 5 * 60_000;

/** The lock folder of a project file (managed by proper-lockfile). */
export function lockPathOf(path: string): string {
  return `${path}.lock`;
}

/** The lock owner record of a project file (pid, host and token of the holder). */
export function lockOwnerPathOf(path: string): string {
  return `${path}.lock-owner.json`;
}

/** The error for a project someone else (another window, store or process) holds. */
export function alreadyOpenError(path: string): ProjectStoreError {
  return new ProjectStoreError(
    'locked',
    `${basename(path)} is already open in another Taiyaku window. Switch to that window, or close the project there ` +
      'and try again.',
  );
}

interface LockOwner {
  readonly pid: number;
  readonly hostname: string;
  /** Fresh for each lock taken, so two stores of one process (same pid) are told apart. */
  readonly token: string;
}

/** A lock this process holds on a project. */
export interface ProjectLock {
  /**
   * True while the lock is ours: not reported lost by proper-lockfile, the lock folder is there and the owner record
   * carries our token. Costs a stat and a read of a tiny file.
   */
  isStillOwner(): Promise<boolean>;
  /** Releases the lock; when it was taken over meanwhile, leaves the new holder's folder and record alone. */
  release(): Promise<void>;
}

/**
 * Takes the lock on a project. Throws `locked` when another live holder has it, `io` when the lock or its owner
 * record cannot be made. `onCompromised` is called if proper-lockfile finds the lock lost later (refresh failed, or
 * taken over).
 */
export async function lockProject(
  path: string,
  staleMs: number,
  onCompromised: (error: Error) => void,
): Promise<ProjectLock> {
  if (await heldByLiveOwner(path)) throw alreadyOpenError(path);
  let lost = false;
  const lockOptions = {
    stale: staleMs,
    realpath: false,
    retries: 0,
    onCompromised: (error: Error) => {
      lost = true;
      onCompromised(error);
    },
    fs: folderRemovalGuarded(() => lost),
  };
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
    if (!(await breakAbandonedLock(path))) throw alreadyOpenError(path);
    try {
      release = await lockfile.lock(path, lockOptions);
    } catch {
      throw alreadyOpenError(path);
    }
  }
  const token = randomUUID();
  const owner: LockOwner = { pid: process.pid, hostname: hostname(), token };
  try {
    await replaceFileAtomically(lockOwnerPathOf(path), JSON.stringify(owner), { backup: false });
  } catch (error) {
    // Without its record the lock could be neither checked by its holder nor told from a dead one's.
    await release().catch(() => {});
    throw new ProjectStoreError(
      'io',
      `Could not lock ${basename(path)}: ${(error as Error).message}`,
    );
  }
  heldOwnerRecords.set(lockOwnerPathOf(path), token);
  removeOwnerRecordsOnExit();

  async function isStillOwner(): Promise<boolean> {
    if (lost) return false;
    try {
      const [folder, owner] = await Promise.all([stat(lockPathOf(path)), readOwner(path)]);
      return folder.isDirectory() && owner?.token === token;
    } catch {
      return false;
    }
  }

  return {
    isStillOwner,
    async release() {
      heldOwnerRecords.delete(lockOwnerPathOf(path));
      if (await isStillOwner()) {
        await unlink(lockOwnerPathOf(path)).catch(() => {});
      } else {
        // Taken over: the folder and the record are the new holder's. proper-lockfile still has to forget the lock
        // (and stop refreshing it); its folder removal is skipped (see folderRemovalGuarded).
        lost = true;
      }
      await release().catch(() => {
        // Already released (compromised or removed): nothing left to release.
      });
    },
  };
}

/**
 * The file system proper-lockfile works through, with its removal of the lock folder skipped once `isLost()`: when a
 * lock was taken over, the folder is the new holder's.
 */
function folderRemovalGuarded(isLost: () => boolean): typeof fs {
  return {
    ...fs,
    rmdir: ((folder: PathLike, ...rest: unknown[]) => {
      const callback = rest.at(-1) as (error: NodeJS.ErrnoException | null) => void;
      if (isLost()) {
        callback(null);
        return;
      }
      fs.rmdir(folder, callback);
    }) as typeof fs.rmdir,
    rmdirSync: ((folder: PathLike) => {
      if (!isLost()) fs.rmdirSync(folder);
    }) as typeof fs.rmdirSync,
  };
}

/** An owner record is about 100 bytes; anything much larger is not one. */
const MAX_OWNER_RECORD_BYTES = 4096;

/** Owner records of the locks this process holds, with their tokens. */
const heldOwnerRecords = new Map<string, string>();
let exitHandlerInstalled = false;

/**
 * proper-lockfile removes its lock folders when the process exits without releasing them; remove our owner records
 * too (those still ours), so no record of a dead pid outlives its lock and misleads `breakAbandonedLock`.
 */
function removeOwnerRecordsOnExit(): void {
  if (exitHandlerInstalled) return;
  exitHandlerInstalled = true;
  process.once('exit', () => {
    for (const [record, token] of heldOwnerRecords) {
      try {
        if (
          lstatSync(record).isFile() &&
          (JSON.parse(readFileSync(record, 'utf8')) as Partial<LockOwner>).token === token
        ) {
          unlinkSync(record);
        }
      } catch {
        // already gone
      }
    }
  });
}

/** The recorded owner of a project's lock, when the record is readable. */
async function readOwner(path: string): Promise<LockOwner | undefined> {
  // Whatever lies at the record's name is read safely: a FIFO or a device there must not hang the open.
  const read = await readRegularFile(lockOwnerPathOf(path), MAX_OWNER_RECORD_BYTES);
  if (!read.ok) return undefined;
  try {
    const owner = JSON.parse(read.bytes.toString('utf8')) as Partial<LockOwner>;
    return typeof owner.hostname === 'string' && Number.isInteger(owner.pid)
      ? (owner as LockOwner)
      : undefined;
  } catch {
    return undefined;
  }
}

/** True when the lock folder is there and its recorded owner is a process on this machine that runs. */
async function heldByLiveOwner(path: string): Promise<boolean> {
  try {
    await stat(lockPathOf(path));
  } catch {
    return false;
  }
  const owner = await readOwner(path);
  return owner !== undefined && owner.hostname === hostname() && isProcessAlive(owner.pid);
}

/**
 * Removes a lock whose recorded owner is a process on this machine that no longer runs (it crashed or was killed).
 * Returns true when it did. A lock without a readable owner record, or owned on another machine, is left to
 * proper-lockfile's stale check. Two instances breaking the same dead lock at once both retry `mkdir`; only one wins.
 */
async function breakAbandonedLock(path: string): Promise<boolean> {
  const owner = await readOwner(path);
  if (owner === undefined || owner.hostname !== hostname() || isProcessAlive(owner.pid)) {
    return false;
  }
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
