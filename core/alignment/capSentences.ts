import { foldLineBreaks } from '../text/segmentClauses';
import type { DocumentSide, Segment, TextSpan } from './types';

/**
 * Longest sentence the aligner takes, in UTF-16 code units. A "sentence" longer than this is text without sentence
 * punctuation (a word list, a table flattened to one line, a corrupted file); aligning it whole is useless to a
 * reviewer and costs memory and stack in proportion to its length, so it is split into pieces of at most this length.
 */
export const MAX_SENTENCE_CHARACTERS = 2_000;

/** Where a long sentence may be cut: after a space or a comma (English, Japanese and full-width). */
const BREAK = /[\s,、，]/;

/**
 * The side with every sentence longer than `maxCharacters` split into consecutive pieces of at most that length, cut
 * after the last space or comma before the limit (exactly at the limit when there is none, never inside a surrogate
 * pair). Offsets keep pointing into `side.text`; pieces keep their clause. Pure; answers `side` itself when nothing
 * is that long.
 */
export function capSentenceLength(
  side: DocumentSide,
  maxCharacters: number = MAX_SENTENCE_CHARACTERS,
): DocumentSide {
  if (side.sentences.every((sentence) => sentence.end - sentence.start <= maxCharacters))
    return side;
  const sentences: Segment[] = [];
  for (const sentence of side.sentences) {
    if (sentence.end - sentence.start <= maxCharacters) sentences.push(sentence);
    else
      for (const piece of splitSentence(side.text, sentence, maxCharacters)) sentences.push(piece);
  }
  return { ...side, sentences };
}

/**
 * How many pieces over `maxCharacters` a text has between sentence ends (`.`, `!`, `?`, their full-width forms, `。`,
 * line breaks): an upper estimate of the sentences `capSentenceLength` splits, for telling the reviewer.
 */
export function countOverlongPassages(
  text: string,
  maxCharacters: number = MAX_SENTENCE_CHARACTERS,
): number {
  let count = 0;
  let runStart = 0;
  for (let index = 0; index <= text.length; index++) {
    const code = index < text.length ? text.charCodeAt(index) : 0x0a;
    // . ! ? 。 ！ ？ ． and line breaks
    if (
      code === 0x2e ||
      code === 0x21 ||
      code === 0x3f ||
      code === 0x3002 ||
      code === 0xff01 ||
      code === 0xff1f ||
      code === 0xff0e ||
      code === 0x0a
    ) {
      if (index - runStart > maxCharacters) count += 1;
      runStart = index + 1;
    }
  }
  return count;
}

function splitSentence(text: string, sentence: Segment, maxCharacters: number): Segment[] {
  const fields = {
    level: sentence.level,
    ...(sentence.clauseIndex !== undefined ? { clauseIndex: sentence.clauseIndex } : {}),
    ...(sentence.label !== undefined ? { label: sentence.label } : {}),
  };
  const pieces: Segment[] = [];
  let start = sentence.start;
  while (start < sentence.end) {
    let end = Math.min(sentence.end, start + maxCharacters);
    if (end < sentence.end) {
      // Look back at most half the limit for a place to cut, so that pieces stay long.
      let cut = end;
      while (cut > start + maxCharacters / 2 && !BREAK.test(text[cut - 1]!)) cut--;
      if (cut > start + maxCharacters / 2) end = cut;
      else if (isHighSurrogate(text.charCodeAt(end - 1))) end--;
    }
    const spans = sentence.pieces ? clip(sentence.pieces, { start, end }) : [];
    const piece = { ...fields, start, end, text: foldLineBreaks(text.slice(start, end)) };
    if (piece.text !== '') pieces.push(spans.length > 1 ? { ...piece, pieces: spans } : piece);
    start = end;
    while (start < sentence.end && /\s/.test(text[start]!)) start++;
  }
  return pieces;
}

function clip(spans: readonly TextSpan[], range: TextSpan): TextSpan[] {
  const result: TextSpan[] = [];
  for (const span of spans) {
    const start = Math.max(span.start, range.start);
    const end = Math.min(span.end, range.end);
    if (end > start) result.push({ start, end });
  }
  return result;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
