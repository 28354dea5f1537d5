import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { DocumentAlignment } from '../../core/alignment/types';
import type {
  ApplyResult,
  RecentProject,
  SaveStatus,
  TextSource,
  WorkspaceSnapshot,
} from '../../core/ipc/contract';
import {
  createProjectFile,
  PROJECT_FILE_EXTENSION,
  type DocumentOrigin,
  type ProjectFile,
  type ProjectSettings,
} from '../../core/project/projectFile';
import {
  canRedo,
  canUndo,
  createHistory,
  executeCommand,
  redo,
  undo,
  type ReviewHistory,
} from '../../core/review/history';
import { pinnedBeadIndices } from '../../core/review/alignmentEdits';
import type { ReviewCommand } from '../../core/review/commands';
import type { ReviewSession } from '../../core/review/session';
import { createInProcessAlignmentEngine, type AlignmentEngine } from './alignment/alignmentEngine';
import { projectRoot } from './appInfo';
import { createAutosaver, type Autosaver } from './autosave';
import { DEFAULT_MAX_IMPORT_BYTES, decodeTextBytes } from './importText';
import { splitBilingual } from '../../core/document/splitBilingual';
import {
  createJournalWriter,
  readJournal,
  replayJournal,
  type JournalEntry,
  type JournalWriter,
} from './projectJournal';
import { createProjectStore, type ProjectStore } from './projectStore';
import { ServiceError } from './serviceError';

/**
 * Every change is on disk before it is acknowledged, through the project's change journal (an append and a sync: a few
 * milliseconds at any project size). The whole project file is rewritten from it later: once changes pause for 2 s,
 * at most 10 s after the first change it does not hold yet, and on save, close and quit.
 */
export const SNAPSHOT_DEBOUNCE_MS = 2_000;
export const SNAPSHOT_MAX_WAIT_MS = 10_000;

/** The file name of the sample project in the projects folder. */
export const SAMPLE_PROJECT_FILE = `Sample${PROJECT_FILE_EXTENSION}`;

interface OpenWorkspace {
  path: string;
  /** The project's fields other than the session (name, settings, documents, timestamps). */
  meta: ProjectFile;
  history: ReviewHistory;
  revision: number;
  isSample: boolean;
  autosaver: Autosaver;
  journal: JournalWriter;
  /** The last journal entry written (0 before any). */
  sequence: number;
  /** Journal appends not yet synced. */
  appending: number;
  lastSavedAt: string | null;
  lastError: string | null;
}

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

function projectOf(workspace: OpenWorkspace): ProjectFile {
  const { alignment, annotations } = workspace.history.present;
  return {
    ...workspace.meta,
    alignment: alignment as ProjectFile['alignment'],
    annotations: annotations as ProjectFile['annotations'],
    ...(workspace.sequence > 0 ? { journalSequence: workspace.sequence } : {}),
  };
}

function sessionOf(project: ProjectFile): ReviewSession {
  return { alignment: project.alignment, annotations: project.annotations };
}

function decodeSource(
  source: TextSource,
  fallbackName: string,
): { text: string; origin: Omit<DocumentOrigin, 'lang'> } {
  if ('text' in source) {
    return {
      text: source.text.replace(/\r\n?/g, '\n'),
      origin: { fileName: source.fileName ?? fallbackName, encoding: 'utf-8' },
    };
  }
  const bytes = Buffer.from(source.bytesBase64, 'base64');
  if (bytes.length > DEFAULT_MAX_IMPORT_BYTES) {
    throw new ServiceError(
      'refused',
      `${source.fileName} is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; Taiyaku imports texts up to ${DEFAULT_MAX_IMPORT_BYTES / 1024 / 1024} MB.`,
    );
  }
  const decoded = decodeTextBytes(bytes, source.fileName);
  return {
    text: decoded.text,
    origin: {
      fileName: source.fileName,
      encoding: decoded.encoding,
      byteOrderMark: decoded.byteOrderMark,
    },
  };
}

