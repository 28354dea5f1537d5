import { describe, expect, it } from 'vitest';
import type { ReportIssue, ReportRowSide } from '../../../core/report/reportModel';
import { splitFlaggedText } from './flaggedSpans';

const side: ReportRowSide = {
  text: '会合は東京で行われる。会合は終わる。',
  sentenceIndices: [0, 1],
  start: 100,
  end: 119,
};

function issue(id: string, exact: string, start: number): ReportIssue {
  return {
    id,
    target: { exact, start, end: start + exact.length },
  } as ReportIssue;
}

describe('splitFlaggedText', () => {
  it('cuts the text at the quotes, pieces joining back to the text', () => {
    const pieces = splitFlaggedText(side, 'target', [issue('a', '行われる', 106)]);
    expect(pieces.map((piece) => [piece.text, piece.issues.map((i) => i.id)])).toEqual([
      ['会合は東京で', []],
      ['行われる', ['a']],
      ['。会合は終わる。', []],
    ]);
  });

  it('takes the occurrence nearest the quote offset and gives overlaps both issues', () => {
    const second = issue('b', '会合は', 111);
    const overlapping = issue('c', '会合は終わる', 111);
    const pieces = splitFlaggedText(side, 'target', [second, overlapping]);
    expect(pieces.map((piece) => [piece.text, piece.issues.map((i) => i.id)])).toEqual([
      ['会合は東京で行われる。', []],
      ['会合は', ['b', 'c']],
      ['終わる', ['c']],
      ['。', []],
    ]);
    expect(pieces.map((piece) => piece.text).join('')).toBe(side.text);
  });

  it('ignores quotes of other rows, of the other side, or not found in the row', () => {
    expect(
      splitFlaggedText(side, 'target', [issue('far', '会合は', 500), issue('gone', '開催', 101)]),
    ).toEqual([{ text: side.text, issues: [] }]);
    expect(splitFlaggedText(side, 'source', [issue('a', '行われる', 106)])).toHaveLength(1);
    expect(
      splitFlaggedText({ text: '', sentenceIndices: [], start: null, end: null }, 'target', []),
    ).toEqual([]);
  });
});
