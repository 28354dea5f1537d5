import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DocumentAlignment } from '../alignment/types';
import { createSelector } from './annotation';
import { alignmentFromSentences } from './alignmentFromSentences';
import {
  applyCommand,
  assertAlignmentInvariants,
  checkAlignment,
  checkSession,
  commandLabel,
  createSession,
  originalOffsetOfCaret,
  runCommand,
  segmentDisplayText,
} from './session';
import type { RealignFunction, ReviewSession } from './session';
import { WireCommandSchema, toReviewCommand } from '../ipc/reviewCommands';
import {
  alignmentArbitrary,
  commandRecipeArbitrary,
  deepFreeze,
  dropLastBead,
  makeAnnotation,
  mergeUnpinnedRuns,
  resolveRecipe,
  throwingRealign,
} from './arbitraries.testkit';

/**
 * Two clause beads: clause 1 (2 source, 2 target sentences, rows 0-1), clause 2 (3 source, 2 target sentences,
 * rows 2-3).
 */
function sample(): ReviewSession {
  return deepFreeze(
    createSession(
      alignmentFromSentences({
        source: {
          clauses: [
            ['One.', 'Two.'],
            ['Three is here.', 'Four.', 'Five.'],
          ],
        },
        target: {
          clauses: [
            ['一。', '二。'],
            ['三と四。', '五。'],
          ],
        },
        clauseBeads: [
          [1, 1],
          [1, 1],
        ],
        sentenceBeads: [
          [1, 1],
          [1, 1],
          [2, 1],
          [1, 1],
        ],
      }),
    ),
  );
}

function beadShapes(alignment: DocumentAlignment): string[] {
  return alignment.sentenceBeads.map(
    (bead) =>
      `${bead.clauseBead}|${bead.sourceIndices.join(',')}:${bead.targetIndices.join(',')}` +
      (bead.pinned ? '*' : ''),
  );
}

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
    expect(result.session.alignment.sentenceBeads[0]!.confidence).toBe(1);
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

