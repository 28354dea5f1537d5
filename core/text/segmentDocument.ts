import type { DocumentSide, Segment, TextSpan } from './types';
import { foldLineBreaks, segmentClauses } from './segmentClauses';
import { segmentSentences, trimSpan } from './segmentSentences';

/**
 * Segments one side of a document into clauses and the sentences inside them.
 * @param text the side's original text; all offsets are UTF-16 code units into it
 * @param lang BCP 47 tag, `en` or `ja`
 * @returns the side with `clauses` and `sentences`; each sentence's `clauseIndex` names its clause, and a sentence
 *   that crosses a blank line or page break inside its clause carries `pieces`. A text written one sentence a line
 *   (see `isOneSentencePerLine`) gets one sentence a line; a short unpunctuated first line of a clause (a heading
 *   above its paragraph) is a sentence of its own.
 */
export function segmentDocument(text: string, lang: string): DocumentSide {
  const clauses = segmentClauses(text, lang);
  const lineBySentence = isOneSentencePerLine(text, lang);
  const sentences: Segment[] = [];
  clauses.forEach((clause, clauseIndex) => {
    const spans = hardBreaks(text, lang, clause, lineBySentence).flatMap((range) =>
      segmentSentences(text, lang, range.start, range.end),
    );
    for (const span of spans) {
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

/** Characters a line ending a sentence ends with (closing quotes and brackets may follow them). */
const SENTENCE_END = /[.!?。！？｡…][」』）)"”’\]]*$/;
/** Characters a line that leaves its sentence open ends with (a comma, a colon, a hyphen). */
const OPEN_END = /[,、，:：;；\-–—]$/;

interface TextLine extends TextSpan {
  /** True when a blank line (or the start of the text) comes before it. */
  readonly startsBlock: boolean;
}

/** The non-blank lines of `[start, end)`, trimmed. */
function textLines(text: string, start = 0, end = text.length): TextLine[] {
  const lines: TextLine[] = [];
  let lineStart = start;
  let startsBlock = true;
  for (let index = start; index <= end; index++) {
    if (index < end && text[index] !== '\n' && text[index] !== '\f') continue;
    const span = trimSpan(text, lineStart, index);
    if (span.end > span.start) {
      lines.push({ ...span, startsBlock });
      startsBlock = false;
    } else startsBlock = true;
    if (text[index] === '\f') startsBlock = true;
    lineStart = index + 1;
  }
  return lines;
}

/**
 * Decides whether a plain text is written one sentence a line (as aligners and translation tools often export it),
 * rather than in paragraphs, hard-wrapped or not. It is when it has at least 3 lines, some paragraph holds more than
 * one line, at least 80% of the lines end in sentence punctuation or are short (at most 60% of the longest line) and
 * not continued in lower case on the next line, and at most 10% of the lines hold more than one sentence.
 * @param lang BCP 47 tag, `en` or `ja`
 */
export function isOneSentencePerLine(text: string, lang: string): boolean {
  const lines = textLines(text);
  if (lines.length < 3 || lines.every((line) => line.startsBlock)) return false;
  // A loop, not Math.max(...): a long text has more lines than a call can take arguments.
  const longest = lines.reduce((most, line) => Math.max(most, line.end - line.start), 0);
  let complete = 0;
  let several = 0;
  lines.forEach((line, index) => {
    const content = text.slice(line.start, line.end);
    const next = lines[index + 1];
    const continued = next !== undefined && /^[a-z]/.test(text.slice(next.start, next.start + 1));
    const short = content.length <= 0.6 * longest && !OPEN_END.test(content);
    if (SENTENCE_END.test(content) || (short && !continued)) complete++;
    if (segmentSentences(text, lang, line.start, line.end).length > 1) several++;
  });
  return complete >= 0.8 * lines.length && several <= 0.1 * lines.length;
}

/**
 * Splits a clause into the ranges no sentence crosses: every line when the text is one sentence a line, else the
 * clause's first line when it is a heading (short, unpunctuated, with a paragraph of sentences on the next lines).
 */
function hardBreaks(
  text: string,
  lang: string,
  clause: TextSpan,
  lineBySentence: boolean,
): TextSpan[] {
  const lines = textLines(text, clause.start, clause.end);
  if (lineBySentence) return lines;
  const [first, second] = lines;
  if (!first || !second) return [clause];
  const heading = text.slice(first.start, first.end);
  const maximum = lang.toLowerCase().startsWith('ja') ? 40 : 60;
  const isHeading =
    heading.length <= maximum &&
    !SENTENCE_END.test(heading) &&
    !OPEN_END.test(heading) &&
    !/^[a-z]/.test(text.slice(second.start, second.start + 1)) &&
    // The lines after it hold a sentence: a title over two lines stays one.
    /[.!?。！？｡]/.test(text.slice(second.start, clause.end));
  return isHeading ? [first, { start: second.start, end: clause.end }] : [clause];
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

/**
 * Joins the texts of neighbouring segments of one side for display: Japanese without a space
 * (`発表している。その製品には`), other languages with one.
 * @param lang BCP 47 tag of the side
 */
export function joinSegmentTexts(texts: readonly string[], lang: string): string {
  return texts.join(lang.toLowerCase().startsWith('ja') ? '' : ' ');
}
