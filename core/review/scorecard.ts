import type { DocumentSide } from '../alignment/types';
import type { Annotation } from './annotation';
import {
  MQM_CATEGORIES,
  SEVERITIES,
  SEVERITY_WEIGHTS,
  mqmCategoryLabel,
  mqmDimension,
} from './mqm';
import type { BilingualLabel, Severity } from './mqm';
import type { AnnotatedAlignment } from './session';

/**
 * The live MQM scorecard: penalty points from the annotations, scaled to 1,000 source words, against a pass mark.
 *
 * Penalty points = Σ severity weight (neutral 0, minor 1, major 5, critical 25) over every annotation that is not
 * `rejected`. Resolved issues still count: the scorecard grades the translation as delivered, and resolving records
 * that it was fixed afterwards. Orphaned annotations count too (they are still issues someone found).
 */

/**
 * A word: a run of letters, digits and combining marks, with inner apostrophes, hyphens, periods and commas kept inside
 * (`don't`, `state-of-the-art`, `U.S`, `1,000.50` are one word each), the way CAT tools count English.
 */
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’\-.,][\p{L}\p{N}\p{M}]+)*/gu;

/**
 * Number of English words in `text`: runs of letters and digits, counting a hyphenated compound, a contraction or a
 * formatted number as one word, and punctuation and symbols as none. Clause numbers (`12.`) count as words, as
 * numbers do in CAT tool counts.
 */
export function countEnglishWords(text: string): number {
  let count = 0;
  for (const _match of text.matchAll(WORD)) count += 1;
  return count;
}

/** How many issues of one severity, and the penalty points they add. */
export interface SeverityTally {
  readonly count: number;
  readonly penalty: number;
}

/** Issues of one MQM category. */
export interface CategoryTally {
  /** The category id as stored on the annotations. */
  readonly categoryId: string;
  /** Its top-level dimension id (`accuracy` for `accuracy/omission`). */
  readonly dimension: string;
  readonly label: BilingualLabel;
  readonly count: number;
  readonly penalty: number;
  /** Issue count per severity. */
  readonly bySeverity: Readonly<Record<Severity, number>>;
}

/** The scorecard the review workspace shows. */
export interface Scorecard {
  /** Words in the source (English) text, or the count the caller supplied. */
  readonly sourceWordCount: number;
  /** Σ severity weights over the non-rejected annotations. */
  readonly penaltyPoints: number;
  /**
   * `penaltyPoints × 1000 / sourceWordCount`; null when the source has no words (nothing to scale by; then the review
   * passes only with no penalty at all).
   */
  readonly penaltyPerThousandWords: number | null;
  /** The pass mark used: most penalty points per 1,000 source words that still pass. */
  readonly threshold: number;
  /** True when `penaltyPerThousandWords <= threshold`. */
  readonly passed: boolean;
  /** Annotations that count (not rejected). */
  readonly countedAnnotations: number;
  /** Annotations left out because they were rejected. */
  readonly rejectedAnnotations: number;
  /** Count and penalty per severity, every severity present. */
  readonly bySeverity: Readonly<Record<Severity, SeverityTally>>;
  /**
   * Categories with at least one counted issue, in typology order (unknown ids last, alphabetically).
   */
  readonly byCategory: readonly CategoryTally[];
  /** Per top-level dimension (issue types folded into their dimension), same order rules as `byCategory`. */
  readonly byDimension: readonly CategoryTally[];
}

/** What the scorecard is measured against. */
export interface ScorecardOptions {
  /** Pass mark in penalty points per 1,000 source words (e.g. the project's `settings.mqmThreshold`). */
  readonly threshold: number;
  /** A word count to use instead of counting the source text, e.g. the one the client is billed for. */
  readonly sourceWordCount?: number;
}

const CATEGORY_ORDER: ReadonlyMap<string, number> = new Map(
  MQM_CATEGORIES.map((category, index) => [category.id, index]),
);

function emptySeverityCounts(): Record<Severity, number> {
  return { neutral: 0, minor: 0, major: 0, critical: 0 };
}

function tallyBy(
  annotations: readonly Annotation[],
  keyOf: (annotation: Annotation) => string,
): CategoryTally[] {
  const tallies = new Map<
    string,
    { count: number; penalty: number; bySeverity: Record<Severity, number> }
  >();
  for (const annotation of annotations) {
    const key = keyOf(annotation);
    const tally = tallies.get(key) ?? { count: 0, penalty: 0, bySeverity: emptySeverityCounts() };
    tally.count += 1;
    tally.penalty += SEVERITY_WEIGHTS[annotation.severity];
    tally.bySeverity[annotation.severity] += 1;
    tallies.set(key, tally);
  }
  const order = (id: string): number => CATEGORY_ORDER.get(id) ?? Number.MAX_SAFE_INTEGER;
  return [...tallies.entries()]
    .sort(([left], [right]) => order(left) - order(right) || left.localeCompare(right))
    .map(([categoryId, tally]) => ({
      categoryId,
      dimension: mqmDimension(categoryId),
      label: { en: mqmCategoryLabel(categoryId, 'en'), ja: mqmCategoryLabel(categoryId, 'ja') },
      ...tally,
    }));
}

/**
 * Scores annotations against a source word count. Pure; cheap enough to recompute on every change (linear in the
 * annotations).
 */
export function scoreAnnotations(
  annotations: readonly Annotation[],
  sourceWordCount: number,
  threshold: number,
): Scorecard {
  const counted = annotations.filter((annotation) => annotation.status !== 'rejected');
  const bySeverity = Object.fromEntries(
    SEVERITIES.map((severity) => {
      const count = counted.filter((annotation) => annotation.severity === severity).length;
      return [severity, { count, penalty: count * SEVERITY_WEIGHTS[severity] }];
    }),
  ) as Record<Severity, SeverityTally>;
  const penaltyPoints = SEVERITIES.reduce((sum, severity) => sum + bySeverity[severity].penalty, 0);
  const penaltyPerThousandWords =
    sourceWordCount > 0 ? (penaltyPoints * 1000) / sourceWordCount : penaltyPoints === 0 ? 0 : null;
  return {
    sourceWordCount,
    penaltyPoints,
    penaltyPerThousandWords,
    threshold,
    passed: penaltyPerThousandWords !== null && penaltyPerThousandWords <= threshold,
    countedAnnotations: counted.length,
    rejectedAnnotations: annotations.length - counted.length,
    bySeverity,
    byCategory: tallyBy(counted, (annotation) => annotation.category),
    byDimension: tallyBy(counted, (annotation) => mqmDimension(annotation.category)),
  };
}

// Counting words walks the whole source text; a side object is immutable and shared by every session that did not
// re-segment it, so the count is cached per side object.
const wordCountCache = new WeakMap<DocumentSide, number>();

function cachedWordCount(side: DocumentSide): number {
  const cached = wordCountCache.get(side);
  if (cached !== undefined) return cached;
  const count = countEnglishWords(side.text);
  wordCountCache.set(side, count);
  return count;
}

/**
 * The scorecard of a session: its annotations against the words of its source text (`countEnglishWords` on the whole
 * original source text, headings and clause numbers included), unless `options.sourceWordCount` is given.
 */
export function buildScorecard(session: AnnotatedAlignment, options: ScorecardOptions): Scorecard {
  const words = options.sourceWordCount ?? cachedWordCount(session.alignment.source);
  return scoreAnnotations(session.annotations, words, options.threshold);
}
