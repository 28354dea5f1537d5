import type { Bead } from './types';
import type { SentenceFeatures } from './lexicalFeatures';

/**
 * Banded dynamic-programming alignment of two segment sequences from their features: beads of up to three segments a
 * side (1-1, 1-2, 2-1, 2-2, 1-3, 3-1, 2-3, 3-2) and null beads (1-0, 0-1), scored with a length model (log ratio of
 * Japanese to English characters, Gaussian) and lexical coverage (share of content units on both sides that find a
 * partner on the other side). The band follows the length diagonal, so time and memory grow linearly with length.
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
  shapeCosts: { '1-1': 0, '1-2': 2.88, '2-1': 3.6, '2-2': 9, '1-3': 5.76, '3-1': 7.2, '2-3': 9.6, '3-2': 12 },
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
}

/** Limits for one alignment: fixed start and end nodes, used by realignment between pinned beads. */
export interface AlignmentWindow {
  readonly sourceStart: number;
  readonly sourceEnd: number;
  readonly targetStart: number;
  readonly targetEnd: number;
}

const LENGTH_SMOOTHING = 10;

/** Coverage counts of every sentence pair inside the band. */
class PairCoverage {
  /** For source sentence s: first target index stored. */
  readonly first: Int32Array;
  /** For source sentence s: source units of s covered by target t, at offset t − first[s]. */
  readonly sourceCovered: Float32Array[];
  /** For source sentence s: target units of t covered by s. */
  readonly targetCovered: Float32Array[];

  constructor(
    source: readonly SentenceFeatures[],
    target: readonly SentenceFeatures[],
    low: Int32Array,
    high: Int32Array,
  ) {
    const sourceCount = source.length;
    this.first = new Int32Array(sourceCount);
    this.sourceCovered = [];
    this.targetCovered = [];
    const targetSets = target.map((features) => keySet(features));
    const sourceSets = source.map((features) => keySet(features));
    // Postings: key → ascending target indices (and source indices) holding it.
    const targetPostings = postings(targetSets);
    const sourcePostings = postings(sourceSets);
    const stamp = new Int32Array(target.length + 1).fill(-1);
    let stampValue = 0;
    for (let s = 0; s < sourceCount; s++) {
      const from = Math.max(0, low[s]! - 4);
      const to = Math.min(target.length - 1, high[s + 1]! + 3);
      this.first[s] = from;
      const width = Math.max(0, to - from + 1);
      const sourceCovered = new Float32Array(width);
      for (const unit of source[s]!.units) {
        stampValue++;
        for (const key of unit) {
          const list = targetPostings.get(key);
          if (!list) continue;
          for (let index = lowerBound(list, from); index < list.length && list[index]! <= to; index++) {
            const t = list[index]!;
            if (stamp[t] === stampValue) continue;
            stamp[t] = stampValue;
            sourceCovered[t - from]!++;
          }
        }
      }
      this.sourceCovered.push(sourceCovered);
      this.targetCovered.push(new Float32Array(width));
    }
    // Target side: for each target sentence, which source sentences in range cover each of its units.
    const sourceStamp = new Int32Array(sourceCount + 1).fill(-1);
    for (let t = 0; t < target.length; t++) {
      for (const unit of target[t]!.units) {
        stampValue++;
        for (const key of unit) {
          const list = sourcePostings.get(key);
          if (!list) continue;
          for (const s of list) {
            if (sourceStamp[s] === stampValue) continue;
            const offset = t - this.first[s]!;
            if (offset < 0 || offset >= this.targetCovered[s]!.length) continue;
            sourceStamp[s] = stampValue;
            this.targetCovered[s]![offset]!++;
          }
        }
      }
    }
  }

  source(s: number, t: number): number {
    const offset = t - this.first[s]!;
    const row = this.sourceCovered[s]!;
    return offset >= 0 && offset < row.length ? row[offset]! : 0;
  }

  target(s: number, t: number): number {
    const offset = t - this.first[s]!;
    const row = this.targetCovered[s]!;
    return offset >= 0 && offset < row.length ? row[offset]! : 0;
  }
}

