import { describe, expect, it } from 'vitest';
import type { Annotation } from '../review/annotation';
import { createSelector } from '../review/annotation';
import { alignmentFromSentences } from '../review/alignmentFromSentences';
import type { ReviewSession } from '../review/session';
import { allReportRows, buildReportModel, segmentIdOf } from './reportModel';

const alignment = alignmentFromSentences({
  source: {
    clauses: [
      ['1. The session was held in Tokyo.', 'It ended at noon.'],
      ['2. Japan proposed support.'],
    ],
  },
  target: {
    clauses: [['1. 会合は東京で行われる。', '正午に終わった。'], ['2. 日本は支援を提案した。']],
  },
  clauseBeads: [
    [1, 1],
    [1, 1],
  ],
  sentenceBeads: [
    [1, 1],
    [1, 1],
    [1, 1],
  ],
});

function flag(id: string, quote: string, createdAt: string): Annotation {
  const start = alignment.target.text.indexOf(quote);
  return {
    id,
    selectors: [createSelector('target', alignment.target.text, start, start + quote.length)],
    category: 'accuracy/mistranslation',
    subtype: 'verb-tense',
    severity: 'major',
    comment: 'Past event rendered as non-past',
    suggestion: '行われた',
    status: 'open',
    author: 'Reviewer',
    createdAt,
    updatedAt: createdAt,
    origin: { kind: 'reviewer' },
  };
}

const session: ReviewSession = {
  alignment,
  dismissals: [],
  annotations: [
    flag('late', '支援を提案', '2026-01-01T00:00:00.000Z'),
    flag('tense', '行われる', '2026-01-02T00:00:00.000Z'),
  ],
};
const options = {
  projectName: 'Sample',
  generatedAt: '2026-11-30T12:00:00.000Z',
  appVersion: '0.1.0',
  mqmThreshold: 10,
};

describe('buildReportModel', () => {
  it('lists rows per clause with stable ids, joining Japanese sentences without spaces', () => {
    const model = buildReportModel(session, options);
    expect(model.clauses.map((clause) => clause.label)).toEqual(['1.', '2.']);
    expect(model.clauses[0]!.rows.map((row) => row.segmentId)).toEqual(['s0001', 's0002']);
    expect(model.clauses[1]!.rows[0]!.target.text).toBe('2. 日本は支援を提案した。');
    expect(model.totalRows).toBe(3);
    expect(segmentIdOf(9999)).toBe('s10000');
  });

  it('puts issues in reading order and attaches them to the rows they touch', () => {
    const model = buildReportModel(session, options);
    expect(model.issues.map((issue) => [issue.id, issue.number, issue.segmentIds])).toEqual([
      ['tense', 1, ['s0001']],
      ['late', 2, ['s0003']],
    ]);
    const tense = model.issues[0]!;
    expect(tense.categoryPath).toBe('Accuracy › Mistranslation');
    expect(tense.itsType).toBe('mistranslation');
    expect(tense.target).toMatchObject({
      exact: '行われる',
      start: 9,
      end: 13,
      prefix: '1. 会合は東京で',
    });
    expect(model.alignment).toBe(alignment);
    expect(model.clauses[0]!.rows[0]!.issueIds).toEqual(['tense']);
    expect(model.scorecard.penaltyPoints).toBe(10);
  });

  it('lists only flagged rows when asked, keeping each clause total', () => {
    const model = buildReportModel(session, { ...options, rows: 'flagged' });
    expect(model.clauses.map((clause) => clause.rows.map((row) => row.segmentId))).toEqual([
      ['s0001'],
      ['s0003'],
    ]);
    expect(model.clauses.map((clause) => clause.totalRows)).toEqual([2, 1]);
  });

  it('gives every row for whole-alignment exports, whatever the selection', () => {
    const all = buildReportModel(session, options);
    const flagged = buildReportModel(session, { ...options, rows: 'flagged' });
    expect(allReportRows(flagged)).toEqual(allReportRows(all));
    expect(allReportRows(all).map((row) => row.segmentId)).toEqual(['s0001', 's0002', 's0003']);
  });
});
