import { rename } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { ApplyResult, SaveStatus, WorkspaceSnapshot } from '../../core/ipc/contract';
import type { ProjectFile } from '../../core/project/projectFile';
import type { ReviewCommand } from '../../core/review/commands';
import { createHistory, nextSteps, type ReviewHistory } from '../../core/review/history';
import { createAutosaver, type Autosaver } from './autosave';
import {
  createJournalWriter,
  journalPathOf,
  readJournal,
  replayJournal,
  type JournalEntry,
  type JournalWriter,
} from './projectJournal';
import type { ProjectStore } from './projectStore';
import { messageOf, ServiceError } from './serviceError';

/**
 * Every change is on disk before it is acknowledged, through the project's change journal (an append and a sync: a few
 * milliseconds at any project size). The whole project file is rewritten from it later: once changes pause for 2 s,
 * at most 10 s after the first change it does not hold yet, and on save, close and quit.
 */
export const SNAPSHOT_DEBOUNCE_MS = 2_000;
export const SNAPSHOT_MAX_WAIT_MS = 10_000;

/** One open project: its undo history, its change journal and its autosaver. */
export interface OpenProject {
  path: string;
  /** The project's fields other than the session (name, settings, documents, timestamps). */
  meta: ProjectFile;
  history: ReviewHistory;
  revision: number;
  isSample: boolean;
  autosaver: Autosaver;
  journal: JournalWriter;
  /** The last journal entry written or being written (0 before any). */
  sequence: number;
  /** The state as of the last change on disk: a change whose journal entry could not be written goes back to it. */
  durable: DurableState;
  /** Journal appends not yet synced. */
  appending: number;
  lastSavedAt: string | null;
  lastError: string | null;
}

/** What an open project had when its last acknowledged change was on disk. */
export interface DurableState {
  readonly meta: ProjectFile;
  readonly history: ReviewHistory;
  readonly revision: number;
  readonly sequence: number;
}

/** What to journal for a change: the command, the whole session (undo, redo), or the settings. */
export type JournalChange =
  { kind: 'command'; command: ReviewCommand } | { kind: 'session' } | { kind: 'settings' };

/** What `register` adds to a snapshot beyond the project. */
export interface RegisterExtra {
  readonly isSample: boolean;
  readonly recovery?: string;
  readonly migratedFrom?: number;
  readonly warnings?: string[];
  /** Journal entries not yet in the project file (replayed on open), kept until the next full save. */
  readonly pendingJournal?: readonly JournalEntry[];
}

/** The open project's file contents: its fields, its present session and the last journal entry it holds. */
export function projectOf(open: OpenProject): ProjectFile {
  const { alignment, annotations } = open.history.present;
  return {
    ...open.meta,
    alignment: alignment as ProjectFile['alignment'],
    annotations: annotations as ProjectFile['annotations'],
    ...(open.sequence > 0 ? { journalSequence: open.sequence } : {}),
  };
}

/** The fingerprints of an open project's present session after a command, undo or redo. */
export function applyResult(
  open: OpenProject,
  applied: boolean,
  extra: Partial<ApplyResult> = {},
): ApplyResult {
  const session = open.history.present;
  return {
    applied,
    revision: open.revision,
    sentenceBeadCount: session.alignment.sentenceBeads.length,
    annotationCount: session.annotations.length,
    ...extra,
  };
}

/** Whether an open project's latest change is on disk; `error` stays set while changes are refused. */
export function saveStatusOf(open: OpenProject): SaveStatus {
  return {
    pending: open.appending > 0,
    lastSavedAt: open.lastSavedAt,
    error: open.journal.problem ?? open.lastError,
  };
}

/** The project file of an open project's durable state. */
function durableProjectOf(open: OpenProject): ProjectFile {
  const { meta, history, sequence } = open.durable;
  return projectOf({ ...open, meta, history, sequence });
}

/**
 * Records a change the caller has just made to `open` (its history or settings): journals it and resolves once it is
 * on disk, with null; schedules the full rewrite. When the entry cannot be written (a full disk, a lost lock), the
 * change is undone (the project goes back to its last durable state) and the answer is the reason, for the reviewer:
 * a change is either on disk and acknowledged or refused, never acknowledged and lost. The entry is queued
 * synchronously, so entries keep the order of the changes even when requests overlap.
 */
