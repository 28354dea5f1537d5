import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import { z } from 'zod';
import { DocumentAlignmentSchema } from '../../core/alignment/schema';
import { AnnotationSchema } from '../../core/project/annotation';
import { ProjectSettingsSchema } from '../../core/project/projectFile';
import type { ProjectFile } from '../../core/project/projectFile';
import { ReviewCommandSchema, runCommand } from '../../core/review/commands';
import { DismissalSchema } from '../../core/review/dismissals';
import type { ReviewSession } from '../../core/review/session';
import { readRegularFile } from './project/regularFile';
import { messageOf } from './serviceError';

/**
 * The change journal of an open project: every change a reviewer makes is appended to `<file>.taiyaku.journal` and
 * synced before the change is acknowledged, so it is on disk in milliseconds whatever the project's size. The full
 * project file is rewritten less often (the autosaver); each rewrite records the last journal entry it includes
 * (`journalSequence`), after which the journal is compacted to the entries that came later. Opening a project replays
 * the entries after the file's `journalSequence`.
 *
 * One entry a line (JSON), numbered without gaps: a number is taken only by an entry that was written. A crash during
 * an append leaves at most one torn last line, which replay ignores; an append that fails is cut off again and stops
 * the journal until it is rewritten whole (see `JournalWriter.append`).
 */

/** Largest journal `readJournal` reads: as large as a project file may be (entries may hold a whole session). */
export const MAX_JOURNAL_BYTES = 512 * 1024 * 1024;

const base = { seq: z.number().int().positive(), at: z.string() };

/**
 * One journaled change. `command` entries carry a review command (a realignment is its result, a `replaceAlignment`);
 * `session` entries a whole state (undo, redo; older journals also recorded realignments this way).
 */
export const JournalEntrySchema = z.discriminatedUnion('kind', [
  z.object({ ...base, kind: z.literal('command'), command: ReviewCommandSchema }),
  z.object({
    ...base,
    kind: z.literal('session'),
    alignment: DocumentAlignmentSchema,
    annotations: z.array(AnnotationSchema),
    /** Absent in journals written before dismissals existed: none then. */
    dismissals: z.array(DismissalSchema).optional(),
  }),
  z.object({ ...base, kind: z.literal('settings'), settings: ProjectSettingsSchema }),
]);

export type JournalEntry = z.infer<typeof JournalEntrySchema>;

/** The journal file of a project file. */
export function journalPathOf(projectPath: string): string {
  return `${projectPath}.journal`;
}

/**
 * Removes the journal of `projectPath`, whatever is there: for a path about to get a new project (Save As replacing
 * one, a new project), whose numbering the old entries would otherwise be replayed into. Call it holding the lock.
 */
export async function removeJournal(projectPath: string): Promise<void> {
  await rm(journalPathOf(projectPath), { force: true });
}

/** What a journal holds after `sequence`, and whether anything in it could not be read. */
export interface JournalReading {
  /** Entries with `seq > after`, in order, contiguous from `after + 1`. */
  readonly entries: JournalEntry[];
  /** Set when entries had to be left out: a gap after the snapshot, or a damaged line before the last. */
  readonly problem?: string;
}

/** Reads the entries that follow a snapshot that includes entries up to `after`. A missing journal is empty. */
export async function readJournal(projectPath: string, after: number): Promise<JournalReading> {
  // Read like a project file: a FIFO or a device at the journal's name must not hang the open.
  const read = await readRegularFile(journalPathOf(projectPath), MAX_JOURNAL_BYTES);
  if (!read.ok) {
    if (read.problem === 'missing') return { entries: [] };
    if (read.problem === 'io') throw read.error;
    return {
      entries: [],
      problem:
        read.problem === 'too-large'
          ? `the change journal is larger than ${MAX_JOURNAL_BYTES / 1024 / 1024} MB and was not read`
          : `the change journal is ${read.fileType}, not a file, and was not read`,
    };
  }
  const text = read.bytes.toString('utf8');
  const lines = text.split('\n');
  const entries: JournalEntry[] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.trim() === '') continue;
    let entry: JournalEntry;
    try {
      entry = JournalEntrySchema.parse(JSON.parse(line));
    } catch {
      const isLast = lines.slice(index + 1).every((rest) => rest.trim() === '');
      // A torn last line is the append a crash interrupted: that change was never acknowledged.
      if (isLast) break;
      return {
        entries,
        problem: `line ${index + 1} of the change journal is damaged; later changes were not restored`,
      };
    }
    if (entry.seq <= after) continue;
    const expected = (entries.at(-1)?.seq ?? after) + 1;
    if (entry.seq !== expected) {
      return {
        entries,
        problem: `the change journal continues at change ${entry.seq}, not ${expected}: it belongs to a newer state than the file opened, so its changes were not applied`,
      };
    }
    entries.push(entry);
  }
  return { entries };
}

