import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parseProjectJson } from '../../../core/project/projectFile';
import type { ProjectFile } from '../../../core/project/projectFile';
import { backupPathOf } from './atomicReplace';
import { ProjectStoreError } from './projectStoreError';

/**
 * Reading a project file: parse, validate and migrate it (core/project/projectFile), and when it is damaged or
 * missing, fall back to its backup with a message saying so.
 *
 * Only regular files are read, and only up to `MAX_PROJECT_FILE_BYTES`: the path comes from the reviewer (or from a
 * request to the loopback host), and a FIFO would block one of Node's few file-system threads until a writer comes,
 * a device like /dev/zero never ends. Such a path is refused unread, without falling back to the backup (it is not a
 * damaged project, and a save must not replace it).
 */

/** The largest project file read (a 10,000-bead project is a few MB); anything bigger is refused unread. */
export const MAX_PROJECT_FILE_BYTES = 512_000_000;

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

/**
 * Reads a project without locking it (for previews, the command line and the crash harness): the project file, or,
 * when it is damaged or missing, its backup with a `recovery` note. A project file from a newer Taiyaku is refused and
 * never replaced by its backup: that would silently drop the newer work.
 */
export async function readProjectFile(requestedPath: string): Promise<OpenedProject> {
  const path = resolve(requestedPath);
  const main = await readCandidate(path);
  if (main.ok) return withMigration(path, main);
  if (main.error.reason === 'newer-version' || main.error.reason === 'not-a-project') {
    throw main.error;
  }

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

/** True when `path` holds a project this version can open (not its backup: this file itself). */
export async function isGoodProjectFile(path: string): Promise<boolean> {
  const candidate = await readCandidate(path);
  return candidate.ok;
}

type Candidate =
  | { ok: true; project: ProjectFile; migratedFrom?: number }
  | { ok: false; error: ProjectStoreError };

async function readCandidate(path: string): Promise<Candidate> {
  const read = await readRegularFile(path);
  if (!read.ok) return read;
  const parsed = parseProjectJson(read.bytes.toString('utf8'));
  if (parsed.ok) return parsed;
  const { error } = parsed;
  if (error.code === 'newer-version') {
    return { ok: false, error: new ProjectStoreError('newer-version', error.message) };
  }
  return {
    ok: false,
    error: new ProjectStoreError(
      'damaged',
      // Core's messages for a file that is not a project never quote its content (it may be anything).
      error.code === 'not-json' || error.code === 'not-a-project'
        ? error.message.replace(/^This file /, `${basename(path)} `)
        : `${basename(path)} could not be opened. ${error.message}`,
      error.code === 'invalid' ? error.issues : undefined,
    ),
  };
}

/**
 * The bytes of `path` when it is a regular file of at most `MAX_PROJECT_FILE_BYTES`. It is opened non-blocking (so a
 * FIFO returns at once instead of waiting for a writer), its type and size are checked on the open handle (no race
 * with a rename), and the read stops past the limit even if the file grows meanwhile.
 */
async function readRegularFile(
  path: string,
): Promise<{ ok: true; bytes: Buffer } | { ok: false; error: ProjectStoreError }> {
  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      ok: false,
      error:
        code === 'ENOENT'
          ? new ProjectStoreError('not-found', `There is no file at ${path}.`)
          : new ProjectStoreError(
              'io',
              `Could not read ${basename(path)}: ${(error as Error).message}`,
            ),
    };
  }
  try {
    const info = await handle.stat();
    const tooLarge = notAProjectError(
      path,
      `it is larger than ${MAX_PROJECT_FILE_BYTES / 1_000_000} MB`,
    );
    if (!info.isFile()) {
      return {
        ok: false,
        error: notAProjectError(path, `it is ${describeFileType(info)}, not a regular file`),
      };
    }
    if (info.size > MAX_PROJECT_FILE_BYTES) return { ok: false, error: tooLarge };
    const bytes = await readAtMost(handle, MAX_PROJECT_FILE_BYTES, info.size);
    return bytes === undefined ? { ok: false, error: tooLarge } : { ok: true, bytes };
  } catch (error) {
    return {
      ok: false,
      error: new ProjectStoreError(
        'io',
        `Could not read ${basename(path)}: ${(error as Error).message}`,
      ),
    };
  } finally {
    await handle.close().catch(() => {});
  }
}

/** Reads to the end, or returns undefined as soon as more than `limit` bytes came. `expected` sizes the first read. */
async function readAtMost(
  handle: FileHandle,
  limit: number,
  expected: number,
): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let total = 0;
  let chunkSize = Math.min(expected, limit) + 1;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(chunkSize, limit + 1 - total));
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
    if (bytesRead === 0) return Buffer.concat(chunks, total);
    chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
    if (total > limit) return undefined;
    chunkSize = 1024 * 1024;
  }
}

function describeFileType(info: {
  isDirectory(): boolean;
  isFIFO(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  isSocket(): boolean;
}): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a FIFO';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSocket()) return 'a socket';
  return 'something else';
}

function notAProjectError(path: string, problem: string): ProjectStoreError {
  return new ProjectStoreError(
    'not-a-project',
    `${basename(path)} is not a Taiyaku project (${problem}).`,
  );
}

function withMigration(
  path: string,
  candidate: { project: ProjectFile; migratedFrom?: number },
): OpenedProject {
  return candidate.migratedFrom === undefined
    ? { path, project: candidate.project }
    : { path, project: candidate.project, migratedFrom: candidate.migratedFrom };
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
