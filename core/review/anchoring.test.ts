import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSelector } from './annotation';
import { alignmentFromSentences } from './alignmentFromSentences';
import {
  beadOfAnnotation,
  beadOfSentence,
  beadsOfAnnotation,
  beadsOfSpan,
  isOrphaned,
  isSelectorAnchored,
  reanchor,
  reanchorAnnotation,
  reanchorAnnotations,
  sentencesOfSpan,
} from './anchoring';
import { applyCommand, createSession } from './session';
import { makeAnnotation } from './arbitraries.testkit';

const ORIGINAL =
  'The meeting was held on 3 May. The committee approved the budget. The meeting was adjourned.';

describe('reanchor', () => {
  it('keeps a selector whose quote is still at its offsets', () => {
    const selector = createSelector('source', ORIGINAL, 4, 11);
    const result = reanchor(selector, ORIGINAL);
    expect(result.status).toBe('exact');
    expect(result.selector).toBe(selector);
  });

  it('finds a moved quote by its context, preferring the occurrence whose context matches', () => {
    const second = ORIGINAL.lastIndexOf('The meeting');
    const selector = createSelector('source', ORIGINAL, second, second + 'The meeting'.length);
    const edited = `Minutes. ${ORIGINAL}`;
    const result = reanchor(selector, edited);
    expect(result.status).toBe('moved');
    expect(result.selector.start).toBe(second + 'Minutes. '.length);
    expect(edited.slice(result.selector.start, result.selector.end)).toBe('The meeting');
    expect(result.selector.prefix.endsWith('the budget. ')).toBe(true);
  });

  it('picks the occurrence closest to the old offset when contexts tie', () => {
    const text = 'xx abc xx abc xx abc xx';
    const selector = { ...createSelector('target', text, 10, 13), prefix: '', suffix: '' };
    const changed = `yy${text}`;
    const result = reanchor({ ...selector, start: 11, end: 14 }, changed);
    // No context to go by: the quote occurs three times and the closest to 11 (12) wins.
    expect(result).toMatchObject({ status: 'moved', selector: { start: 12, end: 15 } });
  });

  it('re-finds an edited quote between its intact prefix and suffix (fuzzy)', () => {
    const start = ORIGINAL.indexOf('approved');
    const selector = createSelector('source', ORIGINAL, start, start + 'approved'.length);
    const edited = ORIGINAL.replace('approved', 'rejected');
    const result = reanchor(selector, edited);
    expect(result.status).toBe('fuzzy');
    expect(result.selector.exact).toBe('rejected');
    expect(result.selector.end - result.selector.start).toBe(result.selector.exact.length);
  });

  it('orphans what cannot be found, keeping the quote and fitting the offsets into the text', () => {
    const selector = createSelector('source', ORIGINAL, 70, 92);
    const replacement = 'A completely different text.';
    const result = reanchor(selector, replacement);
    expect(result.status).toBe('orphaned');
    expect(result.selector.exact).toBe(selector.exact);
    expect(result.selector.end).toBeLessThanOrEqual(replacement.length);
    expect(result.selector.end - result.selector.start).toBe(result.selector.exact.length);
  });

  it('refuses an ambiguous short quote with no matching context', () => {
    const selector = createSelector('target', '会議は行われる。', 3, 4);
    const result = reanchor(selector, '全く別の文の文章の文。');
    expect(result.status).toBe('orphaned');
  });

  it('places a point (empty quote) by its context', () => {
    const point = createSelector('target', '会議は行われた。', 3, 3);
    const result = reanchor(point, '昨日、会議は行われた。');
    expect(result).toMatchObject({ status: 'moved', selector: { start: 6, end: 6, exact: '' } });
  });

  it('always returns a well-formed selector inside the text (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 60 }),
        fc.string({ maxLength: 60 }),
        fc.nat(60),
        fc.nat(10),
        (before, after, startPick, length) => {
          const start = startPick % (before.length + 1);
          const end = Math.min(before.length, start + length);
          const result = reanchor(createSelector('source', before, start, end), after);
          const selector = result.selector;
          expect(selector.start).toBeGreaterThanOrEqual(0);
          expect(selector.end).toBeLessThanOrEqual(after.length);
          expect(selector.end - selector.start).toBe(selector.exact.length);
          if (result.status !== 'orphaned') {
            expect(after.slice(selector.start, selector.end)).toBe(selector.exact);
          }
          if (before === after) expect(result.status).toBe('exact');
        },
      ),
    );
  });
});

