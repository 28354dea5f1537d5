// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import type { ApplyResult, WorkspaceSnapshot } from '../../../core/ipc/contract';
import { createExampleProject } from '../../../core/project/exampleProject.testkit';
import {
  canRedo,
  canUndo,
  createHistory,
  executeCommand,
  redo,
  undo,
  type ReviewHistory,
} from '../../../core/review/history';
import { pinnedBeadIndices } from '../../../core/review/alignmentEdits';
import type { RealignFunction } from '../../../core/review/arbitraries.testkit';
import { createReviewStore, type ChangeSubscriber, type ReviewBackend } from './reviewStore';
import { hasRows, visibleRows } from './selectors';
import { performAction } from '../features/workspace/actions';

/** A stand-in for the aligner: same rows, new confidences (pinned rows keep theirs). */
const rescore: RealignFunction = (alignment) => ({
  ...alignment,
  sentenceBeads: alignment.sentenceBeads.map((bead) =>
    bead.pinned ? bead : { ...bead, confidence: 0.42 },
  ),
});

/** A backend that does what the Node side does, with the same core functions, on its own copy. */
function fakeBackend(options: { refuse?: boolean } = {}) {
  const projects = new Map<string, { history: ReviewHistory; revision: number }>();
  const closed: string[] = [];
  const snapshot = (path: string, name = 'Example', extra: Partial<WorkspaceSnapshot> = {}) => {
    const project = createExampleProject({ name });
    projects.set(path, {
      history: createHistory({
        alignment: project.alignment,
        annotations: project.annotations,
        dismissals: project.dismissals,
      }),
      revision: 0,
    });
    return { path, project, isSample: path === '/sample', warnings: [], revision: 0, ...extra };
  };
  const answer = (path: string, applied: boolean, extra: Partial<ApplyResult> = {}) => {
    const open = projects.get(path)!;
    return {
      applied,
      revision: open.revision,
      sentenceBeadCount: open.history.present.alignment.sentenceBeads.length,
      annotationCount: open.history.present.annotations.length,
      ...extra,
    };
  };
  const backend: ReviewBackend = {
    openInitial: async (remembered) => snapshot(remembered ?? '/sample'),
    open: async (path) => snapshot(path ?? '/sample'),
    openSample: async () => snapshot('/sample'),
    create: async (request) => snapshot(`/projects/${request.name}.taiyaku`, request.name),
    importFiles: async (request) => {
      const name = request.name ?? 'Imported';
      return { kind: 'opened', snapshot: snapshot(`/projects/${name}.taiyaku`, name) };
    },
    apply: async (path, command) => {
      const open = projects.get(path)!;
      if (options.refuse) return answer(path, false, { reason: 'Refused by the fake.' });
      const { history, result } = executeCommand(open.history, command);
      if (!result.ok || history === open.history) return answer(path, false);
      open.history = history;
      open.revision += 1;
      return answer(path, true);
    },
    realign: async (path) => {
      const open = projects.get(path)!;
      const alignment = open.history.present.alignment;
      const command = {
        type: 'replaceAlignment' as const,
        alignment: rescore(alignment, pinnedBeadIndices(alignment)),
      };
      open.history = executeCommand(open.history, command).history;
      open.revision += 1;
      return answer(path, true, { command });
    },
    undo: async (path) => {
      const open = projects.get(path)!;
      if (!canUndo(open.history)) return answer(path, false);
      open.history = undo(open.history);
      open.revision += 1;
      return answer(path, true);
    },
    redo: async (path) => {
      const open = projects.get(path)!;
      if (!canRedo(open.history)) return answer(path, false);
      open.history = redo(open.history);
      open.revision += 1;
      return answer(path, true);
    },
    checks: async (path) => ({ revision: projects.get(path)!.revision, findings: [] }),
    save: async () => ({ pending: false, lastSavedAt: '2026-01-01T12:03:00.000Z', error: null }),
    status: async () => ({ pending: false, lastSavedAt: '2026-01-01T12:03:00.000Z', error: null }),
    saveAs: async (path, newPath) => ({
      ...snapshot(newPath),
      revision: projects.get(path)!.revision,
    }),
    close: async (path) => {
      closed.push(path);
    },
    recent: async () => [],
  };
  return { backend, projects, closed };
}

