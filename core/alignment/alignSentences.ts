import type {
  AlignmentParameters,
  AlignmentWindow,
  ScoredBead,
  WindowNeighbours,
} from './alignmentParameters';
import { defaultAlignmentParameters, resolveShapes } from './alignmentParameters';
import { MAX_LOCAL_RETRIES, fullBand, lengthBand, widenAroundPath } from './band';
import { alignInBand } from './bandProgramme';
import { emptyEvidence, nullBead, withConfidence } from './beadEvidence';
import type { SentenceFeatures } from './lexicalFeatures';
import {
  addStatistics,
  adaptToDocument,
  documentStatistics,
  emptyStatistics,
  type DocumentStatistics,
} from './documentAdaptation';
import { blendedLengthRatio, documentLengthRatio } from './lengthModel';
import { PackedSide, keyNumbering } from './packedSide';

/**
 * Banded dynamic-programming alignment of two segment sequences from their features: beads of up to three segments a
 * side (1-1, 1-2, 2-1, 2-2, 1-3, 3-1, 2-3, 3-2) and null beads (1-0, 0-1), scored with a length model (log ratio of
 * Japanese to English characters, Gaussian) and lexical coverage (share of content units on both sides that find a
 * partner on the other side). The band follows the length diagonal, so time and memory grow linearly with length;
 * where the best path runs along its edge, the band is widened around that path and the programme run again.
 * Two passes: the first with the corpus parameters, the second with the length model and bead-class costs
 * re-estimated from the first's beads and shrunk toward the corpus values (documentAdaptation.ts), so a document
 * translated the other way, or more loosely, is aligned with its own ratio, deviation and shapes.
 */
// Its parts: alignmentParameters.ts (parameters, shapes), packedSide.ts and pairCoverage.ts (features as flat arrays),
// lengthModel.ts and beadScorer.ts (bead costs), band.ts (the band and its retries), bandProgramme.ts (the DP),
// beadEvidence.ts (null beads and the evidence behind confidence), documentAdaptation.ts (the second pass's parameters).

export {
  defaultAlignmentParameters,
  type AlignmentParameters,
  type AlignmentWindow,
  type BeadShape,
  type ScoredBead,
  type WindowNeighbours,
} from './alignmentParameters';

/**
 * Aligns two feature sequences.
 * @param source features of the English segments, in order
 * @param target features of the Japanese segments, in order
 * @param parameters scoring parameters (defaults: {@link defaultAlignmentParameters})
 * @param neighbours when the sides are a window of a longer document: what the segments just outside it cover of it
 *   (see {@link windowNeighbours}); arrays as long as `source` and `target`
 * @returns beads covering every segment of both sides exactly once, in order, with 0-based indices; confidence is
 *   filled by {@link beadConfidence}
 */
export function alignSentences(
  source: readonly SentenceFeatures[],
  target: readonly SentenceFeatures[],
  parameters: AlignmentParameters = defaultAlignmentParameters,
  neighbours?: WindowNeighbours,
): ScoredBead[] {
  const sourceCount = source.length;
  const targetCount = target.length;
  if (sourceCount === 0 || targetCount === 0) {
    // Nothing on the other side to pair with: every segment is an omission or addition, with no competitor.
    const lone = (
      features: SentenceFeatures,
      sourceIndices: number[],
      targetIndices: number[],
    ): ScoredBead =>
      withConfidence({
        ...nullBead(sourceIndices, targetIndices),
        cost: parameters.nullCost,
        evidence: {
          ...emptyEvidence(sourceIndices.length, targetIndices.length, parameters.nullCost),
          units: features.units.length,
          characters: features.length,
          neighbourNulls: sourceCount + targetCount > 1 ? 1 : 0,
        },
      });
    return [
      ...source.map((features, index) => lone(features, [index], [])),
      ...target.map((features, index) => lone(features, [], [index])),
    ];
  }
  const keys = keyNumbering(source, target);
  const packedSource = new PackedSide(source, keys);
  const packedTarget = new PackedSide(target, keys);
  const mean = documentLengthRatio(packedSource, packedTarget, parameters);
  const first = alignPass(source, target, packedSource, packedTarget, parameters, mean, neighbours);
  const adaptation = parameters.adaptation;
  if (!adaptation) return first;
  // Second pass: the length model and the bead-class costs re-estimated from the first pass (documentAdaptation.ts).
  const statistics = documentStatistics(
    first,
    mean,
    parameters.lengthLogRatioDeviation,
    adaptation,
  );
  const adapted = adaptToDocument(parameters, mean, statistics, adaptation);
  return alignPass(
    source,
    target,
    packedSource,
    packedTarget,
    adapted.parameters,
    adapted.mean,
    neighbours,
  );
}

/**
 * Aligns several windows of one document (the sentences inside each clause pair, the gaps between pinned beads) with
 * one adaptation for the whole document: the first pass runs in every window, the length model and bead-class costs
 * are re-estimated from all of them together, and the second pass runs in every window with those. A window holds
 * too few beads to move the parameters on its own; the document does.
 * @param source features of all English segments of the document
 * @param target features of all Japanese segments
 * @param windows segment ranges [start, end) on both sides, each aligned on its own
 * @returns each window's beads, over 0-based indices within the window, in the order of `windows`
 */
