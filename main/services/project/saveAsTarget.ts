import { lstat } from 'node:fs/promises';
import { basename } from 'node:path';
import { backupPathOf } from './atomicReplace';
import { ProjectStoreError } from './projectStoreError';
import { isGoodProjectFile } from './readProject';

/**
 * What "Save as" may do with a path that is taken. A project is there when its file or its `.bak` is (the backup
 * alone is a project too: it opens). Replacing one needs the reviewer's word (`overwrite`), because its backup goes
 * one save later; a file that is not a Taiyaku project this version can read is never replaced, whatever the
 * reviewer said, since Taiyaku cannot know what it would destroy.
 */

/**
 * Checks that a save to `path` may go ahead; returns true when the file there is a good project (which the save then
 * keeps as `.bak`). Throws `exists` for a project at `path` without `overwrite`, and `not-replaceable` for anything at
 * `path` or its `.bak` that is not a project this version reads (a FIFO or a device included: it is checked unread).
 * Call it while holding the path's lock.
 */
export async function checkSaveAsTarget(path: string, overwrite: boolean): Promise<boolean> {
  const backupPath = backupPathOf(path);
  const [fileExists, backupExists] = await Promise.all([isTaken(path), isTaken(backupPath)]);
  if (!fileExists && !backupExists) return false;
  const fileGood = fileExists && (await isGoodProjectFile(path));
  if (fileExists && !fileGood) throw notReplaceableError(path);
  if (backupExists && !(await isGoodProjectFile(backupPath))) throw notReplaceableError(backupPath);
  if (!overwrite) {
    throw new ProjectStoreError('exists', `${basename(path)} already exists. Replace it?`);
  }
  return fileGood;
}

/** True when anything (a file, a folder, a dangling link…) has this name. */
async function isTaken(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (error) {
    // Anything but "no such file" leaves the name in doubt: treat it as taken, so it is checked and not replaced.
    return (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}

function notReplaceableError(path: string): ProjectStoreError {
  return new ProjectStoreError(
    'not-replaceable',
    `${basename(path)} exists and is not a Taiyaku project this version can read, so Taiyaku will not replace it. ` +
      'Choose another name.',
  );
}
