// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { DocumentAlignment, Segment } from '../../../../core/alignment/types';
import { buildItems } from './viewItems';

function segment(text: string, start: number, level: 'clause' | 'sentence', label?: string) {
  const base = { start, end: start + text.length, text, level };
  return (label === undefined ? base : { ...base, label }) as Segment;
}

/** Five clauses, one sentence each: a title, two plain paragraphs, clause "1.", a plain paragraph. */
function alignment(labels: readonly (string | undefined)[]): DocumentAlignment {
  const clauses = labels.map((label, index) => segment(`c${index}`, index * 3, 'clause', label));
  const sentences = labels.map((_, index) => segment(`c${index}`, index * 3, 'sentence'));
  const side = { lang: 'en', text: labels.map((_, i) => `c${i}`).join(' '), clauses, sentences };
  return {
    source: side,
    target: { ...side, lang: 'ja' },
    clauseBeads: labels.map((_, index) => ({
      sourceIndices: [index],
      targetIndices: [index],
      confidence: 0.9,
    })),
    sentenceBeads: labels.map((_, index) => ({
      sourceIndices: [index],
      targetIndices: [index],
      confidence: 0.9,
      clauseBead: index,
    })),
  };
}

describe('buildItems', () => {
  it('gives consecutive unnumbered paragraphs one heading, and numbered clauses one each', () => {
    const labels = [undefined, undefined, undefined, '1.', undefined];
    const items = buildItems(alignment(labels), [0, 1, 2, 3, 4]);
    const headings = items.filter((item) => item.kind === 'clause');
    expect(headings.map((item) => [item.firstBead, item.lastBead, item.rowCount])).toEqual([
      [0, 2, 3],
      [3, 3, 1],
      [4, 4, 1],
    ]);
    // Every row sits under the heading before it.
    const rows = items.filter((item) => item.kind === 'row');
    expect(rows.map((row) => row.clauseBead)).toEqual([0, 0, 0, 3, 4]);
  });
});
