import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parseProjectJson } from '../../../core/project/projectFile';
import type { ProjectFile } from '../../../core/project/projectFile';
import { backupPathOf } from './atomicReplace';
import { ProjectStoreError } from './projectStoreError';

/**
 * Reading a project file: parse, validate and migrate it (core/project/projectFile), and when it is damaged or
 * missing, fall back to its backup with a message saying so.
 */

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

/** True when `path` holds a project this version can open (not its backup: this file itself). */
export async function isGoodProjectFile(path: string): Promise<boolean> {
  const candidate = await readCandidate(path);
  return candidate.ok;
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

/** `2024-05-01 14:03` in the machine's time zone, for messages. */
function formatLocalTime(iso: string): string {
  const date = new Date(iso);
  const pad = (value: number): string => String(value).padStart(2, '0');
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
  );
}
