import type { DocumentAlignment, Side } from '../alignment/types';
import { DEFAULT_SELECTOR_CONTEXT } from './annotation';
import type { Annotation, AnnotationSelector } from './annotation';
import type { AnnotatedAlignment } from './session';

/**
 * Where annotations point, and how they find their text again.
 *
 * Segments and selectors both point into the immutable original text of a side, so re-segmentation, realignment and
 * splitting never move an annotation: only the mapping from offsets to rows changes (`beadOfAnnotation`). When the text
 * itself changes (a side was re-imported), `reanchor` finds each quote again: first at its old position, then by its
 * quote and context, then by its context alone; what cannot be found is reported `orphaned` and kept, never dropped.
 *
 * An annotation counts as anchored while the quote of one of its selectors is found at that selector's offsets
 * (`isSelectorAnchored`). No extra state is stored for it, so the project file needs no "orphaned" flag.
 */

/** How a selector was found in a text. */
export type AnchorStatus =
  /** The quote is still at its offsets. */
  | 'exact'
  /** The quote was found elsewhere, by quote and context. */
  | 'moved'
  /** The quote itself changed; the span between its intact prefix and suffix was taken. */
  | 'fuzzy'
  /** Not found; the selector is kept (offsets pulled inside the text) for the reviewer to re-attach. */
  | 'orphaned';

/** The outcome of re-anchoring one selector. */
export interface AnchorResult {
  readonly status: AnchorStatus;
  /**
   * The selector for the new text: the input itself when `exact` with unchanged context; re-quoted when `moved` or
   * `fuzzy`; for `orphaned`, the old quote with offsets moved (if needed) so that `end <= text.length`.
   */
  readonly selector: AnnotationSelector;
}

/** Fuzzy anchoring needs at least this many code units of intact context, so two short fragments do not fake a match. */
const MIN_FUZZY_CONTEXT = 8;

/**
 * True when the selector's quote is at its offsets in `text` (UTF-16). A point (empty quote) matches anywhere, so for
 * it the prefix and suffix must be right around the offset too.
 */
export function isSelectorAnchored(selector: AnnotationSelector, text: string): boolean {
  const { start, end, exact, prefix, suffix } = selector;
  if (start < 0 || end > text.length || text.slice(start, end) !== exact) return false;
  return (
    exact !== '' ||
    (text.slice(Math.max(0, start - prefix.length), start) === prefix &&
      text.slice(end, end + suffix.length) === suffix)
  );
}

function commonSuffixLength(left: string, right: string): number {
  let length = 0;
  while (
    length < left.length &&
    length < right.length &&
    left[left.length - 1 - length] === right[right.length - 1 - length]
  ) {
    length += 1;
  }
  return length;
}

function commonPrefixLength(left: string, right: string): number {
  let length = 0;
  while (length < left.length && length < right.length && left[length] === right[length]) {
    length += 1;
  }
  return length;
}

function allIndicesOf(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let index = text.indexOf(needle); index !== -1; index = text.indexOf(needle, index + 1)) {
    found.push(index);
  }
  return found;
}

/**
 * The same selector re-quoted at `[start, end)` of `text`, with as much context as it had (the longer of its prefix and
 * suffix, since one of them may have been cut short by the edge of the text). The input itself when nothing differs.
 */
function requote(
  selector: AnnotationSelector,
  text: string,
  start: number,
  end: number,
): AnnotationSelector {
  const contextLength =
    Math.max(selector.prefix.length, selector.suffix.length) || DEFAULT_SELECTOR_CONTEXT;
  const prefixLength = contextLength;
  const suffixLength = contextLength;
  const requoted: AnnotationSelector = {
    side: selector.side,
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - prefixLength), start),
    suffix: text.slice(end, end + suffixLength),
    start,
    end,
    unit: 'utf16',
  };
  const unchanged =
    requoted.start === selector.start &&
    requoted.end === selector.end &&
    requoted.exact === selector.exact &&
    requoted.prefix === selector.prefix &&
    requoted.suffix === selector.suffix;
  return unchanged ? selector : requoted;
}

/**
 * Finds a selector's text in `text` (the same side, possibly changed since the selector was made). Offsets UTF-16.
 *
 * 1. Position: the quote is still at `[start, end)` → `exact`.
 * 2. Quote: every occurrence of the quote (for an empty quote, of prefix + suffix), scored by how much of the prefix
 *    and suffix match around it; the best score wins, ties go to the occurrence closest to the old `start`. Accepted
 *    when some context matches, or when the quote occurs exactly once → `moved`.
 * 3. Context: the quote was edited but its prefix and suffix (≥ 8 code units together) are intact, the suffix following
 *    the prefix within a few times the old length; the span between them, closest to the old `start` → `fuzzy`.
 * 4. Otherwise `orphaned`: the old quote is kept for the reviewer to re-attach by hand.
 */
