import { normalizeForSearch } from './filters';

/** A match of the search in a text: UTF-16 offsets into that text, `start` inclusive, `end` exclusive. */
export interface SearchMatch {
  readonly start: number;
  readonly end: number;
}

/**
 * Where `query` occurs in `text`, compared as the row search compares (`normalizeForSearch`: NFKC, case, whitespace
 * runs), as non-overlapping ranges of the ORIGINAL text, left to right: what the view highlights. Each code point is
 * normalized on its own so every normalized character maps back to the code point it came from (a half-width kana
 * with a separate voiced mark, which NFKC composes across two code points, may therefore go unhighlighted). Empty for
 * an empty or blank query.
 */
export function searchMatches(text: string, query: string): SearchMatch[] {
  const needle = normalizeForSearch(query).trim();
  if (needle === '') return [];
  let folded = '';
  // For each UTF-16 unit of `folded`: the start and end of the original code point it came from.
  const starts: number[] = [];
  const ends: number[] = [];
  let offset = 0;
  for (const codePoint of text) {
    const start = offset;
    offset += codePoint.length;
    const piece = normalizeForSearch(codePoint);
    // Whitespace runs count as one space, as in normalizeForSearch over the whole text.
    if (piece === ' ' && folded.endsWith(' ')) continue;
    for (let unit = 0; unit < piece.length; unit++) {
      starts.push(start);
      ends.push(offset);
    }
    folded += piece;
  }
  const matches: SearchMatch[] = [];
  let from = 0;
  for (;;) {
    const found = folded.indexOf(needle, from);
    if (found < 0) break;
    matches.push({ start: starts[found]!, end: ends[found + needle.length - 1]! });
    from = found + needle.length;
  }
  return matches;
}
