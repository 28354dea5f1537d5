/**
 * The row model shared by the aligner, the review workspace and every export, built on the text model of
 * core/text/types.ts (spans, segments, document sides), which it re-exports.
 *
 * Offsets are UTF-16 code units into the original text of their side (JavaScript string indices),
 * `start` inclusive and `end` exclusive, so `text.slice(start, end)` is the segment's exact source text.
 */

import type { DocumentSide, Segment, SegmentLevel } from '../text/types';

export type { DocumentSide, Segment, SegmentLevel, TextSpan } from '../text/types';

/** Which text a segment belongs to: the English source or the Japanese translation. */
export type Side = 'source' | 'target';

/** 0-based index into a side's segment list. Branded so source and target indices cannot be swapped. */
export type SourceIndex = number & { readonly _brand: 'SourceIndex' };
/** 0-based index into the target (Japanese) segment list. */
export type TargetIndex = number & { readonly _brand: 'TargetIndex' };

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
   * see core/alignment/confidenceModel.ts. Confirming a bead leaves it as it is (confirmation is `pinned`, not a
   * score). A bead a reviewer shaped by hand (`edited`) was never scored: it carries the lowest confidence of the beads
   * it was made from, and the view shows it as "edited" rather than as a percentage.
   */
  readonly confidence: number;
  /** True when a reviewer confirmed the bead: realignment keeps it as it is. */
  readonly pinned?: boolean;
  /**
   * True when a reviewer made the bead by hand (merge, split, move, detach), so `confidence` is not the aligner's score
   * of it. Absent on beads the aligner made; a realignment that recomputes the bead drops it. Optional, so project
   * files written before it existed read unchanged.
   */
  readonly edited?: boolean;
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

/** A sentence bead, placed inside one clause bead. Indices are into the sides' sentence lists. */
export interface SentenceBead extends Bead {
  /** 0-based index into `DocumentAlignment.clauseBeads` of the clause pair this bead lies in. */
  readonly clauseBead: number;
}

/**
 * How the aligner split the Japanese side into words: `morphological`, with the resources' `japaneseTokenizer`
 * (kuromoji on the Node side), the full-quality path; `dictionary`, with the lexicon longest-match split, taken only
 * when no morphological tokenizer was given.
 */
export type TokenizerPath = 'morphological' | 'dictionary';

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
  /**
   * How the Japanese side was split into words when the aligner last aligned it (see {@link TokenizerPath}). Absent on
   * alignments that no aligner run produced (imported, or saved before the field existed).
   */
  readonly tokenizerPath?: TokenizerPath;
}
