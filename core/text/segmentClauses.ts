import type { Segment, TextSpan } from './types';

/**
 * Clause and paragraph segmentation. A clause starts at a numbered label (`1.`, `(1)`, `1)`, `①`, `第1条`, `一、`,
 * `(a)`), a list bullet, or a heading; otherwise each paragraph is a clause. A Markdown heading's marker (`## `) is left
 * outside its segment. A paragraph broken mid-sentence by a blank line or a page break (form feed) is joined to the one
 * before it, and the clause keeps its `pieces`.
 * Offsets are UTF-16 code units into the original text.
 */

/** Clause labels at the start of a line; the first capture is the label as written. */
const LABEL_PATTERNS: readonly RegExp[] = [
  /^(第[0-9０-９一二三四五六七八九十百千]+[条項章節款])/,
  /^([0-9０-９]{1,3}(?:[.．][0-9０-９]{1,3})*[.．])(?=[\s　]|[^\d０-９])/,
  /^([(（][0-9０-９]{1,3}[)）])/,
  /^([0-9０-９]{1,3}[)）])/,
  /^([①-⑳㉑-㉟㊱-㊿])/,
  /^([一二三四五六七八九十]{1,3}[、．.])/,
  /^([(（][a-zA-Zａ-ｚア-ンｱ-ﾝイロハニホヘト][)）])/,
  /^([a-z][.)])(?=\s)/,
  /^([ivx]{1,5}[.)])(?=\s)/,
];
const BULLET = /^([-*•・●○■□◆◇▪▸►–—])(?=[\s　])/;
/** A Markdown heading's marker: its `#`s and the spaces after them, left outside the heading's segment. */
const MARKDOWN_HEADING = /^#{1,6}\s+/;
/** Characters that end a sentence, so a paragraph ending in one is complete. */
const TERMINAL = /[.!?。！？」』）)"”’:：;；…]$/;

interface Line extends TextSpan {
  readonly blankBefore: boolean;
  /** True when a page break (form feed) separates the line from the one before. */
  readonly pageBreakBefore: boolean;
}

/**
 * Finds the label a line starts with, if any.
 * @param line the line's text, without leading whitespace
 * @returns the label as written (e.g. `1.`, `(2)`, `①`, `第3条`, `-` for a bullet), or undefined
 */
export function findClauseLabel(line: string): string | undefined {
  for (const pattern of LABEL_PATTERNS) {
    const match = pattern.exec(line);
    if (match) return match[1];
  }
  return BULLET.exec(line)?.[1];
}

/**
 * Normalises a clause label to a comparable key: `1.`, `(1)`, `1)`, `１．`, `①`, `第1条`, `一、` all give `1`;
 * letters give the lower-case letter; bullets give undefined.
 */
export function clauseLabelKey(label: string | undefined): string | undefined {
  if (!label) return undefined;
  const folded = label.normalize('NFKC');
  const circled = label.codePointAt(0)!;
  if (circled >= 0x2460 && circled <= 0x2473) return String(circled - 0x2460 + 1);
  const digits = /\d+(?:\.\d+)*/.exec(folded);
  if (digits) return digits[0];
  const kanji = /[一二三四五六七八九十]+/.exec(folded);
  if (kanji) return String(kanjiNumeralValue(kanji[0]));
  const letter = /[a-zA-Z]/.exec(folded);
  return letter ? letter[0].toLowerCase() : undefined;
}

function kanjiNumeralValue(numeral: string): number {
  const digits = '〇一二三四五六七八九';
  let total = 0;
  let current = 0;
  for (const character of numeral) {
    if (character === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else current = digits.indexOf(character);
  }
  return total + current;
}

/** Splits text into lines (on \n, \r\n, \r and form feeds), trimmed, dropping blank ones. */
function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let lineStart = 0;
  let blankBefore = false;
  let pageBreakBefore = false;
  for (let index = 0; index <= text.length; index++) {
    const character = text[index];
    if (index < text.length && character !== '\n' && character !== '\r' && character !== '\f')
      continue;
    let from = lineStart;
    let to = index;
    while (from < to && /\s/.test(text[from]!)) from++;
    while (to > from && /\s/.test(text[to - 1]!)) to--;
    if (to > from) {
      lines.push({ start: from, end: to, blankBefore, pageBreakBefore });
      blankBefore = false;
      pageBreakBefore = false;
    } else if (index < text.length) {
      blankBefore = true;
    }
    // A form feed is a page break: it separates like a blank line.
    if (character === '\f') {
      blankBefore = true;
      pageBreakBefore = true;
    }
    if (character === '\r' && text[index + 1] === '\n') index++;
    lineStart = index + 1;
  }
  return lines;
}