describe('splitSentence', () => {
  it('splits a sentence at the caret, trims the cut, and shifts every later index', () => {
    const before = sample();
    const text = before.alignment.source.text;
    const offset = text.indexOf(' is here.');
    const session = applyCommand(before, {
      type: 'splitSentence',
      side: 'source',
      sentenceIndex: 2,
      offset: offset + 1,
    });
    const sentences = session.alignment.source.sentences;
    expect(sentences.map((sentence) => sentence.text)).toEqual([
      'One.',
      'Two.',
      'Three',
      'is here.',
      'Four.',
      'Five.',
    ]);
    expect(text.slice(sentences[2]!.start, sentences[2]!.end)).toBe('Three');
    expect(text.slice(sentences[3]!.start, sentences[3]!.end)).toBe('is here.');
    expect(sentences[3]!.clauseIndex).toBe(1);
    expect(beadShapes(session.alignment)).toEqual(['0|0:0', '0|1:1', '1|2,3,4:2', '1|5:3']);
    // The original text never changes: annotations keep their offsets.
    expect(session.alignment.source.text).toBe(text);
  });

  it('splits a target sentence', () => {
    const session = applyCommand(sample(), {
      type: 'splitSentence',
      side: 'target',
      sentenceIndex: 2,
      offset: sample().alignment.target.text.indexOf('と') + 1,
    });
    expect(session.alignment.target.sentences.map((sentence) => sentence.text)).toEqual([
      '一。',
      '二。',
      '三と',
      '四。',
      '五。',
    ]);
    expect(beadShapes(session.alignment)).toEqual(['0|0:0', '0|1:1', '1|2,3:2,3', '1|4:4']);
  });

  it('refuses a caret at the edge, outside the sentence, on whitespace only, or inside a surrogate pair', () => {
    const session = sample();
    const sentence = session.alignment.source.sentences[2]!;
    const atStart = runCommand(session, {
      type: 'splitSentence',
      side: 'source',
      sentenceIndex: 2,
      offset: sentence.start,
    });
    const missing = runCommand(session, {
      type: 'splitSentence',
      side: 'source',
      sentenceIndex: 9,
      offset: 1,
    });
    expect([atStart.ok, missing.ok]).toEqual([false, false]);

    const surrogate = createSession(
      alignmentFromSentences({
        source: { clauses: [['A b.']] },
        target: { clauses: [['𠮷野。']] },
        clauseBeads: [[1, 1]],
        sentenceBeads: [[1, 1]],
      }),
    );
    expect(
      runCommand(surrogate, { type: 'splitSentence', side: 'target', sentenceIndex: 0, offset: 1 }),
    ).toMatchObject({ ok: false, reason: expect.stringMatching(/inside a character/) });
    expect(
      runCommand(surrogate, { type: 'splitSentence', side: 'target', sentenceIndex: 0, offset: 2 })
        .ok,
    ).toBe(true);
  });

  it('splits a sentence made of pieces (joined across a page break), keeping pieces per half', () => {
    const text = 'First half\n\fsecond part. More';
    const alignment: DocumentAlignment = {
      source: {
        lang: 'en',
        text,
        clauses: [{ start: 0, end: text.length, text: '', level: 'clause' }],
        sentences: [
          {
            start: 0,
            end: 24,
            text: 'First half second part.',
            level: 'sentence',
            clauseIndex: 0,
            pieces: [
              { start: 0, end: 10 },
              { start: 12, end: 24 },
            ],
          },
          { start: 25, end: 29, text: 'More', level: 'sentence', clauseIndex: 0 },
        ],
      },
      target: {
        lang: 'ja',
        text: '前半。',
        clauses: [{ start: 0, end: 3, text: '前半。', level: 'clause' }],
        sentences: [{ start: 0, end: 3, text: '前半。', level: 'sentence', clauseIndex: 0 }],
      },
      clauseBeads: [{ sourceIndices: [0], targetIndices: [0], confidence: 1 }],
      sentenceBeads: [{ sourceIndices: [0, 1], targetIndices: [0], confidence: 1, clauseBead: 0 }],
    };
    assertAlignmentInvariants(alignment);
    const atBreak = applyCommand(createSession(alignment), {
      type: 'splitSentence',
      side: 'source',
      sentenceIndex: 0,
      offset: 11,
    });
    expect(atBreak.alignment.source.sentences.slice(0, 2)).toEqual([
      { start: 0, end: 10, text: 'First half', level: 'sentence', clauseIndex: 0 },
      { start: 12, end: 24, text: 'second part.', level: 'sentence', clauseIndex: 0 },
    ]);
    const inside = applyCommand(createSession(alignment), {
      type: 'splitSentence',
      side: 'source',
      sentenceIndex: 0,
      offset: 5,
    });
    expect(inside.alignment.source.sentences[0]).toMatchObject({ start: 0, end: 5, text: 'First' });
    expect(inside.alignment.source.sentences[1]).toEqual({
      start: 6,
      end: 24,
      text: 'half second part.',
      level: 'sentence',
      clauseIndex: 0,
      pieces: [
        { start: 6, end: 10 },
        { start: 12, end: 24 },
      ],
    });
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
  it('pins with confidence 1 and unpins by dropping the flag', () => {
    const pinned = applyCommand(sample(), { type: 'pin', beadIndices: [1, 3] });
    expect(beadShapes(pinned.alignment)).toEqual(['0|0:0', '0|1:1*', '1|2,3:2', '1|4:3*']);
    expect(pinned.alignment.sentenceBeads[1]!.confidence).toBe(1);
    const unpinned = applyCommand(pinned, { type: 'unpin', beadIndices: [1] });
    expect(unpinned.alignment.sentenceBeads[1]).not.toHaveProperty('pinned');
    expect(unpinned.alignment.sentenceBeads[1]!.confidence).toBe(1);
  });

  it('returns the same session when nothing changes, and refuses unknown rows', () => {
    const pinned = applyCommand(sample(), { type: 'pin', beadIndices: [1] });
    expect(applyCommand(pinned, { type: 'pin', beadIndices: [1] })).toBe(pinned);
    expect(applyCommand(pinned, { type: 'unpin', beadIndices: [0] })).toBe(pinned);
    expect(runCommand(pinned, { type: 'pin', beadIndices: [7] }).ok).toBe(false);
  });
});

describe('realign', () => {
  it('passes the pinned bead indices to the engine and applies a valid result', () => {
    const pinned = applyCommand(sample(), { type: 'pin', beadIndices: [1] });
    const calls: (readonly number[])[] = [];
    const engine: RealignFunction = (alignment, indices) => {
      calls.push(indices);
      return mergeUnpinnedRuns(alignment, indices);
    };
    const session = applyCommand(pinned, { type: 'realign', realign: engine });
    expect(calls).toEqual([[1]]);
    expect(beadShapes(session.alignment)).toEqual(['0|0:0', '0|1:1*', '1|2,3,4:2,3']);
  });

  it('refuses a broken result, a result that loses a pinned bead, and an engine that throws', () => {
    const session = applyCommand(sample(), { type: 'pin', beadIndices: [0] });
    expect(runCommand(session, { type: 'realign', realign: dropLastBead })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/broken alignment/),
    });
    const unpinnedMerge: RealignFunction = (alignment) => ({
      ...alignment,
      sentenceBeads: mergeUnpinnedRuns(
        {
          ...alignment,
          sentenceBeads: alignment.sentenceBeads.map(({ pinned: _pinned, ...bead }) => bead),
        },
        [],
      ).sentenceBeads,
    });
    expect(runCommand(session, { type: 'realign', realign: unpinnedMerge })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/did not keep confirmed row 1/),
    });
    expect(runCommand(session, { type: 'realign', realign: throwingRealign })).toMatchObject({
      ok: false,
      reason: 'Realignment failed: engine exploded',
    });
  });
});

