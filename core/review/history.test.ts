import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignmentFromSentences } from './alignmentFromSentences';
import {
  applyCommandToHistory,
  canRedo,
  canUndo,
  createHistory,
  executeCommand,
  recordSession,
  redo,
  redoLabel,
  undo,
  undoLabel,
} from './history';
import type { ReviewHistory } from './history';
import { createSession } from './session';
import {
  alignmentArbitrary,
  commandRecipeArbitrary,
  deepFreeze,
  resolveRecipe,
} from './arbitraries.testkit';

function sampleHistory(limit?: number): ReviewHistory {
  return createHistory(
    createSession(
      alignmentFromSentences({
        source: { clauses: [['One.', 'Two.', 'Three.']] },
        target: { clauses: [['一。', '二。', '三。']] },
        clauseBeads: [[1, 1]],
        sentenceBeads: [
          [1, 1],
          [1, 1],
          [1, 1],
        ],
      }),
    ),
    limit,
  );
}

describe('history', () => {
  it('undoes and redoes with menu labels', () => {
    const start = sampleHistory();
    expect([canUndo(start), canRedo(start), undoLabel(start)]).toEqual([false, false, 'Undo']);
    const merged = applyCommandToHistory(start, { type: 'mergeWithNext', beadIndex: 0 });
    const split = applyCommandToHistory(merged, {
      type: 'splitBead',
      beadIndex: 0,
      sourceCount: 1,
      targetCount: 0,
    });
    expect(undoLabel(split)).toBe('Undo split');
    expect(undoLabel(split, 'ja')).toBe('元に戻す: 分割');
    const undone = undo(split);
    expect(undone.present).toBe(merged.present);
    expect([undoLabel(undone), redoLabel(undone), redoLabel(undone, 'ja')]).toEqual([
      'Undo merge',
      'Redo split',
      'やり直す: 分割',
    ]);
    expect(redo(undone).present).toBe(split.present);
    expect(undo(undo(split)).present).toBe(start.present);
    expect(canRedo(undo(undo(split)))).toBe(true);
  });

  it('clears redo on a new change and ignores refused or no-op commands', () => {
    const merged = applyCommandToHistory(sampleHistory(), { type: 'mergeWithNext', beadIndex: 0 });
    const undone = undo(merged);
    const pinned = applyCommandToHistory(undone, { type: 'pin', beadIndices: [2] });
    expect(canRedo(pinned)).toBe(false);
    const refused = executeCommand(pinned, { type: 'mergeWithNext', beadIndex: 9 });
    expect(refused.history).toBe(pinned);
    expect(refused.result.ok).toBe(false);
    expect(applyCommandToHistory(pinned, { type: 'pin', beadIndices: [2] })).toBe(pinned);
  });

  it('keeps at most `limit` steps', () => {
    let history = sampleHistory(2);
    for (const beadIndex of [0, 1, 2, 0, 1]) {
      history = applyCommandToHistory(history, { type: 'pin', beadIndices: [beadIndex] });
      history = applyCommandToHistory(history, { type: 'unpin', beadIndices: [beadIndex] });
    }
    expect(history.past).toHaveLength(2);
    expect(canUndo(undo(undo(history)))).toBe(false);
  });

  it('undo and redo do nothing at the ends', () => {
    const start = sampleHistory();
    expect(undo(start)).toBe(start);
    expect(redo(start)).toBe(start);
    expect(recordSession(start, start.present, { en: 'x', ja: 'x' })).toBe(start);
  });
});

describe('history (property)', () => {
  it('undo after any command returns the exact earlier session, and redo the later one', () => {
    fc.assert(
      fc.property(
        alignmentArbitrary,
        fc.array(commandRecipeArbitrary, { maxLength: 30 }),
        (alignment, recipes) => {
          let history = createHistory(deepFreeze(createSession(alignment)));
          const sessions = [history.present];
          for (const recipe of recipes) {
            const next = applyCommandToHistory(history, resolveRecipe(history.present, recipe));
            if (next !== history) {
              expect(undo(next).present).toBe(history.present);
              expect(redo(undo(next)).present).toBe(next.present);
              sessions.push(next.present);
            }
            history = next;
          }
          // Undoing everything walks back through every session in reverse, to the very first.
          for (let step = sessions.length - 1; step > 0; step -= 1) {
            expect(history.present).toBe(sessions[step]);
            history = undo(history);
          }
          expect(history.present).toBe(sessions[0]);
          expect(canUndo(history)).toBe(false);
          // And redo replays them all.
          for (let step = 1; step < sessions.length; step += 1) {
            history = redo(history);
            expect(history.present).toBe(sessions[step]);
          }
          expect(canRedo(history)).toBe(false);
        },
      ),
      { numRuns: 200 },
    );
  });
});
