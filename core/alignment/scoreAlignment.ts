import type { Bead } from './types';

/** Strict and lax precision, recall and F1 of predicted beads against gold (Vecalign's `score.py` definitions). */
export interface AlignmentScore {
  readonly strict: { readonly precision: number; readonly recall: number; readonly f1: number };
  readonly lax: { readonly precision: number; readonly recall: number; readonly f1: number };
  /** Gold null beads (1-0, 0-1) and how many the prediction has exactly. */
  readonly nullBeads: { readonly gold: number; readonly found: number };
}

type IndexBead = Pick<Bead, 'sourceIndices' | 'targetIndices'>;

/**
 * Scores predicted beads against gold over many documents. Strict: a bead counts only when the same bead is in the
 * gold. Lax: when one of its sentence pairs lies in a gold bead. Null beads are left out of P/R/F1.
 */
export function scoreAlignment(
  documents: readonly { gold: readonly IndexBead[]; test: readonly IndexBead[] }[],
): AlignmentScore {
  const key = (bead: IndexBead): string =>
    `${bead.sourceIndices.join(',')}:${bead.targetIndices.join(',')}`;
  const pairs = (bead: IndexBead): string[] =>
    bead.sourceIndices.flatMap((source) =>
      bead.targetIndices.map((target) => `${source}-${target}`),
    );
  const full = (bead: IndexBead): boolean =>
    bead.sourceIndices.length > 0 && bead.targetIndices.length > 0;
  let strictHits = 0,
    laxPrecisionHits = 0,
    laxRecallHits = 0,
    testCount = 0,
    goldCount = 0,
    nullGold = 0,
    nullFound = 0;
  for (const { gold, test } of documents) {
    const goldFull = gold.filter(full);
    const testFull = test.filter(full);
    const goldKeys = new Set(goldFull.map(key));
    const goldPairs = new Set(goldFull.flatMap(pairs));
    const testPairs = new Set(testFull.flatMap(pairs));
    testCount += testFull.length;
    goldCount += goldFull.length;
    for (const bead of testFull) {
      if (goldKeys.has(key(bead))) strictHits++;
      if (pairs(bead).some((pair) => goldPairs.has(pair))) laxPrecisionHits++;
    }
    for (const bead of goldFull)
      if (pairs(bead).some((pair) => testPairs.has(pair))) laxRecallHits++;
    const testNull = new Set(test.filter((bead) => !full(bead)).map(key));
    for (const bead of gold.filter((bead) => !full(bead))) {
      nullGold++;
      if (testNull.has(key(bead))) nullFound++;
    }
  }
  const f1 = (precision: number, recall: number): number =>
    precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  const measure = (precisionHits: number, recallHits: number) => {
    const precision = testCount ? precisionHits / testCount : 0;
    const recall = goldCount ? recallHits / goldCount : 0;
    return { precision, recall, f1: f1(precision, recall) };
  };
  return {
    strict: measure(strictHits, strictHits),
    lax: measure(laxPrecisionHits, laxRecallHits),
    nullBeads: { gold: nullGold, found: nullFound },
  };
}