describe('annotations', () => {
  const selector = (session: ReviewSession) =>
    createSelector('target', session.alignment.target.text, 0, 2);

  it('clears a subtype and a suggestion sent as null over the wire, in one step', () => {
    const start = sample();
    const added = applyCommand(start, {
      type: 'addAnnotation',
      annotation: makeAnnotation('a1', selector(start), {
        category: 'accuracy/mistranslation',
        subtype: 'verb-tense',
        suggestion: '壱。',
      }),
    });
    const wire = WireCommandSchema.parse({
      type: 'updateAnnotation',
      id: 'a1',
      changes: { category: 'accuracy/omission', subtype: null, suggestion: null },
      updatedAt: '2025-05-05T10:00:00.000Z',
    });
    const updated = applyCommand(added, toReviewCommand(wire, throwingRealign));
    expect(updated.annotations[0]).toMatchObject({ category: 'accuracy/omission' });
    expect(updated.annotations[0]).not.toHaveProperty('subtype');
    expect(updated.annotations[0]).not.toHaveProperty('suggestion');
    expect(checkSession(updated)).toEqual([]);
  });

  it('adds, updates (bumping updatedAt), sets status and deletes', () => {
    const start = sample();
    const added = applyCommand(start, {
      type: 'addAnnotation',
      annotation: makeAnnotation('a1', selector(start), { suggestion: '壱。' }),
    });
    expect(added.annotations).toHaveLength(1);
    const updated = applyCommand(added, {
      type: 'updateAnnotation',
      id: 'a1',
      changes: { comment: 'Wrong numeral', severity: 'minor', suggestion: undefined },
      updatedAt: '2025-05-05T10:00:00.000Z',
    });
    expect(updated.annotations[0]).toMatchObject({
      comment: 'Wrong numeral',
      severity: 'minor',
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-05-05T10:00:00.000Z',
    });
    expect(updated.annotations[0]).not.toHaveProperty('suggestion');
    const resolved = applyCommand(updated, {
      type: 'setAnnotationStatus',
      id: 'a1',
      status: 'resolved',
      updatedAt: '2025-05-06T10:00:00.000Z',
    });
    expect(resolved.annotations[0]).toMatchObject({
      status: 'resolved',
      updatedAt: '2025-05-06T10:00:00.000Z',
    });
    expect(
      applyCommand(resolved, {
        type: 'setAnnotationStatus',
        id: 'a1',
        status: 'resolved',
        updatedAt: '2025-05-07T10:00:00.000Z',
      }),
    ).toBe(resolved);
    const deleted = applyCommand(resolved, { type: 'deleteAnnotation', id: 'a1' });
    expect(deleted.annotations).toEqual([]);
  });

  it('refuses duplicate ids, unknown ids, unknown categories and selectors outside the text', () => {
    const start = sample();
    const added = applyCommand(start, {
      type: 'addAnnotation',
      annotation: makeAnnotation('a1', selector(start)),
    });
    const refused = [
      runCommand(added, {
        type: 'addAnnotation',
        annotation: makeAnnotation('a1', selector(start)),
      }),
      runCommand(added, { type: 'deleteAnnotation', id: 'nope' }),
      runCommand(added, {
        type: 'updateAnnotation',
        id: 'a1',
        changes: { category: 'made-up' },
        updatedAt: 'x',
      }),
      runCommand(start, {
        type: 'addAnnotation',
        annotation: makeAnnotation('a2', { ...selector(start), start: 0, end: 999 }),
      }),
      runCommand(start, {
        type: 'addAnnotation',
        annotation: makeAnnotation('a3', { ...selector(start), exact: 'too long for the span' }),
      }),
    ];
    expect(refused.map((result) => result.ok)).toEqual([false, false, false, false, false]);
  });

  it('leaves annotations alone when the alignment changes (offsets point into the original text)', () => {
    const start = sample();
    const added = applyCommand(start, {
      type: 'addAnnotation',
      annotation: makeAnnotation('a1', selector(start)),
    });
    const merged = applyCommand(added, { type: 'mergeWithNext', beadIndex: 0 });
    expect(merged.annotations).toBe(added.annotations);
  });
});

