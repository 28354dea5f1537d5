import type { ReportIssue, ReportQuote, ReportRowSide } from '../../../core/report/reportModel';

/**
 * Where the flagged spans of a row lie in the row's display text, so an export can highlight them with formatting
 * (never with markers inside the text). Pure.
 */

/** A piece of a row's text: flagged (by these issues) or not. */
export interface TextPiece {
  readonly text: string;
  /** Issues whose quote covers this piece; empty for unflagged text. */
  readonly issues: readonly ReportIssue[];
}

/**
 * The UTF-16 range of `quote` in the row's display text, or undefined when it is not there. The display text joins
 * the row's sentences (without the whitespace between them in the original), so the quote's original offset is only a
 * hint: of the places its exact text occurs, the one nearest that offset is taken.
 */
function rangeInRow(side: ReportRowSide, quote: ReportQuote): [number, number] | undefined {
  if (side.start === null || side.end === null || quote.exact === '') return undefined;
  if (quote.end <= side.start || quote.start >= side.end) return undefined;
  const hint = quote.start - side.start;
  let best: number | undefined;
  for (
    let found = side.text.indexOf(quote.exact);
    found !== -1;
    found = side.text.indexOf(quote.exact, found + 1)
  ) {
    if (best === undefined || Math.abs(found - hint) < Math.abs(best - hint)) best = found;
  }
  return best === undefined ? undefined : [best, best + quote.exact.length];
}

/**
 * Splits a row side's text into pieces at the edges of the issues' quotes on that side (`which`), in order; the
 * pieces joined give the text back. Overlapping quotes give pieces carrying several issues.
 */
export function splitFlaggedText(
  side: ReportRowSide,
  which: 'source' | 'target',
  issues: readonly ReportIssue[],
): TextPiece[] {
  const ranges: { start: number; end: number; issue: ReportIssue }[] = [];
  for (const issue of issues) {
    const quote = issue[which];
    const range = quote && rangeInRow(side, quote);
    if (range) ranges.push({ start: range[0], end: range[1], issue });
  }
  if (ranges.length === 0) return side.text === '' ? [] : [{ text: side.text, issues: [] }];
  const edges = [
    ...new Set([0, side.text.length, ...ranges.flatMap((range) => [range.start, range.end])]),
  ].sort((left, right) => left - right);
  const pieces: TextPiece[] = [];
  for (let index = 0; index + 1 < edges.length; index += 1) {
    const start = edges[index]!;
    const end = edges[index + 1]!;
    if (end <= start) continue;
    pieces.push({
      text: side.text.slice(start, end),
      issues: ranges
        .filter((range) => range.start <= start && range.end >= end)
        .map((range) => range.issue),
    });
  }
  return pieces;
}
