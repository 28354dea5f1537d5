import { describe, expect, it } from 'vitest';
import { alignSentences } from './alignSentences';
import type { SentenceFeatures } from './lexicalFeatures';
import { keyNumbering } from './packedSide';

/** A sentence with `length` characters whose units are the given keys (one unit per key). */
const sentence = (length: number, ...keys: number[]): SentenceFeatures => ({
  length,
  units: keys.map((key) => [key]),
});
const shifted = (features: readonly SentenceFeatures[], offset: number): SentenceFeatures[] =>
  features.map((item) => ({
    length: item.length,
    units: item.units.map((unit) => unit.map((key) => key + offset)),
  }));

describe('keyNumbering', () => {
  it("keeps the document's ids where they are dense, and renumbers a window of a few large ids", () => {
    const dense = keyNumbering([sentence(10, 0, 1, 2)], [sentence(6, 2, 3)]);
    expect(dense.limit).toBe(4);
    expect(dense.id(3)).toBe(3);
    const sparse = keyNumbering([sentence(10, 90_000, 70_000)], [sentence(6, 70_000, 123_456)]);
    expect(sparse.limit).toBe(3);
    expect([90_000, 70_000, 123_456].map(sparse.id)).toEqual([0, 1, 2]);
  });

  it('changes no bead: a window aligns the same with its keys far up the id range', () => {
    const source = [
      sentence(100, 1, 2, 3),
      sentence(200, 4, 5, 6, 7),
      sentence(100, 8, 9),
      sentence(100, 10, 11, 12),
    ];
    const target = [
      sentence(59, 1, 2, 3),
      sentence(60, 4, 5),
      sentence(58, 6, 7),
      sentence(59, 10, 11, 12),
    ];
    expect(alignSentences(shifted(source, 250_000), shifted(target, 250_000))).toEqual(
      alignSentences(source, target),
    );
  });
});
