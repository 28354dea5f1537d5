import type { PackedSide } from './packedSide';

/**
 * Coverage counts of every sentence pair the band can put in one bead: for source s and target t, how many units of
 * s share a key with t, and how many units of t share a key with s. Row s stores targets first[s] … first[s] +
 * width[s] − 1, flat in one array; pairs outside count 0.
 */
export class PairCoverage {
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
export function lowerBound(list: Int32Array, from: number, to: number, value: number): number {
  let low = from;
  let high = to;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (list[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
