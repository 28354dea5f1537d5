import type { DocumentAlignment } from '../alignment/types';
import type { Annotation, AnnotationStatus } from './annotation';
import { beadsOfAnnotation } from './anchoring';
import { isMqmCategoryWithin } from './mqm';
import type { Severity } from './mqm';
import type { ReviewSession } from './session';

/**
 * Row filters and keyboard navigation for the alignment list. A row is a sentence bead; results are 0-based indices
 * into `alignment.sentenceBeads`, ascending.
 */

/**
 * What rows to show. Every criterion given must hold (AND); an absent criterion, or an empty list, does not filter.
 *
 * The annotation criteria (`flagged`, `categories`, `severities`, `statuses`) are met by a row that has at least one
 * annotation meeting all of them at once (an open major omission, not an open minor plus a resolved omission).
 */
export interface RowFilter {
  /** Only rows with at least one annotation (any status, unless `statuses` narrows it). */
  readonly flagged?: boolean;
  /** Only rows a reviewer has not confirmed (not pinned). */
  readonly unconfirmed?: boolean;
  /** Only rows whose aligner confidence is below this value, in [0, 1]. */
  readonly lowConfidenceBelow?: number;
  /** Only rows with an annotation in one of these MQM categories; a dimension (`accuracy`) includes its issue types. */
  readonly categories?: readonly string[];
  /** Only rows with an annotation of one of these severities. */
  readonly severities?: readonly Severity[];
  /** Only rows with an annotation in one of these states. */
  readonly statuses?: readonly AnnotationStatus[];
  /**
   * Only rows whose source or target text contains this, ignoring case and width (NFKC: full-width `ＡＢＣ１` finds
   * `abc1`, half-width `ｶﾀｶﾅ` finds `カタカナ`), with runs of whitespace treated as one space.
   */
  readonly text?: string;
}

/**
 * The form text is compared in for search: NFKC-normalized (full-width and half-width forms fold together), lower-cased,
 * whitespace runs collapsed to one space. Lengths may differ from the input, so never use it for offsets.
 */
export function normalizeForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ');
}

interface RowText {
  readonly source: string;
  readonly target: string;
}

// Normalizing every row for every keystroke would be wasteful; alignments are immutable, so cache per alignment.
const rowTextCache = new WeakMap<DocumentAlignment, readonly RowText[]>();

function rowTexts(alignment: DocumentAlignment): readonly RowText[] {
  const cached = rowTextCache.get(alignment);
  if (cached !== undefined) return cached;
  const join = (side: 'source' | 'target', indices: readonly number[]): string =>
    normalizeForSearch(
      indices.map((index) => alignment[side].sentences[index]?.text ?? '').join(' '),
    );
  const texts = alignment.sentenceBeads.map((bead) => ({
    source: join('source', bead.sourceIndices),
    target: join('target', bead.targetIndices),
  }));
  rowTextCache.set(alignment, texts);
  return texts;
}

function hasItems<T>(list: readonly T[] | undefined): list is readonly T[] {
  return list !== undefined && list.length > 0;
}

function annotationMatcher(filter: RowFilter): ((annotation: Annotation) => boolean) | undefined {
  const { categories, severities, statuses } = filter;
  if (
    filter.flagged !== true &&
    !hasItems(categories) &&
    !hasItems(severities) &&
    !hasItems(statuses)
  ) {
    return undefined;
  }
  return (annotation) =>
    (!hasItems(categories) ||
      categories.some((category) => isMqmCategoryWithin(annotation.category, category))) &&
    (!hasItems(severities) || severities.includes(annotation.severity)) &&
    (!hasItems(statuses) || statuses.includes(annotation.status));
}

/** Rows touched by at least one annotation that `matches`, as a set of 0-based sentence bead indices. */
function rowsWithAnnotations(
  session: ReviewSession,
  matches: (annotation: Annotation) => boolean,
): Set<number> {
  const rows = new Set<number>();
  for (const annotation of session.annotations) {
    if (!matches(annotation)) continue;
    for (const bead of beadsOfAnnotation(session, annotation)) rows.add(bead);
  }
  return rows;
}

/**
 * The rows that pass `filter`, as ascending 0-based sentence bead indices. Linear in rows plus annotations (each
 * annotation is mapped to its rows by binary search). Orphaned annotations belong to no row.
 */
export function filterRows(session: ReviewSession, filter: RowFilter): number[] {
  const beads = session.alignment.sentenceBeads;
  const matcher = annotationMatcher(filter);
  const flaggedSet = matcher === undefined ? undefined : rowsWithAnnotations(session, matcher);
  const query = filter.text === undefined ? '' : normalizeForSearch(filter.text).trim();
  const texts = query === '' ? undefined : rowTexts(session.alignment);
  const rows: number[] = [];
  beads.forEach((bead, index) => {
    if (filter.unconfirmed === true && bead.pinned === true) return;
    if (filter.lowConfidenceBelow !== undefined && !(bead.confidence < filter.lowConfidenceBelow)) {
      return;
    }
    if (flaggedSet !== undefined && !flaggedSet.has(index)) return;
    if (texts !== undefined) {
      const text = texts[index]!;
      if (!text.source.includes(query) && !text.target.includes(query)) return;
    }
    rows.push(index);
  });
  return rows;
}