/** Appends entries durably and compacts the journal after full saves. Calls run one after another. */
export interface JournalWriter {
  /**
   * Appends one entry and syncs it to disk; resolves once it is durable. Rejects, writing nothing that stays, when
   * `entry.seq` does not follow the last entry written (an earlier append failed), when the lock check fails (for
   * good), or when the write fails: the bytes written are cut off again and the writer is stopped until a full save
   * holds every entry (the next append first runs `recover`, then rewrites the journal).
   */
  append(entry: JournalEntry): Promise<void>;
  /** Drops entries with `seq <= savedThrough` (now in the project file): rewrites the journal atomically. */
  compact(savedThrough: number): Promise<void>;
  /** Closes the file; with `remove`, deletes the journal (after a final full save). */
  close(options?: { remove?: boolean }): Promise<void>;
  /** Why appends are refused now (a failed write not yet repaired, or a lost lock), for the save status. */
  readonly problem: string | undefined;
}

/** How a journal writer checks its right to write and repairs itself. */
export interface JournalWriterOptions {
  /** The last entry the project holds, in its file or in `pending` (0 for none): the next append is this + 1. */
  readonly lastSequence?: number;
  /**
   * Checked before every append (the project's lock: `store.assertStillOwner`). A rejection means another window
   * or instance took the project over: the writer then refuses every append and never touches the file again.
   */
  readonly assertOwner?: () => Promise<void>;
  /**
   * After a failed write: saves the whole project, holding every entry written so far, so the journal can be
   * rewritten from scratch. The writer calls it before the next append.
   */
  readonly recover?: () => Promise<void>;
}

/** A refused append; `message` says why, for the reviewer. */
export class JournalWriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JournalWriteError';
  }
}

