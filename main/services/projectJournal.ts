import { open, readFile, rename, rm, type FileHandle } from 'node:fs/promises';
import { z } from 'zod';
import { DocumentAlignmentSchema } from '../../core/alignment/schema';
import { AnnotationSchema } from '../../core/project/annotation';
import { ProjectSettingsSchema } from '../../core/project/projectFile';
import type { ProjectFile } from '../../core/project/projectFile';
import { ReviewCommandSchema, runCommand } from '../../core/review/commands';
import type { ReviewSession } from '../../core/review/session';

/**
 * The change journal of an open project: every change a reviewer makes is appended to `<file>.taiyaku.journal` and
 * synced before the change is acknowledged, so it is on disk in milliseconds whatever the project's size. The full
 * project file is rewritten less often (the autosaver); each rewrite records the last journal entry it includes
 * (`journalSequence`), after which the journal is compacted to the entries that came later. Opening a project replays
 * the entries after the file's `journalSequence`.
 *
 * One entry a line (JSON). A crash during an append leaves at most one torn last line, which replay ignores.
 */

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
  }),
  z.object({ ...base, kind: z.literal('settings'), settings: ProjectSettingsSchema }),
]);

export type JournalEntry = z.infer<typeof JournalEntrySchema>;

/** The journal file of a project file. */
export function journalPathOf(projectPath: string): string {
  return `${projectPath}.journal`;
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
  let text: string;
  try {
    text = await readFile(journalPathOf(projectPath), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [] };
    throw error;
  }
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
  /** Appends one entry and syncs it to disk; resolves once it is durable. */
  append(entry: JournalEntry): Promise<void>;
  /** Drops entries with `seq <= savedThrough` (now in the project file): rewrites the journal atomically. */
  compact(savedThrough: number): Promise<void>;
  /** Closes the file; with `remove`, deletes the journal (after a final full save). */
  close(options?: { remove?: boolean }): Promise<void>;
}

/** Opens the journal of `projectPath` for appending, keeping `pending` (entries not yet in the project file). */
export function createJournalWriter(
  projectPath: string,
  pending: readonly JournalEntry[] = [],
): JournalWriter {
  const path = journalPathOf(projectPath);
  let handle: FileHandle | undefined;
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
  const ensureOpen = async (): Promise<FileHandle> => (handle ??= await open(path, 'a'));

  return {
    append: (entry) =>
      enqueue(async () => {
        const line = JSON.stringify(entry);
        const file = await ensureOpen();
        await file.appendFile(`${line}\n`, 'utf8');
        await file.datasync();
        kept.push({ seq: entry.seq, line });
      }),

    compact: (savedThrough) =>
      enqueue(async () => {
        const remaining = kept.filter((entry) => entry.seq > savedThrough);
        if (remaining.length === kept.length) return;
        kept = remaining;
        await handle?.close();
        handle = undefined;
        // Write the survivors beside the journal and rename over it, so a crash leaves the old or the new journal.
        const temporary = `${path}.compact`;
        const file = await open(temporary, 'w');
        try {
          await file.writeFile(remaining.map((entry) => `${entry.line}\n`).join(''), 'utf8');
          await file.sync();
        } finally {
          await file.close();
        }
        await rename(temporary, path);
      }),

    close: (options = {}) =>
      enqueue(async () => {
        await handle?.close();
        handle = undefined;
        if (options.remove && kept.length === 0) await rm(path, { force: true });
      }),
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
  let session: ReviewSession = { alignment: project.alignment, annotations: project.annotations };
  let settings = project.settings;
  let applied = 0;
  let sequence = project.journalSequence ?? 0;
  const projectAt = (): ProjectFile => ({
    ...project,
    settings,
    alignment: session.alignment as ProjectFile['alignment'],
    annotations: session.annotations as ProjectFile['annotations'],
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
      session = { alignment: entry.alignment, annotations: entry.annotations };
    } else settings = entry.settings;
    sequence = entry.seq;
    applied += 1;
  }
  return { project: projectAt(), applied };
}