/** A file name for a project called `name`: characters no file system accepts are replaced. */
export function projectFileName(name: string): string {
  const cleaned = [...name]
    .map((character) => (character < ' ' || '\\/:*?"<>|'.includes(character) ? '_' : character))
    .join('')
    .replace(/^\.+/, '')
    .trim()
    .slice(0, 120);
  return `${cleaned || 'Untitled'}${PROJECT_FILE_EXTENSION}`;
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
  create(input: {
    name: string;
    source?: TextSource;
    target?: TextSource;
    bilingual?: TextSource;
  }): Promise<WorkspaceSnapshot>;
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
  saveAs(path: string, newPath: string): Promise<WorkspaceSnapshot>;
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
  const open = new Map<string, OpenWorkspace>();

  const aligner = options.alignment ?? createInProcessAlignmentEngine();

  function workspaceAt(path: string): OpenWorkspace {
    const workspace = open.get(resolve(path));
    if (!workspace) throw new ServiceError('not-found', `${basename(path)} is not open.`);
    return workspace;
  }

  function status(workspace: OpenWorkspace): SaveStatus {
    return {
      pending: workspace.appending > 0,
      lastSavedAt: workspace.lastSavedAt,
      error: workspace.lastError,
    };
  }

  function register(
    path: string,
    project: ProjectFile,
    extra: {
      isSample: boolean;
      recovery?: string;
      migratedFrom?: number;
      warnings?: string[];
      pendingJournal?: readonly JournalEntry[];
    },
  ): WorkspaceSnapshot {
    const workspace: OpenWorkspace = {
      path,
      meta: project,
      history: createHistory(sessionOf(project)),
      revision: 0,
      isSample: extra.isSample,
      lastSavedAt: null,
      lastError: null,
      sequence: project.journalSequence ?? 0,
      appending: 0,
      journal: createJournalWriter(path, extra.pendingJournal),
      autosaver: undefined as unknown as Autosaver,
    };
    workspace.autosaver = createAutosaver(store, path, {
      debounceMs: SNAPSHOT_DEBOUNCE_MS,
      maxWaitMs: SNAPSHOT_MAX_WAIT_MS,
      onSaved: (saved) => {
        workspace.lastSavedAt = saved.project.updatedAt;
        workspace.lastError = null;
        // The file now holds every change through its journalSequence: those journal entries can go.
        workspace.journal.compact(saved.project.journalSequence ?? 0).catch((error: unknown) => {
          workspace.lastError = `Could not compact the change journal: ${error instanceof Error ? error.message : String(error)}`;
        });
      },
      onError: (error) => {
        workspace.lastError = error instanceof Error ? error.message : String(error);
      },
    });
    open.set(path, workspace);
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

  /** Opens in progress, so a second request for the same file waits for the first instead of meeting its lock. */
  const opening = new Map<string, Promise<WorkspaceSnapshot>>();

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
      // Reopening in the same process (a reload of the page): hand back the live state, pending changes included.
      return {
        path: absolute,
        project: projectOf(already),
        isSample: already.isSample,
        warnings: [],
        revision: already.revision,
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
      if (problem) warnings.push(`Some recent changes could not be restored: ${problem}.`);
    } catch (error) {
      await store.close(absolute);
      throw new ServiceError(
        'failed',
        `Could not read the change journal of ${basename(absolute)}: ${error instanceof Error ? error.message : String(error)}`,
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

  async function createAt(
    path: string,
    project: ProjectFile,
    isSample: boolean,
    warnings: string[],
  ): Promise<WorkspaceSnapshot> {
    await mkdir(projectsDirectory, { recursive: true });
    const saved = await store.saveAs(path, project);
    const snapshot = register(path, saved.project, { isSample, warnings });
    const workspace = open.get(path)!;
    workspace.lastSavedAt = saved.project.updatedAt;
    return snapshot;
  }

  function uniquePath(name: string): string {
    const base = projectFileName(name);
    let candidate = join(projectsDirectory, base);
    for (let counter = 2; existsSync(candidate) || open.has(candidate); counter++) {
      candidate = join(
        projectsDirectory,
        base.replace(PROJECT_FILE_EXTENSION, ` (${counter})${PROJECT_FILE_EXTENSION}`),
      );
    }
    return candidate;
  }

  async function newProject(
    name: string,
    english: { text: string; origin: Omit<DocumentOrigin, 'lang'> },
    japanese: { text: string; origin: Omit<DocumentOrigin, 'lang'> },
  ): Promise<{ project: ProjectFile; warnings: string[] }> {
    const warnings = languageWarnings(english.text, japanese.text);
    const alignment: DocumentAlignment = await aligner.align(english.text, japanese.text);
    const project = createProjectFile({
      name,
      documents: {
        source: { ...english.origin, lang: 'en' },
        target: { ...japanese.origin, lang: 'ja' },
      },
      alignment,
      now: new Date().toISOString(),
      appVersion: options.appVersion,
    });
    return { project, warnings };
  }

  function result(
    workspace: OpenWorkspace,
    applied: boolean,
    extra: Partial<ApplyResult> = {},
  ): ApplyResult {
    const session = workspace.history.present;
    return {
      applied,
      revision: workspace.revision,
      sentenceBeadCount: session.alignment.sentenceBeads.length,
      annotationCount: session.annotations.length,
      ...extra,
    };
  }

  type JournalChange =
    { kind: 'command'; command: ReviewCommand } | { kind: 'session' } | { kind: 'settings' };

  /**
   * Records a change: journals it and resolves once it is on disk; schedules the full rewrite. The journal entry is
   * queued synchronously, so entries keep the order of the changes even when requests overlap.
   */
  async function record(workspace: OpenWorkspace, change: JournalChange): Promise<void> {
    workspace.revision += 1;
    workspace.sequence += 1;
    const base = { seq: workspace.sequence, at: new Date().toISOString() };
    const { alignment, annotations } = workspace.history.present;
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
          : { ...base, kind: 'settings', settings: workspace.meta.settings };
    const project = projectOf(workspace);
    workspace.appending += 1;
    try {
      await workspace.journal.append(entry);
      workspace.lastSavedAt = base.at;
      workspace.lastError = null;
    } catch (error) {
      // The full rewrite below still carries the change; say that the quick save failed.
      workspace.lastError = `Could not write the change journal: ${error instanceof Error ? error.message : String(error)}`;
      workspace.autosaver.schedule(project);
      await workspace.autosaver.flush();
      return;
    } finally {
      workspace.appending -= 1;
    }
    workspace.autosaver.schedule(project);
  }

  /** Runs a command on an open project, journals it, and answers; `answerCommand` sends the command back. */
  async function run(
    workspace: OpenWorkspace,
    command: ReviewCommand,
    answerCommand = false,
  ): Promise<ApplyResult> {
    const { history, result: outcome } = executeCommand(workspace.history, command);
    if (!outcome.ok) return result(workspace, false, { reason: outcome.reason });
    if (history === workspace.history)
      return result(workspace, false, { reason: 'Nothing to change.' });
    workspace.history = history;
    await record(workspace, { kind: 'command', command });
    return result(workspace, true, {
      ...(outcome.note ? { note: outcome.note } : {}),
      ...(answerCommand ? { command } : {}),
    });
  }

  /** After a full save that holds every change: empties and removes the journal. */
  async function retireJournal(workspace: OpenWorkspace): Promise<void> {
    await workspace.journal.compact(workspace.sequence);
    await workspace.journal.close({ remove: true });
  }

  return {
    store,
    projectsDirectory,

    async openSample() {
      const path = join(projectsDirectory, SAMPLE_PROJECT_FILE);
      if (existsSync(path) || existsSync(`${path}.bak`)) return openPath(path, true);
      const seedDirectory = join(projectRoot(), 'fixtures', 'seed');
      const [english, japanese] = await Promise.all([
        readFile(join(seedDirectory, 'summary-record.en.txt'), 'utf8'),
        readFile(join(seedDirectory, 'summary-record.ja.txt'), 'utf8'),
      ]);
      const { project, warnings } = await newProject(
        'Sample: ASEAN-Japan Smart Cities Network, Summary Record',
        { text: english, origin: { fileName: 'summary-record.en.txt', encoding: 'utf-8' } },
        { text: japanese, origin: { fileName: 'summary-record.ja.txt', encoding: 'utf-8' } },
      );
      return createAt(path, project, true, warnings);
    },

    open: (path) => openPath(path, basename(path) === SAMPLE_PROJECT_FILE),

    async create(input) {
      let english;
      let japanese;
      let bilingualNotes: string[] = [];
      if (input.bilingual) {
        const whole = decodeSource(input.bilingual, `${input.name}.txt`);
        const parts = splitBilingual(whole.text);
        if (!parts.ok) throw new ServiceError('refused', parts.message);
        english = {
          text: whole.text.slice(parts.source.start, parts.source.end),
          origin: { ...whole.origin, span: parts.source },
        };
        japanese = {
          text: whole.text.slice(parts.target.start, parts.target.end),
          origin: { ...whole.origin, span: parts.target },
        };
        bilingualNotes = [...parts.notes];
        if (parts.confidence < 0.5) {
          bilingualNotes.push(
            'The English and Japanese parts were hard to tell apart: check that the right blocks were paired.',
          );
        }
      } else if (input.source && input.target) {
        english = decodeSource(input.source, `${input.name}.en.txt`);
        japanese = decodeSource(input.target, `${input.name}.ja.txt`);
      } else {
        throw new ServiceError(
          'invalid-request',
          'A new project needs an English and a Japanese text, or one bilingual document.',
        );
      }
      if (english.text.trim() === '')
        throw new ServiceError('refused', 'The English text is empty.');
      if (japanese.text.trim() === '')
        throw new ServiceError('refused', 'The Japanese text is empty.');
      const { project, warnings } = await newProject(input.name, english, japanese);
      return createAt(uniquePath(input.name), project, false, [...bilingualNotes, ...warnings]);
    },

    apply: (path, command) => run(workspaceAt(path), command),

    async realign(path) {
      const workspace = workspaceAt(path);
      const before = workspace.history.present.alignment;
      let alignment: DocumentAlignment;
      try {
        alignment = await aligner.realign(before, pinnedBeadIndices(before));
      } catch (error) {
        return result(workspace, false, {
          reason: `Realignment failed: ${error instanceof Error ? error.message : String(error)}`,
        });
      }
      // The result holds only for the alignment it was computed from.
      if (workspace.history.present.alignment !== before) {
        return result(workspace, false, {
          reason: 'Realignment failed: the rows changed while realigning; try again',
        });
      }
      // A realignment's result depends on the dictionaries: the journal records the result, not the request.
      return run(workspace, { type: 'replaceAlignment', alignment }, true);
    },

    async undo(path) {
      const workspace = workspaceAt(path);
      if (!canUndo(workspace.history))
        return result(workspace, false, { reason: 'Nothing to undo.' });
      workspace.history = undo(workspace.history);
      await record(workspace, { kind: 'session' });
      return result(workspace, true);
    },

    async redo(path) {
      const workspace = workspaceAt(path);
      if (!canRedo(workspace.history))
        return result(workspace, false, { reason: 'Nothing to redo.' });
      workspace.history = redo(workspace.history);
      await record(workspace, { kind: 'session' });
      return result(workspace, true);
    },

    async updateSettings(path, settings) {
      const workspace = workspaceAt(path);
      workspace.meta = { ...workspace.meta, settings: { ...workspace.meta.settings, ...settings } };
      await record(workspace, { kind: 'settings' });
      return workspace.meta.settings;
    },

    async save(path) {
      const workspace = workspaceAt(path);
      await workspace.autosaver.flush();
      return status(workspace);
    },

    async saveAs(path, newPath) {
      const workspace = workspaceAt(path);
      const target = resolve(
        newPath.endsWith(PROJECT_FILE_EXTENSION) ? newPath : `${newPath}${PROJECT_FILE_EXTENSION}`,
      );
      await workspace.autosaver.flush();
      await mkdir(dirname(target), { recursive: true });
      const saved = await store.saveAs(target, projectOf(workspace), workspace.path);
      workspace.autosaver.dispose();
      // The old file now holds everything: its journal goes; the new file starts its own, numbering on.
      await workspace.journal.compact(workspace.sequence);
      await workspace.journal.close({ remove: true });
      open.delete(workspace.path);
      const snapshot = register(target, saved.project, { isSample: false });
      const moved = open.get(target)!;
      moved.history = workspace.history;
      moved.lastSavedAt = saved.project.updatedAt;
      return { ...snapshot, project: projectOf(moved) };
    },

    status: (path) => status(workspaceAt(path)),

    async close(path) {
      const workspace = open.get(resolve(path));
      if (!workspace) return;
      await workspace.autosaver.flush();
      workspace.autosaver.dispose();
      await retireJournal(workspace);
      open.delete(workspace.path);
      await store.close(workspace.path);
    },

    recent: () => store.recentProjects(),

    async closeAll() {
      const failures: string[] = [];
      for (const workspace of [...open.values()]) {
        try {
          await workspace.autosaver.flush();
          await retireJournal(workspace);
        } catch (error) {
          failures.push(
            `${basename(workspace.path)}: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
        workspace.autosaver.dispose();
      }
      open.clear();
      await store.closeAll();
      if (failures.length)
        throw new ServiceError('failed', `Could not save: ${failures.join('; ')}`);
    },
  };
}

/** Warnings when a side does not look like the language it should be in (both sides the same language, swapped). */
export function languageWarnings(english: string, japanese: string): string[] {
  const japaneseShare = (text: string) => {
    const letters = text.match(/[\p{L}]/gu)?.length ?? 0;
    const kanaKanji =
      text.match(/[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/gu)?.length ?? 0;
    return letters === 0 ? 0 : kanaKanji / letters;
  };
  const warnings: string[] = [];
  if (japaneseShare(english) > 0.3)
    warnings.push('The English side looks Japanese: check that the files are not swapped.');
  if (japaneseShare(japanese) < 0.1)
    warnings.push(
      'The Japanese side has almost no Japanese text: check that it is the translation.',
    );
  return warnings;
}
