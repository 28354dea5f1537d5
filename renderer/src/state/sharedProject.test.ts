// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type {
  ApplyResult,
  ProjectChangeEvent,
  WorkspaceSnapshot,
} from '../../../core/ipc/contract';
import {
  createExampleAnnotation,
  createExampleProject,
} from '../../../core/project/exampleProject.testkit';
import type { ReviewCommand } from '../../../core/review/commands';
import {
  canRedo,
  canUndo,
  createHistory,
  executeCommand,
  nextSteps,
  redo,
  undo,
  type ReviewHistory,
} from '../../../core/review/history';
import { createReviewStore, type ChangeSubscriber, type ReviewBackend } from './reviewStore';

const PATH = '/projects/Shared.taiyaku';
const example = createExampleProject({ name: 'Shared' });
const flag = (index: number) => ({
  type: 'addAnnotation' as const,
  annotation: createExampleAnnotation(example, index, '2024-01-01T00:00:00.000Z'),
});

/**
 * One Node side shared by several windows, doing what the workspace does with the same core functions: one history,
 * one revision per change, every change pushed to every window (after `delay` turns, so answers and pushes race), and
 * row commands refused when another window changed the rows after the revision the sender had seen.
 */
function sharedHost() {
  let history: ReviewHistory = createHistory({
    alignment: example.alignment,
    annotations: example.annotations,
    dismissals: example.dismissals,
  });
  let revision = 0;
  let rowsChangedAt = 0;
  let rowsChangedBy: string | undefined;
  const subscribers = new Set<ChangeSubscriber>();
  let held: ProjectChangeEvent[] | null = null;
  const publish = (event: ProjectChangeEvent) => {
    if (held) return void held.push(event);
    setTimeout(() => subscribers.forEach((subscriber) => subscriber.change(event)), 0);
  };
  const answer = (applied: boolean, extra: Partial<ApplyResult> = {}): ApplyResult => ({
    applied,
    revision,
    sentenceBeadCount: history.present.alignment.sentenceBeads.length,
    annotationCount: history.present.annotations.length,
    ...extra,
  });
  const snapshot = (): WorkspaceSnapshot => {
    const steps = nextSteps(history);
    return {
      path: PATH,
      project: { ...example, ...history.present } as WorkspaceSnapshot['project'],
      isSample: false,
      warnings: [],
      revision,
      ...(steps.undo ? { undoStep: steps.undo } : {}),
      ...(steps.redo ? { redoStep: steps.redo } : {}),
    };
  };
  const origin = (change?: { requestId: string; clientId: string }) => ({
    path: PATH,
    revision,
    sentenceBeadCount: history.present.alignment.sentenceBeads.length,
    annotationCount: history.present.annotations.length,
    ...(change ? { requestId: change.requestId, clientId: change.clientId } : {}),
  });
  const backend = (): ReviewBackend => ({
    openInitial: async () => snapshot(),
    open: async () => snapshot(),
    openSample: async () => snapshot(),
    create: async () => snapshot(),
    importFiles: async () => ({ kind: 'opened', snapshot: snapshot() }),
    saveAs: async () => snapshot(),
    close: async () => {},
    recent: async () => [],
    apply: async (_path, command: ReviewCommand, change) => {
      const rowCommand =
        !command.type.endsWith('Annotation') && command.type !== 'setAnnotationStatus';
      if (
        rowCommand &&
        change &&
        rowsChangedAt > change.baseRevision &&
        rowsChangedBy !== change.clientId
      )
        return answer(false, { reason: 'The rows changed in another window.' });
      const { history: next, result } = executeCommand(history, command);
      if (!result.ok || next === history) return answer(false, { reason: 'refused' });
      if (next.present.alignment !== history.present.alignment) {
        rowsChangedAt = revision + 1;
        rowsChangedBy = change?.clientId;
      }
      history = next;
      revision += 1;
      publish({ kind: 'command', ...origin(change), command });
      return answer(true);
    },
    realign: async () => answer(false, { reason: 'not here' }),
    undo: async (_path, change) => {
      if (!canUndo(history)) return answer(false);
      history = undo(history);
      revision += 1;
      publish({ kind: 'undo', ...origin(change) });
      return answer(true);
    },
    redo: async (_path, change) => {
      if (!canRedo(history)) return answer(false);
      history = redo(history);
      revision += 1;
      publish({ kind: 'redo', ...origin(change) });
      return answer(true);
    },
    checks: async () => ({ revision, findings: [] }),
    save: async () => ({ pending: false, lastSavedAt: null, error: null }),
    status: async () => ({ pending: false, lastSavedAt: null, error: null }),
    subscribe: (subscriber) => {
      subscribers.add(subscriber);
      return () => subscribers.delete(subscriber);
    },
  });
  return {
    backend,
    annotations: () => history.present.annotations.map((annotation) => annotation.id),
    revision: () => revision,
    /** Holds pushes back (a slow connection) until `release`. */
    hold: () => void (held = []),
    release: () => {
      const events = held ?? [];
      held = null;
      events.forEach(publish);
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

async function twoWindows() {
  const host = sharedHost();
  const a = createReviewStore(host.backend(), 'en', 'window-a-0000');
  const b = createReviewStore(host.backend(), 'en', 'window-b-0000');
  await a.getState().load();
  await b.getState().load();
  return { host, a, b };
}

const ids = (store: ReturnType<typeof createReviewStore>) =>
  store.getState().history!.present.annotations.map((annotation) => annotation.id);

describe('two windows on one project', () => {
  it('shows an issue flagged in one window in the other, once, with no notice in either', async () => {
    const { host, a, b } = await twoWindows();
    expect(await a.getState().run(flag(1))).toBe(true);
    await settle();
    expect(ids(a)).toEqual(['a1']);
    expect(ids(b)).toEqual(['a1']);
    expect(b.getState().revision).toBe(1);
    // B flags next, on top of A's change: acknowledged as usual, not "could not be saved".
    expect(await b.getState().run(flag(2))).toBe(true);
    await settle();
    expect(host.annotations()).toEqual(['a1', 'a2']);
    expect(ids(a)).toEqual(['a1', 'a2']);
    expect(ids(b)).toEqual(['a1', 'a2']);
    expect(a.getState().notices).toEqual([]);
    expect(b.getState().notices).toEqual([]);
  });

  it('undoes after a reload of the page a change made before it, and redoes it', async () => {
    const host = sharedHost();
    const page = createReviewStore(host.backend(), 'en', 'window-a-0000');
    await page.getState().load();
    const before = ids(page);
    await page.getState().run(flag(0));
    // The page reloads: a new copy of the store, the same Node side (which kept the undo history).
    const reloaded = createReviewStore(host.backend(), 'en', 'window-a-1111');
    await reloaded.getState().load();
    expect(ids(reloaded)).toHaveLength(before.length + 1);
    expect(reloaded.getState().sharedSteps.undo).toEqual({ type: 'addAnnotation' });
    await reloaded.getState().undo();
    expect(ids(reloaded)).toEqual(before);
    expect(host.annotations()).toEqual(before);
    expect(reloaded.getState().sharedSteps).toEqual({
      undo: null,
      redo: { type: 'addAnnotation' },
    });
    await reloaded.getState().redo();
    expect(ids(reloaded)).toHaveLength(before.length + 1);
    // A change made after the reload is undone here first, then the one from before.
    await reloaded.getState().run(flag(1));
    expect(reloaded.getState().sharedSteps.redo).toBeNull();
    await reloaded.getState().undo();
    await reloaded.getState().undo();
    expect(ids(reloaded)).toEqual(before);
    expect(host.annotations()).toEqual(before);
    expect(reloaded.getState().notices).toEqual([]);
  });

  it('follows an undo made in the other window', async () => {
    const { a, b } = await twoWindows();
    await a.getState().run(flag(1));
    await settle();
    await b.getState().undo();
    await settle();
    expect(ids(a)).toEqual([]);
    expect(ids(b)).toEqual([]);
    expect(a.getState().revision).toBe(2);
    expect(a.getState().notices).toEqual([]);
  });

  it('reports no failure when changes from both windows cross, and both end on the live state', async () => {
    const { host, a, b } = await twoWindows();
    host.hold();
    // Both flag before hearing of the other's change.
    const [fromA, fromB] = await Promise.all([
      a.getState().run(flag(1)),
      b.getState().run(flag(2)),
    ]);
    expect([fromA, fromB]).toEqual([true, true]);
    host.release();
    await settle();
    expect(host.annotations()).toEqual(['a1', 'a2']);
    expect(ids(a)).toEqual(['a1', 'a2']);
    expect(ids(b)).toEqual(['a1', 'a2']);
    expect(a.getState().revision).toBe(2);
    expect(b.getState().revision).toBe(2);
    expect([...a.getState().notices, ...b.getState().notices]).toEqual([]);
  });

  it('explains a row change refused because the other window changed the rows, and shows the current rows', async () => {
    const { host, a, b } = await twoWindows();
    host.hold();
    await a.getState().run({ type: 'mergeWithNext', beadIndex: 0 });
    // B has not heard of the merge and splits what it still shows as two rows.
    expect(b.getState().history!.present.alignment.sentenceBeads).toHaveLength(2);
    expect(await b.getState().run({ type: 'detachSide', beadIndex: 1, side: 'target' })).toBe(
      false,
    );
    host.release();
    await settle();
    expect(b.getState().notices.map((notice) => notice.message)).toEqual([
      'Not applied: The rows changed in another window.',
    ]);
    expect(b.getState().history!.present.alignment.sentenceBeads).toHaveLength(1);
    expect(a.getState().history!.present.alignment.sentenceBeads).toHaveLength(1);
    expect(host.revision()).toBe(1);
  });
});
