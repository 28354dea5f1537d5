import { createStore, type StoreApi } from 'zustand/vanilla';
import type {
  ApplyResult,
  IpcRequest,
  RecentProject,
  SaveStatus,
  WorkspaceSnapshot,
} from '../../../core/ipc/contract';
import type { ProjectFile } from '../../../core/project/projectFile';
import {
  canRedo,
  canUndo,
  createHistory,
  executeCommand,
  redo,
  undo,
  type ReviewHistory,
} from '../../../core/review/history';
import type { RowFilter } from '../../../core/review/filters';
import type { ReviewCommand } from '../../../core/review/commands';
import type { UiLanguage } from '../i18n';

/** What `project:create` takes: two texts, or one bilingual document. */
export type CreateProjectRequest = IpcRequest<'project:create'>;

/** What the store needs from the transport; `ipc.ts` in the app, a fake in tests. */
export interface ReviewBackend {
  /** Opens a project; without a path, the project to start with (command line, else the sample). */
  open(path?: string): Promise<WorkspaceSnapshot>;
  /** Opens the project to start with: the command line's, else `remembered` (the last one), else the sample. */
  openInitial(remembered?: string): Promise<WorkspaceSnapshot>;
  /** Opens the built-in sample. */
  openSample(): Promise<WorkspaceSnapshot>;
  create(request: CreateProjectRequest): Promise<WorkspaceSnapshot>;
  saveAs(path: string, newPath: string): Promise<WorkspaceSnapshot>;
  close(path: string): Promise<void>;
  recent(): Promise<RecentProject[]>;
  apply(path: string, command: ReviewCommand): Promise<ApplyResult>;
  /** Realigns on the Node side; the answer carries the `replaceAlignment` command it applied. */
  realign(path: string): Promise<ApplyResult>;
  undo(path: string): Promise<ApplyResult>;
  redo(path: string): Promise<ApplyResult>;
  save(path: string): Promise<SaveStatus>;
  status(path: string): Promise<SaveStatus>;
}

/** The open project's fields besides the session. */
export type ProjectMeta = Omit<ProjectFile, 'alignment' | 'annotations'>;

/** A message for the reviewer, shown once. */
export interface Notice {
  readonly id: number;
  readonly kind: 'info' | 'warning' | 'error';
  readonly message: string;
}

/** UI state that is not undoable and not saved with the project. */
export interface UiState {
  /** 0-based index of the selected sentence bead, or null. */
  readonly selectedBead: number | null;
  readonly uiLanguage: UiLanguage;
  /** True while the flag dialog (new annotation on the current text selection) is open. */
  readonly flagDialogOpen: boolean;
  /** The annotation open in the edit dialog (panel Edit button, shortcut E), or null. */
  readonly editingAnnotationId: string | null;
  /** The annotation focused in the panel and highlighted in the text, or null. */
  readonly selectedAnnotationId: string | null;
  /** Which rows the view shows (search text included); `{}` shows every row. */
  readonly filter: RowFilter;
}

export interface ReviewState {
  readonly status: 'idle' | 'loading' | 'ready' | 'failed';
  readonly loadError: string | null;
  readonly path: string | null;
  readonly meta: ProjectMeta | null;
  readonly isSample: boolean;
  /** The undoable session, mirrored from the Node side (which owns the saved copy). */
  readonly history: ReviewHistory | null;
  /** The Node side's revision after the last acknowledged change. */
  readonly revision: number;
  /** Changes sent and not yet acknowledged. */
  readonly inFlight: number;
  readonly saveStatus: SaveStatus | null;
  /** The revision `saveStatus` was asked for: a newer revision means a change not yet known to be on disk. */
  readonly saveStatusRevision: number;
  readonly ui: UiState;
  readonly notices: readonly Notice[];
}