function keySet(features: SentenceFeatures): number[] {
  const set = new Set<number>();
  for (const unit of features.units) for (const key of unit) set.add(key);
  return [...set];
}

function postings(sets: readonly number[][]): Map<number, number[]> {
  const map = new Map<number, number[]>();
  sets.forEach((keys, index) => {
    for (const key of keys) {
      const list = map.get(key);
      if (list) list.push(index);
      else map.set(key, [index]);
    }
  });
  return map;
}

function lowerBound(list: readonly number[], value: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (list[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

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
    return [
      ...source.map((_, index) => nullBead([index], [])),
      ...target.map((_, index) => nullBead([], [index])),
    ];
  }
  let halfWidth = parameters.bandHalfWidth;
  for (;;) {
    const full = sourceCount * targetCount <= 160_000 || halfWidth >= Math.max(sourceCount, targetCount);
    const { low, high } = full ? fullBand(sourceCount, targetCount) : lengthBand(source, target, halfWidth);
    const result = alignInBand(source, target, parameters, low, high);
    if (full || !result.touchedEdge) return result.beads;
    halfWidth *= 2;
  }
}

function nullBead(sourceIndices: number[], targetIndices: number[]): ScoredBead {
  return { sourceIndices, targetIndices, confidence: 0.3, cost: 0, lexicalCoverage: 0, lengthDeviation: 0 };
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
  for (let t = 0; t < target.length; t++) targetCumulative[t + 1] = targetCumulative[t]! + target[t]!.length + 1;
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

function alignInBand(
  source: readonly SentenceFeatures[],
  target: readonly SentenceFeatures[],
  parameters: AlignmentParameters,
  low: Int32Array,
  high: Int32Array,
): { beads: ScoredBead[]; touchedEdge: boolean } {
  const sourceCount = source.length;
  const targetCount = target.length;
  const coverage = new PairCoverage(source, target, low, high);
  const shapes = Object.entries(parameters.shapeCosts).map(([name, cost]) => {
    const [a, b] = name.split('-').map(Number) as [number, number];
    return { a, b, cost };
  });
  shapes.push({ a: 1, b: 0, cost: 0 }, { a: 0, b: 1, cost: 0 });

  // Document-level length ratio, shrunk toward the prior: absorbs a translator's or a domain's verbosity.
  const sourceTotal = source.reduce((sum, features) => sum + features.length, 0);
  const targetTotal = target.reduce((sum, features) => sum + features.length, 0);
  const documentRatio = Math.log((targetTotal + LENGTH_SMOOTHING) / (sourceTotal + LENGTH_SMOOTHING));
  const weight = Math.min(1, (sourceCount + targetCount) / 60);
  const mean = weight * documentRatio + (1 - weight) * parameters.lengthLogRatioMean;
  const deviation = parameters.lengthLogRatioDeviation;

  const rowOffset = new Int32Array(sourceCount + 2);
  for (let s = 0; s <= sourceCount; s++) rowOffset[s + 1] = rowOffset[s]! + (high[s]! - low[s]! + 1);
  const nodeCount = rowOffset[sourceCount + 1]!;
  const best = new Float64Array(nodeCount).fill(Infinity);
  const back = new Int8Array(nodeCount).fill(-1);
  best[0] = 0;
  const node = (s: number, t: number): number =>
    t < low[s]! || t > high[s]! ? -1 : rowOffset[s]! + (t - low[s]!);

  const sourceUnits = source.map((features) => features.units.length);
  const targetUnits = target.map((features) => features.units.length);
  const beadScore = (s0: number, a: number, t0: number, b: number): { cost: number; coverage: number; z: number } => {
    let sourceLength = 0;
    let targetLength = 0;
    let coveredSource = 0;
    let coveredTarget = 0;
    let unitsSource = 0;
    let unitsTarget = 0;
    for (let s = s0; s < s0 + a; s++) {
      sourceLength += source[s]!.length;
      unitsSource += sourceUnits[s]!;
      let covered = 0;
      for (let t = t0; t < t0 + b; t++) covered += coverage.source(s, t);
      coveredSource += Math.min(covered, sourceUnits[s]!);
    }
    for (let t = t0; t < t0 + b; t++) {
      targetLength += target[t]!.length;
      unitsTarget += targetUnits[t]!;
      let covered = 0;
      for (let s = s0; s < s0 + a; s++) covered += coverage.target(s, t);
      coveredTarget += Math.min(covered, targetUnits[t]!);
    }
    const z =
      (Math.log((targetLength + LENGTH_SMOOTHING) / (sourceLength + LENGTH_SMOOTHING)) - mean) / deviation;
    const lexical = (coveredSource + coveredTarget) / (unitsSource + unitsTarget + 1);
    const size = Math.pow((a + b) / 2, parameters.lexicalSizeExponent);
    const cost = (parameters.lengthWeight * z * z) / 2 + parameters.lexicalWeight * (1 - lexical) * size;
    return { cost, coverage: lexical, z };
  };

  for (let s = 0; s <= sourceCount; s++) {
    for (let t = low[s]!; t <= high[s]!; t++) {
      const here = node(s, t);
      if (s === 0 && t === 0) continue;
      let bestCost = Infinity;
      let bestShape = -1;
      for (let shapeIndex = 0; shapeIndex < shapes.length; shapeIndex++) {
        const shape = shapes[shapeIndex]!;
        const s0 = s - shape.a;
        const t0 = t - shape.b;
        if (s0 < 0 || t0 < 0) continue;
        const previous = node(s0, t0);
        if (previous < 0) continue;
        const previousCost = best[previous]!;
        if (previousCost === Infinity) continue;
        let cost: number;
        if (shape.a === 0 || shape.b === 0) cost = parameters.nullCost;
        else {
          // Every other term is non-negative: skip the scoring when the shape cost alone cannot win.
          if (previousCost + shape.cost >= bestCost) continue;
          cost = shape.cost + beadScore(s0, shape.a, t0, shape.b).cost;
        }
        const total = previousCost + cost;
        if (total < bestCost) {
          bestCost = total;
          bestShape = shapeIndex;
        }
      }
      best[here] = bestCost;
      back[here] = bestShape;
    }
  }

  const beads: ScoredBead[] = [];
  let s = sourceCount;
  let t = targetCount;
  let touchedEdge = false;
  while (s > 0 || t > 0) {
    const here = node(s, t);
    const shape = shapes[back[here]!]!;
    if ((t === low[s] && low[s]! > 0) || (t === high[s] && high[s]! < targetCount)) touchedEdge = true;
    const s0 = s - shape.a;
    const t0 = t - shape.b;
    const sourceIndices = range(s0, s);
    const targetIndices = range(t0, t);
    if (shape.a === 0 || shape.b === 0) {
      beads.push({ ...nullBead(sourceIndices, targetIndices), cost: parameters.nullCost });
    } else {
      const score = beadScore(s0, shape.a, t0, shape.b);
      beads.push({
        sourceIndices,
        targetIndices,
        confidence: beadConfidence(score.coverage, score.z, shape.a + shape.b),
        cost: shape.cost + score.cost,
        lexicalCoverage: score.coverage,
        lengthDeviation: score.z,
      });
    }
    s = s0;
    t = t0;
  }
  return { beads: beads.reverse(), touchedEdge };
}

function range(from: number, to: number): number[] {
  const list: number[] = [];
  for (let index = from; index < to; index++) list.push(index);
  return list;
}

/**
 * Confidence of a linked bead in [0, 1], from its lexical coverage and length z-score: high coverage and a length
 * ratio near the document's make it near 1; weak lexical support or an unusual length pull it toward 0 ("look here").
 * @param coverage lexical coverage in [0, 1]
 * @param lengthDeviation length z-score of the bead
 * @param segmentCount segments in the bead (both sides); larger beads are slightly less certain
 */
export function beadConfidence(coverage: number, lengthDeviation: number, segmentCount: number): number {
  const logit = -1.2 + 9 * coverage - 0.45 * lengthDeviation * lengthDeviation - 0.3 * (segmentCount - 2);
  return Math.round((1 / (1 + Math.exp(-logit))) * 1000) / 1000;
}