export function reanchor(selector: AnnotationSelector, text: string): AnchorResult {
  if (isSelectorAnchored(selector, text)) {
    return { status: 'exact', selector: requote(selector, text, selector.start, selector.end) };
  }
  const quoted = findByQuote(selector, text);
  if (quoted !== undefined) {
    return {
      status: 'moved',
      selector: requote(selector, text, quoted, quoted + selector.exact.length),
    };
  }
  const between = findByContext(selector, text);
  if (between !== undefined) {
    return { status: 'fuzzy', selector: requote(selector, text, between.start, between.end) };
  }
  return { status: 'orphaned', selector: keepInside(selector, text) };
}

function findByQuote(selector: AnnotationSelector, text: string): number | undefined {
  const { exact, prefix, suffix } = selector;
  // An empty quote marks a point (an insertion); only its context can place it.
  const needle = exact === '' ? prefix + suffix : exact;
  if (needle === '') return undefined;
  const occurrences = allIndicesOf(text, needle).map((index) =>
    exact === '' ? index + prefix.length : index,
  );
  let best: { start: number; score: number; distance: number } | undefined;
  for (const start of occurrences) {
    const end = start + exact.length;
    const score =
      commonSuffixLength(text.slice(Math.max(0, start - prefix.length), start), prefix) +
      commonPrefixLength(text.slice(end, end + suffix.length), suffix);
    const distance = Math.abs(start - selector.start);
    if (
      best === undefined ||
      score > best.score ||
      (score === best.score && distance < best.distance)
    ) {
      best = { start, score, distance };
    }
  }
  if (best === undefined) return undefined;
  const contextless = prefix === '' && suffix === '';
  return best.score > 0 || occurrences.length === 1 || contextless ? best.start : undefined;
}

function findByContext(
  selector: AnnotationSelector,
  text: string,
): { start: number; end: number } | undefined {
  const { prefix, suffix } = selector;
  if (prefix === '' || suffix === '' || prefix.length + suffix.length < MIN_FUZZY_CONTEXT) {
    return undefined;
  }
  const maximumGap = Math.max(selector.exact.length * 3, selector.exact.length + 32);
  let best: { start: number; end: number; distance: number } | undefined;
  for (const prefixIndex of allIndicesOf(text, prefix)) {
    const start = prefixIndex + prefix.length;
    const suffixIndex = text.indexOf(suffix, start);
    if (suffixIndex === -1 || suffixIndex - start > maximumGap) continue;
    const distance = Math.abs(start - selector.start);
    if (best === undefined || distance < best.distance) {
      best = { start, end: suffixIndex, distance };
    }
  }
  return best === undefined ? undefined : { start: best.start, end: best.end };
}

/** An orphaned selector, moved (if needed) so its offsets fit `text` while keeping `end - start === exact.length`. */
function keepInside(selector: AnnotationSelector, text: string): AnnotationSelector {
  if (selector.end <= text.length) return selector;
  const length = Math.min(selector.exact.length, text.length);
  const start = text.length - length;
  // A quote longer than the whole text cannot keep its length; it is cut so the selector stays well-formed.
  const exact = selector.exact.slice(0, length);
  return { ...selector, exact, start, end: start + length };
}

/** The outcome of re-anchoring one annotation against new texts. */
export interface AnnotationAnchorResult {
  /** The annotation with every selector re-anchored (orphaned ones kept). Same object when nothing changed. */
  readonly annotation: Annotation;
  /** Status of each selector, in selector order. */
  readonly statuses: readonly AnchorStatus[];
  /** True when no selector could be found: the UI lists it under "orphaned" for the reviewer to re-attach. */
  readonly orphaned: boolean;
}

/** Re-anchors every selector of an annotation against the sides' (new) texts. */
export function reanchorAnnotation(
  annotation: Annotation,
  texts: Readonly<Record<Side, string>>,
): AnnotationAnchorResult {
  const results = annotation.selectors.map((selector) => reanchor(selector, texts[selector.side]));
  const changed = results.some((result, index) => result.selector !== annotation.selectors[index]);
  return {
    annotation: changed
      ? { ...annotation, selectors: results.map((result) => result.selector) }
      : annotation,
    statuses: results.map((result) => result.status),
    orphaned: results.every((result) => result.status === 'orphaned'),
  };
}

/**
 * Re-anchors all annotations against a session's texts, e.g. after one side was re-imported and realigned. Returns the
 * annotations in the same order (none dropped) and the ids of the orphaned ones.
 */
export function reanchorAnnotations(
  annotations: readonly Annotation[],
  texts: Readonly<Record<Side, string>>,
): { readonly annotations: readonly Annotation[]; readonly orphanedIds: readonly string[] } {
  const results = annotations.map((annotation) => reanchorAnnotation(annotation, texts));
  return {
    annotations: results.map((result) => result.annotation),
    orphanedIds: results.flatMap((result) => (result.orphaned ? [result.annotation.id] : [])),
  };
}

