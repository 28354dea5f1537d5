import type { Segment } from '../../../../core/alignment/types';

/**
 * Mapping between a sentence's display text (`Segment.text`: line breaks folded, pieces joined by a space) and the
 * side's original text, in UTF-16 code units. The two differ only in whitespace, so every non-whitespace display unit
 * has exactly one original offset; whitespace display units map to the gap after the previous non-whitespace unit.
 */

/** `original[i]`: original offset of display unit `i`; `solid[i]`: 1 when that unit is not whitespace. */
export interface DisplayMap {
  readonly segment: Segment;
  readonly original: Int32Array;
  readonly solid: Uint8Array;
}

function isSpace(code: number): boolean {
  return /\s/.test(String.fromCharCode(code));
}

// Segments are immutable and shared by every render of a row: one map per segment object.
const cache = new WeakMap<Segment, DisplayMap>();

/**
 * The display↔original map of `segment` over `text` (the side's original text). Walks the display text and the
 * segment's pieces together, skipping original whitespace; if the two ever disagree (a display form this code does
 * not know), it keeps going unit by unit so offsets stay inside the segment.
 */
export function displayMap(text: string, segment: Segment): DisplayMap {
  const cached = cache.get(segment);
  if (cached) return cached;
  const display = segment.text;
  const pieces = segment.pieces ?? [{ start: segment.start, end: segment.end }];
  const original = new Int32Array(display.length);
  const solid = new Uint8Array(display.length);
  let pieceIndex = 0;
  let cursor = pieces[0]?.start ?? segment.start;
  let afterPrevious = segment.start;
  const nextSolid = (): number => {
    while (pieceIndex < pieces.length) {
      const piece = pieces[pieceIndex]!;
      if (cursor < piece.start) cursor = piece.start;
      while (cursor < piece.end && isSpace(text.charCodeAt(cursor))) cursor += 1;
      if (cursor < piece.end) return cursor;
      pieceIndex += 1;
    }
    return -1;
  };
  for (let index = 0; index < display.length; index += 1) {
    const code = display.charCodeAt(index);
    if (isSpace(code)) {
      original[index] = afterPrevious;
      continue;
    }
    solid[index] = 1;
    const found = nextSolid();
    const offset = found === -1 ? Math.min(afterPrevious, segment.end) : found;
    original[index] = offset;
    afterPrevious = Math.min(offset + 1, segment.end);
    if (found !== -1) cursor = found + 1;
  }
  const map = { segment, original, solid };
  cache.set(segment, map);
  return map;
}

/**
 * Original offset where a selection starting at display index `index` (0..length) begins: the first non-whitespace
 * unit at or after it (leading whitespace is not quoted), or the segment's end.
 */
export function originalStart(map: DisplayMap, index: number): number {
  for (let at = Math.max(0, index); at < map.original.length; at += 1) {
    if (map.solid[at]) return map.original[at]!;
  }
  return map.segment.end;
}

/**
 * Original offset where a selection ending at display index `index` (exclusive, 0..length) ends: just after the last
 * non-whitespace unit before it (trailing whitespace is not quoted), or the segment's start.
 */
export function originalEnd(map: DisplayMap, index: number): number {
  for (let at = Math.min(index, map.original.length) - 1; at >= 0; at -= 1) {
    if (map.solid[at]) return map.original[at]! + 1;
  }
  return map.segment.start;
}

/**
 * The display range `[start, end)` of the original span `[start, end)` within this sentence, or null when the span
 * does not cover any non-whitespace unit of it. An empty original span (a point) gives an empty display range at the
 * first unit at or after it, when the point lies inside the sentence.
 */
export function displayRange(
  map: DisplayMap,
  start: number,
  end: number,
): { start: number; end: number } | null {
  const length = map.original.length;
  if (end <= start) {
    if (start < map.segment.start || start > map.segment.end) return null;
    for (let at = 0; at < length; at += 1) {
      if (map.solid[at] && map.original[at]! >= start) return { start: at, end: at };
    }
    return { start: length, end: length };
  }
  let first = -1;
  let last = -1;
  for (let at = 0; at < length; at += 1) {
    if (!map.solid[at]) continue;
    const offset = map.original[at]!;
    if (offset >= end) break;
    if (offset >= start) {
      if (first === -1) first = at;
      last = at;
    }
  }
  return first === -1 ? null : { start: first, end: last + 1 };
}

/** One annotation's range in a sentence's display text. */
export interface HighlightRange {
  readonly id: string;
  /** Display offsets, `start <= end`; equal for a point. */
  readonly start: number;
  readonly end: number;
  /** Higher wins the colour where ranges overlap (e.g. severity weight). */
  readonly rank: number;
}

/** A run of display text with the annotations covering it, most important first (empty for plain text). */
export interface TextSlice {
  readonly start: number;
  readonly end: number;
  readonly ids: readonly string[];
}

/**
 * Cuts `[0, length)` into runs at every highlight edge, each with the ids of the highlights covering it, ordered by
 * `rank` (highest first) then by shorter range (the narrower flag is the more specific). Points (empty ranges) give
 * empty slices at their position, so they can still be shown. Adjacent runs with the same ids are merged.
 */
export function sliceHighlights(length: number, ranges: readonly HighlightRange[]): TextSlice[] {
  const edges = new Set<number>([0, length]);
  for (const range of ranges) {
    edges.add(Math.max(0, Math.min(range.start, length)));
    edges.add(Math.max(0, Math.min(range.end, length)));
  }
  const sorted = [...edges].sort((left, right) => left - right);
  const order = (left: HighlightRange, right: HighlightRange) =>
    right.rank - left.rank || left.end - left.start - (right.end - right.start);
  const slices: TextSlice[] = [];
  const push = (slice: TextSlice) => {
    const previous = slices[slices.length - 1];
    if (
      previous &&
      previous.end === slice.start &&
      slice.end > slice.start &&
      previous.end > previous.start &&
      previous.ids.join(' ') === slice.ids.join(' ')
    ) {
      slices[slices.length - 1] = { ...previous, end: slice.end };
    } else slices.push(slice);
  };
  for (let index = 0; index < sorted.length; index += 1) {
    const at = sorted[index]!;
    const points = ranges.filter((range) => range.start === range.end && range.start === at);
    if (points.length > 0) push({ start: at, end: at, ids: points.map((point) => point.id) });
    const next = sorted[index + 1];
    if (next === undefined) break;
    const covering = ranges
      .filter((range) => range.start < range.end && range.start <= at && range.end >= next)
      .sort(order);
    push({ start: at, end: next, ids: covering.map((range) => range.id) });
  }
  return slices.filter((slice) => slice.end > slice.start || slice.ids.length > 0);
}
