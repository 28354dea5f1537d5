import type { DocumentAlignment, DocumentSide, Segment } from '../alignment/types';
import type { Annotation, AnnotationSelector } from '../review/annotation';
import { createSelector } from '../review/annotation';
import { alignmentFromSentences } from '../review/alignmentFromSentences';
import type { ReviewSession } from '../review/session';

/**
 * A small reviewed project for the report and interchange tests: two clauses, a 2-1 row, an omission (1-0) and an
 * addition (0-1), a confirmed row, and issues that overlap, cross rows, sit on both sides or on a point, and carry
 * markup, quotes and line breaks in their comments.
 */

export const HOSTILE_COMMENT =
  'Tense: expected 行われた. <script>alert(1)</script> "quoted" & \'single\'\nsecond line';

const base = alignmentFromSentences({
  source: {
    clauses: [
      ['1. The session was held in Tokyo.', 'It ended at noon.', 'Lunch followed.'],
      ['2. Japan proposed support.', '=SUM(A1) is not a formula.'],
    ],
  },
  target: {
    clauses: [
      ['1. 会合は東京で行われる。正午に終わった。', '追加の文。'],
      ['2. 日本は支援を提案した。', '=SUM(A1)は式ではない。'],
    ],
  },
  clauseBeads: [
    [1, 1],
    [1, 1],
  ],
  // Row 1 is 2-1 (two English sentences, one Japanese), row 2 an omission, row 3 an addition.
  sentenceBeads: [
    [2, 1],
    [1, 0],
    [0, 1],
    [1, 1],
    [1, 1],
  ],
  confidence: 0.75,
});

/** The alignment of the test project; the fourth row is confirmed (pinned). */
export const testAlignment: DocumentAlignment = {
  ...base,
  sentenceBeads: base.sentenceBeads.map((bead, index) =>
    index === 3 ? { ...bead, confidence: 1, pinned: true } : bead,
  ),
};

function on(side: 'source' | 'target', quote: string, occurrence = 0): AnnotationSelector {
  const text = testAlignment[side].text;
  let start = -1;
  for (let count = 0; count <= occurrence; count += 1) start = text.indexOf(quote, start + 1);
  if (start < 0) throw new Error(`no "${quote}" in the ${side} text`);
  return createSelector(side, text, start, start + quote.length);
}

function issue(
  id: string,
  selectors: AnnotationSelector[],
  fields: Partial<Annotation> = {},
): Annotation {
  return {
    id,
    selectors,
    category: 'accuracy/mistranslation',
    severity: 'major',
    comment: '',
    status: 'open',
    author: 'Reviewer',
    createdAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-02T10:30:00.000Z',
    origin: { kind: 'reviewer' },
    ...fields,
  };
}

/** Annotations of the test project, in creation order. */
export const testAnnotations: readonly Annotation[] = [
  issue('tense', [on('source', 'was held'), on('target', '行われる')], {
    subtype: 'verb-tense',
    comment: HOSTILE_COMMENT,
    suggestion: '行われた',
  }),
  // Overlaps "tense" on the target without nesting: 東京で行われ vs 行われる.
  issue('overlap', [on('target', '東京で行われ')], {
    category: 'style/awkward',
    severity: 'minor',
    status: 'resolved',
  }),
  issue('same-span', [on('target', '行われる')], {
    category: 'terminology',
    severity: 'critical',
    status: 'rejected',
    comment: 'Duplicate of tense',
  }),
  issue('omitted', [on('source', 'Lunch followed.')], {
    category: 'accuracy/omission',
    severity: 'major',
    comment: 'Not translated',
  }),
  issue('added', [on('target', '追加の文。')], {
    category: 'accuracy/addition',
    severity: 'minor',
    origin: { kind: 'check', checkId: 'unaligned-sentence' },
    author: 'numbers-match',
  }),
  // Crosses from row 4 into row 5 on the target.
  issue('cross', [on('target', '提案した。=SUM')], {
    category: 'linguistic-conventions/punctuation',
    severity: 'neutral',
    comment: '=cmd|" /C calc"!A0',
  }),
  // A point (insertion) in the source.
  issue('point', [createSelector('source', testAlignment.source.text, 3, 3)], {
    category: 'other',
    severity: 'minor',
    comment: '+1',
  }),
];

