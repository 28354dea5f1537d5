import type { Bead } from './types';
import type { SentenceFeatures } from './lexicalFeatures';
import { NO_COMPETITOR_MARGIN, beadConfidence, type BeadEvidence } from './confidenceModel';

/**
 * Banded dynamic-programming alignment of two segment sequences from their features: beads of up to three segments a
 * side (1-1, 1-2, 2-1, 2-2, 1-3, 3-1, 2-3, 3-2) and null beads (1-0, 0-1), scored with a length model (log ratio of
 * Japanese to English characters, Gaussian) and lexical coverage (share of content units on both sides that find a
 * partner on the other side). The band follows the length diagonal, so time and memory grow linearly with length;
 * where the best path runs along its edge, the band is widened around that path and the programme run again.
 */

/** A bead shape: number of source and of target segments. */
export type BeadShape = readonly [sourceCount: number, targetCount: number];

/** Tunable parameters of the aligner. Defaults were calibrated on NTREX-128 EN-JA (see scripts/bench-align.ts). */
export interface AlignmentParameters {
  /** Prior mean of log((Japanese chars + 10) / (English chars + 10)); blended with the document's own ratio. */
  readonly lengthLogRatioMean: number;
  /** Standard deviation of that log ratio for a true 1-1 bead. */
  readonly lengthLogRatioDeviation: number;
  /** Weight of the length cost (z² / 2). */
  readonly lengthWeight: number;
  /** Weight of the lexical cost (1 − coverage). */
  readonly lexicalWeight: number;
  /** The lexical cost of a bead is multiplied by ((a + b) / 2) to this power (0: unscaled, 1: per segment). */
  readonly lexicalSizeExponent: number;
  /** Cost of leaving one segment unaligned (a 1-0 or 0-1 bead). */
  readonly nullCost: number;
  /** Extra cost per bead shape, keyed `a-b`; shapes missing here are not used. */
  readonly shapeCosts: Readonly<Record<string, number>>;
  /** Half-width of the band, in segments, for long documents (short ones are aligned in full). */
  readonly bandHalfWidth: number;
}

