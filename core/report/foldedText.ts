import type { DocumentSide, TextSpan } from '../alignment/types';
import { joinsWithoutSpaces } from './reportModel';

// Row text as the report shows it (line and page breaks folded to spaces, sentences joined per language), with a map
// from every displayed UTF-16 unit back to its offset in the original text, so flagged spans are highlighted exactly.

/** Display text with, for each of its UTF-16 units, the offset in the original text it comes from. */
export interface FoldedText {
  readonly text: string;
  /** `offsets[i]` is the original offset of `text[i]`; `offsets[text.length]` is where the text ends. */
  readonly offsets: readonly number[];
}

/** A line or page break with the spaces and tabs around it (folded to one space in display text). */
export const LINE_BREAK = /[ \t]*[\r\n\f\v\u2028\u2029]+[ \t]*/g;

/**
 * One piece of original text in display form, as `segmentDisplayText` makes it (line and page breaks with the spaces
 * around them folded to one space, then trimmed), keeping each unit's original offset.
 */
export function foldPiece(original: string, piece: TextSpan): FoldedText {
  let text = '';
  const offsets: number[] = [];
  let position = piece.start;
  const copy = (to: number): void => {
    for (; position < to; position += 1) {
      text += original[position];
      offsets.push(position);
    }
  };
  for (const match of original.slice(piece.start, piece.end).matchAll(LINE_BREAK)) {
    const at = piece.start + match.index;
    copy(at);
    text += ' ';
    offsets.push(at);
    position = at + match[0].length;
  }
  copy(piece.end);
  let from = 0;
  let to = text.length;
  while (from < to && /\s/.test(text[from]!)) from += 1;
  while (to > from && /\s/.test(text[to - 1]!)) to -= 1;
  return {
    text: text.slice(from, to),
    offsets: [...offsets.slice(from, to), to < text.length ? offsets[to]! : piece.end],
  };
}

export function joinFolded(parts: readonly FoldedText[], separator: string): FoldedText {
  if (parts.length === 0) return { text: '', offsets: [0] };
  let text = parts[0]!.text;
  const offsets = parts[0]!.offsets.slice(0, -1);
  let end = parts[0]!.offsets[parts[0]!.offsets.length - 1]!;
  for (const part of parts.slice(1)) {
    // The separator stands where the previous part ended, so a span ending there stops before it.
    for (let unit = 0; unit < separator.length; unit += 1) offsets.push(end);
    text += separator + part.text;
    // One by one, not push(...): a part can be longer than a call can take arguments.
    for (let unit = 0; unit < part.offsets.length - 1; unit += 1) offsets.push(part.offsets[unit]!);
    end = part.offsets[part.offsets.length - 1]!;
  }
  offsets.push(end);
  return { text, offsets };
}

/**
 * A row side in display form (the model's `ReportRowSide.text`) with original offsets, built from the sentences'
 * pieces. A sentence whose folded form differs from its stored display text (should not happen) is shown as stored,
 * all of it mapped to its start.
 */
export function foldRowSide(side: DocumentSide, sentenceIndices: readonly number[]): FoldedText {
  const sentences = sentenceIndices.map((index) => {
    const sentence = side.sentences[index]!;
    const pieces = (sentence.pieces ?? [sentence])
      .map((piece) => foldPiece(side.text, piece))
      .filter((piece) => piece.text !== '');
    const folded = joinFolded(pieces, ' ');
    if (folded.text === sentence.text) return folded;
    return {
      text: sentence.text,
      offsets: [...new Array<number>(sentence.text.length).fill(sentence.start), sentence.end],
    };
  });
  return joinFolded(sentences, joinsWithoutSpaces(side.lang) ? '' : ' ');
}

/** The first display index whose original offset is at or after `offset`. */
export function displayIndex(folded: FoldedText, offset: number): number {
  const index = folded.offsets.findIndex((original) => original >= offset);
  return index === -1 ? folded.text.length : index;
}
