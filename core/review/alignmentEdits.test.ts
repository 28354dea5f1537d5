import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DocumentAlignment, Side } from '../alignment/types';
import { checkAlignment } from '../alignment/invariants';
import { pinnedBeadIndices } from './alignmentEdits';
import { applyCommand, runCommand } from './commands';
import {
  alignmentArbitrary,
  beadShapes,
  deepFreeze,
  dropLastBead,
  mergeUnpinnedRuns,
  sample,
} from './arbitraries.testkit';
import { createSession } from './session';

describe('sample alignment', () => {
  it('is valid', () => {
    expect(checkAlignment(sample().alignment)).toEqual([]);
    expect(beadShapes(sample().alignment)).toEqual(['0|0:0', '0|1:1', '1|2,3:2', '1|4:3']);
  });
});

describe('merge', () => {
  it('merges a bead with the next one inside a clause bead and pins the result', () => {
    const result = runCommand(sample(), { type: 'mergeWithNext', beadIndex: 0 });
    expect(result.ok).toBe(true);
    expect(beadShapes(result.session.alignment)).toEqual(['0|0,1:0,1*', '1|2,3:2', '1|4:3']);
    // Edited by hand: marked so, with the lower confidence of the two rows (not a made-up 1).
    const [first, second] = sample().alignment.sentenceBeads;
    expect(result.session.alignment.sentenceBeads[0]).toMatchObject({
      edited: true,
      pinned: true,
      confidence: Math.min(first!.confidence, second!.confidence),
    });
    expect(result.ok && result.note).toBeUndefined();
  });

  it('merges with the previous bead', () => {
    const session = applyCommand(sample(), { type: 'mergeWithPrevious', beadIndex: 3 });
    expect(beadShapes(session.alignment)).toEqual(['0|0:0', '0|1:1', '1|2,3,4:2,3*']);
  });

  it('joins the clause beads when the rows lie in different clauses, and says so', () => {
    const result = runCommand(sample(), { type: 'mergeWithNext', beadIndex: 1 });
    expect(result.ok).toBe(true);
    expect(result.ok && result.note).toMatch(/clause rows 1–2 were joined/);
    const alignment = result.session.alignment;
    expect(alignment.clauseBeads).toHaveLength(1);
    expect(alignment.clauseBeads[0]).toMatchObject({
      sourceIndices: [0, 1],
      targetIndices: [0, 1],
      pinned: true,
    });
    expect(beadShapes(alignment)).toEqual(['0|0:0', '0|1,2,3:1,2*', '0|4:3']);
  });

  it('refuses to merge past either end', () => {
    const first = runCommand(sample(), { type: 'mergeWithPrevious', beadIndex: 0 });
    const last = runCommand(sample(), { type: 'mergeWithNext', beadIndex: 3 });
    expect(first).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/no neighbouring row/),
    });
    expect(last.ok).toBe(false);
  });

  it('returns the very same session object when refused', () => {
    const session = sample();
    expect(applyCommand(session, { type: 'mergeWithNext', beadIndex: 99 })).toBe(session);
  });
});

describe('splitBead', () => {
  it('splits between sentences, giving the first part n source and m target sentences', () => {
    const session = applyCommand(sample(), {
      type: 'splitBead',
      beadIndex: 2,
      sourceCount: 1,
      targetCount: 1,
    });
    expect(beadShapes(session.alignment)).toEqual(['0|0:0', '0|1:1', '1|2:2*', '1|3:*', '1|4:3']);
  });

  it('refuses a split that leaves a part empty or asks for too many sentences', () => {
    const empty = runCommand(sample(), {
      type: 'splitBead',
      beadIndex: 2,
      sourceCount: 0,
      targetCount: 0,
    });
    const all = runCommand(sample(), {
      type: 'splitBead',
      beadIndex: 2,
      sourceCount: 2,
      targetCount: 1,
    });
    const tooMany = runCommand(sample(), {
      type: 'splitBead',
      beadIndex: 2,
      sourceCount: 3,
      targetCount: 0,
    });
    expect([empty.ok, all.ok, tooMany.ok]).toEqual([false, false, false]);
  });
});

