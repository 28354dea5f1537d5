import { createStore } from 'zustand/vanilla';
import type { ApplyResult, WorkspaceSnapshot } from '../../../core/ipc/contract';
import type { RowFilter } from '../../../core/review/filters';
import {
  canRedo,
  canUndo,
  createHistory,
  executeCommand,
  redo,
  undo,
  type ReviewHistory,
} from '../../../core/review/history';
import { messageOf } from '../errors';
import { formatMessage, messages, type MessageKey, type UiLanguage } from '../i18n';
import type { Notice, ReviewActions, ReviewBackend, ReviewState, ReviewStore } from './reviewTypes';

export type {
  ColumnQuestion,
  CreateProjectRequest,
  ImportProjectRequest,
  Notice,
  ProjectMeta,
  ReviewActions,
  ReviewBackend,
  ReviewState,
  ReviewStore,
  UiState,
} from './reviewTypes';

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
        notify('info', word('noticeMigrated', { version: snapshot.migratedFrom }));
      for (const warning of snapshot.warnings) notify('warning', warning);
    };

    /** A notice in the UI language (the store's own words live in the catalogues like every other). */
    const word = (key: MessageKey, values?: Readonly<Record<string, string | number>>) =>
      formatMessage(messages[get().ui.uiLanguage][key], values);

    /** Saves and releases a project the reviewer has left; a failure is reported, never blocks the new one. */
    const releaseQuietly = async (path: string) => {
      try {
        await enqueue(() => backend.close(path));
      } catch (error) {
        notify('warning', word('noticePreviousNotClosed', { reason: messageOf(error) }));
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

      async importProject(request) {
        const previous = get().path;
        const answer = await enqueue(() => backend.importFiles(request));
        if (answer.kind === 'needs-columns') return answer;
        if (previous && previous !== answer.snapshot.path) await releaseQuietly(previous);
        adopt(answer.snapshot);
        return null;
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
            notify('info', answer.reason ?? word('noticeNothingChanged'));
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
          notify('error', word('noticeSaveFailed', { reason: messageOf(error) }));
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
