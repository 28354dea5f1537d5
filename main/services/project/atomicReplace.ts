import { constants as fsConstants } from 'node:fs';
import { copyFile, link, open, readdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Replacing a file so that a crash at any moment leaves the old version or the new one, never half of one:
 *
 * - **Atomic replace.** The new contents go to a temporary file in the same folder, which is fsynced and renamed over
 *   the file, then the folder is fsynced.
 * - **Backup.** Before the rename, the current file (when the caller knows it to be good) becomes `<name>.bak` by a
 *   hard link (or, where links are not supported, a copy to a temporary file that is fsynced and renamed).
 * - **Crash safety.** The steps are: (1) write + fsync temp; (2) link/copy old file to a temp backup name and rename it
 *   to `.bak`; (3) rename temp over the file; (4) fsync the folder. The file itself is never deleted or written in
 *   place, only replaced by rename, so at every instant it holds either the previous good version or the new one;
 *   `.bak` likewise holds a good version at every instant. A crash (or power loss: every combination of persisted
 *   renames is one of those states) can leave stray temporary files, which `removeStrayTemporaryFiles` removes.
 *
 * Why not write-file-atomic: the backup step has to sit between writing the temporary file and the rename, temporary
 * names have to be recognizable for clean-up after a SIGKILL, and the folder has to be fsynced; owning the ~30 lines
 * keeps those three in one place. `scripts/kill-during-autosave.ts` checks all of this by killing a writer 50 times.
 */

/** The backup path of a file: `<name>.bak` (for a project, `<name>.taiyaku.bak`). */
export function backupPathOf(path: string): string {
  return `${path}.bak`;
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

/**
 * Removes the temporary files a crashed `replaceFileAtomically` left beside `path`, and nothing else. Call it only
 * while no other process may be replacing `path` (for a project: while holding its lock).
 */
export async function removeStrayTemporaryFiles(path: string): Promise<void> {
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
      // file's name, not its data, so the backup keeps the old content.
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
