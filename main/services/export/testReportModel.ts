import { buildReportModel } from '../../../core/report/reportModel';
import type { ReportModel } from '../../../core/report/reportModel';
import type { Annotation } from '../../../core/review/annotation';
import { createSelector } from '../../../core/review/annotation';
import { alignmentFromSentences } from '../../../core/review/alignmentFromSentences';

/**
 * A small project's report model for the export tests: two clauses, four rows (one an omission), three issues (a
 * tense flag on Japanese text with a comment full of markup, a flag on both sides, a resolved minor one).
 */

const alignment = alignmentFromSentences({
  source: {
    clauses: [
      ['1. The Meeting was held in Tokyo.', 'It ended at noon.'],
      ['2. Japan proposed increased support.', 'The ministers agreed.'],
    ],
  },
  target: {
    clauses: [
      ['1. 会合は東京で行われる。', '正午に終わった。'],
      ['2. 日本は支援の拡充を提案した。'],
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
    [1, 0],
  ],
  confidence: 0.875,
});

/** The comment of the first issue: Japanese, and markup that must come out as text. */
export const TENSE_COMMENT =
  'Past event rendered as non-past; expected 行われた. <script>alert(1)</script>';

function annotation(
  id: string,
  quotes: { source?: string; target?: string },
  fields: Partial<Annotation>,
): Annotation {
  const selectors = (['source', 'target'] as const).flatMap((side) => {
    const quote = quotes[side];
    if (quote === undefined) return [];
    const text = alignment[side].text;
    const start = text.indexOf(quote);
    return [createSelector(side, text, start, start + quote.length)];
  });
  return {
    id,
    selectors,
    category: 'accuracy/mistranslation',
    severity: 'major',
    comment: '',
    status: 'open',
    author: 'Reviewer',
    createdAt: '2026-11-01T09:30:00.000Z',
    updatedAt: '2026-11-02T10:45:00.000Z',
    origin: { kind: 'reviewer' },
    ...fields,
  };
}

/** The test project's report model (`rows: 'all'`, pass mark 10). */
export function testReportModel(options: { readonly rows?: 'all' | 'flagged' } = {}): ReportModel {
  return buildReportModel(
    {
      alignment,
      annotations: [
        annotation(
          'tense',
          { target: '行われる' },
          { subtype: 'verb-tense', comment: TENSE_COMMENT, suggestion: '行われた' },
        ),
        annotation(
          'support',
          { source: 'increased support', target: '支援の拡充' },
          {
            category: 'terminology/wrong-term',
            severity: 'minor',
            status: 'resolved',
            comment: 'Use 支援の強化',
            suggestion: '支援の強化',
          },
        ),
        annotation(
          'omitted',
          { source: 'The ministers agreed.' },
          { category: 'accuracy/omission', severity: 'critical', comment: 'Sentence missing' },
        ),
      ],
    },
    {
      projectName: 'ASEAN-Japan 会合',
      generatedAt: '2026-11-30T12:00:00.000Z',
      appVersion: '0.1.0',
      mqmThreshold: 10,
      ...(options.rows ? { rows: options.rows } : {}),
    },
  );
}