export interface ReviewActions {
  /**
   * Opens the first project of a session (see `ReviewBackend.openInitial`; `remembered` is the last project the UI
   * had open). Failure shows on the whole screen.
   */
  load(remembered?: string): Promise<void>;
  /** Opens another project in place of this one (which is saved and released); throws with the reason on failure. */
  openProject(path: string): Promise<void>;
  /** Creates a project and opens it in place of this one; throws with the Node side's reason on failure. */
  createProject(request: CreateProjectRequest): Promise<void>;
  /** Saves this project under a new path and continues there (undo history kept); throws on failure. */
  saveAs(newPath: string): Promise<void>;
  /** Saves and closes this project, then opens the sample. */
  closeProject(): Promise<void>;
  recentProjects(): Promise<RecentProject[]>;
  /**
   * Carries out a review command: applied here at once (the same pure core function the Node side runs, so both copies
   * agree), then sent; a refusal or disagreement from the Node side rolls this copy back to the saved state.
   */
  run(command: ReviewCommand): Promise<boolean>;
  /**
   * Realigns the unconfirmed rows: the Node side runs the aligner and applies the result as a `replaceAlignment`
   * command, which this copy then runs too (one undo step). Resolves to whether it applied.
   */
  realign(): Promise<boolean>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  save(): Promise<void>;
  refreshSaveStatus(): Promise<void>;
  selectBead(index: number | null): void;
  /** Changes the row filter: given fields replace the current ones (`undefined` removes a criterion). */
  setFilter(changes: Partial<RowFilter>): void;
  clearFilter(): void;
  setUiLanguage(language: UiLanguage): void;
  /** Opens or closes the flag dialog (the "flag selection" shortcut and button open it). */
  setFlagDialogOpen(open: boolean): void;
  /** Focuses an annotation (panel click, next/previous flag); also selects the row that holds it when given. */
  selectAnnotation(id: string | null, beadIndex?: number | null): void;
  /** Opens the edit dialog on annotation `id`, or closes it (null). */
  setEditingAnnotation(id: string | null): void;
  notify(kind: Notice['kind'], message: string): void;
  dismissNotice(id: number): void;
}

export type ReviewStore = StoreApi<ReviewState & ReviewActions>;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const OUT_OF_STEP = 'The view was out of step with the saved project and has been reloaded.';

function unsaved(error: unknown): string {
  return `The change could not be saved (${messageOf(error)}); the view shows the saved project.`;
}