/** The test project as a session. */
export const testSession: ReviewSession = {
  alignment: testAlignment,
  annotations: testAnnotations,
  dismissals: [],
};

/** Report options used by the tests. */
export const testReportOptions = {
  projectName: 'Sample "ASEAN" <Smart Cities>',
  generatedAt: '2026-11-30T12:34:56.000Z',
  appVersion: '0.1.0',
  mqmThreshold: 10,
};

function segment(text: string, start: number, end: number, extra: Partial<Segment>): Segment {
  return { start, end, text: text.slice(start, end), level: 'sentence', ...extra };
}

/**
 * An alignment whose first sentence runs across a page break (form feed) and blank line, stored as two pieces, and
 * whose texts start with a heading outside any clause: the case display texts and XML control characters meet.
 */
export function pageBreakAlignment(): DocumentAlignment {
  const side = (
    text: string,
    firstEnd: string,
    secondStart: string,
    second: string,
  ): DocumentSide => {
    const clauseStart = text.indexOf('1.');
    const pieceEnd = text.indexOf(firstEnd) + firstEnd.length;
    const pieceStart = text.indexOf(secondStart);
    const clauseEnd = text.indexOf('\n2.');
    const secondClause = clauseEnd + 1;
    const pieces = [
      { start: clauseStart, end: pieceEnd },
      { start: pieceStart, end: clauseEnd },
    ];
    const display = `${text.slice(clauseStart, pieceEnd)} ${text.slice(pieceStart, clauseEnd)}`;
    return {
      lang: text.startsWith('H') ? 'en' : 'ja',
      text,
      clauses: [
        {
          ...segment(text, clauseStart, clauseEnd, { level: 'clause', label: '1.', pieces }),
          text: display,
        },
        segment(text, secondClause, text.length, { level: 'clause', label: '2.' }),
      ],
      sentences: [
        { ...segment(text, clauseStart, clauseEnd, { clauseIndex: 0, pieces }), text: display },
        segment(text, secondClause, secondClause + second.length, { clauseIndex: 1 }),
      ],
    };
  };
  const source = side(
    'Heading\n\n1. The first part\n\f\nPage 2\n\nsecond part.\n2. Next.',
    'first part',
    'second part',
    '2. Next.',
  );
  const target = side(
    '見出し\n\n1. 前半\n\f\n2ページ\n\n後半。\n2. 次。',
    '前半',
    '後半',
    '2. 次。',
  );
  const bead = (index: number) => ({
    sourceIndices: [index],
    targetIndices: [index],
    confidence: 0.5,
  });
  return {
    source,
    target,
    clauseBeads: [bead(0), bead(1)],
    sentenceBeads: [
      { ...bead(0), clauseBead: 0 },
      { ...bead(1), clauseBead: 1 },
    ],
  };
}

/**
 * A naive alignment of two segmented sides with the same number of clauses: clause k with clause k, and inside each
 * clause pair the sentences one to one, the last bead taking what is left on the longer side.
 */
export function pairClausesInOrder(source: DocumentSide, target: DocumentSide): DocumentAlignment {
  const sentencesOf = (side: DocumentSide, clause: number): number[] =>
    side.sentences.flatMap((sentence, index) => (sentence.clauseIndex === clause ? [index] : []));
  const sentenceBeads = source.clauses.flatMap((_, clause) => {
    const sourceIndices = sentencesOf(source, clause);
    const targetIndices = sentencesOf(target, clause);
    const count = Math.max(1, Math.min(sourceIndices.length, targetIndices.length));
    return Array.from({ length: count }, (_, bead) => ({
      sourceIndices: bead < count - 1 ? [sourceIndices[bead]!] : sourceIndices.slice(bead),
      targetIndices: bead < count - 1 ? [targetIndices[bead]!] : targetIndices.slice(bead),
      confidence: 0.6,
      clauseBead: clause,
    }));
  });
  return {
    source,
    target,
    clauseBeads: source.clauses.map((_, index) => ({
      sourceIndices: [index],
      targetIndices: [index],
      confidence: 0.8,
    })),
    sentenceBeads,
  };
}
