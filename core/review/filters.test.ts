import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSelector } from './annotation';
import type { Annotation } from './annotation';
import { alignmentFromSentences } from './alignmentFromSentences';
import {
  filterRows,
  flaggedRows,
  nextRow,
  normalizeForSearch,
  previousRow,
  stepIssue,
} from './filters';
import { applyCommand, createSession } from './session';
import type { ReviewSession } from './session';
import { makeAnnotation } from './arbitraries.testkit';

function session(): ReviewSession {
  const base = alignmentFromSentences({
    source: {
      clauses: [
        ['The ABC Corp. agrees.', 'Payment is due.'],
        ['Notice period.', 'Term ends.'],
      ],
    },
    target: {
      clauses: [
        ['ＡＢＣ社は同意する。', '支払期日。'],
        ['ｶﾀｶﾅ期間。', '終了。'],
      ],
    },
    clauseBeads: [
      [1, 1],
      [1, 1],
    ],
    sentenceBeads: [
      [1, 1],
      [1, 1],
      [1, 1],
      [1, 1],
    ],
  });
  const alignment = {
    ...base,
    sentenceBeads: base.sentenceBeads.map((bead, index) => ({
      ...bead,
      confidence: [0.9, 0.3, 0.5, 0.95][index]!,
    })),
  };
  const target = alignment.target.text;
  const on = (quote: string, overrides: Partial<Annotation>, id: string): Annotation => {
    const start = target.indexOf(quote);
    return makeAnnotation(
      id,
      createSelector('target', target, start, start + quote.length),
      overrides,
    );
  };
  const pinned = applyCommand(createSession(alignment), { type: 'pin', beadIndices: [0] });
  return createSession(pinned.alignment, [
    on('同意', { category: 'accuracy/omission', severity: 'minor', status: 'open' }, 'a'),
    on('期日', { category: 'style/awkward', severity: 'major', status: 'resolved' }, 'b'),
    on('終了', { category: 'accuracy/mistranslation', severity: 'major', status: 'open' }, 'c'),
  ]);
}

describe('normalizeForSearch', () => {
  it('folds width and case and collapses whitespace', () => {
    expect(normalizeForSearch('ＡＢＣ　１２３')).toBe('abc 123');
    expect(normalizeForSearch('ｶﾀｶﾅ')).toBe('カタカナ');
  });
});

describe('filterRows', () => {
  it('returns every row for an empty filter', () => {
    expect(filterRows(session(), {})).toEqual([0, 1, 2, 3]);
    expect(filterRows(session(), { categories: [], severities: [], text: '  ' })).toEqual([
      0, 1, 2, 3,
    ]);
  });

  it('filters flagged, unconfirmed and low-confidence rows', () => {
    expect(filterRows(session(), { flagged: true })).toEqual([0, 1, 3]);
    expect(filterRows(session(), { unconfirmed: true })).toEqual([1, 2, 3]);
    // Row 0 was pinned, which set its confidence to 1.
    expect(filterRows(session(), { lowConfidenceBelow: 0.6 })).toEqual([1, 2]);
  });

  it('filters by category (dimensions include their issue types), severity and status together', () => {
    expect(filterRows(session(), { categories: ['accuracy'] })).toEqual([0, 3]);
    expect(filterRows(session(), { categories: ['accuracy/omission'] })).toEqual([0]);
    expect(filterRows(session(), { severities: ['major'] })).toEqual([1, 3]);
    expect(filterRows(session(), { statuses: ['open'], severities: ['major'] })).toEqual([3]);
    expect(filterRows(session(), { categories: ['style'], statuses: ['open'] })).toEqual([]);
  });

  it('searches both sides ignoring case and width', () => {
    expect(filterRows(session(), { text: 'abc' })).toEqual([0]);
    expect(filterRows(session(), { text: 'ａｂｃ社' })).toEqual([0]);
    expect(filterRows(session(), { text: 'カタカナ' })).toEqual([2]);
    expect(filterRows(session(), { text: 'PAYMENT  IS' })).toEqual([1]);
    expect(filterRows(session(), { text: 'notice', unconfirmed: true, flagged: true })).toEqual([]);
  });

  it('follows the rows when the alignment changes', () => {
    const merged = applyCommand(session(), { type: 'mergeWithNext', beadIndex: 0 });
    expect(filterRows(merged, { flagged: true })).toEqual([0, 2]);
    expect(flaggedRows(merged, ['open'])).toEqual([0, 2]);
    expect(flaggedRows(merged, ['resolved'])).toEqual([0]);
  });
});

