import { unlinkSync } from 'node:fs';
import { readFile, rmdir, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename } from 'node:path';
import lockfile from 'proper-lockfile';
import { replaceFileAtomically } from './atomicReplace';
import { ProjectStoreError } from './projectStoreError';

/**
 * One writer per project. Opening a project takes a lock (proper-lockfile: a `<name>.taiyaku.lock` folder whose mtime
 * the holder refreshes; considered stale after `staleMs` without refresh). A second window or app instance gets
 * "already open in another window". The holder also writes `<name>.taiyaku.lock-owner.json` (pid and host), so a lock
 * left by a crashed process on this machine is broken at once instead of after the stale period. (The record is
 * written just after the lock folder is made; a record from a dead pid could in principle be read in those few
 * milliseconds of a new holder's acquisition. Records are removed on release and on process exit to keep that window
 * empty in practice; the file contents are never at risk, only which window may write.)
 */

/** Default lock staleness: a lock not refreshed for this long (ms) may be taken over. */
export const DEFAULT_LOCK_STALE_MS = 10_000;

/** The lock folder of a project file (managed by proper-lockfile). */
export function lockPathOf(path: string): string {
  return `${path}.lock`;
}

/** The lock owner record of a project file (pid and host of the holder). */
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
}

/**
 * Takes the lock on a project; returns its release. Throws `locked` when another live holder has it, `io` when the
 * lock cannot be made. `onCompromised` is called if the lock is lost later (refresh failed, or taken over).
 */
export async function lockProject(
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
    if (!(await breakAbandonedLock(path))) throw alreadyOpenError(path);
    try {
      release = await lockfile.lock(path, lockOptions);
    } catch {
      throw alreadyOpenError(path);
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
