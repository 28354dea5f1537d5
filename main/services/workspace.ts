import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { AlignmentProgress } from '../../core/alignment/alignDocument';
import type { DocumentAlignment } from '../../core/alignment/types';
import type {
  ApplyResult,
  RecentProject,
  SaveStatus,
  WorkspaceSnapshot,
} from '../../core/ipc/contract';
import {
  PROJECT_FILE_EXTENSION,
  type ProjectFile,
  type ProjectSettings,
} from '../../core/project/projectFile';
import { pinnedBeadIndices } from '../../core/review/alignmentEdits';
import type { ReviewCommand } from '../../core/review/commands';
import { canRedo, canUndo, executeCommand, redo, undo } from '../../core/review/history';
import { createInProcessAlignmentEngine, type AlignmentEngine } from './alignment/alignmentEngine';
import {
  applyResult,
  createOpenProjects,
  projectOf,
  retireJournal,
  saveStatusOf,
  type OpenProject,
} from './openProjects';
import {
  newProject,
  newSampleProject,
  SAMPLE_PROJECT_FILE,
  textsOf,
  uniqueProjectPath,
  type CreateProjectInput,
  type NewProject,
} from './projectCreation';
import { createChangeFeed, type ChangeFeed } from './changeFeed';
import {
  importProject,
  type ImportFile,
  type ImportProjectOptions,
  type NeedsColumns,
} from './importProject';
import { removeJournal } from './projectJournal';
import { createProjectStore, type ProjectStore } from './projectStore';
import { messageOf, ServiceError } from './serviceError';
import { createSharedChanges, type ChangeRequest } from './sharedChanges';

export interface WorkspaceServiceOptions {
  readonly userDataDirectory: string;
  readonly appVersion: string;
  /** Where new projects go when no path is chosen; default `<userData>/projects`. */
  readonly projectsDirectory?: string;
  /**
   * The aligner; default in this thread. The Electron main and the loopback host pass a worker-thread engine, so that
   * aligning never stalls their event loop.
   */
  readonly alignment?: AlignmentEngine;
  /** Where applied changes are published for the front doors; default a new feed (see `WorkspaceService.changes`). */
  readonly changeFeed?: ChangeFeed;
}

/**
 * The projects a front door has open, each with its undo history and autosaver. The Node side owns the saved state:
 * the UI sends commands (small), this applies them with the same pure core functions the UI uses, and autosaves.
 */
export interface WorkspaceService {
  readonly store: ProjectStore;
  readonly projectsDirectory: string;
  /** Every change applied to an open project, for the front doors to push to every window. */
  readonly changes: ChangeFeed;
  openSample(): Promise<WorkspaceSnapshot>;
  open(path: string): Promise<WorkspaceSnapshot>;
  create(input: CreateProjectInput): Promise<WorkspaceSnapshot>;
  /**
   * Applies a command. Changes take a `ChangeRequest`: a request id is applied once (a retry answers the original
   * answer), and a row command computed before another window changed the rows is refused.
   */
  apply(path: string, command: ReviewCommand, request?: ChangeRequest): Promise<ApplyResult>;
  /**
   * Makes a project from files of any format Taiyaku imports (see importProject.ts), saves it at `path` (default a free
   * name in the projects folder; an existing project there is refused) and opens it. Answers `needs-columns` for a
   * table whose columns must be chosen. On failure nothing is saved and no open project is touched.
   */
  importFiles(
    files: readonly ImportFile[],
    options?: Pick<ImportProjectOptions, 'name' | 'columns' | 'author'> & {
      readonly path?: string;
    },
  ): Promise<{ kind: 'opened'; snapshot: WorkspaceSnapshot } | NeedsColumns>;
  /** The current state of the project at `path` (journaled changes included), opening it first when it is not open. */
  current(path: string): Promise<ProjectFile>;
  /**
   * Realigns the unconfirmed rows: runs the aligner on the current alignment with the pinned beads kept, then applies
   * the result as a `replaceAlignment` command, answered in `command`. Refused when the aligner fails or the rows
   * changed while it ran.
   */
  realign(path: string, request?: ChangeRequest): Promise<ApplyResult>;
  undo(path: string, request?: ChangeRequest): Promise<ApplyResult>;
  redo(path: string, request?: ChangeRequest): Promise<ApplyResult>;
  updateSettings(
    path: string,
    settings: Partial<ProjectSettings>,
    request?: ChangeRequest,
  ): Promise<ProjectSettings>;
  save(path: string): Promise<SaveStatus>;
  /**
   * Saves the project under `newPath` and continues there. A project there is replaced only with `overwrite` (else a
   * ServiceError with code `exists`); its change journal is removed before the new file is written, so its entries
   * are never replayed onto the new project.
   */
  saveAs(
    path: string,
    newPath: string,
    options?: { readonly overwrite?: boolean },
  ): Promise<WorkspaceSnapshot>;
  status(path: string): SaveStatus;
  close(path: string): Promise<void>;
  recent(): Promise<RecentProject[]>;
  /** Saves everything pending and releases every project (quit). */
  closeAll(): Promise<void>;
}

