import { Fragment, memo, useMemo, type ReactNode } from 'react';
import type { Segment, Side } from '../../../../core/alignment/types';
import { beadOfSentence } from '../../../../core/review/anchoring';
import type { Annotation } from '../../../../core/review/annotation';
import { searchMatches, type SearchMatch } from '../../../../core/review/searchMatches';
import { useReview } from '../../state/ReviewStoreContext';
import { useUiLanguage } from '../../useMessages';
import {
  annotationIndex,
  annotationsOfSentence,
  highlightRank,
  type SentenceAnnotation,
} from './annotationIndex';
import { annotationSummary } from './labels';
import { displayMap, displayRange, sliceHighlights } from './offsets';
import classes from './annotations.module.css';

const NONE: readonly SentenceAnnotation[] = [];

/**
 * `text[start, end)` with the search matches in it wrapped in `<mark data-search-hit>` (matches are offsets into the
 * whole sentence text, so a piece cut by a flag highlight keeps its part of a match).
 */
function withSearchHits(
  text: string,
  start: number,
  end: number,
  hits: readonly SearchMatch[],
): ReactNode {
  if (hits.length === 0) return text.slice(start, end);
  const parts: ReactNode[] = [];
  let at = start;
  for (const hit of hits) {
    const from = Math.max(hit.start, at);
    const to = Math.min(hit.end, end);
    if (to <= from) continue;
    if (from > at) parts.push(text.slice(at, from));
    parts.push(
      <mark key={from} className={classes.searchHit} data-search-hit>
        {text.slice(from, to)}
      </mark>,
    );
    at = to;
  }
  if (at < end) parts.push(text.slice(at, end));
  return parts.length === 1 && typeof parts[0] === 'string' ? parts[0] : parts;
}

export interface SentenceTextProps {
  readonly side: Side;
  readonly index: number;
  readonly segment: Segment;
  readonly lang: string;
}

/** One sentence; re-renders only when its own annotations or their focus change. */
export const SentenceText = memo(function SentenceText({
  side,
  index,
  segment,
  lang,
}: SentenceTextProps) {
  // The index is built once per annotations array and shared; the list for this sentence is the same array until
  // the annotations change, so this selector does not re-render rows without flags.
  const entries = useReview((state) => {
    const session = state.history?.present;
    if (!session) return NONE;
    return annotationsOfSentence(
      annotationIndex(session.alignment, session.annotations),
      side,
      index,
    );
  });
  const selectedId = useReview((state) => {
    const id = state.ui.selectedAnnotationId;
    return id !== null && entries.some((entry) => entry.annotation.id === id) ? id : null;
  });
  const text = useReview((state) => state.history?.present.alignment[side].text ?? '');
  const selectAnnotation = useReview((state) => state.selectAnnotation);
  const alignment = useReview((state) => state.history?.present.alignment);
  const language = useUiLanguage();
  const query = useReview((state) => state.ui.filter.text ?? '');
  const hits = useMemo(() => searchMatches(segment.text, query), [segment.text, query]);

  const slices = useMemo(() => {
    if (entries.length === 0) return null;
    const map = displayMap(text, segment);
    const ranges = entries.flatMap((entry) => {
      const range = displayRange(map, entry.start, entry.end);
      return range
        ? [{ id: entry.annotation.id, rank: highlightRank(entry.annotation), ...range }]
        : [];
    });
    if (ranges.length === 0) return null;
    return sliceHighlights(segment.text.length, ranges);
  }, [entries, text, segment]);

  const byId = useMemo(() => {
    const map = new Map<string, Annotation>();
    for (const entry of entries) map.set(entry.annotation.id, entry.annotation);
    return map;
  }, [entries]);

  const onMarkClick = (id: string) => {
    // A click that ends a text selection is for flagging, not for focusing the annotation.
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed) return;
    selectAnnotation(id, alignment ? beadOfSentence(alignment, side, index) : undefined);
  };

  return (
    <span data-side={side} data-sentence={index} data-start={segment.start} lang={lang}>
      {slices === null
        ? withSearchHits(segment.text, 0, segment.text.length, hits)
        : slices.map((slice) => {
            const piece = withSearchHits(segment.text, slice.start, slice.end, hits);
            if (slice.ids.length === 0)
              return <Fragment key={`${slice.start}-${slice.end}`}>{piece}</Fragment>;
            const ids =
              selectedId && slice.ids.includes(selectedId)
                ? [selectedId, ...slice.ids.filter((id) => id !== selectedId)]
                : slice.ids;
            const primary = byId.get(ids[0]!)!;
            const description = ids
              .map((id) => byId.get(id))
              .filter((annotation): annotation is Annotation => annotation !== undefined)
              .map((annotation) => annotationSummary(annotation, language))
              .join('; ');
            return (
              <mark
                key={`${slice.start}-${slice.end}`}
                className={classes.highlight}
                data-annotation-id={primary.id}
                data-annotation-ids={ids.join(' ')}
                data-severity={primary.severity}
                data-status={primary.status}
                data-selected={selectedId !== null && ids[0] === selectedId ? 'true' : undefined}
                data-point={slice.start === slice.end ? 'true' : undefined}
                title={description}
                aria-description={description}
                onClick={() => onMarkClick(primary.id)}
              >
                {piece}
              </mark>
            );
          })}
    </span>
  );
});
