import { describe, expect, it } from 'vitest';
import { alignmentFromSentences } from '../../../core/review/alignmentFromSentences';
import { applyCommandToHistory, createHistory, undo } from '../../../core/review/history';
import { createSession } from '../../../core/review/session';
import { messages } from '../i18n';
import { redoLabel, stepMessageKey, undoLabel } from './commandLabels';

const start = createHistory(
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
);

describe('command labels', () => {
  it('names the undo and redo steps in English and Japanese', () => {
    expect(undoLabel(start)).toBe('Undo');
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
    expect([undoLabel(undone), redoLabel(undone), redoLabel(undone, 'ja')]).toEqual([
      'Undo merge',
      'Redo split',
      'やり直す: 分割',
    ]);
  });

  it('names each kind of step', () => {
    const words = (step: Parameters<typeof stepMessageKey>[0]) => [
      messages.en[stepMessageKey(step)],
      messages.ja[stepMessageKey(step)],
    ];
    expect(words({ type: 'mergeWithNext' })).toEqual(['merge', '結合']);
    expect(words({ type: 'setAnnotationStatus', status: 'rejected' })[0]).toBe('reject issue');
    expect(words({ type: 'replaceAlignment' })).toEqual(['realign', '再整列']);
  });
});