/**
 * Rows with at least one annotation, optionally only annotations in `statuses` (e.g. `['open']` to step through what
 * is left to do). Ascending 0-based sentence bead indices.
 */
export function flaggedRows(
  session: ReviewSession,
  statuses?: readonly AnnotationStatus[],
): number[] {
  return filterRows(
    session,
    statuses === undefined ? { flagged: true } : { flagged: true, statuses },
  );
}

/** Navigation options. */
export interface NavigationOptions {
  /** Past the last match, go round to the first (and before the first, to the last). Default false. */
  readonly wrap?: boolean;
}

function firstGreater(rows: readonly number[], current: number): number {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (rows[middle]! <= current) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The next row after `current` among `rows` (ascending 0-based sentence bead indices, e.g. from `filterRows`); the
 * first row when `current` is null (nothing selected). Null when there is none (or `rows` is empty), unless `wrap`.
 * `current` need not be in `rows`.
 */
export function nextRow(
  rows: readonly number[],
  current: number | null,
  options: NavigationOptions = {},
): number | null {
  if (rows.length === 0) return null;
  if (current === null) return rows[0]!;
  const next = rows[firstGreater(rows, current)];
  if (next !== undefined) return next;
  return options.wrap === true ? rows[0]! : null;
}

/**
 * The previous row before `current` among `rows` (ascending); the last row when `current` is null. Null when there is
 * none, unless `wrap`.
 */
export function previousRow(
  rows: readonly number[],
  current: number | null,
  options: NavigationOptions = {},
): number | null {
  if (rows.length === 0) return null;
  if (current === null) return rows[rows.length - 1]!;
  // The last row strictly below `current`: just before the first row ≥ current.
  const position = firstGreater(rows, current - 1) - 1;
  const previous = rows[position];
  if (previous !== undefined) return previous;
  return options.wrap === true ? rows[rows.length - 1]! : null;
}

/** Where a reviewer stands when stepping through issues: the issue they have selected, else the row. */
export interface IssuePosition {
  readonly annotationId: string | null;
  /** 0-based sentence bead index of the selected row, or null. */
  readonly beadIndex: number | null;
}

/** One stop of issue navigation: an annotation and the first row its text is in. */
export interface IssueStop {
  readonly annotationId: string;
  /** 0-based sentence bead index. */
  readonly beadIndex: number;
}

/**
 * The anchored annotations in reading order: by first row, then English before Japanese, then by start offset (UTF-16
 * code units), ties by id so the order is stable. Orphaned annotations have no row and are left out (the panel lists
 * them).
 */
export function issuesInReadingOrder(session: ReviewSession): IssueStop[] {
  const stops: { stop: IssueStop; side: number; start: number }[] = [];
  for (const annotation of session.annotations) {
    const beads = beadsOfAnnotation(session, annotation);
    if (beads.length === 0) continue;
    const first = annotation.selectors[0]!;
    stops.push({
      stop: { annotationId: annotation.id, beadIndex: Math.min(...beads) },
      side: first.side === 'source' ? 0 : 1,
      start: first.start,
    });
  }
  stops.sort(
    (a, b) =>
      a.stop.beadIndex - b.stop.beadIndex ||
      a.side - b.side ||
      a.start - b.start ||
      (a.stop.annotationId < b.stop.annotationId ? -1 : 1),
  );
  return stops.map((entry) => entry.stop);
}

/**
 * The next (or previous) issue from `position`, for "next issue" / "previous issue": the one after the selected issue
 * in reading order; with no issue selected (or one outside the selected row), the first issue after the selected row
 * (the first of all with no row).
 * Issues in one row are visited one by one. Null when there is none, unless `wrap`.
 */
export function stepIssue(
  session: ReviewSession,
  position: IssuePosition,
  direction: 'next' | 'previous',
  options: NavigationOptions = {},
): IssueStop | null {
  const stops = issuesInReadingOrder(session);
  if (stops.length === 0) return null;
  const forward = direction === 'next';
  // A selected issue counts only while its row is the selected one: after moving to another row, step from there.
  const selected =
    position.annotationId === null
      ? -1
      : stops.findIndex(
          (stop) =>
            stop.annotationId === position.annotationId &&
            (position.beadIndex === null || stop.beadIndex === position.beadIndex),
        );
  let index: number;
  if (selected >= 0) index = selected + (forward ? 1 : -1);
  else if (position.beadIndex === null) index = forward ? 0 : stops.length - 1;
  else if (forward) index = stops.findIndex((stop) => stop.beadIndex > position.beadIndex!);
  else {
    index = stops.length - 1;
    while (index >= 0 && stops[index]!.beadIndex >= position.beadIndex) index--;
  }
  if (index >= 0 && index < stops.length) return stops[index]!;
  if (options.wrap !== true) return null;
  return forward ? stops[0]! : stops[stops.length - 1]!;
}