/** The calibrated defaults. */
export const defaultAlignmentParameters: AlignmentParameters = {
  lengthLogRatioMean: -0.53,
  lengthLogRatioDeviation: 0.19,
  lengthWeight: 0.4,
  lexicalWeight: 7,
  lexicalSizeExponent: 0.5,
  nullCost: 4.5,
  // Japanese splits an English sentence more often than it joins two, so 1-n beads cost a little less than n-1.
  shapeCosts: {
    '1-1': 0,
    '1-2': 2.88,
    '2-1': 3.6,
    '2-2': 9,
    '1-3': 5.76,
    '3-1': 7.2,
    '2-3': 9.6,
    '3-2': 12,
  },
  bandHalfWidth: 30,
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

const LENGTH_SMOOTHING = 10;

/**
 * One side's features packed into flat typed arrays (compressed rows: entry i of a list lives at
 * `list[start[i]] … list[start[i + 1] - 1]`), so the dynamic programme's inner loop reads numbers instead of chasing
 * nested arrays. Built once per {@link alignSentences} call and shared by every band retry.
 */
class PackedSide {
  readonly count: number;
  /** Visible characters before segment i (prefix sums, length count + 1). */
  readonly lengthPrefix: Float64Array;
  /** Content units of segment i. */
  readonly unitCount: Int32Array;
  /** Units of segment i are unitStart[i] … unitStart[i + 1] − 1. */
  readonly unitStart: Int32Array;
  /** Keys of unit u are unitKeys[unitKeyStart[u]] … unitKeys[unitKeyStart[u + 1] − 1]. */
  readonly unitKeyStart: Int32Array;
  readonly unitKeys: Int32Array;
  /**
   * Segments holding key k, ascending and without repeats: postings[postingStart[k]] …
   * postings[postingStart[k + 1] − 1].
   */
  readonly postingStart: Int32Array;
  readonly postings: Int32Array;

  constructor(features: readonly SentenceFeatures[], keyLimit: number) {
    const count = features.length;
    this.count = count;
    this.lengthPrefix = new Float64Array(count + 1);
    this.unitCount = new Int32Array(count);
    this.unitStart = new Int32Array(count + 1);
    let unitTotal = 0;
    let keyTotal = 0;
    features.forEach((sentence, index) => {
      this.lengthPrefix[index + 1] = this.lengthPrefix[index]! + sentence.length;
      this.unitCount[index] = sentence.units.length;
      unitTotal += sentence.units.length;
      for (const unit of sentence.units) keyTotal += unit.length;
      this.unitStart[index + 1] = unitTotal;
    });
    this.unitKeyStart = new Int32Array(unitTotal + 1);
    this.unitKeys = new Int32Array(keyTotal);
    // Postings are counted first (one entry per segment and key), then filled: two passes, no growing arrays.
    const postingCount = new Int32Array(keyLimit + 1);
    const lastSegment = new Int32Array(keyLimit).fill(-1);
    let unit = 0;
    let key = 0;
    for (let index = 0; index < count; index++) {
      for (const unitKeys of features[index]!.units) {
        for (const id of unitKeys) {
          this.unitKeys[key++] = id;
          if (lastSegment[id] !== index) {
            lastSegment[id] = index;
            postingCount[id + 1]!++;
          }
        }
        this.unitKeyStart[++unit] = key;
      }
    }
    for (let id = 0; id < keyLimit; id++) postingCount[id + 1]! += postingCount[id]!;
    this.postingStart = postingCount;
    this.postings = new Int32Array(postingCount[keyLimit]!);
    const fill = postingCount.slice(0, keyLimit);
    lastSegment.fill(-1);
    for (let index = 0; index < count; index++) {
      for (let u = this.unitStart[index]!; u < this.unitStart[index + 1]!; u++) {
        for (let k = this.unitKeyStart[u]!; k < this.unitKeyStart[u + 1]!; k++) {
          const id = this.unitKeys[k]!;
          if (lastSegment[id] === index) continue;
          lastSegment[id] = index;
          this.postings[fill[id]!++] = index;
        }
      }
    }
  }

  /** Visible characters of segments [from, to). */
  length(from: number, to: number): number {
    return this.lengthPrefix[to]! - this.lengthPrefix[from]!;
  }
}

/** Largest key id in either side's features, plus one (the size of key-indexed tables). */
function keyLimitOf(...sides: readonly (readonly SentenceFeatures[])[]): number {
  let limit = 0;
  for (const side of sides) {
    for (const sentence of side) {
      for (const unit of sentence.units) for (const key of unit) if (key >= limit) limit = key + 1;
    }
  }
  return limit;
}

/**
 * Coverage counts of every sentence pair the band can put in one bead: for source s and target t, how many units of
 * s share a key with t, and how many units of t share a key with s. Row s stores targets first[s] … first[s] +
 * width[s] − 1, flat in one array; pairs outside count 0.
 */
class PairCoverage {
  /** For source sentence s: first target index stored. */
  readonly first: Int32Array;
  /** For source sentence s: number of targets stored. */
  readonly width: Int32Array;
  /** For source sentence s: where its row starts in the flat arrays. */
  readonly rowStart: Int32Array;
  /** Source units of s covered by target t. */
  readonly sourceCovered: Int32Array;
  /** Target units of t covered by s. */
  readonly targetCovered: Int32Array;

  constructor(source: PackedSide, target: PackedSide, low: Int32Array, high: Int32Array) {
    const sourceCount = source.count;
    const targetCount = target.count;
    this.first = new Int32Array(sourceCount);
    this.width = new Int32Array(sourceCount);
    this.rowStart = new Int32Array(sourceCount + 1);
    for (let s = 0; s < sourceCount; s++) {
      // A bead ending at row s + 1 may reach a few targets past the band's edge; the margins keep those scored.
      const from = Math.max(0, low[s]! - 4);
      const to = Math.min(targetCount - 1, high[s + 1]! + 3);
      this.first[s] = from;
      this.width[s] = Math.max(0, to - from + 1);
      this.rowStart[s + 1] = this.rowStart[s]! + this.width[s]!;
    }
    this.sourceCovered = new Int32Array(this.rowStart[sourceCount]!);
    this.targetCovered = new Int32Array(this.rowStart[sourceCount]!);
    this.countSourceUnits(source, target);
    this.countTargetUnits(source, target);
  }

  /** Fills sourceCovered: for each unit of s, every target in s's row holding one of its keys counts once. */
  private countSourceUnits(source: PackedSide, target: PackedSide): void {
    const stamp = new Int32Array(target.count).fill(-1);
    let stampValue = 0;
    for (let s = 0; s < source.count; s++) {
      const from = this.first[s]!;
      const to = from + this.width[s]! - 1;
      const row = this.rowStart[s]!;
      for (let unit = source.unitStart[s]!; unit < source.unitStart[s + 1]!; unit++) {
        stampValue++;
        for (let k = source.unitKeyStart[unit]!; k < source.unitKeyStart[unit + 1]!; k++) {
          const key = source.unitKeys[k]!;
          const end = target.postingStart[key + 1]!;
          for (
            let index = lowerBound(target.postings, target.postingStart[key]!, end, from);
            index < end;
            index++
          ) {
            const t = target.postings[index]!;
            if (t > to) break;
            if (stamp[t] === stampValue) continue;
            stamp[t] = stampValue;
            this.sourceCovered[row + t - from]!++;
          }
        }
      }
    }
  }

  /**
   * Fills targetCovered. The rows' target ranges only move forward (the band is monotone), so the sources whose row
   * holds target t form one run [sourceLow, sourceHigh], found by two pointers.
   */
  private countTargetUnits(source: PackedSide, target: PackedSide): void {
    const stamp = new Int32Array(source.count).fill(-1);
    let stampValue = 0;
    let sourceLow = 0;
    let sourceHigh = -1;
    for (let t = 0; t < target.count; t++) {
      while (sourceLow < source.count && this.first[sourceLow]! + this.width[sourceLow]! <= t)
        sourceLow++;
      while (sourceHigh + 1 < source.count && this.first[sourceHigh + 1]! <= t) sourceHigh++;
      for (let unit = target.unitStart[t]!; unit < target.unitStart[t + 1]!; unit++) {
        stampValue++;
        for (let k = target.unitKeyStart[unit]!; k < target.unitKeyStart[unit + 1]!; k++) {
          const key = target.unitKeys[k]!;
          const end = source.postingStart[key + 1]!;
          const start = lowerBound(source.postings, source.postingStart[key]!, end, sourceLow);
          for (let index = start; index < end; index++) {
            const s = source.postings[index]!;
            if (s > sourceHigh) break;
            if (stamp[s] === stampValue) continue;
            const offset = t - this.first[s]!;
            if (offset < 0 || offset >= this.width[s]!) continue;
            stamp[s] = stampValue;
            this.targetCovered[this.rowStart[s]! + offset]!++;
          }
        }
      }
    }
  }

  /** Units of source s covered by targets [t0, t1), each target counted separately. */
  sourceUnitsCovered(s: number, t0: number, t1: number): number {
    const from = Math.max(t0, this.first[s]!);
    const to = Math.min(t1, this.first[s]! + this.width[s]!);
    const offset = this.rowStart[s]! - this.first[s]!;
    let covered = 0;
    for (let t = from; t < to; t++) covered += this.sourceCovered[offset + t]!;
    return covered;
  }

  /** Units of target t covered by source s. */
  targetUnitsCovered(s: number, t: number): number {
    const offset = t - this.first[s]!;
    return offset >= 0 && offset < this.width[s]!
      ? this.targetCovered[this.rowStart[s]! + offset]!
      : 0;
  }
}

/** First index in list[from, to) whose value is ≥ value (the list is ascending there). */
function lowerBound(list: Int32Array, from: number, to: number, value: number): number {
  let low = from;
  let high = to;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (list[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** A bead shape with its parameters resolved once. */
interface ResolvedShape {
  readonly a: number;
  readonly b: number;
  /** The shape's extra cost (0 for null beads, which cost `nullCost`). */
  readonly cost: number;
  /** ((a + b) / 2) ^ lexicalSizeExponent. */
  readonly size: number;
  readonly isNull: boolean;
}

function resolveShapes(parameters: AlignmentParameters): ResolvedShape[] {
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
function shapeTryOrder(shapes: readonly ResolvedShape[]): Int32Array {
  const indices = shapes.map((_, index) => index);
  const isNull = (index: number): boolean => shapes[index]!.isNull;
  return Int32Array.from([...indices.filter(isNull), ...indices.filter((index) => !isNull(index))]);
}

/** Scores linked beads (not null beads) from the packed sides and the band's coverage counts. */
class BeadScorer {
  // The arrays the inner loop reads, held directly (one load each instead of two per access).
  private readonly sourceLengths: Float64Array;
  private readonly targetLengths: Float64Array;
  private readonly sourceUnits: Int32Array;
  private readonly targetUnits: Int32Array;
  private readonly lengthWeight: number;
  private readonly lexicalWeight: number;
  private readonly deviation: number;

  constructor(
    source: PackedSide,
    target: PackedSide,
    private readonly coverage: PairCoverage,
    parameters: AlignmentParameters,
    /** Mean log length ratio for this document. */
    private readonly mean: number,
  ) {
    this.sourceLengths = source.lengthPrefix;
    this.targetLengths = target.lengthPrefix;
    this.sourceUnits = source.unitStart;
    this.targetUnits = target.unitStart;
    this.lengthWeight = parameters.lengthWeight;
    this.lexicalWeight = parameters.lexicalWeight;
    this.deviation = parameters.lengthLogRatioDeviation;
  }

  /** Length z-score of the bead source [s0, s0 + a), target [t0, t0 + b). */
  lengthDeviation(s0: number, a: number, t0: number, b: number): number {
    const sourceLength = this.sourceLengths[s0 + a]! - this.sourceLengths[s0]!;
    const targetLength = this.targetLengths[t0 + b]! - this.targetLengths[t0]!;
    return (
      (Math.log((targetLength + LENGTH_SMOOTHING) / (sourceLength + LENGTH_SMOOTHING)) -
        this.mean) /
      this.deviation
    );
  }

  /**
   * Lexical coverage in [0, 1] of the bead: covered units on both sides over all units (+1). A unit counts once per
   * partner segment that covers it, capped at its segment's unit count.
   */
  lexicalCoverage(s0: number, a: number, t0: number, b: number): number {
    const { sourceUnits, targetUnits } = this;
    const { first, width, rowStart, sourceCovered, targetCovered } = this.coverage;
    const s1 = s0 + a;
    const t1 = t0 + b;
    let covered = 0;
    for (let s = s0; s < s1; s++) {
      const units = sourceUnits[s + 1]! - sourceUnits[s]!;
      const from = first[s]!;
      const offset = rowStart[s]! - from;
      const end = Math.min(t1, from + width[s]!);
      let count = 0;
      for (let t = Math.max(t0, from); t < end; t++) count += sourceCovered[offset + t]!;
      covered += count < units ? count : units;
    }
    for (let t = t0; t < t1; t++) {
      const units = targetUnits[t + 1]! - targetUnits[t]!;
      let count = 0;
      for (let s = s0; s < s1; s++) {
        const column = t - first[s]!;
        if (column >= 0 && column < width[s]!) count += targetCovered[rowStart[s]! + column]!;
      }
      covered += count < units ? count : units;
    }
    const units = sourceUnits[s1]! - sourceUnits[s0]! + targetUnits[t1]! - targetUnits[t0]!;
    return covered / (units + 1);
  }

  /** Length cost of a linked bead: lengthWeight · z² / 2. */
  lengthCost(s0: number, t0: number, shape: ResolvedShape): number {
    const z = this.lengthDeviation(s0, shape.a, t0, shape.b);
    return (this.lengthWeight * z * z) / 2;
  }

  /** Lexical cost of a linked bead: lexicalWeight · (1 − coverage) · size. */
  lexicalCost(s0: number, t0: number, shape: ResolvedShape): number {
    const lexical = this.lexicalCoverage(s0, shape.a, t0, shape.b);
    return this.lexicalWeight * (1 - lexical) * shape.size;
  }

  /**
   * A lower bound of {@link lexicalCost} from unit counts alone: coverage is at most units / (units + 1), so the
   * cost is at least lexicalWeight · size / (units + 1).
   */
  lexicalCostFloor(s0: number, t0: number, shape: ResolvedShape): number {
    const { sourceUnits, targetUnits } = this;
    const units =
      sourceUnits[s0 + shape.a]! - sourceUnits[s0]! + targetUnits[t0 + shape.b]! - targetUnits[t0]!;
    return (this.lexicalWeight * shape.size) / (units + 1);
  }

  /** Cost of a linked bead without its shape cost: length and lexical terms. */
  cost(s0: number, t0: number, shape: ResolvedShape): number {
    return this.lengthCost(s0, t0, shape) + this.lexicalCost(s0, t0, shape);
  }
}

/**
 * Slack for pruning with {@link BeadScorer.lexicalCostFloor}: the bound is summed in another order than the cost it
 * bounds, so it may exceed it by rounding (~1e-12 at the path costs seen); skipping only beyond this slack keeps the
 * result exactly what full scoring gives.
 */
const PRUNING_SLACK = 1e-6;

/**
 * Aligns two feature sequences.
 * @param source features of the English segments, in order
 * @param target features of the Japanese segments, in order
 * @param parameters scoring parameters (defaults: {@link defaultAlignmentParameters})
 * @returns beads covering every segment of both sides exactly once, in order, with 0-based indices; confidence is
 *   filled by {@link beadConfidence}
 */
export function alignSentences(
  source: readonly SentenceFeatures[],
  target: readonly SentenceFeatures[],
  parameters: AlignmentParameters = defaultAlignmentParameters,
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
  const keyLimit = keyLimitOf(source, target);
  const packedSource = new PackedSide(source, keyLimit);
  const packedTarget = new PackedSide(target, keyLimit);
  const mean = documentLengthRatio(packedSource, packedTarget, parameters);
  const shapes = resolveShapes(parameters);
  const halfWidth = parameters.bandHalfWidth;
  if (sourceCount * targetCount <= 160_000 || halfWidth >= Math.max(sourceCount, targetCount)) {
    const { low, high } = fullBand(sourceCount, targetCount);
    return alignInBand(packedSource, packedTarget, parameters, shapes, mean, low, high).beads;
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

/** Band retries that add a fixed margin around the last path before the margin starts doubling. */
const MAX_LOCAL_RETRIES = 3;

/**
 * The union of a band and the nodes within `margin` target segments of a path (the beads' corner nodes, and for the
 * rows a bead spans, its target range).
 */
function widenAroundPath(
  band: { low: Int32Array; high: Int32Array },
  beads: readonly Bead[],
  margin: number,
  targetCount: number,
): { low: Int32Array; high: Int32Array } {
  const low = band.low.slice();
  const high = band.high.slice();
  let s = 0;
  let t = 0;
  for (const bead of beads) {
    const sourceEnd = s + bead.sourceIndices.length;
    const targetEnd = t + bead.targetIndices.length;
    for (let row = s; row <= sourceEnd; row++) {
      low[row] = Math.min(low[row]!, Math.max(0, t - margin));
      high[row] = Math.max(high[row]!, Math.min(targetCount, targetEnd + margin));
    }
    s = sourceEnd;
    t = targetEnd;
  }
  // Both bands are monotone, and so is their union; nothing to repair.
  return { low, high };
}

/** Document-level length ratio, shrunk toward the prior: absorbs a translator's or a domain's verbosity. */
function documentLengthRatio(
  source: PackedSide,
  target: PackedSide,
  parameters: AlignmentParameters,
): number {
  const sourceTotal = source.length(0, source.count);
  const targetTotal = target.length(0, target.count);
  const documentRatio = Math.log(
    (targetTotal + LENGTH_SMOOTHING) / (sourceTotal + LENGTH_SMOOTHING),
  );
  const weight = Math.min(1, (source.count + target.count) / 60);
  return weight * documentRatio + (1 - weight) * parameters.lengthLogRatioMean;
}

function nullBead(sourceIndices: number[], targetIndices: number[]): ScoredBead {
  return {
    sourceIndices,
    targetIndices,
    confidence: 0.3,
    cost: 0,
    lexicalCoverage: 0,
    lengthDeviation: 0,
    evidence: emptyEvidence(sourceIndices.length, targetIndices.length, 0),
  };
}

function emptyEvidence(sourceCount: number, targetCount: number, cost: number): BeadEvidence {
  return {
    sourceCount,
    targetCount,
    cost,
    lexicalCoverage: 0,
    lengthDeviation: 0,
    units: 0,
    characters: 0,
    margin: NO_COMPETITOR_MARGIN,
    mergeMargin: NO_COMPETITOR_MARGIN,
    splitMargin: NO_COMPETITOR_MARGIN,
    neighbourCost: 0,
    neighbourNulls: 0,
  };
}

function withConfidence(bead: ScoredBead): ScoredBead {
  return { ...bead, confidence: beadConfidence(bead.evidence) };
}

function fullBand(sourceCount: number, targetCount: number): { low: Int32Array; high: Int32Array } {
  const low = new Int32Array(sourceCount + 1);
  const high = new Int32Array(sourceCount + 1).fill(targetCount);
  return { low, high };
}

/** A band of ±halfWidth target segments around the diagonal given by cumulative character length. */
function lengthBand(
  source: readonly SentenceFeatures[],
  target: readonly SentenceFeatures[],
  halfWidth: number,
): { low: Int32Array; high: Int32Array } {
  const targetCumulative = new Float64Array(target.length + 1);
  for (let t = 0; t < target.length; t++)
    targetCumulative[t + 1] = targetCumulative[t]! + target[t]!.length + 1;
  const sourceTotal = source.reduce((sum, features) => sum + features.length + 1, 0);
  const targetTotal = targetCumulative[target.length]!;
  const low = new Int32Array(source.length + 1);
  const high = new Int32Array(source.length + 1);
  let sourceSoFar = 0;
  let t = 0;
  for (let s = 0; s <= source.length; s++) {
    const position = (sourceSoFar / sourceTotal) * targetTotal;
    while (t < target.length && targetCumulative[t + 1]! <= position) t++;
    low[s] = Math.max(0, t - halfWidth);
    high[s] = Math.min(target.length, t + halfWidth);
    if (s < source.length) sourceSoFar += source[s]!.length + 1;
  }
  low[0] = 0;
  high[source.length] = target.length;
  // Keep the band monotone so every row can be reached.
  for (let s = 1; s <= source.length; s++) low[s] = Math.max(low[s]!, low[s - 1]!);
  for (let s = source.length - 1; s >= 0; s--) high[s] = Math.min(high[s]!, high[s + 1]!);
  for (let s = 0; s <= source.length; s++) if (high[s]! < low[s]!) high[s] = low[s]!;
  return { low, high };
}

/**
 * The dynamic programme inside one band. Node (s, t) — s source and t target segments consumed — is stored at
 * rowOffset[s] + t − low[s]; best holds the cheapest cost to reach it and back the shape of its last bead.
 */
function alignInBand(
  source: PackedSide,
  target: PackedSide,
  parameters: AlignmentParameters,
  shapes: readonly ResolvedShape[],
  mean: number,
  low: Int32Array,
  high: Int32Array,
): { beads: ScoredBead[]; touchedEdge: boolean } {
  const sourceCount = source.count;
  const targetCount = target.count;
  const scorer = new BeadScorer(
    source,
    target,
    new PairCoverage(source, target, low, high),
    parameters,
    mean,
  );

  const rowOffset = new Int32Array(sourceCount + 2);
  for (let s = 0; s <= sourceCount; s++)
    rowOffset[s + 1] = rowOffset[s]! + (high[s]! - low[s]! + 1);
  const nodeCount = rowOffset[sourceCount + 1]!;
  const best = new Float64Array(nodeCount).fill(Infinity);
  const back = new Int8Array(nodeCount).fill(-1);
  best[0] = 0;
  const node = (s: number, t: number): number =>
    t < low[s]! || t > high[s]! ? -1 : rowOffset[s]! + (t - low[s]!);

  const tryOrder = shapeTryOrder(shapes);
  for (let s = 0; s <= sourceCount; s++) {
    for (let t = low[s]!; t <= high[s]!; t++) {
      if (s === 0 && t === 0) continue;
      let bestCost = Infinity;
      let bestShape = -1;
      for (const shapeIndex of tryOrder) {
        const shape = shapes[shapeIndex]!;
        const s0 = s - shape.a;
        const t0 = t - shape.b;
        if (s0 < 0 || t0 < 0 || t0 < low[s0]! || t0 > high[s0]!) continue;
        const previousCost = best[rowOffset[s0]! + (t0 - low[s0]!)]!;
        if (previousCost === Infinity) continue;
        let cost: number;
        if (shape.isNull) cost = parameters.nullCost;
        else {
          // The scored terms are positive: skip the scoring when the shape cost alone cannot win (ties go to the
          // lower shape index, as if shapes were tried in their listed order)…
          const bound = previousCost + shape.cost;
          if (bound > bestCost || (bound === bestCost && shapeIndex > bestShape)) continue;
          // …or when the cheap terms cannot: the least lexical cost the unit counts allow, then the length cost.
          const floor = bound + scorer.lexicalCostFloor(s0, t0, shape);
          if (floor >= bestCost + PRUNING_SLACK) continue;
          const lengthCost = scorer.lengthCost(s0, t0, shape);
          if (floor + lengthCost >= bestCost + PRUNING_SLACK) continue;
          cost = shape.cost + (lengthCost + scorer.lexicalCost(s0, t0, shape));
        }
        const total = previousCost + cost;
        if (total < bestCost || (total === bestCost && shapeIndex < bestShape)) {
          bestCost = total;
          bestShape = shapeIndex;
        }
      }
      const here = rowOffset[s]! + (t - low[s]!);
      best[here] = bestCost;
      back[here] = bestShape;
    }
  }

  const beads: ScoredBead[] = [];
  let s = sourceCount;
  let t = targetCount;
  let touchedEdge = false;
  while (s > 0 || t > 0) {
    const shape = shapes[back[node(s, t)]!]!;
    if ((t === low[s] && low[s]! > 0) || (t === high[s] && high[s]! < targetCount))
      touchedEdge = true;
    const s0 = s - shape.a;
    const t0 = t - shape.b;
    const sourceIndices = range(s0, s);
    const targetIndices = range(t0, t);
    if (shape.isNull) {
      beads.push({ ...nullBead(sourceIndices, targetIndices), cost: parameters.nullCost });
    } else {
      const coverage = scorer.lexicalCoverage(s0, shape.a, t0, shape.b);
      const z = scorer.lengthDeviation(s0, shape.a, t0, shape.b);
      beads.push({
        ...nullBead(sourceIndices, targetIndices),
        cost: shape.cost + scorer.cost(s0, t0, shape),
        lexicalCoverage: coverage,
        lengthDeviation: z,
      });
    }
    s = s0;
    t = t0;
  }
  beads.reverse();
  return { beads: attachEvidence(beads, source, target, scorer, shapes, parameters), touchedEdge };
}

/**
 * Fills each bead's evidence and calibrated confidence once the path is known (neighbours are part of the evidence).
 * Costs a few extra bead scorings per bead: the local competitors.
 */
function attachEvidence(
  beads: readonly ScoredBead[],
  source: PackedSide,
  target: PackedSide,
  scorer: BeadScorer,
  shapes: readonly ResolvedShape[],
  parameters: AlignmentParameters,
): ScoredBead[] {
  const shapeOf = new Map(
    shapes.filter((shape) => !shape.isNull).map((shape) => [`${shape.a}-${shape.b}`, shape]),
  );
  /** DP cost of the bead source [s0, s0 + a), target [t0, t0 + b); Infinity for a shape the aligner does not use. */
  const costAt = (s0: number, a: number, t0: number, b: number): number => {
    if (s0 < 0 || t0 < 0 || s0 + a > source.count || t0 + b > target.count) return Infinity;
    if (a === 0 || b === 0) return a + b === 1 ? parameters.nullCost : Infinity;
    const shape = shapeOf.get(`${a}-${b}`);
    return shape ? shape.cost + scorer.cost(s0, t0, shape) : Infinity;
  };
  const starts: [number, number][] = [];
  let s0 = 0;
  let t0 = 0;
  for (const bead of beads) {
    starts.push([s0, t0]);
    s0 += bead.sourceIndices.length;
    t0 += bead.targetIndices.length;
  }
  return beads.map((bead, index) => {
    const [s0, t0] = starts[index]!;
    const a = bead.sourceIndices.length;
    const b = bead.targetIndices.length;
    const previous = beads[index - 1];
    const next = beads[index + 1];
    const isNullBead = (neighbour: ScoredBead | undefined): number =>
      neighbour && (neighbour.sourceIndices.length === 0 || neighbour.targetIndices.length === 0)
        ? 1
        : 0;
    let margin = NO_COMPETITOR_MARGIN;
    let lexicalCoverage = bead.lexicalCoverage;
    let lengthDeviation = bead.lengthDeviation;
    if (a > 0 && b > 0) {
      // The same shape shifted by one segment on either side.
      const competitor = Math.min(
        costAt(s0, a, t0 - 1, b),
        costAt(s0, a, t0 + 1, b),
        costAt(s0 - 1, a, t0, b),
        costAt(s0 + 1, a, t0, b),
      );
      if (competitor < Infinity) margin = competitor - bead.cost;
    } else {
      // The segment paired 1-1 with the neighbouring segment on the other side, before or after the gap.
      const candidates: [number, number][] =
        a > 0
          ? [
              [s0, t0 - 1],
              [s0, t0],
            ]
          : [
              [s0 - 1, t0],
              [s0, t0],
            ];
      let best = Infinity;
      for (const [s, t] of candidates) {
        const cost = costAt(s, 1, t, 1);
        if (cost < best) {
          best = cost;
          lexicalCoverage = scorer.lexicalCoverage(s, 1, t, 1);
          lengthDeviation = scorer.lengthDeviation(s, 1, t, 1);
        }
      }
      if (best < Infinity) margin = best - parameters.nullCost;
    }
    // Joining the bead with a neighbour into one bead, or splitting it in two: what would that cost more?
    let mergeMargin = Infinity;
    if (previous) {
      const [ps, pt] = starts[index - 1]!;
      const pa = previous.sourceIndices.length;
      const pb = previous.targetIndices.length;
      mergeMargin = Math.min(
        mergeMargin,
        costAt(ps, pa + a, pt, pb + b) - previous.cost - bead.cost,
      );
    }
    if (next) {
      const na = next.sourceIndices.length;
      const nb = next.targetIndices.length;
      mergeMargin = Math.min(mergeMargin, costAt(s0, a + na, t0, b + nb) - next.cost - bead.cost);
    }
    let splitMargin = Infinity;
    for (let i = 0; i <= a; i++) {
      for (let j = 0; j <= b; j++) {
        if ((i === 0 && j === 0) || (i === a && j === b)) continue;
        const split = costAt(s0, i, t0, j) + costAt(s0 + i, a - i, t0 + j, b - j);
        splitMargin = Math.min(splitMargin, split - bead.cost);
      }
    }
    const evidence: BeadEvidence = {
      sourceCount: a,
      targetCount: b,
      cost: bead.cost,
      lexicalCoverage,
      lengthDeviation,
      units:
        source.unitStart[s0 + a]! -
        source.unitStart[s0]! +
        target.unitStart[t0 + b]! -
        target.unitStart[t0]!,
      characters: source.length(s0, s0 + a) + target.length(t0, t0 + b),
      margin,
      mergeMargin: Math.min(mergeMargin, NO_COMPETITOR_MARGIN),
      splitMargin: Math.min(splitMargin, NO_COMPETITOR_MARGIN),
      neighbourCost: Math.max(previous?.cost ?? 0, next?.cost ?? 0),
      neighbourNulls: isNullBead(previous) + isNullBead(next),
    };
    return { ...bead, evidence, confidence: beadConfidence(evidence) };
  });
}

function range(from: number, to: number): number[] {
  const list: number[] = [];
  for (let index = from; index < to; index++) list.push(index);
  return list;
}
