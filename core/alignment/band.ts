import type { Bead } from './types';
import type { SentenceFeatures } from './lexicalFeatures';

// The band of DP nodes the programme may visit: for each source row s, targets low[s] … high[s], both monotone.

/** For each source row s (0 … source count), the lowest and highest target node the programme may visit. */
export interface Band {
  readonly low: Int32Array;
  readonly high: Int32Array;
}

/** Band retries that add a fixed margin around the last path before the margin starts doubling. */
export const MAX_LOCAL_RETRIES = 3;

/**
 * The union of a band and the nodes within `margin` target segments of a path (the beads' corner nodes, and for the
 * rows a bead spans, its target range).
 */
export function widenAroundPath(
  band: Band,
  beads: readonly Bead[],
  margin: number,
  targetCount: number,
): Band {
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

/** The whole grid: every node of every row. */
export function fullBand(sourceCount: number, targetCount: number): Band {
  const low = new Int32Array(sourceCount + 1);
  const high = new Int32Array(sourceCount + 1).fill(targetCount);
  return { low, high };
}

/** A band of ±halfWidth target segments around the diagonal given by cumulative character length. */
export function lengthBand(
  source: readonly SentenceFeatures[],
  target: readonly SentenceFeatures[],
  halfWidth: number,
): Band {
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
