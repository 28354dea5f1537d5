import type { Bead } from './types';
import type { BeadEvidence } from './confidenceModel';
import type { DocumentAdaptation } from './documentAdaptation';

// The aligner's parameters and bead shapes, and the bead it returns (see alignSentences.ts).

/** A bead shape: number of source and of target segments. */
export type BeadShape = readonly [sourceCount: number, targetCount: number];

/**
 * Tunable parameters of the aligner. The defaults were first set by hand on all NTREX-128 EN-JA dev documents, before
 * the tuning/held-out split of scripts/ntrexSplit.ts existed, so its held-out half is not quite unseen by them; the
 * length deviation, null cost and lexical prior were then retuned on the tuning halves of NTREX and of BSD dev
 * (scripts/bsdSplit.ts) only. Tune any further on the tuning halves only (npm run bench:align prints both).
 */
export interface AlignmentParameters {
  /** Prior mean of log((Japanese chars + 10) / (English chars + 10)); blended with the document's own ratio. */
  readonly lengthLogRatioMean: number;
  /** Standard deviation of that log ratio for a true 1-1 bead. */
  readonly lengthLogRatioDeviation: number;
  /** Weight of the length cost (z² / 2). */
  readonly lengthWeight: number;
  /** Weight of the lexical cost (1 − coverage). */
  readonly lexicalWeight: number;
  /**
   * Prior units of the lexical cost: a bead's coverage is smoothed as if it had this many more units, covered at
   * {@link lexicalPriorCoverage} (1 and 0: coverage = covered / (units + 1), the plain rule).
   */
  readonly lexicalPriorUnits: number;
  /** Coverage of the prior units (see {@link lexicalPriorUnits}). */
  readonly lexicalPriorCoverage: number;
  /** The lexical cost of a bead is multiplied by ((a + b) / 2) to this power (0: unscaled, 1: per segment). */
  readonly lexicalSizeExponent: number;
  /** Cost of leaving one segment unaligned (a 1-0 or 0-1 bead). */
  readonly nullCost: number;
  /**
   * Cost per edge segment of a many-segment bead that the lexicon contradicts: none of its content units finds a
   * partner in the bead while some find one in the segment just across that edge on the other side (see
   * BeadScorer.contradictionCost in beadScorer.ts); 0 turns it off.
   */
  readonly contradictionCost: number;
  /**
   * Content units of a segment that its neighbour inside the window must cover for {@link contradictionCost} to apply
   * (at least 1). Across the window's edge one unit is enough: the neighbour there lies outside (a pinned bead, another
   * clause pair) and cannot take the segment, so the programme cannot weigh that alternative itself; inside, it does,
   * and one shared word between adjacent turns is too common to count twice.
   */
  readonly contradictionUnits: number;
  /** Extra cost per bead shape, keyed `a-b`; shapes missing here are not used. */
  readonly shapeCosts: Readonly<Record<string, number>>;
  /** Half-width of the band, in segments, for long documents (short ones are aligned in full). */
  readonly bandHalfWidth: number;
  /** How a second pass adapts the length model and bead-class costs to the document; null: one pass only. */
  readonly adaptation: DocumentAdaptation | null;
}

