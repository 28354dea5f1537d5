import { describe, expect, it } from 'vitest';
import { alignSentenceWindows, alignSentences, defaultAlignmentParameters } from './alignSentences';
import {
  adaptToDocument,
  emptyStatistics,
  evidenceShare,
  type DocumentStatistics,
} from './documentAdaptation';
import type { AlignmentWindow, ScoredBead } from './alignmentParameters';
import {
  exactBeads,
  syntheticDocument,
  type SyntheticDocumentOptions,
} from './syntheticDocument.testkit';

const onePass = { ...defaultAlignmentParameters, adaptation: null };
const adaptation = defaultAlignmentParameters.adaptation!;

/** Beads exactly right over synthetic documents of seeds 1…count: with the second pass, and with one pass only. */
function exactOverSeeds(
  options: Omit<SyntheticDocumentOptions, 'seed'>,
  count: number,
): { adapted: number; onePass: number; gold: number } {
  let adapted = 0;
  let plain = 0;
  let gold = 0;
  for (let seed = 1; seed <= count; seed++) {
    const document = syntheticDocument({ ...options, seed });
    gold += document.gold.length;
    adapted += exactBeads(document.gold, alignSentences(document.source, document.target));
    plain += exactBeads(document.gold, alignSentences(document.source, document.target, onePass));
  }
  return { adapted, onePass: plain, gold };
}

// Synthetic documents (lengths and content units from a seeded generator, no corpus text) with sparse lexical
// anchors, so that the length model and the bead-shape costs decide most boundaries.
const sparse = { unitsPer100: 4, matchedShare: 0.25 };

describe('the second pass adapts to the document', () => {
  it('aligns a translation from Japanese into English (English longer than usual, many 2-1 beads) better', () => {
    const figures = exactOverSeeds(
      {
        ...sparse,
        beads: 30,
        logRatio: -0.95,
        deviation: 0.2,
        shapes: { '1-1': 60, '2-1': 30, '1-2': 3, '1-0': 3, '0-1': 3 },
      },
      20,
    );
    // One pass: 543 of 600 beads exactly right; adapted: 553.
    expect(figures.adapted).toBeGreaterThanOrEqual(figures.onePass + 5);
  });

  it('aligns a short document with a much higher length ratio better', () => {
    const figures = exactOverSeeds(
      {
        ...sparse,
        beads: 20,
        logRatio: -0.1,
        deviation: 0.17,
        shapes: { '1-1': 78, '1-2': 11, '2-1': 5, '1-0': 3, '0-1': 2 },
      },
      40,
    );
    // One pass: 757 of 800; adapted: 772.
    expect(figures.adapted).toBeGreaterThanOrEqual(figures.onePass + 7);
  });

  it('aligns a document whose lengths follow the ratio loosely better', () => {
    const figures = exactOverSeeds(
      {
        ...sparse,
        beads: 40,
        logRatio: -0.6,
        deviation: 0.35,
        shapes: { '1-1': 78, '1-2': 11, '2-1': 5, '1-0': 3, '0-1': 2 },
      },
      20,
    );
    // One pass: 645 of 800; adapted: 687.
    expect(figures.adapted).toBeGreaterThanOrEqual(figures.onePass + 20);
  });

  it('leaves a document like the corpus about as it was', () => {
    const figures = exactOverSeeds(
      {
        ...sparse,
        beads: 40,
        logRatio: -0.55,
        deviation: 0.17,
        shapes: { '1-1': 79, '1-2': 11, '2-1': 5, '1-0': 3, '0-1': 2 },
      },
      20,
    );
    // One pass: 771 of 800; adapted: 769.
    expect(Math.abs(figures.adapted - figures.onePass)).toBeLessThanOrEqual(0.01 * figures.gold);
  });
});

describe('a document aligned in windows (clause pairs, gaps between pins)', () => {
  /** Beads exactly right over seeds 1…20, the document cut into windows of five gold beads. */
  function exactInWindows(options: Omit<SyntheticDocumentOptions, 'seed'>): {
    pooled: number;
    perWindow: number;
  } {
    let pooled = 0;
    let perWindow = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const document = syntheticDocument({ ...options, seed });
      const windows: AlignmentWindow[] = [];
      let sourceStart = 0;
      let targetStart = 0;
      for (let first = 0; first < document.gold.length; first += 5) {
        const beads = document.gold.slice(first, first + 5);
        const sourceEnd = sourceStart + beads.flatMap((bead) => bead.sourceIndices).length;
        const targetEnd = targetStart + beads.flatMap((bead) => bead.targetIndices).length;
        windows.push({ sourceStart, sourceEnd, targetStart, targetEnd });
        sourceStart = sourceEnd;
        targetStart = targetEnd;
      }
      const shifted = (beadLists: readonly (readonly ScoredBead[])[]) =>
        beadLists.flatMap((beads, index) =>
          beads.map((bead) => ({
            sourceIndices: bead.sourceIndices.map((i) => i + windows[index]!.sourceStart),
            targetIndices: bead.targetIndices.map((i) => i + windows[index]!.targetStart),
          })),
        );
      pooled += exactBeads(
        document.gold,
        shifted(alignSentenceWindows(document.source, document.target, windows)),
      );
      perWindow += exactBeads(
        document.gold,
        shifted(
          windows.map((window) =>
            alignSentences(
              document.source.slice(window.sourceStart, window.sourceEnd),
              document.target.slice(window.targetStart, window.targetEnd),
            ),
          ),
        ),
      );
    }
    return { pooled, perWindow };
  }

  it('adapts once for the whole document, where one window is too short to move anything', () => {
    // A translation from Japanese: each window on its own 426 of 600 beads exactly right; adapted together 536.
    const fromJapanese = exactInWindows({
      ...sparse,
      beads: 30,
      logRatio: -0.95,
      deviation: 0.2,
      shapes: { '1-1': 60, '2-1': 30, '1-2': 3, '1-0': 3, '0-1': 3 },
    });
    expect(fromJapanese.pooled).toBeGreaterThanOrEqual(fromJapanese.perWindow + 50);
    // A document like the corpus: 776 and 777 of 800.
    const typical = exactInWindows({
      ...sparse,
      beads: 40,
      logRatio: -0.55,
      deviation: 0.17,
      shapes: { '1-1': 79, '1-2': 11, '2-1': 5, '1-0': 3, '0-1': 2 },
    });
    expect(Math.abs(typical.pooled - typical.perWindow)).toBeLessThanOrEqual(8);
  });
});

