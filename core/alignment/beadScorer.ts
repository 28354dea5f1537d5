import type { AlignmentParameters, ResolvedShape } from './alignmentParameters';
import { LENGTH_SMOOTHING } from './lengthModel';
import type { PackedSide } from './packedSide';
import type { PairCoverage } from './pairCoverage';

/** Scores linked beads (not null beads) from the packed sides and the band's coverage counts. */
export class BeadScorer {
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
export const PRUNING_SLACK = 1e-6;