function session() {
  return createSession(
    alignmentFromSentences({
      source: { clauses: [['The meeting was held.', 'It ended.'], ['Budget approved.']] },
      target: { clauses: [['会議は行われる。', '終了した。'], ['予算が承認された。']] },
      clauseBeads: [
        [1, 1],
        [1, 1],
      ],
      sentenceBeads: [
        [1, 1],
        [1, 1],
        [1, 1],
      ],
    }),
  );
}

describe('annotations against rows', () => {
  it('maps a span to its sentences and beads, a point to its sentence', () => {
    const alignment = session().alignment;
    const text = alignment.source.text;
    const ended = text.indexOf('ended');
    expect(sentencesOfSpan(alignment, 'source', ended, ended + 5)).toEqual([1]);
    expect(sentencesOfSpan(alignment, 'source', 0, text.length)).toEqual([0, 1, 2]);
    expect(sentencesOfSpan(alignment, 'source', 3, 3)).toEqual([0]);
    // The space between sentence 0 and 1 belongs to no sentence.
    expect(sentencesOfSpan(alignment, 'source', 21, 22)).toEqual([]);
    expect(beadsOfSpan(alignment, 'source', 4, ended + 2)).toEqual([0, 1]);
    expect(beadOfSentence(alignment, 'target', 2)).toBe(2);
    expect(beadOfSentence(alignment, 'target', 9)).toBeNull();
  });

  it('finds the row of an annotation, following merges and splits without touching the annotation', () => {
    const start = session();
    const targetText = start.alignment.target.text;
    const quote = targetText.indexOf('承認');
    const annotation = makeAnnotation('a1', createSelector('target', targetText, quote, quote + 2));
    expect(beadOfAnnotation(start, annotation)).toBe(2);
    const merged = applyCommand(start, { type: 'mergeWithNext', beadIndex: 0 });
    expect(beadOfAnnotation(merged, annotation)).toBe(1);
    const split = applyCommand(merged, {
      type: 'splitSentence',
      side: 'target',
      sentenceIndex: 0,
      offset: targetText.indexOf('行'),
    });
    expect(beadOfAnnotation(split, annotation)).toBe(1);
    expect(beadsOfAnnotation(split, annotation)).toEqual([1]);
  });

  it('gives the starting row of a span across rows, and null for orphans', () => {
    const start = session();
    const sourceText = start.alignment.source.text;
    const across = makeAnnotation('a1', createSelector('source', sourceText, 4, sourceText.length));
    expect(beadOfAnnotation(start, across)).toBe(0);
    expect(beadsOfAnnotation(start, across)).toEqual([0, 1, 2]);
    const stale = makeAnnotation('a2', {
      ...createSelector('source', sourceText, 0, 3),
      exact: 'Foo',
    });
    expect(isOrphaned(start, stale)).toBe(true);
    expect(beadOfAnnotation(start, stale)).toBeNull();
    expect(beadsOfAnnotation(start, stale)).toEqual([]);
  });

  it('re-anchors annotations against a re-imported text and never drops the orphans', () => {
    const start = session();
    const targetText = start.alignment.target.text;
    const quote = targetText.indexOf('行われる');
    const kept = makeAnnotation('kept', createSelector('target', targetText, quote, quote + 4));
    const lost = makeAnnotation(
      'lost',
      createSelector('target', targetText, targetText.indexOf('予算'), targetText.length),
    );
    const texts = {
      source: start.alignment.source.text,
      target: `前文。\n${targetText.replace('予算が承認された。', '')}`,
    };
    const result = reanchorAnnotations([kept, lost], texts);
    expect(result.annotations.map((annotation) => annotation.id)).toEqual(['kept', 'lost']);
    expect(result.orphanedIds).toEqual(['lost']);
    const moved = result.annotations[0]!.selectors[0]!;
    expect(isSelectorAnchored(moved, texts.target)).toBe(true);
    expect(moved.start).toBe(quote + '前文。\n'.length);
    expect(reanchorAnnotation(kept, { source: '', target: targetText }).annotation).toBe(kept);
  });
});