describe('moveSentence', () => {
  it('moves the first sentence of a side to the previous bead', () => {
    const session = applyCommand(sample(), {
      type: 'moveSentence',
      beadIndex: 3,
      side: 'target',
      direction: 'previous',
    });
    expect(beadShapes(session.alignment)).toEqual(['0|0:0', '0|1:1', '1|2,3:2,3*', '1|4:*']);
  });

  it('moves the last sentence of a side to the next bead', () => {
    const session = applyCommand(sample(), {
      type: 'moveSentence',
      beadIndex: 2,
      side: 'source',
      direction: 'next',
    });
    expect(beadShapes(session.alignment)).toEqual(['0|0:0', '0|1:1', '1|2:2*', '1|3,4:3*']);
  });

  it('drops a bead that the move leaves empty', () => {
    const detached = applyCommand(sample(), { type: 'detachSide', beadIndex: 3, side: 'source' });
    expect(beadShapes(detached.alignment)).toEqual(['0|0:0', '0|1:1', '1|2,3:2', '1|:3*', '1|4:*']);
    const session = applyCommand(detached, {
      type: 'moveSentence',
      beadIndex: 4,
      side: 'source',
      direction: 'previous',
    });
    expect(beadShapes(session.alignment)).toEqual(['0|0:0', '0|1:1', '1|2,3:2', '1|4:3*']);
  });

  it('joins clause beads when moving across a clause boundary', () => {
    const result = runCommand(sample(), {
      type: 'moveSentence',
      beadIndex: 2,
      side: 'source',
      direction: 'previous',
    });
    expect(result.ok && result.note).toMatch(/joined/);
    expect(beadShapes(result.session.alignment)).toEqual(['0|0:0', '0|1,2:1*', '0|3:2*', '0|4:3']);
  });

  it('refuses a move with no neighbour or no sentence on that side', () => {
    expect(
      runCommand(sample(), {
        type: 'moveSentence',
        beadIndex: 0,
        side: 'source',
        direction: 'previous',
      }).ok,
    ).toBe(false);
    const detached = applyCommand(sample(), { type: 'detachSide', beadIndex: 0, side: 'target' });
    expect(
      runCommand(detached, {
        type: 'moveSentence',
        beadIndex: 0,
        side: 'target',
        direction: 'next',
      }),
    ).toMatchObject({ ok: false, reason: expect.stringMatching(/no target sentence/) });
  });
});

