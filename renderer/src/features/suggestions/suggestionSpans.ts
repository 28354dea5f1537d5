import type { DocumentAlignment, Side } from '../../../../core/alignment/types';
import type { DocumentFinding } from '../../../../core/checks/checkDocument';
import { findingSpan } from '../../../../core/checks/suggestions';
import { sentencesOfSpan } from '../../../../core/review/anchoring';
import type { ReviewSession } from '../../../../core/review/session';
import { addToSentences, sentenceKey } from '../annotations/annotationIndex';
import { suggestionsOf, type Suggestion } from './suggestionModel';

/** One open suggestion's span as it touches one sentence, in the side's original text (UTF-16 code units). */
export interface SentenceSuggestion {
  readonly suggestion: Suggestion;
  readonly start: number;
  readonly end: number;
}

/** Suggestion spans by `side:sentence` (see `sentenceKey`). */
export type SuggestionSpanIndex = ReadonlyMap<string, readonly SentenceSuggestion[]>;

const NONE: readonly SentenceSuggestion[] = [];

// Findings and sessions are immutable (a change makes new ones), so caches keyed on them never go stale; every row on
// screen and the panels share one list and one index per (findings, session).
const suggestionCache = new WeakMap<
  readonly DocumentFinding[],
  WeakMap<ReviewSession, Suggestion[]>
>();
const indexCache = new WeakMap<readonly Suggestion[], SuggestionSpanIndex>();

/** `suggestionsOf(findings, session)`, computed once per pair and shared. */
export function sharedSuggestions(
  findings: readonly DocumentFinding[],
  session: ReviewSession,
): readonly Suggestion[] {
  let bySession = suggestionCache.get(findings);
  if (!bySession) {
    bySession = new WeakMap();
    suggestionCache.set(findings, bySession);
  }
  const cached = bySession.get(session);
  if (cached) return cached;
  const suggestions = suggestionsOf(findings, session);
  bySession.set(session, suggestions);
  return suggestions;
}

/**
 * Indexes the open suggestions' spans by the sentences they overlap: O(suggestions × log sentences). A finding with no
 * span on a side, or one covering its sentences whole (a length finding), marks nothing there; its row shows it under
 * the texts.
 */
export function suggestionSpanIndex(
  alignment: DocumentAlignment,
  suggestions: readonly Suggestion[],
): SuggestionSpanIndex {
  const cached = indexCache.get(suggestions);
  if (cached) return cached;
  const index = new Map<string, SentenceSuggestion[]>();
  for (const suggestion of suggestions)
    for (const side of ['source', 'target'] as const) {
      const span = findingSpan(suggestion.finding, side);
      if (!span || span.end <= span.start) continue;
      const sentences = sentencesOfSpan(alignment, side, span.start, span.end);
      // A span over its sentences whole (a length finding) names no words: the row's note says it all.
      const first = alignment[side].sentences[sentences[0] ?? -1];
      const last = alignment[side].sentences[sentences[sentences.length - 1] ?? -1];
      if (first && last && span.start <= first.start && span.end >= last.end) continue;
      addToSentences(index, side, sentences, { suggestion, start: span.start, end: span.end });
    }
  indexCache.set(suggestions, index);
  return index;
}

/** The open suggestions' spans in one sentence (a shared empty array when none, so selectors stay stable). */
export function suggestionsOfSentence(
  index: SuggestionSpanIndex,
  side: Side,
  sentence: number,
): readonly SentenceSuggestion[] {
  return index.get(sentenceKey(side, sentence)) ?? NONE;
}
