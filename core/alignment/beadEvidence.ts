import type { ResolvedShape, ScoredBead } from './alignmentParameters';
import type { BeadScorer } from './beadScorer';
import { NO_COMPETITOR_MARGIN, beadConfidence, type BeadEvidence } from './confidenceModel';
import type { PackedSide } from './packedSide';

// Null beads (1-0, 0-1) and the evidence behind every bead's confidence, once the path is known.

/** A bead with no scores yet (confidence 0.3, cost 0); a null bead when one side's indices are empty. */
export function nullBead(sourceIndices: number[], targetIndices: number[]): ScoredBead {
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

/** Evidence with no competitor and no neighbours: what a bead has before its path is known. */
export function emptyEvidence(
  sourceCount: number,
  targetCount: number,
  cost: number,
): BeadEvidence {
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
    documentCoverage: 0,
  };
}

/** The bead with its confidence computed from its evidence. */
export function withConfidence(bead: ScoredBead): ScoredBead {
  return { ...bead, confidence: beadConfidence(bead.evidence) };
}

/**
 * Fills each bead's evidence and calibrated confidence once the path is known (neighbours are part of the evidence).
 * Costs a few extra bead scorings per bead: the local competitors.
 */
export function attachEvidence(
  beads: readonly ScoredBead[],
  source: PackedSide,
  target: PackedSide,
  scorer: BeadScorer,
  shapes: readonly ResolvedShape[],
): ScoredBead[] {
  const shapeOf = new Map(
    shapes.filter((shape) => !shape.isNull).map((shape) => [`${shape.a}-${shape.b}`, shape]),
  );
  /** DP cost of the bead source [s0, s0 + a), target [t0, t0 + b); Infinity for a shape the aligner does not use. */
  const costAt = (s0: number, a: number, t0: number, b: number): number => {
    if (s0 < 0 || t0 < 0 || s0 + a > source.count || t0 + b > target.count) return Infinity;
    if (a === 0 || b === 0) return a + b === 1 ? scorer.nullCost() : Infinity;
    const shape = shapeOf.get(`${a}-${b}`);
    return shape ? shape.cost + scorer.cost(s0, t0, shape) : Infinity;
  };
  const documentCoverage = medianOneToOneCoverage(beads);
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
      if (best < Infinity) margin = best - bead.cost;
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
      documentCoverage: documentCoverage ?? lexicalCoverage,
    };
    return { ...bead, evidence, confidence: beadConfidence(evidence) };
  });
}

/** The median lexical coverage of the 1-1 beads of a path; undefined when it has none. */
function medianOneToOneCoverage(beads: readonly ScoredBead[]): number | undefined {
  const coverages = beads
    .filter((bead) => bead.sourceIndices.length === 1 && bead.targetIndices.length === 1)
    .map((bead) => bead.lexicalCoverage)
    .sort((a, b) => a - b);
  if (coverages.length === 0) return undefined;
  const middle = coverages.length >> 1;
  return coverages.length % 2
    ? coverages[middle]!
    : (coverages[middle - 1]! + coverages[middle]!) / 2;
}
