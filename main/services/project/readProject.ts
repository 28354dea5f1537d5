import { basename, resolve } from 'node:path';
import { parseProjectJson, salvageProjectJson } from '../../../core/project/readProjectFile';
import type { ProjectFile } from '../../../core/project/projectFile';
import type { QuarantinedAnnotation } from '../../../core/project/readProjectFile';
import { backupPathOf, writeNewFileDurably } from './atomicReplace';
import { ProjectStoreError } from './projectStoreError';
import { readRegularFile } from './regularFile';

/**
 * Reading a project file: parse, validate and migrate it (core/project/projectFile). When only some annotations are
 * invalid, open the rest and set those aside; when it is damaged beyond that or missing, fall back to its backup; each
 * with a message saying so. Opening for editing first keeps a copy of a damaged file (`<name>.damaged-<time>`): the
 * next save replaces the file, and nothing a reviewer wrote may go with it.
 *
 * Only regular files are read, and only up to `MAX_PROJECT_FILE_BYTES`: the path comes from the reviewer (or from a
 * request to the loopback host), and a FIFO would block one of Node's few file-system threads until a writer comes,
 * a device like /dev/zero never ends. Such a path is refused unread, without falling back to the backup (it is not a
 * damaged project, and a save must not replace it); so is a file that cannot be read (permissions, a failing disk),
 * which cannot be copied aside either.
 */

/** The largest project file read (a 10,000-bead project is a few MB); anything bigger is refused unread. */
export const MAX_PROJECT_FILE_BYTES = 512_000_000;

/** Set when the project file could not be used as it is: some annotations were set aside, or the backup opened. */
export interface ProjectRecovery {
  /**
   * `salvaged`: the project file opened without the annotations that do not validate (`quarantined`); `backup`: the
   * project file was missing or damaged beyond its annotations, and its backup was opened instead.
   */
  readonly kind: 'salvaged' | 'backup';
  /**
   * For the reviewer, e.g. "The project file was damaged; opened the backup from 2024-05-01 14:03:00. The damaged file
   * is kept as review.taiyaku.damaged-20240501T120300Z."
   */
  readonly message: string;
  /** `backup` only: `updatedAt` of the backup (ISO), i.e. when the work it holds was saved. */
  readonly backupSavedAt?: string;
  /** What was wrong with the project file. */
  readonly problem: string;
  /** `salvaged` only: the annotations left out, their JSON as it was included. */
  readonly quarantined?: readonly QuarantinedAnnotation[];
  /** Where the damaged project file was copied before anything could overwrite it (opening for editing only). */
  readonly damagedCopyPath?: string;
}

/** A project read from disk. */
export interface OpenedProject {
  /** Absolute path of the project file. */
  readonly path: string;
  readonly project: ProjectFile;
  /** Present when the project file could not be used as it is (see `ProjectRecovery`). */
  readonly recovery?: ProjectRecovery;
  /** The schema version the file had, when it was older and got migrated (the next save writes the current one). */
  readonly migratedFrom?: number;
}

/**
 * Reads a project without locking it or writing anything (for previews, the command line and the crash harness): the
 * project file (without any annotation that does not validate, see `salvageProjectFile`), or, when it is damaged
 * beyond its annotations or missing, its backup; either with a `recovery` note. A project file from a newer Taiyaku
 * is refused and never replaced by its backup: that would silently drop the newer work.
 */
export function readProjectFile(requestedPath: string): Promise<OpenedProject> {
  return readProject(resolve(requestedPath), undefined);
}

/**
 * Reads a project to edit it, as `readProjectFile` does, and when the project file could not be used as it is (some
 * annotations set aside, or the backup opened), first keeps a copy of it, byte for byte, as
 * `<name>.damaged-<UTC time>`, so the save that follows never destroys what it held. Refuses (`io`) when the copy
 * cannot be written. Call it only while holding the project's lock.
 */
export function readProjectFileForEditing(
  requestedPath: string,
  now: Date,
): Promise<OpenedProject> {
  const path = resolve(requestedPath);
  return readProject(path, (bytes) => keepDamagedCopy(path, bytes, now));
}

/** The name of the copy of a damaged project file made at `now`: `<path>.damaged-20240501T120300Z`. */
export function damagedCopyPathOf(path: string, now: Date): string {
  return `${path}.damaged-${now
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/[-:]/g, '')}`;
}

