/**
 * The row model shared by the aligner, the review workspace and every export.
 *
 * Offsets are UTF-16 code units into the original text of their side (JavaScript string indices),
 * `start` inclusive and `end` exclusive, so `text.slice(start, end)` is the segment's exact source text.
 */

/** Which text a segment belongs to: the English source or the Japanese translation. */
export type Side = 'source' | 'target';

/** Granularity of a segment: a numbered clause or paragraph, or a sentence inside one. */
export type SegmentLevel = 'clause' | 'sentence';

/** 0-based index into a side's segment list. Branded so source and target indices cannot be swapped. */
export type SourceIndex = number & { readonly _brand: 'SourceIndex' };
/** 0-based index into the target (Japanese) segment list. */
export type TargetIndex = number & { readonly _brand: 'TargetIndex' };

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

/**
 * A bead: n source segments linked with m target segments (n, m ≥ 0, not both 0), contiguous on each side.
 * 1-0 is an omission in the translation, 0-1 an addition.
 */
export interface Bead {
  /** Ascending, contiguous 0-based indices into the source segment list. */
  readonly sourceIndices: readonly number[];
  /** Ascending, contiguous 0-based indices into the target segment list. */
  readonly targetIndices: readonly number[];
  /**
   * How sure the aligner is of this link, in [0, 1]; low means "look here". For aligned beads, a calibrated estimate
   * of the probability that the bead is exactly right (for a 1-0 or 0-1 bead: that the omission or addition is real);
   * see core/alignment/confidenceModel.ts. 1 for beads a reviewer pinned.
   */
  readonly confidence: number;
  /** True when a reviewer confirmed the bead: realignment keeps it as it is. */
  readonly pinned?: boolean;
}

/** One side of a document: its language, original text and segments. */
export interface AlignedSide {
  /** BCP 47 language tag, e.g. `en`, `ja`. */
  readonly lang: string;
  /** The original text exactly as imported (after decoding); every offset points into it. */
  readonly text: string;
  readonly segments: readonly Segment[];
}

/**
 * An aligned document at one level. Invariant: the beads cover every segment of both sides exactly once, in order
 * (bead k+1 starts where bead k ends on each side).
 */
export interface Alignment {
  readonly level: SegmentLevel;
  readonly source: AlignedSide;
  readonly target: AlignedSide;
  readonly beads: readonly Bead[];
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

/** A sentence bead, placed inside one clause bead. Indices are into the sides' sentence lists. */
export interface SentenceBead extends Bead {
  /** 0-based index into `DocumentAlignment.clauseBeads` of the clause pair this bead lies in. */
  readonly clauseBead: number;
}

/**
 * The aligned document the workspace shows: clause beads (over clause indices), and sentence beads inside each clause
 * bead (over sentence indices). Invariant: both bead lists cover their segments exactly once, in order, and the
 * sentence beads of clause bead k cover exactly the sentences of the clauses in clause bead k.
 */
export interface DocumentAlignment {
  readonly source: DocumentSide;
  readonly target: DocumentSide;
  readonly clauseBeads: readonly Bead[];
  readonly sentenceBeads: readonly SentenceBead[];
}