/** The calibrated defaults. */
export const defaultAlignmentParameters: AlignmentParameters = {
  lengthLogRatioMean: -0.53,
  lengthLogRatioDeviation: 0.16,
  lengthWeight: 0.4,
  lexicalWeight: 7,
  lexicalSizeExponent: 0.5,
  lexicalPriorUnits: 3,
  lexicalPriorCoverage: 0.5,
  nullCost: 4.5,
  // Chosen on the tuning halves over seeds 1-9 (scripts/sweep-adaptation.ts --parameters): with 1 unit inside the
  // window, dialogue lost 0.1 strict F1 at every cost tried (0.25-2); with 2, dialogue is unchanged and news gains 0.2
  // from cost 1 on (0.5: 0.1).
  contradictionCost: 1,
  contradictionUnits: 2,
  // Japanese splits an English sentence more often than it joins two, so 1-n beads cost a little less than n-1.
  shapeCosts: {
    '1-1': 0,
    '1-2': 2.88,
    '2-1': 3.6,
    '2-2': 7.5,
    '1-3': 6.5,
    '3-1': 7.2,
    '2-3': 9.6,
    '3-2': 12,
  },
  bandHalfWidth: 30,
  // Reference values: what the first pass gives on the tuning halves of NTREX and BSD dev (seeds 1, 2, 7), so that a
  // typical document is aligned as in one pass. Pseudo-counts, class weight and sample confidence chosen on those
  // tuning halves; null beads are left out of the class costs (a pass's own nulls are no evidence for more). No
  // evidence gate: one of 1 or 2 standard errors lost strict F1 on the tuning halves over seeds 1-9 (news 94.14 ->
  // 94.02 / 94.01) and most of the gain on the synthetic documents of documentAdaptation.test.ts; the pseudo-counts
  // alone shrink enough (npx tsx scripts/sweep-adaptation.ts).
  adaptation: {
    minimumConfidence: 0.6,
    meanPseudoCount: 10,
    deviationPseudoCount: 10,
    classPseudoCount: 40,
    classWeight: 0.5,
    referenceSquaredDeviation: 1.302,
    referenceClassFrequencies: {
      one: 0.7869,
      split: 0.1154,
      join: 0.0465,
      many: 0.0042,
      omission: 0.0266,
      addition: 0.0203,
    },
    maximumDeviationScale: 2,
    minimumDeviationScale: 0.9,
    evidenceThreshold: 0,
  },
};

/** One bead found by the aligner, with the scores behind it. */
export interface ScoredBead extends Bead {
  /** The bead's cost in the dynamic programme (lower is better). */
  readonly cost: number;
  /** Lexical coverage in [0, 1]: share of content units on both sides that found a partner. */
  readonly lexicalCoverage: number;
  /** Length z-score (0 for a perfect length match); 0 for null beads. */
  readonly lengthDeviation: number;
  /** The evidence its confidence was computed from (see core/alignment/confidenceModel.ts). */
  readonly evidence: BeadEvidence;
}

/** Limits for one alignment: fixed start and end nodes, used by realignment between pinned beads. */
export interface AlignmentWindow {
  readonly sourceStart: number;
  readonly sourceEnd: number;
  readonly targetStart: number;
  readonly targetEnd: number;
}

/**
 * What the segments just outside a window say about the segments inside it: for each segment of the window, how many of
 * its content units share a key with the other side's segment right before the window (`…Before`) or right after it
 * (`…After`); all 0 where there is no such segment. Lets a bead at the window's edge see the neighbour it cannot join.
 */
export interface WindowNeighbours {
  /** Per source segment of the window: units covered by the target segment before the window. */
  readonly sourceCoveredBefore: Int32Array;
  readonly sourceCoveredAfter: Int32Array;
  /** Per target segment of the window: units covered by the source segment before the window. */
  readonly targetCoveredBefore: Int32Array;
  readonly targetCoveredAfter: Int32Array;
}

/** A bead shape with its parameters resolved once. */
export interface ResolvedShape {
  readonly a: number;
  readonly b: number;
  /** The shape's extra cost (0 for null beads, which cost `nullCost`). */
  readonly cost: number;
  /** ((a + b) / 2) ^ lexicalSizeExponent. */
  readonly size: number;
  readonly isNull: boolean;
}

/** The parameters' shapes with their costs and sizes resolved, null beads (1-0, 0-1) last. */
export function resolveShapes(parameters: AlignmentParameters): ResolvedShape[] {
  const shapes = Object.entries(parameters.shapeCosts).map(([name, cost]) => {
    const [a, b] = name.split('-').map(Number) as [number, number];
    return { a, b, cost };
  });
  shapes.push({ a: 1, b: 0, cost: 0 }, { a: 0, b: 1, cost: 0 });
  return shapes.map(({ a, b, cost }) => ({
    a,
    b,
    cost,
    size: Math.pow((a + b) / 2, parameters.lexicalSizeExponent),
    isNull: a === 0 || b === 0,
  }));
}

/**
 * The order in which the programme tries shapes at a node: null beads first. They cost a constant, so the bound they
 * set lets most linked shapes be skipped unscored (about a third fewer scorings on long documents). Ties are still
 * broken by the listed order, so the result does not depend on this order.
 */
export function shapeTryOrder(shapes: readonly ResolvedShape[]): Int32Array {
  const indices = shapes.map((_, index) => index);
  const isNull = (index: number): boolean => shapes[index]!.isNull;
  return Int32Array.from([...indices.filter(isNull), ...indices.filter((index) => !isNull(index))]);
}
