import { describe, expect, it } from 'vitest';
import type { SentenceBead } from '../../../../core/alignment/types';
import { movedSentences, rowActionEnabled } from './rowActions';

/** A row of English sentences 4, 5, 6 and Japanese 3, 4. */
const bead: SentenceBead = {
  sourceIndices: [4, 5, 6],
  targetIndices: [3, 4],
  confidence: 0.8,
  clauseBead: 1,
};

describe('moves of a sentence picked with the mouse', () => {
  it('take the picked sentence with those between it and the neighbour', () => {
    const picked = { side: 'source', sentenceIndex: 5 } as const;
    expect(movedSentences(bead, 'source', 'previous', picked)).toEqual({
      count: 2,
      sentenceIndex: 5,
    });
    expect(movedSentences(bead, 'source', 'next', picked)).toEqual({ count: 2, sentenceIndex: 5 });
  });

  it('are the plain first/last moves without a pick in this row and side, or at the edge', () => {
    expect(movedSentences(bead, 'source', 'previous', null)).toEqual({
      count: 1,
      sentenceIndex: null,
    });
    expect(
      movedSentences(bead, 'source', 'previous', { side: 'target', sentenceIndex: 4 }),
    ).toEqual({ count: 1, sentenceIndex: null });
    expect(movedSentences(bead, 'source', 'next', { side: 'source', sentenceIndex: 9 })).toEqual({
      count: 1,
      sentenceIndex: null,
    });
    expect(movedSentences(bead, 'source', 'next', { side: 'source', sentenceIndex: 6 })).toEqual({
      count: 1,
      sentenceIndex: null,
    });
  });

  it('are disabled when they would take every sentence of a side and leave half a row', () => {
    const last = { side: 'source', sentenceIndex: 6 } as const;
    expect(rowActionEnabled('moveSourceToPrevious', bead, 2, 5, last)).toBe(false);
    expect(rowActionEnabled('moveSourceToNext', bead, 2, 5, last)).toBe(true);
    const middle = { side: 'source', sentenceIndex: 5 } as const;
    expect(rowActionEnabled('moveSourceToPrevious', bead, 2, 5, middle)).toBe(true);
    expect(rowActionEnabled('moveSourceToPrevious', bead, 0, 5, middle)).toBe(false);
  });
});
