import type {
  AlignmentParameters,
  ResolvedShape,
  ScoredBead,
  WindowNeighbours,
} from './alignmentParameters';
import { shapeTryOrder } from './alignmentParameters';
import { BeadScorer, PRUNING_SLACK } from './beadScorer';
import { attachEvidence, nullBead } from './beadEvidence';
import type { PackedSide } from './packedSide';
import { PairCoverage } from './pairCoverage';

/**
 * The dynamic programme inside one band. Node (s, t) — s source and t target segments consumed — is stored at
 * rowOffset[s] + t − low[s]; best holds the cheapest cost to reach it and back the shape of its last bead.
 */
export function alignInBand(
  source: PackedSide,
  target: PackedSide,
  parameters: AlignmentParameters,
  shapes: readonly ResolvedShape[],
  mean: number,
  low: Int32Array,
  high: Int32Array,
  neighbours?: WindowNeighbours,
): { beads: ScoredBead[]; touchedEdge: boolean } {
  const sourceCount = source.count;
  const targetCount = target.count;
  const scorer = new BeadScorer(
    source,
    target,
    new PairCoverage(source, target, low, high),
    parameters,
    mean,
    neighbours,
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
        if (shape.isNull) cost = scorer.nullCost();
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
          cost =
            shape.cost +
            (lengthCost +
              scorer.lexicalCost(s0, t0, shape) +
              scorer.contradictionCost(s0, shape.a, t0, shape.b));
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
      beads.push({
        ...nullBead(sourceIndices, targetIndices),
        cost: scorer.nullCost(),
      });
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
  return { beads: attachEvidence(beads, source, target, scorer, shapes), touchedEdge };
}

/** The integers from … to − 1. */
function range(from: number, to: number): number[] {
  const list: number[] = [];
  for (let index = from; index < to; index++) list.push(index);
  return list;
}
