import type { AlignmentParameters, ScoredBead } from './alignmentParameters';

// The second pass's parameters: the length model and the bead-shape costs re-estimated from the document's own first
// pass (as hunalign and Bleualign do), shrunk toward the corpus values by pseudo-counts, and optionally moved only as
// far as the document shows that it differs from the corpus (DocumentAdaptation.evidenceThreshold).

/** The bead classes whose frequencies are re-estimated per document. */
export const BEAD_CLASSES = ['one', 'split', 'join', 'many', 'omission', 'addition'] as const;

/** One of {@link BEAD_CLASSES}. */
export type BeadClass = (typeof BEAD_CLASSES)[number];

/**
 * How the second pass adapts to the document. Every reference value is what the first pass gives on a typical
 * document of the tuning halves, so that on such a document the second pass is the first one again; only a document
 * that differs moves the parameters. The null cost is not adapted: a first pass's own null beads are no evidence that
 * the document has more of them (they would lower the very cost that let them in), so nulls still need lexical and
 * length evidence.
 */
export interface DocumentAdaptation {
  /** First-pass 1-1 beads at least this confident are the sample of the length model. */
  readonly minimumConfidence: number;
  /** Prior weight of the corpus mean log ratio, in beads. */
  readonly meanPseudoCount: number;
  /** Prior weight of the corpus deviation, in beads. */
  readonly deviationPseudoCount: number;
  /** Prior weight of the corpus bead-class frequencies, in beads. */
  readonly classPseudoCount: number;
  /** Cost units per unit of log frequency ratio when a class's cost is moved (1: costs as negative log priors). */
  readonly classWeight: number;
  /** Mean z² of the sampled beads on a typical document (the deviation is scaled by the document's over this). */
  readonly referenceSquaredDeviation: number;
  /** Frequency of each bead class among a typical document's first-pass beads. */
  readonly referenceClassFrequencies: Readonly<Record<BeadClass, number>>;
  /** The deviation is scaled by at most this factor up. */
  readonly maximumDeviationScale: number;
  /**
   * …and by at least this factor (below 1: down). Tighter than up: the sampled beads are the confident ones, which sit
   * close to the mean, so a small spread among them is partly how they were picked.
   */
  readonly minimumDeviationScale: number;
  /**
   * How many standard errors an estimate must lie from the corpus value before it moves anything. Each of the mean,
   * the deviation and the bead-class mix is moved by the share max(0, 1 − (threshold / z)²) of its shrunk
   * re-estimate's distance from the corpus value, z being how many standard errors the document's first-pass estimate
   * lies from it (for the class mix, the root of its chi-square per degree of freedom): a document that agrees with
   * the corpus within noise keeps the corpus values exactly, a clearly different one moves almost fully. 0: no gate,
   * the pseudo-counts alone.
   */
  readonly evidenceThreshold: number;
}

/**
 * The share of a move that evidence of z standard errors allows (z² given): none up to the threshold, then rising
 * toward all of it (positive-part James–Stein shrinkage); all of it when the threshold is 0.
 */
export function evidenceShare(zSquared: number, threshold: number): number {
  if (threshold <= 0) return 1;
  if (!(zSquared > 0)) return 0;
  return Math.max(0, 1 - (threshold * threshold) / zSquared);
}

/** The bead classes whose frequencies move shape costs (null beads keep the corpus null cost). */
const LINKED_CLASSES: readonly BeadClass[] = ['one', 'split', 'join', 'many'];

/** The class of a bead of shape a-b. */
export function beadClass(sourceCount: number, targetCount: number): BeadClass {
  if (targetCount === 0) return 'omission';
  if (sourceCount === 0) return 'addition';
  if (sourceCount === 1 && targetCount === 1) return 'one';
  if (sourceCount === 1) return 'split';
  if (targetCount === 1) return 'join';
  return 'many';
}

/** What the first pass says about a document: the sums its re-estimates are made of. */
export interface DocumentStatistics {
  /** Sampled 1-1 beads (see {@link DocumentAdaptation.minimumConfidence}). */
  readonly sampled: number;
  /** Sum of their log length ratios. */
  readonly logRatioSum: number;
  /** Sum of their squared length z-scores (against the first pass's mean and deviation). */
  readonly squaredDeviationSum: number;
  /** First-pass beads per class. */
  readonly classCounts: Readonly<Record<BeadClass, number>>;
  /** All first-pass beads. */
  readonly beads: number;
}

/** No statistics: what a document with no beads says. */
export function emptyStatistics(): DocumentStatistics {
  return {
    sampled: 0,
    logRatioSum: 0,
    squaredDeviationSum: 0,
    classCounts: { one: 0, split: 0, join: 0, many: 0, omission: 0, addition: 0 },
    beads: 0,
  };
}

/**
 * The statistics of a first pass.
 * @param beads the first pass's beads, with confidences and length z-scores
 * @param mean the mean log ratio the first pass used
 * @param deviation the deviation it used
 */
