import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApplyResult, SaveStatus, WorkspaceSnapshot } from '../../../core/ipc/contract';
import type { WireCommand } from '../../../core/ipc/reviewCommands';
import type { ProjectFile } from '../../../core/project/projectFile';
import {
  canRedo,
  canUndo,
  createHistory,
  executeCommand,
  recordSession,
  redo,
  undo,
  type ReviewHistory,
} from '../../../core/review/history';
import type { ReviewCommand } from '../../../core/review/session';

const REALIGN_LABEL = { en: 'realign', ja: '再整列' };
import type { UiLanguage } from '../i18n';

/** What the store needs from the transport; `ipc.ts` in the app, a fake in tests. */
export interface ReviewBackend {
  open(path?: string): Promise<WorkspaceSnapshot>;
  apply(path: string, command: WireCommand): Promise<ApplyResult>;
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
  /** The annotation focused in the panel and highlighted in the text, or null. */
  readonly selectedAnnotationId: string | null;
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
  readonly ui: UiState;
  readonly notices: readonly Notice[];
}

export interface ReviewActions {
  /** Opens a project (the sample without a path). */
  load(path?: string): Promise<void>;
  /**
   * Carries out a review command: applied here at once (the same pure core function the Node side runs, so both copies
   * agree), then sent; a refusal or disagreement from the Node side rolls this copy back to the saved state.
   */
  run(command: WireCommand): Promise<boolean>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  save(): Promise<void>;
  refreshSaveStatus(): Promise<void>;
  selectBead(index: number | null): void;
  setUiLanguage(language: UiLanguage): void;
  /** Opens or closes the flag dialog (the "flag selection" shortcut and button open it). */
  setFlagDialogOpen(open: boolean): void;
  /** Focuses an annotation (panel click, next/previous flag); also selects the row that holds it when given. */
  selectAnnotation(id: string | null, beadIndex?: number | null): void;
  notify(kind: Notice['kind'], message: string): void;
  dismissNotice(id: number): void;
}

export type ReviewStore = StoreApi<ReviewState & ReviewActions>;

function localCommand(command: WireCommand): ReviewCommand | null {
  // Realignment needs the alignment engine's dictionaries, which live on the Node side: it is applied from the answer.
  if (command.type === 'realign') return null;
  return command as ReviewCommand;
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
      ui: {
        selectedBead: null,
        uiLanguage: initialLanguage,
        flagDialogOpen: false,
        selectedAnnotationId: null,
      },
      notices: [],

      async load(path) {
        set({ status: 'loading', loadError: null });
        try {
          const snapshot = await backend.open(path);
          const { alignment, annotations, ...meta } = snapshot.project;
          set({
            status: 'ready',
            path: snapshot.path,
            meta,
            isSample: snapshot.isSample,
            history: createHistory({ alignment, annotations }),
            revision: snapshot.revision,
            ui: { ...get().ui, selectedBead: alignment.sentenceBeads.length ? 0 : null },
          });
          if (snapshot.recovery) notify('warning', snapshot.recovery);
          for (const warning of snapshot.warnings) notify('warning', warning);
        } catch (error) {
          set({
            status: 'failed',
            loadError: error instanceof Error ? error.message : String(error),
          });
        }
      },

      async run(command) {
        const { history, path } = get();
        if (!history || !path) return false;
        const local = localCommand(command);
        let expected = history;
        if (local) {
          const { history: next, result } = executeCommand(history, local);
          if (!result.ok) {
            notify('info', result.reason);
            return false;
          }
          if (next === history) return false;
          expected = next;
          set((state) => ({ history: next, inFlight: state.inFlight + 1 }));
        } else set((state) => ({ inFlight: state.inFlight + 1 }));
        try {
          const answer = await enqueue(() => backend.apply(path, command));
          if (!local) {
            set((state) => ({ inFlight: state.inFlight - 1, revision: answer.revision }));
            if (!answer.applied || !answer.alignment) {
              notify('info', answer.reason ?? 'Nothing changed.');
              return false;
            }
            const current = get().history!;
            set({
              history: recordSession(
                current,
                { alignment: answer.alignment, annotations: current.present.annotations },
                REALIGN_LABEL,
              ),
            });
            return true;
          }
          if (!answer.applied || !acknowledge(answer, expected)) {
            await resync(
              answer.reason
                ? `Not applied: ${answer.reason}`
                : 'The view was out of step with the saved project and has been reloaded.',
            );
            return false;
          }
          return true;
        } catch (error) {
          await resync(
            `The change could not be saved (${error instanceof Error ? error.message : String(error)}); the view shows the saved project.`,
          );
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
          set({ saveStatus: status });
        } catch (error) {
          notify(
            'error',
            `Could not save: ${error instanceof Error ? error.message : String(error)}. Your changes are kept; try again.`,
          );
        }
      },

      async refreshSaveStatus() {
        const path = get().path;
        if (!path) return;
        try {
          set({ saveStatus: await backend.status(path) });
        } catch {
          // The host may be restarting; the next poll tries again.
        }
      },

      selectBead(index) {
        set((state) => ({ ui: { ...state.ui, selectedBead: index } }));
      },
      setUiLanguage(language) {
        set((state) => ({ ui: { ...state.ui, uiLanguage: language } }));
      },
      setFlagDialogOpen(open) {
        set((state) => ({ ui: { ...state.ui, flagDialogOpen: open } }));
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