export function createWorkspaceService(options: WorkspaceServiceOptions): WorkspaceService {
  const store = createProjectStore({
    userDataDirectory: options.userDataDirectory,
    appVersion: options.appVersion,
  });
  const projectsDirectory =
    options.projectsDirectory ?? join(options.userDataDirectory, 'projects');
  const projects = createOpenProjects(store);
  const aligner = options.alignment ?? createInProcessAlignmentEngine();
  const shared = createSharedChanges(options.changeFeed ?? createChangeFeed());
  /** Publishes how far an alignment for a project being opened or made has got (see `progress` events). */
  const reportProgress = (progress: AlignmentProgress): void =>
    shared.feed.publish({ kind: 'progress', ...progress });
  /** Runs a mutating request once per request id (a retry gets the original answer). */
  const once = <T>(path: string, request: ChangeRequest, work: () => Promise<T>): Promise<T> =>
    shared.ledger.once(resolve(path), request.requestId, work);

  async function createAt(
    path: string,
    { project, warnings }: NewProject,
    isSample: boolean,
  ): Promise<WorkspaceSnapshot> {
    await mkdir(projectsDirectory, { recursive: true });
    const saved = await store.saveAs(path, project, undefined, { beforeWrite: removeJournal });
    const snapshot = projects.register(path, saved.project, { isSample, warnings });
    projects.at(path).lastSavedAt = saved.project.updatedAt;
    return snapshot;
  }

  /** Runs a command on an open project, journals it, and answers; `answerCommand` sends the command back. */
  async function run(
    open: OpenProject,
    command: ReviewCommand,
    request: ChangeRequest,
    answerCommand = false,
  ): Promise<ApplyResult> {
    const conflict = shared.rowConflict(open, command, request);
    if (conflict) return applyResult(open, false, { reason: conflict });
    const { history, result: outcome } = executeCommand(open.history, command);
    if (!outcome.ok) return applyResult(open, false, { reason: outcome.reason });
    if (history === open.history) return applyResult(open, false, { reason: 'Nothing to change.' });
    return shared.commit(
      open,
      history,
      { kind: 'command', command },
      { kind: 'command', command },
      request,
      {
        ...(outcome.note ? { note: outcome.note } : {}),
        ...(answerCommand ? { command } : {}),
      },
    );
  }

  /** Runs the aligner on the unconfirmed rows, then applies its result as a `replaceAlignment` command. */
  async function realignOnce(path: string, request: ChangeRequest): Promise<ApplyResult> {
    const open = projects.at(path);
    const before = open.history.present.alignment;
    let alignment: DocumentAlignment;
    try {
      alignment = await aligner.realign(before, pinnedBeadIndices(before));
    } catch (error) {
      return applyResult(open, false, { reason: `Realignment failed: ${messageOf(error)}` });
    }
    // The result holds only for the alignment it was computed from.
    if (open.history.present.alignment !== before) {
      return applyResult(open, false, {
        reason: 'Realignment failed: the rows changed while realigning; try again',
      });
    }
    // A realignment's result depends on the dictionaries: the journal records the result, not the request.
    return run(open, { type: 'replaceAlignment', alignment }, request, true);
  }

  return {
    store,
    projectsDirectory,
    changes: shared.feed,

    async openSample() {
      const path = join(projectsDirectory, SAMPLE_PROJECT_FILE);
      if (existsSync(path) || existsSync(`${path}.bak`)) return projects.open(path, true);
      // The first start aligns the sample (seconds, the dictionaries first): the waiting window shows how far it got.
      const made = await newSampleProject(aligner, options.appVersion, reportProgress);
      return createAt(path, made, true);
    },

    open: (path) => projects.open(path, basename(path) === SAMPLE_PROJECT_FILE),

    async create(input) {
      const { english, japanese, notes } = textsOf(input);
      const created = await newProject(
        aligner,
        options.appVersion,
        input.name,
        english,
        japanese,
        reportProgress,
      );
      const path = uniqueProjectPath(projectsDirectory, input.name, (candidate) =>
        projects.has(candidate),
      );
      return createAt(path, { ...created, warnings: [...notes, ...created.warnings] }, false);
    },

    apply: (path, command, request = {}) =>
      once(path, request, () => run(projects.at(path), command, request)),

    async importFiles(files, importOptions = {}) {
      const outcome = await importProject(files, {
        aligner,
        appVersion: options.appVersion,
        ...(importOptions.name !== undefined ? { name: importOptions.name } : {}),
        ...(importOptions.columns ? { columns: importOptions.columns } : {}),
        ...(importOptions.author !== undefined ? { author: importOptions.author } : {}),
      });
      if (outcome.kind === 'needs-columns') return outcome;
      const { project } = outcome.project;
      const path = importOptions.path
        ? resolve(importOptions.path)
        : uniqueProjectPath(projectsDirectory, project.name, (candidate) =>
            projects.has(candidate),
          );
      if (projects.has(path)) {
        throw new ServiceError('refused', `${path} is open; choose another file for the import.`);
      }
      if (importOptions.path) await mkdir(dirname(path), { recursive: true });
      return { kind: 'opened', snapshot: await createAt(path, outcome.project, false) };
    },

    async current(path) {
      const open = projects.find(resolve(path)) ?? projects.find(path);
      if (open) return projectOf(open);
      const snapshot = await projects.open(resolve(path), basename(path) === SAMPLE_PROJECT_FILE);
      return projectOf(projects.at(snapshot.path));
    },

    realign: (path, request = {}) => once(path, request, () => realignOnce(path, request)),

    undo: (path, request = {}) =>
      once(path, request, async () => {
        const open = projects.at(path);
        if (!canUndo(open.history)) return applyResult(open, false, { reason: 'Nothing to undo.' });
        return shared.commit(
          open,
          undo(open.history),
          { kind: 'session' },
          { kind: 'undo' },
          request,
        );
      }),

    redo: (path, request = {}) =>
      once(path, request, async () => {
        const open = projects.at(path);
        if (!canRedo(open.history)) return applyResult(open, false, { reason: 'Nothing to redo.' });
        return shared.commit(
          open,
          redo(open.history),
          { kind: 'session' },
          { kind: 'redo' },
          request,
        );
      }),

    updateSettings: (path, settings, request = {}) =>
      once(path, request, async () => {
        const open = projects.at(path);
        open.meta = { ...open.meta, settings: { ...open.meta.settings, ...settings } };
        const answer = await shared.commit(
          open,
          null,
          { kind: 'settings' },
          { kind: 'settings' },
          request,
        );
        // A refused change (the journal could not be written, the lock was lost) is rolled back: say why.
        if (!answer.applied) throw new ServiceError('failed', answer.reason ?? 'Not saved.');
        return open.meta.settings;
      }),

    async save(path) {
      const open = projects.at(path);
      await open.autosaver.flush();
      return saveStatusOf(open);
    },

    async saveAs(path, newPath, saveAsOptions = {}) {
      const open = projects.at(path);
      const target = resolve(
        newPath.endsWith(PROJECT_FILE_EXTENSION) ? newPath : `${newPath}${PROJECT_FILE_EXTENSION}`,
      );
      // With a lost lock or a failing journal the old file may be unwritable: the acknowledged state, which is what
      // is in memory (refused changes were undone), still goes to the new file.
      let flushed = true;
      await open.autosaver.flush().catch((error: unknown) => {
        if (open.journal.problem === undefined) throw error;
        flushed = false;
      });
      await mkdir(dirname(target), { recursive: true });
      const saved = await store.saveAs(target, projectOf(open), open.path, {
        overwrite: saveAsOptions.overwrite === true,
        beforeWrite: removeJournal,
      });
      open.autosaver.dispose();
      // The old file now holds everything: its journal goes; the new file starts its own, numbering on. When the old
      // file could not be saved, its journal stays with it (it holds what the file lacks).
      if (flushed) await retireJournal(open).catch(() => {});
      else await open.journal.close();
      projects.forget(open.path);
      const snapshot = projects.register(target, saved.project, { isSample: false });
      const moved = projects.at(target);
      moved.history = open.history;
      moved.durable = { ...moved.durable, history: open.history };
      moved.lastSavedAt = saved.project.updatedAt;
      return { ...snapshot, project: projectOf(moved) };
    },

    status: (path) => saveStatusOf(projects.at(path)),

    async close(path) {
      const open = projects.find(path);
      if (!open) return;
      // A project that cannot be saved here (taken over by another instance, or a journal that cannot be written,
      // which still holds every acknowledged change) is closed with its files left as they are.
      const unsaved = await open.autosaver.flush().then(
        () => false,
        (error: unknown) => {
          if (open.journal.problem === undefined) throw error;
          return true;
        },
      );
      open.autosaver.dispose();
      if (unsaved) await open.journal.close();
      else await retireJournal(open);
      projects.forget(open.path);
      await store.close(open.path);
    },

    recent: () => store.recentProjects(),

    async closeAll() {
      const failures: string[] = [];
      for (const open of projects.all()) {
        try {
          await open.autosaver.flush();
          await retireJournal(open);
        } catch (error) {
          failures.push(`${basename(open.path)}: ${messageOf(error)}`);
        }
        open.autosaver.dispose();
        projects.forget(open.path);
      }
      await store.closeAll();
      if (failures.length)
        throw new ServiceError('failed', `Could not save: ${failures.join('; ')}`);
    },
  };
}