describe('adaptToDocument', () => {
  const statistics = (sampled: number, logRatio: number, squaredDeviation: number) => {
    const base = emptyStatistics();
    return {
      ...base,
      sampled,
      logRatioSum: sampled * logRatio,
      squaredDeviationSum: sampled * squaredDeviation,
      classCounts: { ...base.classCounts, one: sampled },
      beads: sampled,
    } satisfies DocumentStatistics;
  };

  it('barely moves on a short document and follows a long one', () => {
    const prior = defaultAlignmentParameters.lengthLogRatioMean;
    const adapt = (sampled: number, logRatio: number, squaredDeviation: number) =>
      adaptToDocument(
        defaultAlignmentParameters,
        prior,
        statistics(sampled, logRatio, squaredDeviation),
        adaptation,
      );
    // A document whose confident pairs sit at log ratio 0 (Japanese as long as English).
    expect(Math.abs(adapt(2, 0, 0).mean - prior)).toBeLessThan(0.1);
    expect(Math.abs(adapt(400, 0, 0).mean)).toBeLessThan(0.02);
    // …and one whose lengths follow the ratio four times as loosely (z² of 4 against the prior's 1.3).
    const deviation = defaultAlignmentParameters.lengthLogRatioDeviation;
    expect(adapt(2, prior, 4).parameters.lengthLogRatioDeviation).toBeLessThan(1.2 * deviation);
    expect(adapt(400, prior, 4).parameters.lengthLogRatioDeviation).toBeGreaterThan(
      1.6 * deviation,
    );
  });

  it('is the first pass again for a document with the reference statistics', () => {
    const mean = -0.6;
    const typical = statistics(30, mean, adaptation.referenceSquaredDeviation);
    const classCounts = { ...typical.classCounts };
    for (const [name, frequency] of Object.entries(adaptation.referenceClassFrequencies))
      classCounts[name as keyof typeof classCounts] = frequency * 100;
    const model = adaptToDocument(
      defaultAlignmentParameters,
      mean,
      { ...typical, classCounts, beads: 100 },
      adaptation,
    );
    expect(model.mean).toBeCloseTo(mean, 10);
    expect(model.parameters.lengthLogRatioDeviation).toBeCloseTo(
      defaultAlignmentParameters.lengthLogRatioDeviation,
      10,
    );
    for (const [shape, cost] of Object.entries(defaultAlignmentParameters.shapeCosts))
      expect(model.parameters.shapeCosts[shape]).toBeCloseTo(cost, 10);
    // Null beads keep the corpus cost whatever the first pass found: a pass's own nulls are no evidence for more.
    expect(model.parameters.nullCost).toBe(defaultAlignmentParameters.nullCost);
  });

  it('with an evidence threshold, keeps the corpus values for a document within noise of them and follows one beyond', () => {
    expect(evidenceShare(3, 0)).toBe(1);
    expect(evidenceShare(3, 2)).toBe(0);
    expect(evidenceShare(16, 2)).toBeCloseTo(0.75, 10);
    const gated = { ...adaptation, evidenceThreshold: 2 };
    const mean = -0.6;
    // 30 confident pairs 0.02 off the prior and 10% more spread, a few more 1-2 beads than usual: all within noise.
    const typical = statistics(30, mean + 0.02, 1.1 * adaptation.referenceSquaredDeviation);
    const classCounts = { ...typical.classCounts };
    for (const [name, frequency] of Object.entries(adaptation.referenceClassFrequencies))
      classCounts[name as keyof typeof classCounts] = frequency * 100;
    classCounts.split += 2;
    const within = adaptToDocument(
      defaultAlignmentParameters,
      mean,
      { ...typical, classCounts, beads: 102 },
      gated,
    );
    expect(within.mean).toBe(mean);
    expect(within.parameters.lengthLogRatioDeviation).toBe(
      defaultAlignmentParameters.lengthLogRatioDeviation,
    );
    expect(within.parameters.shapeCosts).toEqual(defaultAlignmentParameters.shapeCosts);
    // Without the gate the same document moves a little.
    const ungated = adaptToDocument(
      defaultAlignmentParameters,
      mean,
      { ...typical, classCounts, beads: 102 },
      adaptation,
    );
    expect(ungated.mean).not.toBe(mean);
    // 400 pairs at log ratio 0, or four times as loose: far beyond noise, so about as far as without the gate.
    const prior = defaultAlignmentParameters.lengthLogRatioMean;
    const adapt = (sampled: number, logRatio: number, squaredDeviation: number) =>
      adaptToDocument(
        defaultAlignmentParameters,
        prior,
        statistics(sampled, logRatio, squaredDeviation),
        gated,
      );
    expect(Math.abs(adapt(400, 0, 0).mean)).toBeLessThan(0.03);
    expect(adapt(400, prior, 4).parameters.lengthLogRatioDeviation).toBeGreaterThan(
      1.5 * defaultAlignmentParameters.lengthLogRatioDeviation,
    );
  });
});
