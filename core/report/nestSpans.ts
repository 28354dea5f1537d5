/**
 * Rendering possibly overlapping spans of a text as properly nested markup (XLIFF `mrk`, HTML `mark`).
 */

/** A span of the text to wrap; offsets are UTF-16 code units into the text, `start <= end`. */
export interface NestedSpan<Key> {
  readonly start: number;
  readonly end: number;
  readonly key: Key;
}

/** How to write the pieces. */
export interface NestedSpanWriter<Key> {
  /** Escaped plain text. */
  readonly text: (text: string) => string;
  /**
   * One element around already-rendered `inner` content, for the part `[start, end)` of a span (a span split to nest
   * is written as several parts, in order; `isLast` marks the part that ends where the span ends).
   */
  readonly span: (
    key: Key,
    inner: string,
    part: { start: number; end: number; isLast: boolean },
  ) => string;
}

function byStartThenLongest<Key>(left: NestedSpan<Key>, right: NestedSpan<Key>): number {
  return left.start - right.start || right.end - left.end;
}

/**
 * `text` with every span wrapped, nested properly: spans are taken by start, the longer first (ties keep their given
 * order, outermost first); a span that starts inside another and ends after it is split at the outer one's end, its
 * rest continuing after. Empty spans are written as empty elements at their offset. Spans are clipped to the text.
 */
export function renderNestedSpans<Key>(
  text: string,
  spans: readonly NestedSpan<Key>[],
  writer: NestedSpanWriter<Key>,
): string {
  const ends = new Map<Key, number>();
  for (const span of spans) ends.set(span.key, Math.max(ends.get(span.key) ?? 0, span.end));
  const render = (from: number, to: number, queue: NestedSpan<Key>[]): string => {
    let out = '';
    let position = from;
    let pending = [...queue].sort(byStartThenLongest);
    while (pending.length > 0) {
      const outer = pending.shift()!;
      out += writer.text(text.slice(position, outer.start));
      const inside: NestedSpan<Key>[] = [];
      const rest: NestedSpan<Key>[] = [];
      for (const span of pending) {
        if (span.start < outer.end) {
          inside.push({ ...span, end: Math.min(span.end, outer.end) });
          if (span.end > outer.end) rest.push({ ...span, start: outer.end });
        } else {
          rest.push(span);
        }
      }
      out += writer.span(outer.key, render(outer.start, outer.end, inside), {
        start: outer.start,
        end: outer.end,
        isLast: outer.end === ends.get(outer.key),
      });
      position = outer.end;
      pending = rest.sort(byStartThenLongest);
    }
    return out + writer.text(text.slice(position, to));
  };
  const clipped = spans.map((span) => {
    const start = Math.max(0, Math.min(span.start, text.length));
    return { ...span, start, end: Math.max(start, Math.min(span.end, text.length)) };
  });
  return render(0, text.length, clipped);
}