async function readProject(
  path: string,
  keepCopy: ((bytes: Buffer) => Promise<string>) | undefined,
): Promise<OpenedProject> {
  const main = await readCandidate(path, { salvage: true });
  if (main.ok) {
    const opened = withMigration(path, main);
    if (main.quarantined.length === 0) return opened;
    const copy = await keepCopy?.(main.bytes);
    return { ...opened, recovery: salvageRecovery(path, main.quarantined, copy) };
  }
  if (main.error.reason === 'newer-version' || main.error.reason === 'not-a-project') {
    throw main.error;
  }
  if (main.error.reason === 'io') {
    // Unreadable (permissions, a failing disk): it may well be intact, and no copy of it can be kept, so its backup is
    // not opened either: the next save would replace it.
    throw new ProjectStoreError(
      'io',
      `${main.error.message}. Its backup was not opened, because saving it would replace a file that may be intact.`,
    );
  }

  const backup = await readCandidate(backupPathOf(path), { salvage: false });
  if (backup.ok) {
    const mainMissing = main.error.reason === 'not-found';
    const copy = main.bytes === undefined ? undefined : await keepCopy?.(main.bytes);
    const savedAt = backup.project.updatedAt;
    const recovery: ProjectRecovery = {
      kind: 'backup',
      message:
        `The project file was ${mainMissing ? 'missing' : 'damaged'}; opened the backup from ${formatLocalTime(savedAt)}.` +
        (copy === undefined ? '' : ` The damaged file is kept as ${basename(copy)}.`),
      backupSavedAt: savedAt,
      problem: main.error.message,
      ...(copy === undefined ? {} : { damagedCopyPath: copy }),
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

/** How many set-aside annotations a message names before it says "and N more". */
const MAX_LISTED_ANNOTATIONS = 10;
/** How much of an annotation's quote a message shows. */
const MAX_QUOTE_LENGTH = 40;

function salvageRecovery(
  path: string,
  quarantined: readonly QuarantinedAnnotation[],
  copy: string | undefined,
): ProjectRecovery {
  const count = quarantined.length;
  const listed = quarantined.slice(0, MAX_LISTED_ANNOTATIONS).map((annotation) => {
    const name = annotation.id ?? `number ${annotation.index + 1}`;
    if (annotation.quote === undefined) return name;
    const quote =
      annotation.quote.length > MAX_QUOTE_LENGTH
        ? `${annotation.quote.slice(0, MAX_QUOTE_LENGTH)}…`
        : annotation.quote;
    return `${name} ("${quote}")`;
  });
  const more = count - listed.length;
  const message =
    `${count} ${count === 1 ? 'annotation' : 'annotations'} in ${basename(path)} could not be read and ` +
    `${count === 1 ? 'was' : 'were'} set aside: ${listed.join(', ')}${more > 0 ? ` and ${more} more` : ''}.` +
    (copy === undefined
      ? ''
      : ` The file as it was, ${count === 1 ? 'that annotation' : 'those annotations'} included, is kept as ` +
        `${basename(copy)}.`);
  return {
    kind: 'salvaged',
    message,
    problem: quarantined.flatMap((annotation) => annotation.problems).join('; '),
    quarantined,
    ...(copy === undefined ? {} : { damagedCopyPath: copy }),
  };
}

/** Writes `bytes` as a new damaged copy of `path` (`-2`, `-3`… when the name is taken); returns its path. */
async function keepDamagedCopy(path: string, bytes: Buffer, now: Date): Promise<string> {
  const base = damagedCopyPathOf(path, now);
  for (let attempt = 1; ; attempt += 1) {
    const copy = attempt === 1 ? base : `${base}-${attempt}`;
    try {
      await writeNewFileDurably(copy, bytes);
      return copy;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' && attempt < 100) continue;
      throw new ProjectStoreError(
        'io',
        `Could not keep a copy of the damaged ${basename(path)} (${(error as Error).message}), so it was not ` +
          'opened: opening it would let the next save overwrite what it holds.',
      );
    }
  }
}

/** True when `path` holds a project this version can open as it is (not its backup: this file itself). */
export async function isGoodProjectFile(path: string): Promise<boolean> {
  const candidate = await readCandidate(path, { salvage: false });
  return candidate.ok;
}

type Candidate =
  | {
      ok: true;
      project: ProjectFile;
      migratedFrom?: number;
      quarantined: readonly QuarantinedAnnotation[];
      bytes: Buffer;
    }
  /** `bytes`: the file's content when it could be read but not used. */
  | { ok: false; error: ProjectStoreError; bytes?: Buffer };

async function readCandidate(
  path: string,
  options: { readonly salvage: boolean },
): Promise<Candidate> {
  const read = await readProjectBytes(path);
  if (!read.ok) return read;
  const { bytes } = read;
  const json = bytes.toString('utf8');
  const parsed = options.salvage ? salvageProjectJson(json) : parseProjectJson(json);
  if (parsed.ok) return { quarantined: [], ...parsed, bytes };
  const { error } = parsed;
  if (error.code === 'newer-version') {
    return { ok: false, error: new ProjectStoreError('newer-version', error.message) };
  }
  return {
    ok: false,
    bytes,
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

/** `readRegularFile` (regularFile.ts) with its outcome as the store's errors. */
async function readProjectBytes(
  path: string,
): Promise<{ ok: true; bytes: Buffer } | { ok: false; error: ProjectStoreError }> {
  const read = await readRegularFile(path, MAX_PROJECT_FILE_BYTES);
  if (read.ok) return read;
  switch (read.problem) {
    case 'missing':
      return {
        ok: false,
        error: new ProjectStoreError('not-found', `There is no file at ${path}.`),
      };
    case 'not-regular':
      return {
        ok: false,
        error: notAProjectError(path, `it is ${read.fileType}, not a regular file`),
      };
    case 'too-large':
      return {
        ok: false,
        error: notAProjectError(path, `it is larger than ${MAX_PROJECT_FILE_BYTES / 1_000_000} MB`),
      };
    case 'io':
      return {
        ok: false,
        error: new ProjectStoreError(
          'io',
          `Could not read ${basename(path)}: ${read.error.message}`,
        ),
      };
  }
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
