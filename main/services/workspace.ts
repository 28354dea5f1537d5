import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { DocumentAlignment } from '../../core/alignment/types';
import type {
  ApplyResult,
  RecentProject,
  SaveStatus,
  WorkspaceSnapshot,
} from '../../core/ipc/contract';
import { PROJECT_FILE_EXTENSION, type ProjectSettings } from '../../core/project/projectFile';
import { pinnedBeadIndices } from '../../core/review/alignmentEdits';
import type { ReviewCommand } from '../../core/review/commands';
import { canRedo, canUndo, executeCommand, redo, undo } from '../../core/review/history';
import { createInProcessAlignmentEngine, type AlignmentEngine } from './alignment/alignmentEngine';
import {
  applyResult,
  createOpenProjects,
  projectOf,
  recordChange,
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
import { removeJournal } from './projectJournal';
import { createProjectStore, type ProjectStore } from './projectStore';
import { messageOf, ServiceError } from './serviceError';

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
}

/**
 * The projects a front door has open, each with its undo history and autosaver. The Node side owns the saved state:
 * the UI sends commands (small), this applies them with the same pure core functions the UI uses, and autosaves.
 */
export interface WorkspaceService {
  readonly store: ProjectStore;
  readonly projectsDirectory: string;
  openSample(): Promise<WorkspaceSnapshot>;
  open(path: string): Promise<WorkspaceSnapshot>;
  create(input: CreateProjectInput): Promise<WorkspaceSnapshot>;
  apply(path: string, command: ReviewCommand): Promise<ApplyResult>;
  /**
   * Realigns the unconfirmed rows: runs the aligner on the current alignment with the pinned beads kept, then applies
   * the result as a `replaceAlignment` command, answered in `command`. Refused when the aligner fails or the rows
   * changed while it ran.
   */
  realign(path: string): Promise<ApplyResult>;
  undo(path: string): Promise<ApplyResult>;
  redo(path: string): Promise<ApplyResult>;
  updateSettings(path: string, settings: Partial<ProjectSettings>): Promise<ProjectSettings>;
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
    answerCommand = false,
  ): Promise<ApplyResult> {
    const { history, result: outcome } = executeCommand(open.history, command);
    if (!outcome.ok) return applyResult(open, false, { reason: outcome.reason });
    if (history === open.history) return applyResult(open, false, { reason: 'Nothing to change.' });
    open.history = history;
    const refused = await recordChange(open, { kind: 'command', command });
    if (refused !== null) return applyResult(open, false, { reason: refused });
    return applyResult(open, true, {
      ...(outcome.note ? { note: outcome.note } : {}),
      ...(answerCommand ? { command } : {}),
    });
  }

  return {
    store,
    projectsDirectory,

    async openSample() {
      const path = join(projectsDirectory, SAMPLE_PROJECT_FILE);
      if (existsSync(path) || existsSync(`${path}.bak`)) return projects.open(path, true);
      return createAt(path, await newSampleProject(aligner, options.appVersion), true);
    },

    open: (path) => projects.open(path, basename(path) === SAMPLE_PROJECT_FILE),

    async create(input) {
      const { english, japanese, notes } = textsOf(input);
      const created = await newProject(aligner, options.appVersion, input.name, english, japanese);
      const path = uniqueProjectPath(projectsDirectory, input.name, (candidate) =>
        projects.has(candidate),
      );
      return createAt(path, { ...created, warnings: [...notes, ...created.warnings] }, false);
    },

    apply: (path, command) => run(projects.at(path), command),

    async realign(path) {
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
      return run(open, { type: 'replaceAlignment', alignment }, true);
    },

    async undo(path) {
      const open = projects.at(path);
      if (!canUndo(open.history)) return applyResult(open, false, { reason: 'Nothing to undo.' });
      open.history = undo(open.history);
      const refused = await recordChange(open, { kind: 'session' });
      return refused === null
        ? applyResult(open, true)
        : applyResult(open, false, { reason: refused });
    },

    async redo(path) {
      const open = projects.at(path);
      if (!canRedo(open.history)) return applyResult(open, false, { reason: 'Nothing to redo.' });
      open.history = redo(open.history);
      const refused = await recordChange(open, { kind: 'session' });
      return refused === null
        ? applyResult(open, true)
        : applyResult(open, false, { reason: refused });
    },

    async updateSettings(path, settings) {
      const open = projects.at(path);
      open.meta = { ...open.meta, settings: { ...open.meta.settings, ...settings } };
      const refused = await recordChange(open, { kind: 'settings' });
      if (refused !== null) throw new ServiceError('failed', refused);
      return open.meta.settings;
    },

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
