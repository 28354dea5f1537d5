import { beadSideIndices } from '../alignment/beadFormat';
import type { DocumentAlignment, DocumentSide, Segment, Side, TextSpan } from '../alignment/types';
import type { AlignmentOutcome } from './alignmentEdits';

/**
 * Splitting a sentence at the reviewer's caret (the `splitSentence` command), and the mapping from a caret in a
 * segment's display text to the offset in the original text it takes. Splitting a sentence does not change any link,
 * so the bead keeps its pinned state. Offsets are UTF-16 code units; indices 0-based.
 */

/**
 * The display text of a segment made of `pieces` of `text`: each piece with line and page breaks folded to single
 * spaces and trimmed, pieces joined by a space (the form `Segment.text` documents).
 */
export function segmentDisplayText(text: string, pieces: readonly TextSpan[]): string {
  return pieces
    .map((piece) =>
      text
        .slice(piece.start, piece.end)
        .replace(/[ \t]*[\r\n\f\v\u2028\u2029]+[ \t]*/g, ' ')
        .trim(),
    )
    .filter((part) => part !== '')
    .join(' ');
}

/**
 * Maps a caret in a segment's display `text` (0-based UTF-16 index, 0..text.length) to the UTF-16 offset in the side's
 * original `text` that `splitSentence` takes. Display text differs from the original only in whitespace (line breaks
 * folded, pieces joined), so the caret is placed by counting the non-whitespace code units before it: before the k-th
 * one it maps to that unit's original offset; on whitespace, to just after the previous one. Result within
 * `[segment.start, segment.end]`.
 */
export function originalOffsetOfCaret(text: string, segment: Segment, caret: number): number {
  const pieces = segment.pieces ?? [{ start: segment.start, end: segment.end }];
  let before = 0;
  for (let index = 0; index < Math.min(caret, segment.text.length); index += 1) {
    if (!isSpace(segment.text.charCodeAt(index))) before += 1;
  }
  const onSpace = caret < segment.text.length && isSpace(segment.text.charCodeAt(caret));
  // Find the original offset of the `before`-th non-whitespace unit (0-based), or just after the one before it.
  const wanted = onSpace ? before - 1 : before;
  if (wanted < 0) return segment.start;
  let seen = 0;
  for (const piece of pieces) {
    for (let offset = piece.start; offset < piece.end; offset += 1) {
      if (isSpace(text.charCodeAt(offset))) continue;
      if (seen === wanted) return onSpace ? offset + 1 : offset;
      seen += 1;
    }
  }
  return segment.end;
}

function isSpace(code: number): boolean {
  return /\s/.test(String.fromCharCode(code));
}

/** Pieces with whitespace trimmed off their outer edges; pieces that were only whitespace are dropped. */
function trimPieces(text: string, pieces: readonly TextSpan[]): TextSpan[] {
  const trimmed: TextSpan[] = [];
  for (const piece of pieces) {
    let start = piece.start;
    let end = piece.end;
    while (start < end && isSpace(text.charCodeAt(start))) start += 1;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end -= 1;
    if (end > start) trimmed.push({ start, end });
  }
  return trimmed;
}

function segmentFromPieces(
  text: string,
  model: Segment,
  pieces: readonly TextSpan[],
  keepLabel: boolean,
): Segment {
  const { label, pieces: _oldPieces, ...rest } = model;
  const segment: Segment = {
    ...rest,
    start: pieces[0]!.start,
    end: pieces[pieces.length - 1]!.end,
    text: segmentDisplayText(text, pieces),
  };
  return {
    ...segment,
    ...(keepLabel && label !== undefined ? { label } : {}),
    ...(pieces.length > 1 ? { pieces } : {}),
  };
}

/**
 * Splits sentence `sentenceIndex` of `side` in two at `offset` (UTF-16, strictly inside it); both halves stay in its bead
 * and every later sentence index moves up by one.
 */
export function splitSentence(
  alignment: DocumentAlignment,
  side: Side,
  sentenceIndex: number,
  offset: number,
): AlignmentOutcome {
  const documentSide: DocumentSide = alignment[side];
  const sentence = documentSide.sentences[sentenceIndex];
  if (!Number.isInteger(sentenceIndex) || sentence === undefined) {
    return `There is no ${side} sentence ${sentenceIndex + 1}.`;
  }
  if (!Number.isInteger(offset) || offset <= sentence.start || offset >= sentence.end) {
    return 'The caret must be inside the sentence to split it.';
  }
  const text = documentSide.text;
  if (isLowSurrogate(text.charCodeAt(offset))) {
    return 'The caret is inside a character; cannot split there.';
  }
  const pieces = sentence.pieces ?? [{ start: sentence.start, end: sentence.end }];
  const before: TextSpan[] = [];
  const after: TextSpan[] = [];
  for (const piece of pieces) {
    if (piece.end <= offset) before.push(piece);
    else if (piece.start >= offset) after.push(piece);
    else {
      before.push({ start: piece.start, end: offset });
      after.push({ start: offset, end: piece.end });
    }
  }
  const firstPieces = trimPieces(text, before);
  const secondPieces = trimPieces(text, after);
  if (firstPieces.length === 0 || secondPieces.length === 0) {
    return 'Splitting there would leave an empty sentence.';
  }
  const first = segmentFromPieces(text, sentence, firstPieces, true);
  const second = segmentFromPieces(text, sentence, secondPieces, false);
  const sentences = [
    ...documentSide.sentences.slice(0, sentenceIndex),
    first,
    second,
    ...documentSide.sentences.slice(sentenceIndex + 1),
  ];
  // Every index after the split sentence moves up by one; the bead holding it gains the new half right after it.
  const shift = (indices: readonly number[]): readonly number[] =>
    indices.includes(sentenceIndex)
      ? indices.flatMap((index) =>
          index < sentenceIndex
            ? [index]
            : index === sentenceIndex
              ? [index, index + 1]
              : [index + 1],
        )
      : indices.length > 0 && indices[0]! > sentenceIndex
        ? indices.map((index) => index + 1)
        : indices;
  const sentenceBeads = alignment.sentenceBeads.map((bead) => {
    const indices = beadSideIndices(bead, side);
    const shifted = shift(indices);
    if (shifted === indices) return bead;
    return side === 'source'
      ? { ...bead, sourceIndices: shifted }
      : { ...bead, targetIndices: shifted };
  });
  return {
    alignment: {
      ...alignment,
      [side]: { ...documentSide, sentences },
      sentenceBeads,
    },
  };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