export async function recordChange(
  open: OpenProject,
  change: JournalChange,
): Promise<string | null> {
  open.revision += 1;
  open.sequence += 1;
  const base = { seq: open.sequence, at: new Date().toISOString() };
  const { alignment, annotations } = open.history.present;
  const entry: JournalEntry =
    change.kind === 'command'
      ? { ...base, kind: 'command', command: change.command }
      : change.kind === 'session'
        ? {
            ...base,
            kind: 'session',
            alignment,
            annotations: annotations as ProjectFile['annotations'],
          }
        : { ...base, kind: 'settings', settings: open.meta.settings };
  const project = projectOf(open);
  const state: DurableState = {
    meta: open.meta,
    history: open.history,
    revision: open.revision,
    sequence: open.sequence,
  };
  open.appending += 1;
  // Attached now, so that durable states follow one another in the journal's order.
  const written = open.journal.append(entry).then(() => {
    open.durable = state;
  });
  try {
    await written;
    open.lastSavedAt = base.at;
    open.lastError = null;
  } catch (error) {
    // Back to what is on disk: this change, and any made on top of it meanwhile, were not saved.
    ({ meta: open.meta, history: open.history, revision: open.revision } = open.durable);
    open.sequence = open.durable.sequence;
    open.lastError = messageOf(error);
    return `Your change was not saved: ${messageOf(error)}.`;
  } finally {
    open.appending -= 1;
  }
  open.autosaver.schedule(project);
  return null;
}

/** After a full save that holds every change: empties and removes the journal. */
export async function retireJournal(open: OpenProject): Promise<void> {
  await open.journal.compact(open.sequence);
  await open.journal.close({ remove: true });
}

/** Renames the journal of `projectPath` to `<name>.journal.damaged-<time>` and answers that name. */
async function setJournalAside(projectPath: string): Promise<string> {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
  const target = `${journalPathOf(projectPath)}.damaged-${stamp}`;
  await rename(journalPathOf(projectPath), target);
  return basename(target);
}

/** The projects a front door has open, by absolute path. */
export interface OpenProjects {
  /** The open project at `path`; throws a `not-found` ServiceError when it is not open. */
  at(path: string): OpenProject;
  /** The open project at `path`, if any. */
  find(path: string): OpenProject | undefined;
  has(path: string): boolean;
  /** Every open project. */
  all(): OpenProject[];
  /** Starts tracking `project` at `path` (its journal and autosaver) and answers its snapshot. */
  register(path: string, project: ProjectFile, extra: RegisterExtra): WorkspaceSnapshot;
  /** Forgets the project at `path` (the caller has saved and released it). */
  forget(path: string): void;
  /**
   * Opens a project file, replaying its change journal; a project already open answers its live state. A second
   * request for a file being opened waits for the first instead of meeting its lock.
   */
  open(path: string, isSample: boolean): Promise<WorkspaceSnapshot>;
}

