import type { SentenceFeatures } from './lexicalFeatures';

/**
 * One side's features packed into flat typed arrays (compressed rows: entry i of a list lives at
 * `list[start[i]] … list[start[i + 1] - 1]`), so the dynamic programme's inner loop reads numbers instead of chasing
 * nested arrays. Built once per {@link alignSentences} call and shared by every band retry.
 */
export class PackedSide {
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

  /**
   * @param features the side's segments
   * @param keys the key numbering of both sides of this alignment ({@link keyNumbering}): unitKeys hold its ids
   */
  constructor(features: readonly SentenceFeatures[], keys: KeyNumbering) {
    const keyLimit = keys.limit;
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
        for (const documentId of unitKeys) {
          const id = keys.id(documentId);
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

/**
 * The key ids of one alignment's two sides as the key-indexed tables of {@link PackedSide} see them. Keys are interned
 * per document, so a small window (a clause pair, a gap between pins) may hold a few keys with ids in the tens of
 * thousands; its tables would then be allocated, cleared and summed over all the document's keys, and a document
 * aligned in thousands of windows would pay that thousands of times. Such a window's keys are renumbered 0, 1, 2… in
 * order of first sight. The aligner only asks whether two units share a key, never which key it is, so the numbering
 * changes no result.
 */
export interface KeyNumbering {
  /** One more than the largest id in the tables: their size. */
  readonly limit: number;
  /** The tables' id of a document key id. */
  readonly id: (key: number) => number;
}

/** The key numbering of the sides of one alignment (see {@link KeyNumbering}). */
export function keyNumbering(...sides: readonly (readonly SentenceFeatures[])[]): KeyNumbering {
  let limit = 0;
  let occurrences = 0;
  for (const side of sides) {
    for (const sentence of side) {
      for (const unit of sentence.units) {
        occurrences += unit.length;
        for (const key of unit) if (key >= limit) limit = key + 1;
      }
    }
  }
  // Tables no larger than twice the keys read cost no more than reading them: the document's ids are kept.
  if (limit <= 2 * occurrences) return { limit, id: (key) => key };
  const dense = new Map<number, number>();
  for (const side of sides) {
    for (const sentence of side) {
      for (const unit of sentence.units)
        for (const key of unit) if (!dense.has(key)) dense.set(key, dense.size);
    }
  }
  return { limit: dense.size, id: (key) => dense.get(key)! };
}
