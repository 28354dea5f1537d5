/**
 * The text model every core folder shares: spans of a side's text and the segments (clauses, sentences) they delimit.
 * It sits at the bottom of core (core/text imports no other core folder), so segmentation, anchors and the aligner can
 * all use it; core/alignment/types.ts re-exports it with the row model built on it.
 *
 * Offsets are UTF-16 code units into the original text of their side (JavaScript string indices),
 * `start` inclusive and `end` exclusive, so `text.slice(start, end)` is the segment's exact source text.
 */

/** Granularity of a segment: a numbered clause or paragraph, or a sentence inside one. */
export type SegmentLevel = 'clause' | 'sentence';

/** A span of one side's text. */
export interface TextSpan {
  /** UTF-16 offset of the first code unit, inclusive. */
  readonly start: number;
  /** UTF-16 offset one past the last code unit, exclusive; `end >= start`. */
  readonly end: number;
}

/** One segment (clause or sentence) of one side, with its offsets into that side's original text. */
export interface Segment extends TextSpan {
  /** The segment's text with page breaks and line breaks inside it folded to single spaces (display form). */
  readonly text: string;
  readonly level: SegmentLevel;
  /** The clause label as written, e.g. `1.`, `(2)`, `①`, `第3条`; absent for unnumbered text. */
  readonly label?: string;
  /**
   * For a segment that was joined across a page break or blank line, the pieces of the original text it covers,
   * in order; absent when the segment is one contiguous span.
   */
  readonly pieces?: readonly TextSpan[];
  /** For a sentence: 0-based index of the clause (in the same side's clause list) that contains it. */
  readonly clauseIndex?: number;
}

/** One side of a two-level document: clauses, and the sentences inside them. */
export interface DocumentSide {
  /** BCP 47 language tag, e.g. `en`, `ja`. */
  readonly lang: string;
  /** The original text exactly as imported (after decoding); every offset points into it. */
  readonly text: string;
  /** Numbered clauses or paragraphs, in document order, covering all non-blank text. */
  readonly clauses: readonly Segment[];
  /** Sentences in document order; each lies inside the clause named by its `clauseIndex`. */
  readonly sentences: readonly Segment[];
}
