import { describe, expect, it } from 'vitest';
import { createSelector } from './annotation';
import type { Annotation } from './annotation';
import { alignmentFromSentences } from './alignmentFromSentences';
import { buildScorecard, countEnglishWords, scoreAnnotations } from './scorecard';
import { createSession } from './session';
import { makeAnnotation } from './arbitraries.testkit';

const selector = createSelector('target', 'あいうえお', 0, 1);

function issue(id: string, overrides: Partial<Annotation>): Annotation {
  return makeAnnotation(id, selector, overrides);
}

describe('countEnglishWords', () => {
  it('counts words, keeping compounds, contractions and formatted numbers whole', () => {
    expect(countEnglishWords('')).toBe(0);
    expect(countEnglishWords('  — ; ')).toBe(0);
    expect(countEnglishWords('The meeting was held.')).toBe(4);
    expect(countEnglishWords("It's a state-of-the-art plan.")).toBe(4);
    expect(countEnglishWords('Pay USD 1,000.50 to the U.S. office on 3 May.')).toBe(10);
    expect(countEnglishWords('1. Scope\n2. Terms')).toBe(4);
    expect(countEnglishWords('café naïve résumé')).toBe(3);
  });
});

describe('scoreAnnotations', () => {
  const annotations = [
    issue('a', { severity: 'minor', category: 'accuracy/omission' }),
    issue('b', { severity: 'major', category: 'accuracy/mistranslation' }),
    issue('c', { severity: 'critical', category: 'accuracy/mistranslation', status: 'resolved' }),
    issue('d', { severity: 'major', category: 'style/awkward', status: 'rejected' }),
    issue('e', { severity: 'neutral', category: 'terminology' }),
  ];

  it('sums severity weights over non-rejected issues and scales to 1,000 words', () => {
    const card = scoreAnnotations(annotations, 2000, 10);
    expect(card.penaltyPoints).toBe(1 + 5 + 25);
    expect(card.penaltyPerThousandWords).toBe(15.5);
    expect(card.passed).toBe(false);
    expect(card.countedAnnotations).toBe(4);
    expect(card.rejectedAnnotations).toBe(1);
    expect(card.bySeverity).toEqual({
      neutral: { count: 1, penalty: 0 },
      minor: { count: 1, penalty: 1 },
      major: { count: 1, penalty: 5 },
      critical: { count: 1, penalty: 25 },
    });
    expect(scoreAnnotations(annotations, 4000, 10)).toMatchObject({
      penaltyPerThousandWords: 7.75,
      passed: true,
    });
  });

  it('breaks down per category in typology order and per dimension', () => {
    const card = scoreAnnotations(
      [...annotations, issue('f', { category: 'future/unknown', severity: 'minor' })],
      1000,
      10,
    );
    expect(card.byCategory.map((tally) => [tally.categoryId, tally.count, tally.penalty])).toEqual([
      ['terminology', 1, 0],
      ['accuracy/mistranslation', 2, 30],
      ['accuracy/omission', 1, 1],
      ['future/unknown', 1, 1],
    ]);
    expect(card.byCategory[1]).toMatchObject({
      dimension: 'accuracy',
      label: { en: 'Mistranslation', ja: '誤訳' },
      bySeverity: { neutral: 0, minor: 0, major: 1, critical: 1 },
    });
    expect(card.byDimension.map((tally) => [tally.categoryId, tally.penalty])).toEqual([
      ['terminology', 0],
      ['accuracy', 31],
      ['future', 1],
    ]);
  });

  it('passes exactly at the threshold, and handles a source without words', () => {
    expect(scoreAnnotations([issue('a', { severity: 'major' })], 500, 10).passed).toBe(true);
    expect(scoreAnnotations([], 0, 10)).toMatchObject({ penaltyPerThousandWords: 0, passed: true });
    expect(scoreAnnotations([issue('a', { severity: 'minor' })], 0, 10)).toMatchObject({
      penaltyPerThousandWords: null,
      passed: false,
    });
  });
});

describe('buildScorecard', () => {
  it('counts the source text of the session unless a word count is given', () => {
    const session = createSession(
      alignmentFromSentences({
        source: { clauses: [['One two three four.', 'Five.']] },
        target: { clauses: [['一二三四。', '五。']] },
        clauseBeads: [[1, 1]],
        sentenceBeads: [[2, 2]],
      }),
      [issue('a', { severity: 'minor' })],
    );
    expect(buildScorecard(session, { threshold: 100 })).toMatchObject({
      sourceWordCount: 5,
      penaltyPerThousandWords: 200,
      passed: false,
    });
    expect(buildScorecard(session, { threshold: 100, sourceWordCount: 1000 })).toMatchObject({
      penaltyPerThousandWords: 1,
      passed: true,
    });
  });
});
