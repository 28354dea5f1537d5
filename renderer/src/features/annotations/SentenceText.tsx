import { Fragment, memo, useMemo, type ReactNode } from 'react';
import type { Segment, Side } from '../../../../core/alignment/types';
import { beadOfSentence } from '../../../../core/review/anchoring';
import type { Annotation } from '../../../../core/review/annotation';
import { searchMatches, type SearchMatch } from '../../../../core/review/searchMatches';
import { findingMessageIn } from '../../../../core/checks/messagesJa';
import { useReview } from '../../state/ReviewStoreContext';
import {
  sharedSuggestions,
  suggestionSpanIndex,
  suggestionsOfSentence,
  type SentenceSuggestion,
} from '../suggestions/suggestionSpans';
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
const NO_SUGGESTIONS: readonly SentenceSuggestion[] = [];

/** An open suggestion's span in the sentence's displayed text, with what its underline says. */
interface SuggestionMark {
  readonly start: number;
  readonly end: number;
  readonly key: string;
  readonly check: string;
  readonly message: string;
}

/**
 * `text[start, end)` with the search matches in it wrapped in `<mark data-search-hit>` and the open suggestions' spans
 * in `<span data-suggestion-span>` (a dotted underline). Matches and spans are offsets into the whole sentence text,
 * so a piece cut by a flag highlight keeps its part of each.
 */
function decorated(
  text: string,
  start: number,
  end: number,
  hits: readonly SearchMatch[],
  suggestions: readonly SuggestionMark[],
  onSuggestionClick: (key: string) => void,
): ReactNode {
  if (hits.length === 0 && suggestions.length === 0) return text.slice(start, end);
  const boundaries = new Set([start, end]);
  for (const range of [...hits, ...suggestions]) {
    if (range.start > start && range.start < end) boundaries.add(range.start);
    if (range.end > start && range.end < end) boundaries.add(range.end);
  }
  const cuts = [...boundaries].sort((a, b) => a - b);
  const parts: ReactNode[] = [];
  for (let index = 0; index + 1 < cuts.length; index++) {
    const from = cuts[index]!;
    const to = cuts[index + 1]!;
    let piece: ReactNode = text.slice(from, to);
    if (hits.some((hit) => hit.start <= from && hit.end >= to))
      piece = (
        <mark className={classes.searchHit} data-search-hit>
          {piece}
        </mark>
      );
    const over = suggestions.filter((mark) => mark.start <= from && mark.end >= to);
    if (over.length > 0) {
      const description = over.map((mark) => mark.message).join('; ');
      const first = over[0]!;
      piece = (
        <span
          className={classes.suggestionSpan}
          data-suggestion-span={first.check}
          title={description}
          aria-description={description}
          onClick={(event) => {
            // Inside a flag's highlight the click is for the suggestion, not also for the flag.
            event.stopPropagation();
            onSuggestionClick(first.key);
          }}
        >
          {piece}
        </span>
      );
    }
    parts.push(<Fragment key={from}>{piece}</Fragment>);
  }
  return parts;
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

  const suggestionEntries = useReview((state) => {
    const session = state.history?.present;
    if (!session || state.checks.findings.length === 0) return NO_SUGGESTIONS;
    return suggestionsOfSentence(
      suggestionSpanIndex(session.alignment, sharedSuggestions(state.checks.findings, session)),
      side,
      index,
    );
  });
  const marks = useMemo((): readonly SuggestionMark[] => {
    if (suggestionEntries.length === 0) return [];
    const map = displayMap(text, segment);
    return suggestionEntries.flatMap((entry) => {
      const range = displayRange(map, entry.start, entry.end);
      return range && range.end > range.start
        ? [
            {
              ...range,
              key: entry.suggestion.key,
              check: entry.suggestion.finding.check,
              message: findingMessageIn(entry.suggestion.finding, language),
            },
          ]
        : [];
    });
  }, [suggestionEntries, text, segment, language]);

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

  // A click on an underlined span puts the keyboard on its suggestion under the row (A accepts, D dismisses).
  const focusSuggestion = (key: string) => {
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed) return;
    document
      .querySelector<HTMLElement>(
        `[data-testid="row-suggestions"] [data-suggestion-key="${CSS.escape(key)}"]`,
      )
      ?.focus();
  };

  const onMarkClick = (id: string) => {
    // A click that ends a text selection is for flagging, not for focusing the annotation.
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed) return;
    selectAnnotation(id, alignment ? beadOfSentence(alignment, side, index) : undefined);
  };

  return (
    <span data-side={side} data-sentence={index} data-start={segment.start} lang={lang}>
      {slices === null
        ? decorated(segment.text, 0, segment.text.length, hits, marks, focusSuggestion)
        : slices.map((slice) => {
            const piece = decorated(
              segment.text,
              slice.start,
              slice.end,
              hits,
              marks,
              focusSuggestion,
            );
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