/** Creates the workspace store: testable without React (STYLE.md §4). */
export function createReviewStore(
  backend: ReviewBackend,
  initialLanguage: UiLanguage = 'en',
): ReviewStore {
  let noticeId = 0;
  // Commands go to the Node side one at a time, in order, so its history matches this one step for step.
  let queue: Promise<unknown> = Promise.resolve();
  const enqueue = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task);
    queue = next.catch(() => {});
    return next;
  };

  return createStore<ReviewState & ReviewActions>()((set, get) => {
    const notify = (kind: Notice['kind'], message: string) =>
      set((state) => ({ notices: [...state.notices, { id: ++noticeId, kind, message }] }));

    /** Reloads the Node side's copy after a disagreement; nothing the reviewer did is lost (the Node side has it). */
    const resync = async (reason: string) => {
      const path = get().path;
      if (!path) return;
      const snapshot = await backend.open(path);
      set({
        history: createHistory({
          alignment: snapshot.project.alignment,
          annotations: snapshot.project.annotations,
        }),
        revision: snapshot.revision,
      });
      notify('warning', reason);
    };

    /** Shows a freshly opened project: a new undo history, the first row selected, filters cleared. */
    const adopt = (snapshot: WorkspaceSnapshot) => {
      const { alignment, annotations, ...meta } = snapshot.project;
      set((state) => ({
        status: 'ready',
        loadError: null,
        path: snapshot.path,
        meta,
        isSample: snapshot.isSample,
        history: createHistory({ alignment, annotations }),
        revision: snapshot.revision,
        inFlight: 0,
        saveStatus: null,
        saveStatusRevision: snapshot.revision,
        ui: {
          ...state.ui,
          selectedBead: alignment.sentenceBeads.length ? 0 : null,
          selectedAnnotationId: null,
          flagDialogOpen: false,
          editingAnnotationId: null,
          filter: {},
        },
      }));
      if (snapshot.recovery) notify('warning', snapshot.recovery);
      if (snapshot.migratedFrom !== undefined)
        notify(
          'info',
          `The project was in an older format (version ${snapshot.migratedFrom}); it is saved in the current one from now on.`,
        );
      for (const warning of snapshot.warnings) notify('warning', warning);
    };

    /** Saves and releases a project the reviewer has left; a failure is reported, never blocks the new one. */
    const releaseQuietly = async (path: string) => {
      try {
        await enqueue(() => backend.close(path));
      } catch (error) {
        notify('warning', `The previous project could not be closed cleanly: ${messageOf(error)}`);
      }
    };

    const acknowledge = (answer: ApplyResult, expected: ReviewHistory) => {
      const present = expected.present;
      const agrees =
        answer.sentenceBeadCount === present.alignment.sentenceBeads.length &&
        answer.annotationCount === present.annotations.length;
      set((state) => ({ revision: answer.revision, inFlight: state.inFlight - 1 }));
      return agrees;
    };

    return {
      status: 'idle',
      loadError: null,
      path: null,
      meta: null,
      isSample: false,
      history: null,
      revision: 0,
      inFlight: 0,
      saveStatus: null,
      saveStatusRevision: 0,
      ui: {
        selectedBead: null,
        uiLanguage: initialLanguage,
        flagDialogOpen: false,
        editingAnnotationId: null,
        selectedAnnotationId: null,
        filter: {},
      },
      notices: [],

      async load(remembered) {
        set({ status: 'loading', loadError: null });
        try {
          adopt(await backend.openInitial(remembered));
        } catch (error) {
          set({ status: 'failed', loadError: messageOf(error) });
        }
      },

      async openProject(path) {
        const previous = get().path;
        const snapshot = await enqueue(() => backend.open(path));
        if (previous && previous !== snapshot.path) await releaseQuietly(previous);
        adopt(snapshot);
      },

      async createProject(request) {
        const previous = get().path;
        const snapshot = await enqueue(() => backend.create(request));
        if (previous && previous !== snapshot.path) await releaseQuietly(previous);
        adopt(snapshot);
      },

      async saveAs(newPath) {
        const path = get().path;
        if (!path) return;
        const snapshot = await enqueue(() => backend.saveAs(path, newPath));
        const { alignment: _alignment, annotations: _annotations, ...meta } = snapshot.project;
        // The Node side keeps the undo history across "save as"; so does this copy.
        set({
          path: snapshot.path,
          meta,
          isSample: snapshot.isSample,
          revision: snapshot.revision,
        });
        set({
          saveStatus: await backend.status(snapshot.path).catch(() => null),
          saveStatusRevision: snapshot.revision,
        });
      },

      async closeProject() {
        const path = get().path;
        if (path) await enqueue(() => backend.close(path));
        set({ status: 'loading' });
        try {
          adopt(await backend.openSample());
        } catch (error) {
          set({ status: 'failed', loadError: messageOf(error) });
        }
      },

      recentProjects: () => backend.recent(),

      async run(command) {
        const { history, path } = get();
        if (!history || !path) return false;
        const { history: next, result } = executeCommand(history, command);
        if (!result.ok) {
          notify('info', result.reason);
          return false;
        }
        if (next === history) return false;
        if (result.note) notify('info', result.note);
        set((state) => ({ history: next, inFlight: state.inFlight + 1 }));
        try {
          const answer = await enqueue(() => backend.apply(path, command));
          if (!answer.applied || !acknowledge(answer, next)) {
            await resync(answer.reason ? `Not applied: ${answer.reason}` : OUT_OF_STEP);
            return false;
          }
          return true;
        } catch (error) {
          await resync(unsaved(error));
          return false;
        }
      },

      async realign() {
        const path = get().path;
        if (!get().history || !path) return false;
        set((state) => ({ inFlight: state.inFlight + 1 }));
        try {
          const answer = await enqueue(() => backend.realign(path));
          if (!answer.applied || !answer.command) {
            set((state) => ({ inFlight: state.inFlight - 1, revision: answer.revision }));
            notify('info', answer.reason ?? 'Nothing changed.');
            return false;
          }
          // The aligner's dictionaries live on the Node side: it computed and applied the command; run the same here.
          const { history: next, result } = executeCommand(get().history!, answer.command);
          set({ history: next });
          if (!result.ok || !acknowledge(answer, next)) {
            await resync(OUT_OF_STEP);
            return false;
          }
          return true;
        } catch (error) {
          await resync(unsaved(error));
          return false;
        }
      },

      async undo() {
        const { history, path } = get();
        if (!history || !path || !canUndo(history)) return;
        const next = undo(history);
        set((state) => ({ history: next, inFlight: state.inFlight + 1 }));
        const answer = await enqueue(() => backend.undo(path));
        if (!answer.applied || !acknowledge(answer, next))
          await resync('Undo was out of step with the saved project; reloaded.');
      },

      async redo() {
        const { history, path } = get();
        if (!history || !path || !canRedo(history)) return;
        const next = redo(history);
        set((state) => ({ history: next, inFlight: state.inFlight + 1 }));
        const answer = await enqueue(() => backend.redo(path));
        if (!answer.applied || !acknowledge(answer, next))
          await resync('Redo was out of step with the saved project; reloaded.');
      },

      async save() {
        const path = get().path;
        if (!path) return;
        try {
          const status = await enqueue(() => backend.save(path));
          set({ saveStatus: status, saveStatusRevision: get().revision });
        } catch (error) {
          notify(
            'error',
            `Could not save: ${error instanceof Error ? error.message : String(error)}. Your changes are kept; try again.`,
          );
        }
      },

      async refreshSaveStatus() {
        const { path, revision } = get();
        if (!path) return;
        try {
          const status = await backend.status(path);
          if (get().path !== path) return;
          // Changes acknowledged after this question are not covered by its answer (see `saveStatusRevision`).
          set({ saveStatus: status, saveStatusRevision: revision });
        } catch {
          // The host may be restarting; the next poll tries again.
        }
      },

      selectBead(index) {
        set((state) => ({ ui: { ...state.ui, selectedBead: index } }));
      },
      setFilter(changes) {
        set((state) => {
          const filter: Record<string, unknown> = { ...state.ui.filter, ...changes };
          for (const key of Object.keys(filter)) if (filter[key] === undefined) delete filter[key];
          return { ui: { ...state.ui, filter: filter as RowFilter } };
        });
      },
      clearFilter() {
        set((state) => ({ ui: { ...state.ui, filter: {} } }));
      },
      setUiLanguage(language) {
        set((state) => ({ ui: { ...state.ui, uiLanguage: language } }));
      },
      setFlagDialogOpen(open) {
        set((state) => ({ ui: { ...state.ui, flagDialogOpen: open } }));
      },
      setEditingAnnotation(id) {
        set((state) => ({ ui: { ...state.ui, editingAnnotationId: id } }));
      },
      selectAnnotation(id, beadIndex) {
        set((state) => ({
          ui: {
            ...state.ui,
            selectedAnnotationId: id,
            ...(beadIndex !== undefined ? { selectedBead: beadIndex } : {}),
          },
        }));
      },
      notify,
      dismissNotice(id) {
        set((state) => ({ notices: state.notices.filter((notice) => notice.id !== id) }));
      },
    };
  });
}