export function documentStatistics(
  beads: readonly ScoredBead[],
  mean: number,
  deviation: number,
  adaptation: DocumentAdaptation,
): DocumentStatistics {
  const statistics = emptyStatistics();
  const classCounts = { ...statistics.classCounts };
  let sampled = 0;
  let logRatioSum = 0;
  let squaredDeviationSum = 0;
  for (const bead of beads) {
    const a = bead.sourceIndices.length;
    const b = bead.targetIndices.length;
    classCounts[beadClass(a, b)]++;
    if (a === 1 && b === 1 && bead.confidence >= adaptation.minimumConfidence) {
      sampled++;
      logRatioSum += mean + deviation * bead.lengthDeviation;
      squaredDeviationSum += bead.lengthDeviation * bead.lengthDeviation;
    }
  }
  return { sampled, logRatioSum, squaredDeviationSum, classCounts, beads: beads.length };
}

/** Sums two documents' statistics (clauses of one document pool theirs). */
export function addStatistics(
  left: DocumentStatistics,
  right: DocumentStatistics,
): DocumentStatistics {
  const classCounts = { ...left.classCounts };
  for (const name of BEAD_CLASSES) classCounts[name] += right.classCounts[name];
  return {
    sampled: left.sampled + right.sampled,
    logRatioSum: left.logRatioSum + right.logRatioSum,
    squaredDeviationSum: left.squaredDeviationSum + right.squaredDeviationSum,
    classCounts,
    beads: left.beads + right.beads,
  };
}

/** The second pass's parameters and mean log ratio. */
export interface AdaptedModel {
  readonly parameters: AlignmentParameters;
  readonly mean: number;
}

/**
 * Re-estimates the length model and the class costs from a first pass, each shrunk toward its prior by its
 * pseudo-count: a document with few beads barely moves them, a long one is aligned with its own.
 * @param parameters the first pass's parameters (their mean, deviation and costs are the priors)
 * @param mean the first pass's mean log ratio (the prior of the mean: it already holds the document's total lengths)
 */
export function adaptToDocument(
  parameters: AlignmentParameters,
  mean: number,
  statistics: DocumentStatistics,
  adaptation: DocumentAdaptation,
): AdaptedModel {
  const threshold = adaptation.evidenceThreshold;
  const sampled = statistics.sampled;
  const deviation = parameters.lengthLogRatioDeviation;
  // The mean: how far the sampled beads' mean log ratio lies from the prior, in standard errors of that mean on a
  // document like the corpus (its beads spread as the reference's: mean z² referenceSquaredDeviation).
  const meanZSquared =
    sampled > 0
      ? (sampled * ((statistics.logRatioSum / sampled - mean) / deviation) ** 2) /
        adaptation.referenceSquaredDeviation
      : 0;
  const meanShare = evidenceShare(meanZSquared, threshold);
  const shrunkMean =
    (adaptation.meanPseudoCount * mean + statistics.logRatioSum) /
    (adaptation.meanPseudoCount + sampled);
  const adaptedMean = meanShare === 1 ? shrunkMean : mean + meanShare * (shrunkMean - mean);
  // Squared z-scores are taken against the first pass's mean; against the re-estimated one they are smaller by n·shift².
  const shift = (adaptedMean - mean) / deviation;
  const squaredSum = Math.max(0, statistics.squaredDeviationSum - sampled * shift * shift);
  const variance =
    (adaptation.deviationPseudoCount * adaptation.referenceSquaredDeviation + squaredSum) /
    (adaptation.deviationPseudoCount + sampled);
  // The deviation: the log of the sample's mean z² over the reference, whose standard error on a document like the
  // corpus is about √(2 / n).
  const logVarianceRatio =
    sampled > 0 && squaredSum > 0
      ? Math.log(squaredSum / sampled / adaptation.referenceSquaredDeviation)
      : 0;
  const deviationShare = evidenceShare((sampled * logVarianceRatio ** 2) / 2, threshold);
  const ratio = variance / adaptation.referenceSquaredDeviation;
  const scale = Math.min(
    adaptation.maximumDeviationScale,
    Math.max(
      adaptation.minimumDeviationScale,
      deviationShare === 1 ? Math.sqrt(ratio) : Math.pow(ratio, deviationShare / 2),
    ),
  );
  // The class mix: chi-square of the first pass's linked-bead counts against the reference frequencies, per degree
  // of freedom (about 1 on a document like the corpus).
  let chiSquare = 0;
  for (const name of LINKED_CLASSES) {
    const expected = statistics.beads * adaptation.referenceClassFrequencies[name];
    if (expected > 0) chiSquare += (statistics.classCounts[name] - expected) ** 2 / expected;
  }
  const classShare = evidenceShare(chiSquare / (LINKED_CLASSES.length - 1), threshold);
  const logShift = (name: BeadClass): number => {
    const reference = adaptation.referenceClassFrequencies[name];
    const estimate =
      (statistics.classCounts[name] + adaptation.classPseudoCount * reference) /
      (statistics.beads + adaptation.classPseudoCount);
    return classShare * adaptation.classWeight * Math.log(reference / estimate);
  };
  // Costs are relative to a 1-1 bead: what matters is how much likelier a class is than a plain pair.
  const oneShift = logShift('one');
  const shapeCosts: Record<string, number> = {};
  for (const [name, cost] of Object.entries(parameters.shapeCosts)) {
    const [a, b] = name.split('-').map(Number) as [number, number];
    shapeCosts[name] = Math.max(0, cost + logShift(beadClass(a, b)) - oneShift);
  }
  return {
    parameters: {
      ...parameters,
      lengthLogRatioMean: adaptedMean,
      lengthLogRatioDeviation: deviation * scale,
      shapeCosts,
    },
    mean: adaptedMean,
  };
}