describe('moveSentenceAt (a sentence picked anywhere in the row)', () => {
  /** Row 2 made 3-1: English sentences 2, 3, 4 and Japanese 2 (clause 2). */
  const threeSentenceRow = () => applyCommand(sample(), { type: 'mergeWithNext', beadIndex: 2 });

  it('moves a mid-row sentence to the previous row with the sentences before it', () => {
    const merged = threeSentenceRow();
    expect(beadShapes(merged.alignment)).toEqual(['0|0:0', '0|1:1', '1|2,3,4:2,3*']);
    const split = applyCommand(merged, {
      type: 'splitBead',
      beadIndex: 2,
      sourceCount: 0,
      targetCount: 1,
    });
    expect(beadShapes(split.alignment)).toEqual(['0|0:0', '0|1:1', '1|:2*', '1|2,3,4:3*']);
    const moved = applyCommand(split, {
      type: 'moveSentenceAt',
      beadIndex: 3,
      side: 'source',
      sentenceIndex: 3,
      direction: 'previous',
    });
    expect(beadShapes(moved.alignment)).toEqual(['0|0:0', '0|1:1', '1|2,3:2*', '1|4:3*']);
  });

  it('moves a mid-row sentence to the next row with the sentences after it', () => {
    const merged = applyCommand(sample(), { type: 'mergeWithPrevious', beadIndex: 3 });
    const withNext = applyCommand(
      applyCommand(merged, { type: 'splitBead', beadIndex: 2, sourceCount: 3, targetCount: 1 }),
      { type: 'mergeWithPrevious', beadIndex: 2 },
    );
    expect(beadShapes(withNext.alignment)).toEqual(['0|0:0', '0|1,2,3,4:1,2*', '0|:3*']);
    const result = runCommand(withNext, {
      type: 'moveSentenceAt',
      beadIndex: 1,
      side: 'source',
      sentenceIndex: 2,
      direction: 'next',
    });
    expect(beadShapes(result.session.alignment)).toEqual(['0|0:0', '0|1:1,2*', '0|2,3,4:3*']);
  });

  it('is moveSentence for the first or last sentence of the side', () => {
    const session = sample();
    for (const [beadIndex, side, direction] of [
      [3, 'target', 'previous'],
      [2, 'source', 'next'],
      [2, 'source', 'previous'],
    ] as const) {
      const indices = session.alignment.sentenceBeads[beadIndex]![`${side}Indices`];
      const sentenceIndex = direction === 'previous' ? indices[0]! : indices[indices.length - 1]!;
      expect(
        applyCommand(session, {
          type: 'moveSentenceAt',
          beadIndex,
          side,
          sentenceIndex,
          direction,
        }),
      ).toEqual(applyCommand(session, { type: 'moveSentence', beadIndex, side, direction }));
    }
  });

  it('refuses a sentence that is not in the row, and a move with no neighbour', () => {
    expect(
      runCommand(sample(), {
        type: 'moveSentenceAt',
        beadIndex: 2,
        side: 'source',
        sentenceIndex: 4,
        direction: 'next',
      }),
    ).toMatchObject({ ok: false, reason: expect.stringMatching(/not in row 3/) });
    expect(
      runCommand(sample(), {
        type: 'moveSentenceAt',
        beadIndex: 0,
        side: 'target',
        sentenceIndex: 0,
        direction: 'previous',
      }).ok,
    ).toBe(false);
  });

  it('keeps the invariants, and puts the picked sentence in the neighbouring row (property)', () => {
    fc.assert(
      fc.property(
        alignmentArbitrary,
        fc.nat(1000),
        fc.nat(1000),
        fc.constantFrom<Side>('source', 'target'),
        fc.constantFrom('previous' as const, 'next' as const),
        (alignment, beadPick, sentencePick, side, direction) => {
          const session = deepFreeze(createSession(alignment));
          const beadIndex = beadPick % alignment.sentenceBeads.length;
          const bead = alignment.sentenceBeads[beadIndex]!;
          const indices = side === 'source' ? bead.sourceIndices : bead.targetIndices;
          if (indices.length === 0) return;
          const sentenceIndex = indices[sentencePick % indices.length]!;
          const result = runCommand(session, {
            type: 'moveSentenceAt',
            beadIndex,
            side,
            sentenceIndex,
            direction,
          });
          const hasNeighbour =
            direction === 'previous'
              ? beadIndex > 0
              : beadIndex < alignment.sentenceBeads.length - 1;
          expect(result.ok).toBe(hasNeighbour);
          if (!result.ok) return;
          const after = result.session.alignment;
          expect(checkAlignment(after)).toEqual([]);
          // Only rows change: both texts and their sentences stay as they were.
          expect([after.source, after.target]).toEqual([alignment.source, alignment.target]);
          // The picked sentence is now in the neighbouring row: the one before, or the one after (which moves up
          // into the picked row's place when the move empties that row).
          const emptied = after.sentenceBeads.length < alignment.sentenceBeads.length;
          const neighbour =
            direction === 'previous' ? beadIndex - 1 : emptied ? beadIndex : beadIndex + 1;
          const holder = after.sentenceBeads.findIndex((candidate) =>
            (side === 'source' ? candidate.sourceIndices : candidate.targetIndices).includes(
              sentenceIndex,
            ),
          );
          expect(holder).toBe(neighbour);
          // The rows before the two it changes keep their shape (clause beads may be joined, never rows).
          const first = Math.min(beadIndex, direction === 'previous' ? beadIndex - 1 : beadIndex);
          expect(
            after.sentenceBeads
              .slice(0, first)
              .map((row) => `${row.sourceIndices.join()}:${row.targetIndices.join()}`),
          ).toEqual(
            alignment.sentenceBeads
              .slice(0, first)
              .map((row) => `${row.sourceIndices.join()}:${row.targetIndices.join()}`),
          );
          expect(after.sentenceBeads.length).toBeGreaterThanOrEqual(
            alignment.sentenceBeads.length - 1,
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('detachSide', () => {
  it('puts one side of a bead into a bead of its own after the kept side', () => {
    const session = applyCommand(sample(), { type: 'detachSide', beadIndex: 2, side: 'target' });
    expect(beadShapes(session.alignment)).toEqual(['0|0:0', '0|1:1', '1|2,3:*', '1|:2*', '1|4:3']);
  });

  it('refuses when a side is already empty', () => {
    const once = applyCommand(sample(), { type: 'detachSide', beadIndex: 2, side: 'target' });
    expect(runCommand(once, { type: 'detachSide', beadIndex: 2, side: 'source' }).ok).toBe(false);
  });
});

describe('pin and unpin', () => {
  it("pins and unpins (dropping the flag) without touching the aligner's confidence", () => {
    const aligned = sample().alignment.sentenceBeads[1]!.confidence;
    const pinned = applyCommand(sample(), { type: 'pin', beadIndices: [1, 3] });
    expect(beadShapes(pinned.alignment)).toEqual(['0|0:0', '0|1:1*', '1|2,3:2', '1|4:3*']);
    expect(pinned.alignment.sentenceBeads[1]!.confidence).toBe(aligned);
    const unpinned = applyCommand(pinned, { type: 'unpin', beadIndices: [1] });
    expect(unpinned.alignment.sentenceBeads[1]).not.toHaveProperty('pinned');
    expect(unpinned.alignment.sentenceBeads[1]!.confidence).toBe(aligned);
  });

  it('returns the same session when nothing changes, and refuses unknown rows', () => {
    const pinned = applyCommand(sample(), { type: 'pin', beadIndices: [1] });
    expect(applyCommand(pinned, { type: 'pin', beadIndices: [1] })).toBe(pinned);
    expect(applyCommand(pinned, { type: 'unpin', beadIndices: [0] })).toBe(pinned);
    expect(runCommand(pinned, { type: 'pin', beadIndices: [7] }).ok).toBe(false);
  });
});

describe('replaceAlignment (realignment)', () => {
  it('applies a realignment that keeps the pinned beads', () => {
    const pinned = applyCommand(sample(), { type: 'pin', beadIndices: [1] });
    expect(pinnedBeadIndices(pinned.alignment)).toEqual([1]);
    const alignment = mergeUnpinnedRuns(pinned.alignment, pinnedBeadIndices(pinned.alignment));
    const session = applyCommand(pinned, { type: 'replaceAlignment', alignment });
    expect(beadShapes(session.alignment)).toEqual(['0|0:0', '0|1:1*', '1|2,3,4:2,3']);
  });

  it('refuses a broken result, a result that loses a pinned bead, and one of other sentences', () => {
    const session = applyCommand(sample(), { type: 'pin', beadIndices: [0] });
    const replace = (alignment: DocumentAlignment) =>
      runCommand(session, { type: 'replaceAlignment', alignment });
    expect(replace(dropLastBead(session.alignment, [0]))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/broken alignment/),
    });
    const unpinned = {
      ...session.alignment,
      sentenceBeads: session.alignment.sentenceBeads.map(({ pinned: _pinned, ...bead }) => bead),
    };
    expect(replace(mergeUnpinnedRuns(unpinned, []))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/did not keep confirmed row 1/),
    });
    const split = applyCommand(session, {
      type: 'splitSentence',
      side: 'source',
      sentenceIndex: 2,
      offset: session.alignment.source.sentences[2]!.start + 6,
    });
    expect(replace(split.alignment)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/changed the source text or its sentences/),
    });
  });
});