export function alignSentenceWindows(
  source: readonly SentenceFeatures[],
  target: readonly SentenceFeatures[],
  windows: readonly AlignmentWindow[],
  parameters: AlignmentParameters = defaultAlignmentParameters,
  onWindow?: (index: number, total: number) => void,
): ScoredBead[][] {
  // The final alignment of each window, announced first (the aligner's progress is counted in windows).
  const alignWindow = (
    slice: Slice,
    index: number,
    windowParameters: AlignmentParameters,
  ): ScoredBead[] => {
    onWindow?.(index, windows.length);
    return alignSentences(slice.source, slice.target, windowParameters, slice.neighbours);
  };
  const slices = windows.map((window): Slice => ({
    source: source.slice(window.sourceStart, window.sourceEnd),
    target: target.slice(window.targetStart, window.targetEnd),
    neighbours: windowNeighbours(source, target, window),
  }));
  const adaptation = parameters.adaptation;
  if (!adaptation || windows.length < 2)
    return slices.map((slice, index) => alignWindow(slice, index, parameters));
  let statistics = emptyStatistics();
  let sourceCharacters = 0;
  let targetCharacters = 0;
  let segments = 0;
  for (const slice of slices) {
    statistics = addStatistics(statistics, firstPassStatistics(slice, parameters));
    for (const features of slice.source) sourceCharacters += features.length;
    for (const features of slice.target) targetCharacters += features.length;
    segments += slice.source.length + slice.target.length;
  }
  const mean = blendedLengthRatio(sourceCharacters, targetCharacters, segments, parameters);
  // Each window still blends its own lengths into the mean, now around the document's adapted one; no third pass.
  const adapted = {
    ...adaptToDocument(parameters, mean, statistics, adaptation).parameters,
    adaptation: null,
  };
  return slices.map((slice, index) => alignWindow(slice, index, adapted));
}

/** One window's segments and what the segments just outside it cover of them. */
interface Slice {
  readonly source: readonly SentenceFeatures[];
  readonly target: readonly SentenceFeatures[];
  readonly neighbours: WindowNeighbours;
}

/**
 * What the segments just outside a window cover of it ({@link WindowNeighbours}): for each segment inside, the number
 * of its content units that share a key with the other side's segment right before or right after the window. Costs
 * one pass over the window's units.
 */
export function windowNeighbours(
  source: readonly SentenceFeatures[],
  target: readonly SentenceFeatures[],
  window: AlignmentWindow,
): WindowNeighbours {
  const covered = (
    inside: readonly SentenceFeatures[],
    from: number,
    to: number,
    outside: SentenceFeatures | undefined,
  ): Int32Array => {
    const counts = new Int32Array(to - from);
    if (!outside || outside.units.length === 0) return counts;
    const keys = new Set<number>();
    for (const unit of outside.units) for (const key of unit) keys.add(key);
    for (let index = from; index < to; index++) {
      let count = 0;
      for (const unit of inside[index]!.units) if (unit.some((key) => keys.has(key))) count++;
      counts[index - from] = count;
    }
    return counts;
  };
  const { sourceStart, sourceEnd, targetStart, targetEnd } = window;
  return {
    sourceCoveredBefore: covered(source, sourceStart, sourceEnd, target[targetStart - 1]),
    sourceCoveredAfter: covered(source, sourceStart, sourceEnd, target[targetEnd]),
    targetCoveredBefore: covered(target, targetStart, targetEnd, source[sourceStart - 1]),
    targetCoveredAfter: covered(target, targetStart, targetEnd, source[sourceEnd]),
  };
}

/** The statistics of {@link alignSentences}' first pass over one window (none when a side is empty). */
function firstPassStatistics(slice: Slice, parameters: AlignmentParameters): DocumentStatistics {
  const { source, target } = slice;
  const adaptation = parameters.adaptation;
  if (!adaptation || source.length === 0 || target.length === 0) return emptyStatistics();
  const keys = keyNumbering(source, target);
  const packedSource = new PackedSide(source, keys);
  const packedTarget = new PackedSide(target, keys);
  const mean = documentLengthRatio(packedSource, packedTarget, parameters);
  const first = alignPass(
    source,
    target,
    packedSource,
    packedTarget,
    parameters,
    mean,
    slice.neighbours,
  );
  return documentStatistics(first, mean, parameters.lengthLogRatioDeviation, adaptation);
}

/** One pass of the programme over the full grid or a band around the length diagonal, widened where needed. */
function alignPass(
  source: readonly SentenceFeatures[],
  target: readonly SentenceFeatures[],
  packedSource: PackedSide,
  packedTarget: PackedSide,
  parameters: AlignmentParameters,
  mean: number,
  neighbours: WindowNeighbours | undefined,
): ScoredBead[] {
  const sourceCount = packedSource.count;
  const targetCount = packedTarget.count;
  const shapes = resolveShapes(parameters);
  const halfWidth = parameters.bandHalfWidth;
  if (sourceCount * targetCount <= 160_000 || halfWidth >= Math.max(sourceCount, targetCount)) {
    const { low, high } = fullBand(sourceCount, targetCount);
    return alignInBand(packedSource, packedTarget, parameters, shapes, mean, low, high, neighbours)
      .beads;
  }
  let band = lengthBand(source, target, halfWidth);
  for (let retry = 0; ; retry++) {
    const result = alignInBand(
      packedSource,
      packedTarget,
      parameters,
      shapes,
      mean,
      band.low,
      band.high,
      neighbours,
    );
    if (!result.touchedEdge) return result.beads;
    // The path ran along the band's edge, so a better one may lie outside: widen the band around that path only,
    // keeping what was already inside (the optimum can only improve), rather than doubling it everywhere. After a
    // few such rounds the margin doubles, so the band reaches the full grid and the loop ends.
    const margin =
      retry < MAX_LOCAL_RETRIES ? halfWidth : halfWidth << (retry - MAX_LOCAL_RETRIES + 1);
    band = widenAroundPath(band, result.beads, margin, targetCount);
  }
}