describe('the review store', () => {
  it('keeps the automatic checks’ latest answer for the open project, never an older or another project’s', async () => {
    const { backend } = fakeBackend();
    const finding = {
      check: 'tense' as const,
      code: 'tense-past-rendered-non-past' as const,
      params: {},
      category: 'accuracy/mistranslation',
      itsType: 'mistranslation' as const,
      severity: 'neutral' as const,
      message: 'past / non-past',
      evidence: '',
      bead: 0,
      clause: 1,
    };
    const answers: { revision: number; findings: (typeof finding)[] }[] = [
      { revision: 2, findings: [finding] },
      { revision: 1, findings: [] },
    ];
    backend.checks = async () => answers.shift()!;
    const store = createReviewStore(backend);
    await store.getState().load();
    expect(store.getState().checks).toMatchObject({ status: 'idle', findings: [] });
    await store.getState().refreshChecks();
    expect(store.getState().checks).toEqual({
      status: 'ready',
      findings: [finding],
      revision: 2,
      error: null,
    });
    // An answer for an older revision (a slow earlier request) does not replace it.
    await store.getState().refreshChecks();
    expect(store.getState().checks).toMatchObject({ status: 'ready', findings: [finding] });
    // A failure keeps the findings and says why.
    backend.checks = async () => {
      throw new Error('the aligner stopped');
    };
    await store.getState().refreshChecks();
    expect(store.getState().checks).toMatchObject({
      status: 'failed',
      findings: [finding],
      error: 'the aligner stopped',
    });
    // Another project starts with no findings.
    await store.getState().openProject('/projects/Other.taiyaku');
    expect(store.getState().checks).toMatchObject({ status: 'idle', findings: [], revision: 0 });
  });

  it('opens the first project and selects its first row', async () => {
    const { backend } = fakeBackend();
    const store = createReviewStore(backend);
    await store.getState().load();
    const state = store.getState();
    expect(state.status).toBe('ready');
    expect(state.path).toBe('/sample');
    expect(state.isSample).toBe(true);
    expect(state.ui.selectedBead).toBe(0);
    expect(state.history?.present.alignment.sentenceBeads).toHaveLength(2);
  });

  it('shows how far the aligner has got while the first project opens, and disables the commands meanwhile', async () => {
    const { backend } = fakeBackend();
    let push: ChangeSubscriber | undefined;
    let finish: () => void = () => {};
    const opened = new Promise<void>((resolve) => (finish = resolve));
    const store = createReviewStore({
      ...backend,
      openInitial: async (remembered) => {
        await opened;
        return backend.openInitial(remembered);
      },
      subscribe: (subscriber) => {
        push = subscriber;
        return () => {};
      },
    });
    const loading = store.getState().load();
    expect(store.getState().status).toBe('loading');
    expect(hasRows(store.getState())).toBe(false);
    push!.change({ kind: 'progress', phase: 'dictionaries', done: 0, total: 0 });
    expect(store.getState().opening).toEqual({ phase: 'dictionaries', done: 0, total: 0 });
    push!.change({ kind: 'progress', phase: 'sentences', done: 3, total: 7 });
    expect(store.getState().opening).toEqual({ phase: 'sentences', done: 3, total: 7 });
    finish();
    await loading;
    expect(store.getState().opening).toBeNull();
    expect(hasRows(store.getState())).toBe(true);
    // Progress of another window's opening does not concern a window showing its project.
    push!.change({ kind: 'progress', phase: 'clauses', done: 0, total: 0 });
    expect(store.getState().opening).toBeNull();
  });

  it('applies a command at once, sends it, and undoes and redoes in step with the Node side', async () => {
    const { backend, projects } = fakeBackend();
    const store = createReviewStore(backend);
    await store.getState().load();
    const merged = store.getState().run({ type: 'mergeWithNext', beadIndex: 0 });
    // Applied locally before the answer arrives.
    expect(store.getState().history?.present.alignment.sentenceBeads).toHaveLength(1);
    expect(store.getState().inFlight).toBe(1);
    expect(await merged).toBe(true);
    expect(store.getState().inFlight).toBe(0);
    expect(store.getState().revision).toBe(1);
    expect(projects.get('/sample')!.history.present.alignment.sentenceBeads).toHaveLength(1);

    await store.getState().undo();
    expect(store.getState().history?.present.alignment.sentenceBeads).toHaveLength(2);
    expect(projects.get('/sample')!.history.present.alignment.sentenceBeads).toHaveLength(2);
    await store.getState().redo();
    expect(store.getState().history?.present.alignment.sentenceBeads).toHaveLength(1);
    expect(store.getState().revision).toBe(3);
  });

  it('says why a command is refused, and changes nothing', async () => {
    const { backend } = fakeBackend();
    const store = createReviewStore(backend);
    await store.getState().load();
    const before = store.getState().history;
    expect(await store.getState().run({ type: 'mergeWithPrevious', beadIndex: 0 })).toBe(false);
    expect(store.getState().history).toBe(before);
    expect(store.getState().notices.at(-1)).toMatchObject({
      kind: 'info',
      message: 'There is no neighbouring row to merge with.',
    });
  });

  it('rolls back to the saved state when the Node side refuses', async () => {
    const { backend } = fakeBackend({ refuse: true });
    const store = createReviewStore(backend);
    await store.getState().load();
    expect(await store.getState().run({ type: 'pin', beadIndices: [0] })).toBe(false);
    expect(store.getState().history?.present.alignment.sentenceBeads[0]?.pinned).toBeUndefined();
    expect(store.getState().notices.at(-1)?.message).toContain('Refused by the fake.');
  });

  it('takes the realigned rows from the answer, as one undoable step', async () => {
    const { backend } = fakeBackend();
    const store = createReviewStore(backend);
    await store.getState().load();
    await store.getState().run({ type: 'pin', beadIndices: [0] });
    expect(await store.getState().realign()).toBe(true);
    const beads = store.getState().history?.present.alignment.sentenceBeads;
    expect(beads?.map((bead) => bead.confidence)).toEqual([0.9, 0.42]); // confirming keeps the confidence;
    expect(store.getState().history?.past.at(-1)?.step).toEqual({ type: 'replaceAlignment' });
    expect(store.getState().revision).toBe(2);
    expect(store.getState().inFlight).toBe(0);
  });

  it('filters rows with the core filters and keeps the result for the same filter', async () => {
    const { backend } = fakeBackend();
    const store = createReviewStore(backend);
    await store.getState().load();
    expect(visibleRows(store.getState())).toEqual([0, 1]);
    store.getState().setFilter({ text: '支援' });
    const rows = visibleRows(store.getState());
    expect(rows).toEqual([1]);
    expect(visibleRows(store.getState())).toBe(rows);
    await store.getState().run({ type: 'pin', beadIndices: [1] });
    store.getState().setFilter({ text: undefined, unconfirmed: true });
    expect(store.getState().ui.filter).toEqual({ unconfirmed: true });
    expect(visibleRows(store.getState())).toEqual([0]);
    store.getState().clearFilter();
    expect(visibleRows(store.getState())).toEqual([0, 1]);
  });

  it('creates a project in place of the open one, which is saved and released', async () => {
    const { backend, closed } = fakeBackend();
    const store = createReviewStore(backend);
    await store.getState().load();
    store.getState().setFilter({ unconfirmed: true });
    await store
      .getState()
      .createProject({ name: 'Contract', source: { text: 'A.' }, target: { text: 'あ。' } });
    expect(closed).toEqual(['/sample']);
    expect(store.getState().path).toBe('/projects/Contract.taiyaku');
    expect(store.getState().meta?.name).toBe('Contract');
    expect(store.getState().isSample).toBe(false);
    expect(store.getState().ui.filter).toEqual({});
  });

  it('reports a failed creation to the caller and keeps the open project', async () => {
    const { backend } = fakeBackend();
    backend.create = vi.fn(async () => {
      throw new Error('english.txt looks like a binary file, not plain text.');
    });
    const store = createReviewStore(backend);
    await store.getState().load();
    await expect(
      store.getState().createProject({
        name: 'Broken',
        source: { fileName: 'english.txt', bytesBase64: 'AAEC' },
        target: { text: 'あ' },
      }),
    ).rejects.toThrow('binary');
    expect(store.getState().path).toBe('/sample');
  });

  it('shows a recovery from backup as a lasting warning', async () => {
    const { backend } = fakeBackend();
    const open = backend.openInitial;
    backend.openInitial = async () => ({
      ...(await open()),
      recovery: 'The project file was damaged; opened the backup from 12:00.',
    });
    const store = createReviewStore(backend);
    await store.getState().load();
    expect(store.getState().notices).toEqual([
      {
        id: 1,
        kind: 'warning',
        message: 'The project file was damaged; opened the backup from 12:00.',
      },
    ]);
    store.getState().dismissNotice(1);
    expect(store.getState().notices).toEqual([]);
  });

  it('knows when the last change is not yet known to be saved', async () => {
    const { backend } = fakeBackend();
    const store = createReviewStore(backend);
    await store.getState().load();
    await store.getState().refreshSaveStatus();
    expect(store.getState().saveStatusRevision).toBe(store.getState().revision);
    await store.getState().run({ type: 'pin', beadIndices: [0] });
    expect(store.getState().saveStatusRevision).toBeLessThan(store.getState().revision);
    await store.getState().refreshSaveStatus();
    expect(store.getState().saveStatusRevision).toBe(store.getState().revision);
  });

  it('closes a project and opens the sample', async () => {
    const { backend, closed } = fakeBackend();
    const store = createReviewStore(backend);
    await store.getState().load('/projects/Other.taiyaku');
    expect(store.getState().path).toBe('/projects/Other.taiyaku');
    await store.getState().closeProject();
    expect(closed).toEqual(['/projects/Other.taiyaku']);
    expect(store.getState().path).toBe('/sample');
  });

  it('keeps the row a reviewer moved to while a row edit was on its way', async () => {
    const { backend } = fakeBackend();
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const apply = backend.apply;
    const slow: ReviewBackend = {
      ...backend,
      apply: async (path, command) => {
        await gate;
        return apply(path, command);
      },
    };
    const store = createReviewStore(slow);
    await store.getState().load();
    const context = {
      store,
      t: (key: string) => key,
      language: 'en' as const,
      openSplitRow: () => {},
      focusSearch: () => {},
      openHelp: () => {},
      openExport: () => {},
      caret: () => null,
    };
    // Detaching row 1's Japanese makes three rows; the reviewer goes on to the last one before the answer.
    performAction('detachTarget', context, 0);
    expect(store.getState().history?.present.alignment.sentenceBeads).toHaveLength(3);
    store.getState().selectBead(2);
    release();
    await vi.waitFor(() => expect(store.getState().inFlight).toBe(0));
    await Promise.resolve();
    expect(store.getState().ui.selectedBead).toBe(2);
  });
});