/** Opens the journal of `projectPath` for appending, keeping `pending` (entries not yet in the project file). */
export function createJournalWriter(
  projectPath: string,
  pending: readonly JournalEntry[] = [],
  options: JournalWriterOptions = {},
): JournalWriter {
  const path = journalPathOf(projectPath);
  let handle: FileHandle | undefined;
  /** The journal's length after the last durable append: a failed append is cut back to it. */
  let goodLength = 0;
  let lastSequence = options.lastSequence ?? pending.at(-1)?.seq ?? 0;
  /** Set when a write failed: appends wait for a full save and a rewrite of the journal. */
  let broken: string | undefined;
  /** Set for good when the lock check failed: the file is someone else's now. */
  let lost: string | undefined;
  let kept: { seq: number; line: string }[] = pending.map((entry) => ({
    seq: entry.seq,
    line: JSON.stringify(entry),
  }));
  let queue: Promise<unknown> = Promise.resolve();
  const enqueue = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task);
    queue = next.catch(() => {});
    return next;
  };
  const ensureOpen = async (): Promise<FileHandle> => {
    if (handle === undefined) {
      handle = await open(path, 'a');
      goodLength = (await handle.stat()).size;
    }
    return handle;
  };
  const closeHandle = async (): Promise<void> => {
    const closing = handle;
    handle = undefined;
    await closing?.close().catch(() => {});
  };

  /** Writes `kept` beside the journal and renames it over it, so a crash leaves the old or the new journal. */
  async function rewrite(): Promise<void> {
    await closeHandle();
    const temporary = `${path}.compact`;
    const file = await open(temporary, 'w');
    try {
      await file.writeFile(kept.map((entry) => `${entry.line}\n`).join(''), 'utf8');
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temporary, path);
    broken = undefined;
  }

  async function appendNow(entry: JournalEntry): Promise<void> {
    if (lost !== undefined) throw new JournalWriteError(lost);
    if (entry.seq !== lastSequence + 1) {
      throw new JournalWriteError(
        `an earlier change was not saved (change ${entry.seq} would follow change ${lastSequence})`,
      );
    }
    try {
      await options.assertOwner?.();
    } catch (error) {
      lost =
        `another window or instance took over ${basename(projectPath)}, so changes made here are no longer ` +
        `saved to it (${messageOf(error)})`;
      await closeHandle();
      throw new JournalWriteError(lost);
    }
    if (broken !== undefined) {
      try {
        await options.recover?.();
        // The project file now holds everything through `lastSequence`.
        kept = [];
        await rewrite();
      } catch (error) {
        broken = `Could not write the change journal: ${messageOf(error)}`;
        throw new JournalWriteError(broken);
      }
    }
    const line = JSON.stringify(entry);
    const file = await ensureOpen();
    try {
      await file.appendFile(`${line}\n`, 'utf8');
      await file.datasync();
    } catch (error) {
      // Cut off what reached the file, so no torn line stays before later entries; a journal that cannot even be
      // cut stays stopped until it is rewritten whole.
      await file.truncate(goodLength).catch(() => {});
      await closeHandle();
      broken = `Could not write the change journal: ${messageOf(error)}`;
      throw new JournalWriteError(broken);
    }
    goodLength += Buffer.byteLength(line, 'utf8') + 1;
    lastSequence = entry.seq;
    kept.push({ seq: entry.seq, line });
  }

  return {
    append: (entry) => enqueue(() => appendNow(entry)),

    compact: (savedThrough) =>
      enqueue(async () => {
        if (lost !== undefined) return;
        const remaining = kept.filter((entry) => entry.seq > savedThrough);
        if (remaining.length === kept.length && broken === undefined) return;
        kept = remaining;
        await rewrite();
      }),

    close: (closeOptions = {}) =>
      enqueue(async () => {
        await closeHandle();
        if (closeOptions.remove && kept.length === 0 && lost === undefined && broken === undefined)
          await rm(path, { force: true });
      }),

    get problem() {
      return lost ?? broken;
    },
  };
}

/**
 * Applies journal entries to the project they follow. Stops at the first entry that does not apply (and says so):
 * commands address beads by index, so one out of step would change the wrong rows.
 */
export function replayJournal(
  project: ProjectFile,
  entries: readonly JournalEntry[],
): { project: ProjectFile; applied: number; problem?: string } {
  let session: ReviewSession = {
    alignment: project.alignment,
    annotations: project.annotations,
    dismissals: project.dismissals,
  };
  let settings = project.settings;
  let applied = 0;
  let sequence = project.journalSequence ?? 0;
  const projectAt = (): ProjectFile => ({
    ...project,
    settings,
    alignment: session.alignment as ProjectFile['alignment'],
    annotations: session.annotations as ProjectFile['annotations'],
    dismissals: session.dismissals as ProjectFile['dismissals'],
    journalSequence: sequence,
  });
  for (const entry of entries) {
    if (entry.kind === 'command') {
      const outcome = runCommand(session, entry.command);
      if (!outcome.ok) {
        return {
          project: projectAt(),
          applied,
          problem: `change ${entry.seq} in the change journal could not be applied (${outcome.reason})`,
        };
      }
      session = outcome.session;
    } else if (entry.kind === 'session') {
      session = {
        alignment: entry.alignment,
        annotations: entry.annotations,
        dismissals: entry.dismissals ?? [],
      };
    } else settings = entry.settings;
    sequence = entry.seq;
    applied += 1;
  }
  return { project: projectAt(), applied };
}
