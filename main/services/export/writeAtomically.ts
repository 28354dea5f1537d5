import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { ServiceError } from '../serviceError';
import { checkCancelled } from './exportPacer';

/**
 * Writes an exported file (a report, a workbook, a PDF) so that it appears whole or not at all: the bytes go to a
 * temporary file beside the target, are fsynced, and the temporary file is renamed over the target; the folder is
 * then fsynced so the rename survives a power cut. A crash at any moment leaves the previous file (or none) and at most
 * a stray `.<name>.<pid>-<random>.tmp` beside it, never a truncated export that Word or Excel would call damaged.
 *
 * Unlike `replaceFileAtomically` in projectStore.ts (which also keeps a `.bak` of a project), this one is generic: any
 * path, bytes or text, and it creates the folder.
 */

/** Why an export could not be written, in words a reviewer can act on. */
export class WriteFileError extends ServiceError {
  constructor(
    readonly path: string,
    message: string,
    override readonly cause?: unknown,
  ) {
    super('failed', message);
    this.name = 'WriteFileError';
  }
}

/** What the caller of `writeFileAtomically` may observe and stop. */
export interface WriteControl {
  /** Aborted before the rename: the temporary file is removed and the `cancelled` ServiceError thrown. */
  readonly signal?: AbortSignal;
  /** The fraction of the bytes written, in [0, 1], after each chunk. */
  readonly onProgress?: (fraction: number) => void;
}

/** Bytes written between two checks of the signal. */
const CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * Writes `contents` (text as UTF-8) to `path` atomically, creating missing folders. Throws `WriteFileError` naming the
 * path and the reason (no permission, read-only disk, disk full, a folder in the way, a file where a folder should be).
 * Written in chunks: cancelled through `control.signal` before the rename, it leaves the target as it was and no
 * temporary file.
 */
export async function writeFileAtomically(
  path: string,
  contents: Uint8Array | string,
  control: WriteControl = {},
): Promise<void> {
  const { signal, onProgress } = control;
  const bytes = typeof contents === 'string' ? Buffer.from(contents, 'utf8') : contents;
  const target = resolve(path);
  const folder = dirname(target);
  try {
    await makeFolders(folder);
  } catch (error) {
    throw writeError(target, error, `cannot create the folder ${folder}`);
  }
  const existing = await stat(target).catch(() => undefined);
  if (existing?.isDirectory()) {
    throw new WriteFileError(
      target,
      `Cannot write ${target}: a folder with that name is in the way.`,
    );
  }
  const temporary = join(
    folder,
    `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    // 'wx': the temporary name is fresh; refusing to follow an existing file (or a planted symlink) is safer.
    const handle = await open(temporary, 'wx');
    try {
      for (let offset = 0; offset < bytes.length;) {
        checkCancelled(signal);
        const { bytesWritten } = await handle.write(
          bytes,
          offset,
          Math.min(CHUNK_BYTES, bytes.length - offset),
        );
        offset += bytesWritten;
        onProgress?.(offset / bytes.length);
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    checkCancelled(signal);
    await rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => {});
    if (signal?.aborted && error instanceof ServiceError && error.code === 'refused') throw error;
    throw writeError(target, error);
  }
  await syncFolder(folder);
}

/**
 * Creates `folder` and its missing parents one level at a time. Not `mkdir(…, { recursive: true })`: in Node 20 that
 * never settles for a path under a folder that refuses new entries with ENOENT, such as /proc.
 */
async function makeFolders(folder: string): Promise<void> {
  const missing: string[] = [];
  for (let current = folder; ; current = dirname(current)) {
    const found = await stat(current).catch(() => undefined);
    if (found) break;
    missing.unshift(current);
    if (dirname(current) === current) break;
  }
  for (const path of missing) {
    await mkdir(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  }
}

function writeError(path: string, error: unknown, what = 'cannot write the file'): WriteFileError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'EACCES' || code === 'EPERM'
      ? 'permission denied'
      : code === 'EROFS'
        ? 'the disk is read-only'
        : code === 'ENOSPC'
          ? 'the disk is full'
          : code === 'EDQUOT'
            ? 'the disk quota is used up'
            : code === 'ENOTDIR' || code === 'EEXIST'
              ? 'a file is in the way where a folder should be'
              : code === 'EISDIR'
                ? 'a folder with that name is in the way'
                : code === 'ENAMETOOLONG'
                  ? 'the name is too long'
                  : (error as Error).message;
  return new WriteFileError(
    path,
    `Cannot write ${path}: ${what} (${reason}). Choose another place.`,
    error,
  );
}

/** Makes the rename durable. Windows cannot open a folder for syncing; NTFS journals renames anyway. */
async function syncFolder(folder: string): Promise<void> {
  let handle;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch {
    // EISDIR / EPERM on Windows, EINVAL on some network file systems: nothing more to do.
  } finally {
    await handle?.close();
  }
}