/** True when no selector of the annotation finds its quote at its offsets in the session's texts. */
export function isOrphaned(session: AnnotatedAlignment, annotation: Annotation): boolean {
  return !annotation.selectors.some((selector) =>
    isSelectorAnchored(selector, session.alignment[selector.side].text),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// From offsets to rows

interface SideRows {
  /** `beadOfSentence[i]`: 0-based sentence bead index holding sentence i. */
  readonly beadOfSentence: Int32Array;
}

// Alignments are immutable, so the sentence→bead table can be cached per alignment object.
const rowCache = new WeakMap<DocumentAlignment, Readonly<Record<Side, SideRows>>>();

function rowsOf(alignment: DocumentAlignment): Readonly<Record<Side, SideRows>> {
  const cached = rowCache.get(alignment);
  if (cached !== undefined) return cached;
  const build = (side: Side): SideRows => {
    const beadOfSentence = new Int32Array(alignment[side].sentences.length).fill(-1);
    alignment.sentenceBeads.forEach((bead, beadIndex) => {
      for (const index of side === 'source' ? bead.sourceIndices : bead.targetIndices) {
        if (index >= 0 && index < beadOfSentence.length) beadOfSentence[index] = beadIndex;
      }
    });
    return { beadOfSentence };
  };
  const rows = { source: build('source'), target: build('target') };
  rowCache.set(alignment, rows);
  return rows;
}

/** The 0-based sentence bead index holding sentence `sentenceIndex` of `side`, or null when there is none. */
export function beadOfSentence(
  alignment: DocumentAlignment,
  side: Side,
  sentenceIndex: number,
): number | null {
  const bead = rowsOf(alignment)[side].beadOfSentence[sentenceIndex];
  return bead === undefined || bead < 0 ? null : bead;
}

/**
 * 0-based indices of the sentences of `side` that the span `[start, end)` (UTF-16) overlaps, ascending. An empty span
 * (a point) finds the sentence it lies in or at the edge of. Binary search: sentences are in order without overlap.
 */
export function sentencesOfSpan(
  alignment: DocumentAlignment,
  side: Side,
  start: number,
  end: number,
): number[] {
  const sentences = alignment[side].sentences;
  const isPoint = end <= start;
  // First sentence that ends after the span starts (at or after it, for a point).
  let low = 0;
  let high = sentences.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const sentenceEnd = sentences[middle]!.end;
    if (isPoint ? sentenceEnd < start : sentenceEnd <= start) low = middle + 1;
    else high = middle;
  }
  const found: number[] = [];
  for (let index = low; index < sentences.length; index += 1) {
    const sentence = sentences[index]!;
    if (isPoint) {
      if (sentence.start <= start) found.push(index);
      break;
    }
    if (sentence.start >= end) break;
    found.push(index);
  }
  return found;
}

/** 0-based sentence bead indices the span `[start, end)` of `side` overlaps, ascending, without repeats. */
export function beadsOfSpan(
  alignment: DocumentAlignment,
  side: Side,
  start: number,
  end: number,
): number[] {
  const beads: number[] = [];
  for (const sentence of sentencesOfSpan(alignment, side, start, end)) {
    const bead = beadOfSentence(alignment, side, sentence);
    if (bead !== null && bead !== beads[beads.length - 1]) beads.push(bead);
  }
  return beads;
}

/**
 * 0-based sentence bead indices an annotation touches, over all its anchored selectors (orphaned selectors are
 * skipped: their offsets no longer mean anything), ascending, without repeats.
 */
export function beadsOfAnnotation(session: AnnotatedAlignment, annotation: Annotation): number[] {
  const beads = new Set<number>();
  for (const selector of annotation.selectors) {
    if (!isSelectorAnchored(selector, session.alignment[selector.side].text)) continue;
    for (const bead of beadsOfSpan(
      session.alignment,
      selector.side,
      selector.start,
      selector.end,
    )) {
      beads.add(bead);
    }
  }
  return [...beads].sort((left, right) => left - right);
}

/**
 * The row to scroll to for an annotation: the 0-based sentence bead index holding its span, taking its selectors in
 * order. A span that crosses rows gives the row it starts in. Null when the annotation is orphaned or lies outside
 * every sentence (e.g. in the blank between clauses).
 */
export function beadOfAnnotation(
  session: AnnotatedAlignment,
  annotation: Annotation,
): number | null {
  for (const selector of annotation.selectors) {
    if (!isSelectorAnchored(selector, session.alignment[selector.side].text)) continue;
    const beads = beadsOfSpan(session.alignment, selector.side, selector.start, selector.end);
    if (beads.length > 0) return beads[0]!;
  }
  return null;
}
