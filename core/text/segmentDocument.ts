import type { DocumentSide, Segment, TextSpan } from './types';
import { foldLineBreaks, segmentClauses } from './segmentClauses';
import { segmentSentences } from './segmentSentences';

/**
 * Segments one side of a document into clauses and the sentences inside them.
 * @param text the side's original text; all offsets are UTF-16 code units into it
 * @param lang BCP 47 tag, `en` or `ja`
 * @returns the side with `clauses` and `sentences`; each sentence's `clauseIndex` names its clause, and a sentence
 *   that crosses a blank line or page break inside its clause carries `pieces`
 */
export function segmentDocument(text: string, lang: string): DocumentSide {
  const clauses = segmentClauses(text, lang);
  const sentences: Segment[] = [];
  clauses.forEach((clause, clauseIndex) => {
    for (const span of segmentSentences(text, lang, clause.start, clause.end)) {
      const pieces = clause.pieces ? intersectPieces(clause.pieces, span) : [];
      sentences.push({
        start: span.start,
        end: span.end,
        text: foldLineBreaks(text.slice(span.start, span.end)),
        level: 'sentence',
        clauseIndex,
        ...(pieces.length > 1 ? { pieces } : {}),
      });
    }
  });
  return { lang, text, clauses, sentences };
}

/**
 * Builds a side from text that is already split one sentence a line (the `--presegmented` form): every non-blank line
 * is one sentence and one clause.
 */
export function segmentPresegmented(text: string, lang: string): DocumentSide {
  const sentences: Segment[] = [];
  const clauses: Segment[] = [];
  let lineStart = 0;
  for (let index = 0; index <= text.length; index++) {
    if (index < text.length && text[index] !== '\n') continue;
    let from = lineStart;
    let to = index;
    while (from < to && /\s/.test(text[from]!)) from++;
    while (to > from && /\s/.test(text[to - 1]!)) to--;
    if (to > from) {
      const lineText = text.slice(from, to);
      clauses.push({ start: from, end: to, text: lineText, level: 'clause' });
      sentences.push({
        start: from,
        end: to,
        text: lineText,
        level: 'sentence',
        clauseIndex: clauses.length - 1,
      });
    }
    lineStart = index + 1;
  }
  return { lang, text, clauses, sentences };
}

function intersectPieces(pieces: readonly TextSpan[], span: TextSpan): TextSpan[] {
  const result: TextSpan[] = [];
  for (const piece of pieces) {
    const start = Math.max(piece.start, span.start);
    const end = Math.min(piece.end, span.end);
    if (end > start) result.push({ start, end });
  }
  return result;
}
