import type { DocumentAlignment, Side } from '../../../../core/alignment/types';
import type { Annotation } from '../../../../core/review/annotation';
import { isSelectorAnchored, sentencesOfSpan } from '../../../../core/review/anchoring';
import { SEVERITY_WEIGHTS } from '../../../../core/review/mqm';

/** One anchored selector of an annotation, as it touches one sentence. */
export interface SentenceAnnotation {
  readonly annotation: Annotation;
  /** The selector's span in the side's original text (UTF-16). */
  readonly start: number;
  readonly end: number;
}

/** Anchored selectors by `side:sentence`; orphaned selectors are left out (their offsets mean nothing now). */
export type AnnotationIndex = ReadonlyMap<string, readonly SentenceAnnotation[]>;

const EMPTY: readonly SentenceAnnotation[] = [];

/** The index key of one sentence. */
export function sentenceKey(side: Side, sentence: number): string {
  return `${side}:${sentence}`;
}

/** Adds `entry` to the lists of `sentences` of `side` in an index keyed by {@link sentenceKey}. */
export function addToSentences<T>(
  index: Map<string, T[]>,
  side: Side,
  sentences: readonly number[],
  entry: T,
): void {
  for (const sentence of sentences) {
    const key = sentenceKey(side, sentence);
    const list = index.get(key);
    if (list) list.push(entry);
    else index.set(key, [entry]);
  }
}

// Built once per (alignment, annotations) pair and shared by every row on screen: both arrays are immutable, a change
// makes new ones, so a weak cache keyed on them can never go stale.
const cache = new WeakMap<DocumentAlignment, WeakMap<readonly Annotation[], AnnotationIndex>>();

/** Indexes annotations by the sentences their anchored selectors overlap: O(annotations × log sentences). */
export function annotationIndex(
  alignment: DocumentAlignment,
  annotations: readonly Annotation[],
): AnnotationIndex {
  let byAnnotations = cache.get(alignment);
  if (!byAnnotations) {
    byAnnotations = new WeakMap();
    cache.set(alignment, byAnnotations);
  }
  const cached = byAnnotations.get(annotations);
  if (cached) return cached;
  const index = new Map<string, SentenceAnnotation[]>();
  for (const annotation of annotations) {
    for (const selector of annotation.selectors) {
      if (!isSelectorAnchored(selector, alignment[selector.side].text)) continue;
      addToSentences(
        index,
        selector.side,
        sentencesOfSpan(alignment, selector.side, selector.start, selector.end),
        { annotation, start: selector.start, end: selector.end },
      );
    }
  }
  byAnnotations.set(annotations, index);
  return index;
}

/** The annotations touching one sentence (shared empty array when none, so selectors stay referentially stable). */
export function annotationsOfSentence(
  index: AnnotationIndex,
  side: Side,
  sentence: number,
): readonly SentenceAnnotation[] {
  return index.get(sentenceKey(side, sentence)) ?? EMPTY;
}

/** Colour precedence where highlights overlap: more severe first; rejected flags last. */
export function highlightRank(annotation: Annotation): number {
  const weight = SEVERITY_WEIGHTS[annotation.severity] + 1;
  return annotation.status === 'rejected' ? -1 : weight;
}