describe('navigation', () => {
  it('steps to the next and previous match, from no selection, with and without wrapping', () => {
    const rows = [2, 5, 9];
    expect(nextRow(rows, null)).toBe(2);
    expect(nextRow(rows, 2)).toBe(5);
    expect(nextRow(rows, 3)).toBe(5);
    expect(nextRow(rows, 9)).toBeNull();
    expect(nextRow(rows, 9, { wrap: true })).toBe(2);
    expect(previousRow(rows, null)).toBe(9);
    expect(previousRow(rows, 5)).toBe(2);
    expect(previousRow(rows, 6)).toBe(5);
    expect(previousRow(rows, 2)).toBeNull();
    expect(previousRow(rows, 2, { wrap: true })).toBe(9);
    expect(nextRow([], 0, { wrap: true })).toBeNull();
  });

  it('agrees with a linear scan (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.nat(50)).map((rows) => rows.sort((left, right) => left - right)),
        fc.option(fc.nat(52), { nil: null }),
        fc.boolean(),
        (rows, current, wrap) => {
          const after = rows.find((row) => current === null || row > current);
          const before = [...rows].reverse().find((row) => current === null || row < current);
          expect(nextRow(rows, current, { wrap })).toBe(
            after ?? (wrap && rows.length > 0 ? rows[0]! : null),
          );
          expect(previousRow(rows, current, { wrap })).toBe(
            before ?? (wrap && rows.length > 0 ? rows[rows.length - 1]! : null),
          );
        },
      ),
    );
  });
});

describe('stepping through issues', () => {
  /** The sample session with a second issue in row 0 (before 同意) and one in row 0's English. */
  function crowded(): ReviewSession {
    const base = session();
    const { source, target } = base.alignment;
    const start = target.text.indexOf('ＡＢＣ');
    const english = source.text.indexOf('agrees');
    return createSession(base.alignment, [
      ...base.annotations,
      makeAnnotation('z-before', createSelector('target', target.text, start, start + 3)),
      makeAnnotation('y-english', createSelector('source', source.text, english, english + 6)),
    ]);
  }
  const walk = (from: ReviewSession, direction: 'next' | 'previous'): string[] => {
    const visited: string[] = [];
    let position = { annotationId: null as string | null, beadIndex: null as number | null };
    for (;;) {
      const stop = stepIssue(from, position, direction);
      if (stop === null) return visited;
      visited.push(`${stop.annotationId}@${stop.beadIndex}`);
      position = stop;
    }
  };

  it('visits every issue in reading order, several in one row one by one', () => {
    expect(walk(crowded(), 'next')).toEqual(['y-english@0', 'z-before@0', 'a@0', 'b@1', 'c@3']);
    expect(walk(crowded(), 'previous')).toEqual(['c@3', 'b@1', 'a@0', 'z-before@0', 'y-english@0']);
  });

  it('starts from the selected row when no issue is selected, and wraps when asked', () => {
    expect(stepIssue(session(), { annotationId: null, beadIndex: 1 }, 'next')).toEqual({
      annotationId: 'c',
      beadIndex: 3,
    });
    expect(stepIssue(session(), { annotationId: null, beadIndex: 2 }, 'previous')).toEqual({
      annotationId: 'b',
      beadIndex: 1,
    });
    expect(stepIssue(session(), { annotationId: 'c', beadIndex: 3 }, 'next')).toBeNull();
    // The reviewer moved from issue a's row to row 2: the next issue is the one after row 2.
    expect(stepIssue(session(), { annotationId: 'a', beadIndex: 2 }, 'next')).toEqual({
      annotationId: 'c',
      beadIndex: 3,
    });
    expect(
      stepIssue(session(), { annotationId: 'c', beadIndex: 3 }, 'next', { wrap: true }),
    ).toEqual({ annotationId: 'a', beadIndex: 0 });
    expect(
      stepIssue(createSession(session().alignment), { annotationId: null, beadIndex: 0 }, 'next', {
        wrap: true,
      }),
    ).toBeNull();
  });
});
