import { createStore } from 'zustand/vanilla';
import type {
  ApplyResult,
  ProjectChangeEvent,
  WorkspaceSnapshot,
} from '../../../core/ipc/contract';
import {
  canRedo,
  canUndo,
  createHistory,
  executeCommand,
  redo,
  undo,
  type HistoryStep,
  type ReviewHistory,
} from '../../../core/review/history';
import { messageOf } from '../errors';
import { formatMessage, messages, type MessageKey, type UiLanguage } from '../i18n';
import { reactToChange } from './followChange';
import { CLIENT_ID, newRequestId } from './requestIds';
import { createUiActions } from './uiActions';
import type { Notice, ReviewActions, ReviewBackend, ReviewState, ReviewStore } from './reviewTypes';

export type {
  ChangeFields,
  ChangeSubscriber,
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

const NO_SHARED_STEPS: ReviewState['sharedSteps'] = { undo: null, redo: null };

/** What the Node side's history can undo or redo, as a snapshot of an open project says. */
function sharedStepsOf(snapshot: WorkspaceSnapshot): ReviewState['sharedSteps'] {
  const undoStep: HistoryStep | undefined = snapshot.undoStep;
  const redoStep: HistoryStep | undefined = snapshot.redoStep;
  return undoStep || redoStep
    ? { undo: undoStep ?? null, redo: redoStep ?? null }
    : NO_SHARED_STEPS;
}

/**
 * Creates the workspace store: testable without React (STYLE.md §4). `clientId` names this window to the Node side
 * (tests give each simulated window its own).
 */
export function createReviewStore(
  backend: ReviewBackend,
  initialLanguage: UiLanguage = 'en',
  clientId: string = CLIENT_ID,
): ReviewStore {
  let noticeId = 0;
  /** Counts wholesale replacements of the history (reloads): an answer to a change sent before one cannot be checked. */
  let epoch = 0;
  let catchUpQueued = false;
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

    /** Replaces this copy with the Node side's live state (`project:open` answers it for an open project). */
    const replaceWith = (snapshot: WorkspaceSnapshot) => {
      const { alignment, annotations, ...meta } = snapshot.project;
      epoch += 1;
      set((state) => ({
        history: createHistory({ alignment, annotations }),
        revision: snapshot.revision,
        sharedSteps: sharedStepsOf(snapshot),
        meta,
        ui: {
          ...state.ui,
          selectedBead:
            state.ui.selectedBead === null || alignment.sentenceBeads.length === 0
              ? null
              : Math.min(state.ui.selectedBead, alignment.sentenceBeads.length - 1),
        },
      }));
    };

    /** Reloads the Node side's copy after a disagreement; nothing the reviewer did is lost (the Node side has it). */
    const resync = async (reason: string) => {
      const path = get().path;
      if (!path) return;
      replaceWith(await backend.open(path));
      notify('warning', reason);
    };

    /**
     * Fetches the live state after changes from other windows this copy could not follow step by step (they
     * interleaved with its own, or some were missed). Quiet: nothing failed. Queued behind this window's own requests,
     * and coalesced.
     */
    const catchUp = () => {
      if (catchUpQueued) return;
      catchUpQueued = true;
      void enqueue(async () => {
        catchUpQueued = false;
        const path = get().path;
        if (!path) return;
        const snapshot = await backend.open(path);
        if (get().path === path) replaceWith(snapshot);
      }).catch(() => {
        // The host may be restarting; the next change or reconnection catches up again.
      });
    };

    /** A change from the feed: another window's is applied here the way the Node side applied it. */
    const receive = (event: ProjectChangeEvent) => {
      if (event.kind === 'progress') {
        // The aligner's progress on the project this window waits for (no window waits on another's for long).
        if (get().status === 'loading')
          set({ opening: { phase: event.phase, done: event.done, total: event.total } });
        return;
      }
      const outcome = reactToChange(get(), event, clientId);
      if (outcome === 'catch-up') catchUp();
      else if (outcome !== 'ignore') {
        set(outcome);
        // A new change clears the redo stack on the Node side too.
        if (event.kind === 'command')
          set((state) => ({ sharedSteps: { ...state.sharedSteps, redo: null } }));
      }
    };
    backend.subscribe?.({
      change: receive,
      missed: () => {
        if (get().path) catchUp();
      },
    });

    /** Undo or redo: here at once, then on the Node side (whose history is the one every window shares). */
    const step = async (direction: 'undo' | 'redo') => {
      const { history, path, sharedSteps } = get();
      if (!history || !path) return;
      if (!(direction === 'undo' ? canUndo(history) : canRedo(history))) {
        if (sharedSteps[direction]) await stepOnNodeSide(direction, path);
        return;
      }
      const next = direction === 'undo' ? undo(history) : redo(history);
      set((state) => ({ history: next, inFlight: state.inFlight + 1 }));
      const sentAt = epoch;
      const change = changeFields();
      const outOfStep = word(direction === 'undo' ? 'noticeUndoOutOfStep' : 'noticeRedoOutOfStep');
      try {
        const answer = await enqueue(() =>
          direction === 'undo' ? backend.undo(path, change) : backend.redo(path, change),
        );
        if (!answer.applied) set((state) => ({ inFlight: state.inFlight - 1 }));
        if (!answer.applied || !acknowledge(answer, next, sentAt)) await resync(outOfStep);
      } catch (error) {
        set((state) => ({ inFlight: state.inFlight - 1 }));
        await resync(word('noticeUnsaved', { reason: messageOf(error) }));
      }
    };

    /**
     * Undo or redo of a step this copy has no session for (made before a reload of the page): on the Node side, whose
     * history has it, then this copy takes the live state.
     */
    const stepOnNodeSide = async (direction: 'undo' | 'redo', path: string) => {
      set((state) => ({ inFlight: state.inFlight + 1 }));
      const change = changeFields();
      try {
        const answer = await enqueue(async () => {
          const stepped = await (direction === 'undo'
            ? backend.undo(path, change)
            : backend.redo(path, change));
          if (get().path === path) replaceWith(await backend.open(path));
          return stepped;
        });
        set((state) => ({ inFlight: state.inFlight - 1 }));
        if (!answer.applied && answer.reason) notify('info', answer.reason);
      } catch (error) {
        set((state) => ({ inFlight: state.inFlight - 1 }));
        await resync(word('noticeUnsaved', { reason: messageOf(error) }));
      }
    };

    /** What a change request carries: a fresh id, this window, the last revision it had seen. */
    const changeFields = () => ({
      requestId: newRequestId(),
      clientId,
      baseRevision: get().revision,
    });

    /** Shows a freshly opened project: a new undo history, the first row selected, filters cleared. */
    const adopt = (snapshot: WorkspaceSnapshot) => {
      const { alignment, annotations, ...meta } = snapshot.project;
      set((state) => ({
        status: 'ready',
        loadError: null,
        opening: null,
        path: snapshot.path,
        meta,
        isSample: snapshot.isSample,
        history: createHistory({ alignment, annotations }),
        revision: snapshot.revision,
        sharedSteps: sharedStepsOf(snapshot),
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

    /**
     * Checks the answer to an applied change against this copy. When other windows' changes came in between (the
     * revision skips) or this copy was reloaded since the change was sent, there is nothing to compare with: the change
     * was applied, so this copy fetches the live state instead of reporting a failure.
     */
    const acknowledge = (answer: ApplyResult, expected: ReviewHistory, sentAt: number) => {
      const { revision } = get();
      set((state) => ({ inFlight: state.inFlight - 1 }));
      if (sentAt !== epoch || answer.revision !== revision + 1) {
        catchUp();
        return true;
      }
      const present = expected.present;
      const agrees =
        answer.sentenceBeadCount === present.alignment.sentenceBeads.length &&
        answer.annotationCount === present.annotations.length;
      set({ revision: answer.revision });
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
      sharedSteps: NO_SHARED_STEPS,
      opening: null,
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
        set({ status: 'loading', loadError: null, opening: null });
        try {
          adopt(await backend.openInitial(remembered));
        } catch (error) {
          set({ status: 'failed', loadError: messageOf(error), opening: null });
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

      async saveAs(newPath, options = {}) {
        const path = get().path;
        if (!path) return;
        const snapshot = await enqueue(() =>
          backend.saveAs(path, newPath, options.overwrite === true),
        );
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
          set({ status: 'failed', loadError: messageOf(error), opening: null });
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
        set((state) => ({
          history: next,
          inFlight: state.inFlight + 1,
          sharedSteps: { ...state.sharedSteps, redo: null },
        }));
        const sentAt = epoch;
        const change = changeFields();
        try {
          const answer = await enqueue(() => backend.apply(path, command, change));
          if (!answer.applied) set((state) => ({ inFlight: state.inFlight - 1 }));
          if (!answer.applied || !acknowledge(answer, next, sentAt)) {
            await resync(
              answer.reason
                ? word('noticeNotApplied', { reason: answer.reason })
                : word('noticeOutOfStep'),
            );
            return false;
          }
          return true;
        } catch (error) {
          set((state) => ({ inFlight: state.inFlight - 1 }));
          await resync(word('noticeUnsaved', { reason: messageOf(error) }));
          return false;
        }
      },

      async realign() {
        const path = get().path;
        if (!get().history || !path) return false;
        set((state) => ({ inFlight: state.inFlight + 1 }));
        const sentAt = epoch;
        const change = changeFields();
        try {
          const answer = await enqueue(() => backend.realign(path, change));
          if (!answer.applied || !answer.command) {
            set((state) => ({ inFlight: state.inFlight - 1 }));
            notify('info', answer.reason ?? word('noticeNothingChanged'));
            return false;
          }
          // The aligner's dictionaries live on the Node side: it computed and applied the command; run the same here.
          const { history: next, result } = executeCommand(get().history!, answer.command);
          if (!result.ok) {
            // Applied on the Node side to rows this copy no longer has (another window's change came in between).
            set((state) => ({ inFlight: state.inFlight - 1 }));
            catchUp();
            return true;
          }
          set((state) => ({ history: next, sharedSteps: { ...state.sharedSteps, redo: null } }));
          if (!acknowledge(answer, next, sentAt)) {
            await resync(word('noticeOutOfStep'));
            return false;
          }
          return true;
        } catch (error) {
          set((state) => ({ inFlight: state.inFlight - 1 }));
          await resync(word('noticeUnsaved', { reason: messageOf(error) }));
          return false;
        }
      },

      undo: () => step('undo'),
      redo: () => step('redo'),

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

      ...createUiActions(set),
      notify,
      dismissNotice(id) {
        set((state) => ({ notices: state.notices.filter((notice) => notice.id !== id) }));
      },
    };
  });
}
