import type { AlignmentParameters, ResolvedShape, WindowNeighbours } from './alignmentParameters';
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
  private readonly priorCovered: number;
  private readonly targetSmoothing: number;
  private readonly nullCostBase: number;
  private readonly priorUnits: number;
  private readonly contradiction: number;
  private readonly contradictionUnits: number;
  private readonly sourceCount: number;
  private readonly targetCount: number;

  constructor(
    source: PackedSide,
    target: PackedSide,
    private readonly coverage: PairCoverage,
    parameters: AlignmentParameters,
    /** Mean log length ratio for this document. */
    private readonly mean: number,
    /** What the segments just outside the window cover of it; undefined: nothing lies outside. */
    private readonly neighbours?: WindowNeighbours,
  ) {
    this.sourceCount = source.count;
    this.targetCount = target.count;
    this.contradiction = parameters.contradictionCost;
    // At least one unit: with none, every uncovered edge segment would count as claimed by its neighbour.
    this.contradictionUnits = Math.max(1, parameters.contradictionUnits);
    this.sourceLengths = source.lengthPrefix;
    this.targetLengths = target.lengthPrefix;
    this.sourceUnits = source.unitStart;
    this.targetUnits = target.unitStart;
    this.lengthWeight = parameters.lengthWeight;
    this.lexicalWeight = parameters.lexicalWeight;
    this.deviation = parameters.lengthLogRatioDeviation;
    this.priorUnits = parameters.lexicalPriorUnits;
    this.nullCostBase = parameters.nullCost;
    // The Japanese side is smoothed by the same amount scaled by the expected ratio, so a short pair's smoothed ratio
    // sits at the mean rather than at 1: a two-word turn is neither pushed away from its partner nor made free.
    this.targetSmoothing = LENGTH_SMOOTHING * Math.exp(mean);
    this.priorCovered = parameters.lexicalPriorUnits * parameters.lexicalPriorCoverage;
  }

  /** Length z-score of the bead source [s0, s0 + a), target [t0, t0 + b). */
  lengthDeviation(s0: number, a: number, t0: number, b: number): number {
    const sourceLength = this.sourceLengths[s0 + a]! - this.sourceLengths[s0]!;
    const targetLength = this.targetLengths[t0 + b]! - this.targetLengths[t0]!;
    return (
      (Math.log((targetLength + this.targetSmoothing) / (sourceLength + LENGTH_SMOOTHING)) -
        this.mean) /
      this.deviation
    );
  }

  /**
   * Lexical coverage in [0, 1] of the bead: covered units on both sides over all units (+1). A unit counts once per
   * partner segment that covers it, capped at its segment's unit count.
   */
  lexicalCoverage(s0: number, a: number, t0: number, b: number): number {
    return this.coveredUnits(s0, a, t0, b) / (this.units(s0, a, t0, b) + 1);
  }

  /** Content units on both sides of the bead. */
  private units(s0: number, a: number, t0: number, b: number): number {
    const { sourceUnits, targetUnits } = this;
    return sourceUnits[s0 + a]! - sourceUnits[s0]! + targetUnits[t0 + b]! - targetUnits[t0]!;
  }

  /** Units of the bead that found a partner on the other side (see {@link lexicalCoverage}). */
  private coveredUnits(s0: number, a: number, t0: number, b: number): number {
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
    return covered;
  }

  /**
   * Cost of a null bead (1-0 or 0-1): nullCost, whatever the segment (a per-unit surcharge was tried on the tuning
   * halves and cost news more strict F1 than it gained dialogue). One place, so the programme and the evidence agree.
   */
  nullCost(): number {
    return this.nullCostBase;
  }

  /** Length cost of a linked bead: lengthWeight · z² / 2. */
  lengthCost(s0: number, t0: number, shape: ResolvedShape): number {
    const z = this.lengthDeviation(s0, shape.a, t0, shape.b);
    return (this.lengthWeight * z * z) / 2;
  }

  /**
   * Lexical cost of a linked bead: lexicalWeight · (1 − smoothed coverage) · size, the coverage smoothed toward the
   * prior as if lexicalPriorUnits more units were covered at lexicalPriorCoverage. A bead with few content units (a
   * short turn: "Yes." / はい。) then costs about what a typical true bead does rather than as much as a bead whose
   * many units all fail to match: no words is no evidence either way.
   */
  lexicalCost(s0: number, t0: number, shape: ResolvedShape): number {
    const covered = this.coveredUnits(s0, shape.a, t0, shape.b);
    const units = this.units(s0, shape.a, t0, shape.b);
    const coverage = (covered + this.priorCovered) / (units + this.priorUnits);
    return this.lexicalWeight * (1 - coverage) * shape.size;
  }

  /**
   * A lower bound of {@link lexicalCost} from unit counts alone: every unit covered gives a smoothed coverage of
   * (units + priorCovered) / (units + priorUnits).
   */
  lexicalCostFloor(s0: number, t0: number, shape: ResolvedShape): number {
    const units = this.units(s0, shape.a, t0, shape.b);
    return (
      (this.lexicalWeight * shape.size * (this.priorUnits - this.priorCovered)) /
      (units + this.priorUnits)
    );
  }

  /**
   * Contradiction cost of a linked bead: contradictionCost for each segment at an edge of a side that holds two or more
   * segments (its first and its last), when none of its content units finds a partner in the bead while at least
   * contradictionUnits of them find one in the other side's segment just across that edge (before the bead for the
   * first, after it for the last). Across the window's edge ({@link WindowNeighbours}) one unit is enough. The lexicon
   * then says the segment belongs with that neighbour rather than in this bead: 犬が走る。 joined to "The bird sings."
   * while "The dog runs." sits right before. A segment whose words the lexicon ties to nothing is no evidence either
   * way and costs nothing. Non-negative, so the programme's lower bounds stay bounds.
   */
  contradictionCost(s0: number, a: number, t0: number, b: number): number {
    if (this.contradiction === 0) return 0;
    const s1 = s0 + a;
    const t1 = t0 + b;
    let count = 0;
    if (b >= 2) {
      if (this.targetContradicted(t0, s0 - 1, s0, s1)) count++;
      if (this.targetContradicted(t1 - 1, s1, s0, s1)) count++;
    }
    if (a >= 2) {
      if (this.sourceContradicted(s0, t0 - 1, t0, t1)) count++;
      if (this.sourceContradicted(s1 - 1, t1, t0, t1)) count++;
    }
    return this.contradiction * count;
  }

  /** Whether target t, in a bead over sources [s0, s1), is covered by none of them but by source `across`. */
  private targetContradicted(t: number, across: number, s0: number, s1: number): boolean {
    const { coverage, neighbours } = this;
    // The neighbour's claim first: one lookup, and false for most segments, so the bead is seldom walked.
    const claimed =
      across < 0
        ? (neighbours?.targetCoveredBefore[t] ?? 0) > 0
        : across >= this.sourceCount
          ? (neighbours?.targetCoveredAfter[t] ?? 0) > 0
          : coverage.targetUnitsCovered(across, t) >= this.contradictionUnits;
    if (!claimed) return false;
    for (let s = s0; s < s1; s++) if (coverage.targetUnitsCovered(s, t) > 0) return false;
    return true;
  }

  /** Whether source s, in a bead over targets [t0, t1), is covered by none of them but by target `across`. */
  private sourceContradicted(s: number, across: number, t0: number, t1: number): boolean {
    const { coverage, neighbours } = this;
    const claimed =
      across < 0
        ? (neighbours?.sourceCoveredBefore[s] ?? 0) > 0
        : across >= this.targetCount
          ? (neighbours?.sourceCoveredAfter[s] ?? 0) > 0
          : coverage.sourceUnitsCovered(s, across, across + 1) >= this.contradictionUnits;
    return claimed && coverage.sourceUnitsCovered(s, t0, t1) === 0;
  }

  /** Cost of a linked bead without its shape cost: length, lexical and contradiction terms. */
  cost(s0: number, t0: number, shape: ResolvedShape): number {
    return (
      this.lengthCost(s0, t0, shape) +
      this.lexicalCost(s0, t0, shape) +
      this.contradictionCost(s0, shape.a, t0, shape.b)
    );
  }
}

/**
 * Slack for pruning with {@link BeadScorer.lexicalCostFloor}: the bound is summed in another order than the cost it
 * bounds, so it may exceed it by rounding (~1e-12 at the path costs seen); skipping only beyond this slack keeps the
 * result exactly what full scoring gives.
 */
export const PRUNING_SLACK = 1e-6;