/**
 * Splits a document into clauses (numbered clauses, list items, headings, paragraphs).
 * @param text the whole original text of one side
 * @param lang BCP 47 tag (`en`, `ja`); decides how a paragraph broken mid-sentence is recognised
 * @returns clause segments in order, `level: 'clause'`, with `label` when numbered and `pieces` when joined across
 *   a blank line or page break; `text` folds line breaks to single spaces
 */
export function segmentClauses(text: string, lang: string): Segment[] {
  const japanese = lang.toLowerCase().startsWith('ja');
  const clauses: { label?: string; heading: boolean; pieces: TextSpan[] }[] = [];
  for (const whole of splitLines(text)) {
    // A heading's segment starts after its marker (`## `); the offsets still point into the original text.
    const marker = MARKDOWN_HEADING.exec(text.slice(whole.start, whole.end))?.[0].length ?? 0;
    const heading = marker > 0;
    const line = { ...whole, start: whole.start + marker };
    const content = text.slice(line.start, line.end);
    const label = findClauseLabel(content);
    const current = clauses[clauses.length - 1];
    const startsNew =
      !current ||
      label !== undefined ||
      heading ||
      current.heading ||
      (line.blankBefore &&
        !continuesParagraph(text, current.pieces, content, japanese, line.pageBreakBefore));
    if (startsNew) {
      clauses.push({
        ...(label ? { label } : {}),
        heading,
        pieces: [{ start: line.start, end: line.end }],
      });
      continue;
    }
    const pieces = current.pieces;
    if (line.blankBefore) pieces.push({ start: line.start, end: line.end });
    else pieces[pieces.length - 1] = { start: pieces[pieces.length - 1]!.start, end: line.end };
  }
  return clauses.map((clause) => {
    const first = clause.pieces[0]!;
    const last = clause.pieces[clause.pieces.length - 1]!;
    return {
      start: first.start,
      end: last.end,
      text: clause.pieces
        .map((piece) => foldLineBreaks(text.slice(piece.start, piece.end)))
        .join(' '),
      level: 'clause' as const,
      ...(clause.label ? { label: clause.label } : {}),
      ...(clause.pieces.length > 1 ? { pieces: clause.pieces } : {}),
    };
  });
}

/**
 * True when a paragraph after a blank line or page break continues the sentence the previous paragraph left open.
 * A blank line is otherwise a hard boundary: a heading above it (which ends in no punctuation) stays apart.
 */
function continuesParagraph(
  text: string,
  pieces: readonly TextSpan[],
  nextLine: string,
  japanese: boolean,
  pageBreak: boolean,
): boolean {
  const last = pieces[pieces.length - 1]!;
  const previous = text.slice(last.start, last.end);
  if (TERMINAL.test(previous)) return false;
  if (japanese) {
    if (/^[#＃]/.test(nextLine)) return false;
    // Japanese has no lower case to tell a continuation by: only a comma, or a page break inside a long
    // paragraph, leaves the sentence open. A heading (`…会合の概要`) ends in neither.
    return /[、，,]$/.test(previous) || (pageBreak && previous.length >= 20);
  }
  // English: the next paragraph must carry on in lower case (`measures to` / `enhance receptiveness`).
  return /^[a-z(“"']/.test(nextLine) && !/^[a-z][.)]\s/.test(nextLine);
}

/**
 * Folds line breaks, form feeds and runs of whitespace to single spaces.
 * @returns the display form of a segment's text
 */
export function foldLineBreaks(text: string): string {
  return text
    .replace(/\s*[\r\n\f]+\s*/g, ' ')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}
