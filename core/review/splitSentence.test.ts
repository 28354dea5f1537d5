import { describe, expect, it } from 'vitest';
import type { DocumentAlignment } from '../alignment/types';
import { alignmentFromSentences } from './alignmentFromSentences';
import { assertAlignmentInvariants } from '../alignment/invariants';
import { applyCommand, runCommand } from './commands';
import { createSession } from './session';
import { originalOffsetOfCaret, segmentDisplayText } from './splitSentence';
import { beadShapes, sample } from './arbitraries.testkit';

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
