import type { SentenceFeatures } from './lexicalFeatures';

// Synthetic bilingual documents as aligner features (lengths and content-unit keys), with their gold beads: made up
// here from a seeded generator, no corpus text, so tests can say how a document differs from the corpus (its length
// ratio, how loosely lengths follow it, which bead shapes it holds) and check the aligner against a known answer.

/** How a synthetic document is made. */
export interface SyntheticDocumentOptions {
  /** Gold beads to make. */
  readonly beads: number;
  /** Mean of log(Japanese length / English length) for a true pair. */
  readonly logRatio: number;
  /** Its standard deviation. */
  readonly deviation: number;
  /** Relative frequency of each bead shape `a-b` (e.g. `{ '1-1': 8, '2-1': 2 }`). */
  readonly shapes: Readonly<Record<string, number>>;
  /** Content units a sentence of 100 English characters holds. */
  readonly unitsPer100: number;
  /** Share of a linked bead's units that find a partner on the other side. */
  readonly matchedShare: number;
  /** Seed of the generator. */
  readonly seed: number;
}

/** A synthetic document: both sides' features and the gold beads over 0-based indices. */
export interface SyntheticDocument {
  readonly source: SentenceFeatures[];
  readonly target: SentenceFeatures[];
  readonly gold: { sourceIndices: number[]; targetIndices: number[] }[];
}

/** A linear congruential generator in [0, 1) (the same constants as Numerical Recipes). */
function generator(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Splits `total` into `parts` positive parts at random. */
function splitLength(total: number, parts: number, random: () => number): number[] {
  const weights = Array.from({ length: parts }, () => 0.5 + random());
  const sum = weights.reduce((left, right) => left + right, 0);
  return weights.map((weight) => Math.max(2, Math.round((total * weight) / sum)));
}

/** Makes a synthetic document (see {@link SyntheticDocumentOptions}). */
export function syntheticDocument(options: SyntheticDocumentOptions): SyntheticDocument {
  const random = generator(options.seed);
  const gaussian = (): number =>
    Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const shapeEntries = Object.entries(options.shapes);
  const shapeTotal = shapeEntries.reduce((sum, [, weight]) => sum + weight, 0);
  const pickShape = (): [number, number] => {
    let draw = random() * shapeTotal;
    for (const [name, weight] of shapeEntries) {
      draw -= weight;
      if (draw < 0) return name.split('-').map(Number) as [number, number];
    }
    return [1, 1];
  };
  let nextKey = 0;
  const source: SentenceFeatures[] = [];
  const target: SentenceFeatures[] = [];
  const gold: SyntheticDocument['gold'] = [];
  for (let index = 0; index < options.beads; index++) {
    const [a, b] = pickShape();
    const englishLength = Math.round(40 + random() * 120) * Math.max(1, a);
    const japaneseLength = Math.max(
      4,
      Math.round(englishLength * Math.exp(options.logRatio + options.deviation * gaussian())),
    );
    const units = Math.max(1, Math.round((englishLength * options.unitsPer100) / 100));
    // Shared keys are fresh for every bead, so a bead matches only its own partner.
    const keys = Array.from({ length: units }, () => nextKey++);
    const shared = keys.filter(() => random() < options.matchedShare);
    const sourceIndices: number[] = [];
    const targetIndices: number[] = [];
    if (a > 0) {
      const lengths = splitLength(englishLength, a, random);
      lengths.forEach((length, part) => {
        sourceIndices.push(source.length);
        source.push({
          length,
          units: keys.filter((_, position) => position % a === part).map((key) => [key]),
        });
      });
    }
    if (b > 0) {
      const lengths = splitLength(japaneseLength, b, random);
      // The Japanese side has as many units, the shared ones and fresh ones for the rest.
      const japaneseKeys = [
        ...shared,
        ...Array.from({ length: units - shared.length }, () => nextKey++),
      ];
      lengths.forEach((length, part) => {
        targetIndices.push(target.length);
        target.push({
          length,
          units: japaneseKeys.filter((_, position) => position % b === part).map((key) => [key]),
        });
      });
    }
    gold.push({ sourceIndices, targetIndices });
  }
  return { source, target, gold };
}

/** Beads of `test` that are exactly in `gold` (strict hits, null beads included). */
export function exactBeads(
  gold: readonly { sourceIndices: readonly number[]; targetIndices: readonly number[] }[],
  test: readonly { sourceIndices: readonly number[]; targetIndices: readonly number[] }[],
): number {
  const key = (bead: {
    sourceIndices: readonly number[];
    targetIndices: readonly number[];
  }): string => `${bead.sourceIndices.join(',')}:${bead.targetIndices.join(',')}`;
  const goldKeys = new Set(gold.map(key));
  return test.filter((bead) => goldKeys.has(key(bead))).length;
}