describe('commandLabel', () => {
  it('names commands for the undo menu in English and Japanese', () => {
    expect(commandLabel({ type: 'mergeWithNext', beadIndex: 0 })).toEqual({
      en: 'merge',
      ja: '結合',
    });
    expect(
      commandLabel({ type: 'setAnnotationStatus', id: 'a', status: 'rejected', updatedAt: '' }).en,
    ).toBe('reject issue');
  });
});

describe('checkAlignment', () => {
  it('reports gaps, empty beads, bad clause beads and beads crossing clause beads', () => {
    const valid = sample().alignment;
    const gap = { ...valid, sentenceBeads: valid.sentenceBeads.filter((_, index) => index !== 1) };
    expect(checkAlignment(gap).join('\n')).toMatch(/index 2 where 1 was expected/);
    const empty = {
      ...valid,
      sentenceBeads: [
        ...valid.sentenceBeads,
        { sourceIndices: [], targetIndices: [], confidence: 1, clauseBead: 1 },
      ],
    };
    expect(checkAlignment(empty)).toContain('sentence bead 4 is empty');
    const crossing = {
      ...valid,
      sentenceBeads: valid.sentenceBeads.map((bead, index) =>
        index === 1 ? { ...bead, clauseBead: 1 } : bead,
      ),
    };
    expect(checkAlignment(crossing).join('\n')).toMatch(/outside clause bead 1/);
    const badConfidence = {
      ...valid,
      clauseBeads: valid.clauseBeads.map((bead) => ({ ...bead, confidence: 2 })),
    };
    expect(checkAlignment(badConfidence).join('\n')).toMatch(/confidence 2/);
    expect(() => assertAlignmentInvariants(gap)).toThrow(/invariants violated/);
  });
});

describe('segmentDisplayText', () => {
  it('folds line and page breaks to single spaces and joins pieces with a space', () => {
    const text = 'a line\n  wraps\fhere  \n\nnext';
    expect(
      segmentDisplayText(text, [
        { start: 0, end: 21 },
        { start: 23, end: 27 },
      ]),
    ).toBe('a line wraps here next');
  });
});

describe('originalOffsetOfCaret', () => {
  it('maps a caret in the display text to the original offset across folded breaks', () => {
    const text = 'First half\n\fsecond part.';
    const segment = {
      start: 0,
      end: 24,
      text: 'First half second part.',
      level: 'sentence' as const,
      pieces: [
        { start: 0, end: 10 },
        { start: 12, end: 24 },
      ],
    };
    expect(originalOffsetOfCaret(text, segment, 0)).toBe(0);
    expect(originalOffsetOfCaret(text, segment, 6)).toBe(6);
    // Before the joining space: just after "half".
    expect(originalOffsetOfCaret(text, segment, 10)).toBe(10);
    // Before "second": its original offset, past the page break.
    expect(originalOffsetOfCaret(text, segment, 11)).toBe(12);
    expect(originalOffsetOfCaret(text, segment, segment.text.length)).toBe(24);
  });
});

/** Every sentence's characters, whitespace removed: splitting, merging and moving must never lose or add text. */
function sentenceCharacters(session: ReviewSession, side: 'source' | 'target'): string {
  const documentSide = session.alignment[side];
  return documentSide.sentences
    .map((sentence) => documentSide.text.slice(sentence.start, sentence.end))
    .join('')
    .replace(/\s/g, '');
}

describe('random command sequences (property)', () => {
  it('keep every invariant, never mutate their input, and never lose text', () => {
    fc.assert(
      fc.property(
        alignmentArbitrary,
        fc.array(commandRecipeArbitrary, { maxLength: 40 }),
        (alignment, recipes) => {
          let session = deepFreeze(createSession(alignment));
          const characters = {
            source: sentenceCharacters(session, 'source'),
            target: sentenceCharacters(session, 'target'),
          };
          for (const recipe of recipes) {
            const command = resolveRecipe(session, recipe);
            const result = runCommand(session, command);
            expect(checkSession(result.session)).toEqual([]);
            if (!result.ok) expect(result.session).toBe(session);
            session = deepFreeze(result.session);
            expect(sentenceCharacters(session, 'source')).toBe(characters.source);
            expect(sentenceCharacters(session, 'target')).toBe(characters.target);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('apply most commands (the generators are not just producing refusals)', () => {
    let applied = 0;
    let total = 0;
    fc.assert(
      fc.property(
        alignmentArbitrary,
        fc.array(commandRecipeArbitrary, { maxLength: 20 }),
        (alignment, recipes) => {
          let session = createSession(alignment);
          for (const recipe of recipes) {
            const result = runCommand(session, resolveRecipe(session, recipe));
            total += 1;
            if (result.ok) applied += 1;
            session = result.session;
          }
        },
      ),
      { numRuns: 100 },
    );
    expect(applied / total).toBeGreaterThan(0.4);
  });
});