/** The registry of open projects over `store`. */
export function createOpenProjects(store: ProjectStore): OpenProjects {
  const open = new Map<string, OpenProject>();
  /** Opens in progress, so a second request for the same file waits for the first instead of meeting its lock. */
  const opening = new Map<string, Promise<WorkspaceSnapshot>>();

  const find = (path: string): OpenProject | undefined => open.get(path) ?? open.get(resolve(path));

  function at(path: string): OpenProject {
    const project = find(path);
    if (!project) throw new ServiceError('not-found', `${basename(path)} is not open.`);
    return project;
  }

  function register(path: string, project: ProjectFile, extra: RegisterExtra): WorkspaceSnapshot {
    const history = createHistory({
      alignment: project.alignment,
      annotations: project.annotations,
    });
    const sequence = project.journalSequence ?? 0;
    const entry: OpenProject = {
      path,
      meta: project,
      history,
      revision: 0,
      isSample: extra.isSample,
      lastSavedAt: null,
      lastError: null,
      sequence,
      durable: { meta: project, history, revision: 0, sequence },
      appending: 0,
      journal: undefined as unknown as JournalWriter,
      autosaver: undefined as unknown as Autosaver,
    };
    entry.journal = createJournalWriter(path, extra.pendingJournal, {
      lastSequence: sequence,
      // Never append to a journal whose project another window or instance has taken over.
      assertOwner: () => store.assertStillOwner(path),
      // After a failed append: the whole project, as acknowledged, goes to disk before the journal starts again.
      recover: async () => {
        entry.autosaver.schedule(durableProjectOf(entry));
        await entry.autosaver.flush();
      },
    });
    entry.autosaver = createAutosaver(store, path, {
      debounceMs: SNAPSHOT_DEBOUNCE_MS,
      maxWaitMs: SNAPSHOT_MAX_WAIT_MS,
      onSaved: (saved) => {
        entry.lastSavedAt = saved.project.updatedAt;
        entry.lastError = null;
        // The file now holds every change through its journalSequence: those journal entries can go.
        entry.journal.compact(saved.project.journalSequence ?? 0).catch((error: unknown) => {
          entry.lastError = `Could not compact the change journal: ${messageOf(error)}`;
        });
      },
      onError: (error) => {
        entry.lastError = messageOf(error);
      },
    });
    open.set(path, entry);
    return {
      path,
      project,
      isSample: extra.isSample,
      warnings: extra.warnings ?? [],
      revision: 0,
      ...(extra.recovery ? { recovery: extra.recovery } : {}),
      ...(extra.migratedFrom !== undefined ? { migratedFrom: extra.migratedFrom } : {}),
    };
  }

  function openPath(path: string, isSample: boolean): Promise<WorkspaceSnapshot> {
    const absolute = resolve(path);
    const inProgress = opening.get(absolute);
    if (inProgress) return inProgress.then(() => openPath(absolute, isSample));
    const started = openPathOnce(absolute, isSample).finally(() => opening.delete(absolute));
    opening.set(absolute, started);
    return started;
  }

  async function openPathOnce(absolute: string, isSample: boolean): Promise<WorkspaceSnapshot> {
    const already = open.get(absolute);
    if (already) {
      // Reopening in the same process (a reload of the page): hand back the live state, pending changes included,
      // and what its undo history holds, so that the page can undo changes made before the reload.
      const steps = nextSteps(already.history);
      return {
        path: absolute,
        project: projectOf(already),
        isSample: already.isSample,
        warnings: [],
        revision: already.revision,
        ...(steps.undo ? { undoStep: steps.undo } : {}),
        ...(steps.redo ? { redoStep: steps.redo } : {}),
      };
    }
    const opened = await store.open(absolute);
    const warnings: string[] = [];
    let project = opened.project;
    let pendingJournal: JournalEntry[];
    try {
      const reading = await readJournal(absolute, project.journalSequence ?? 0);
      const replayed = replayJournal(project, reading.entries);
      project = replayed.project;
      pendingJournal = reading.entries.slice(0, replayed.applied);
      const problem = replayed.problem ?? reading.problem;
      if (problem) {
        // Entries after the damage cannot be numbered on from: fold what replayed into the file and start a new
        // journal, before any change is accepted, keeping the damaged one for whoever wants to look at it.
        const saved = await store.save(absolute, project);
        project = saved.project;
        pendingJournal = [];
        const kept = await setJournalAside(absolute);
        warnings.push(
          `Some recent changes could not be restored: ${problem}. The changes that could be restored are saved in ` +
            `the project; the change journal was kept as ${kept} and a new one started.`,
        );
      }
    } catch (error) {
      await store.close(absolute);
      throw new ServiceError(
        'failed',
        `Could not read the change journal of ${basename(absolute)}: ${messageOf(error)}`,
      );
    }
    const snapshot = register(absolute, project, {
      isSample,
      warnings,
      pendingJournal,
      ...(opened.recovery ? { recovery: opened.recovery.message } : {}),
      ...(opened.migratedFrom !== undefined ? { migratedFrom: opened.migratedFrom } : {}),
    });
    // Fold what the journal restored into the project file soon, so the journal stays short.
    if (pendingJournal.length > 0) open.get(absolute)!.autosaver.schedule(project);
    return snapshot;
  }

  return {
    at,
    find,
    has: (path) => open.has(path),
    all: () => [...open.values()],
    register,
    forget: (path) => {
      open.delete(path);
    },
    open: openPath,
  };
}
