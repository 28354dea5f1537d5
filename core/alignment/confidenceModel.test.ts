import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alignDocument, alignSentenceTexts } from './alignDocument';
import { calibrationReport } from './calibrationMetrics';
import {
  LINKED_FEATURES,
  NULL_FEATURES,
  beadConfidence,
  fittedConfidenceCoefficients,
  type BeadEvidence,
} from './confidenceModel';
import { loadAlignmentResources } from '../../main/services/alignment/loadAlignmentResources';

const evidence = (overrides: Partial<BeadEvidence>): BeadEvidence => ({
  sourceCount: 1,
  targetCount: 1,
  cost: 3,
  lexicalCoverage: 0.5,
  lengthDeviation: 0,
  units: 20,
  characters: 150,
  margin: 2,
  mergeMargin: 2,
  splitMargin: 6,
  neighbourCost: 3,
  neighbourNulls: 0,
  documentCoverage: 0.5,
  ...overrides,
});

describe('fitted confidence coefficients', () => {
  it('have one weight per feature', () => {
    expect(fittedConfidenceCoefficients.linked.weights).toHaveLength(LINKED_FEATURES.length);
    expect(fittedConfidenceCoefficients.null.weights).toHaveLength(NULL_FEATURES.length);
  });

  it('give probabilities in [0, 1] for any evidence', () => {
    for (const [sourceCount, targetCount] of [
      [1, 1],
      [1, 2],
      [3, 2],
      [1, 0],
      [0, 1],
    ] as const) {
      for (const cost of [0, 2, 5, 10, 40]) {
        for (const margin of [-20, -1, 0, 1, 20]) {
          for (const units of [0, 5, 500]) {
            const confidence = beadConfidence(
              evidence({
                sourceCount,
                targetCount,
                cost,
                margin,
                mergeMargin: margin,
                splitMargin: margin,
                units,
              }),
            );
            expect(confidence).toBeGreaterThanOrEqual(0);
            expect(confidence).toBeLessThanOrEqual(1);
          }
        }
      }
    }
  });

  it('fall as a linked bead costs more against the same alternatives', () => {
    // The alternatives' own costs stay put, so every margin shrinks by what the bead's cost grows.
    const at = (cost: number): number =>
      beadConfidence(
        evidence({ cost, margin: 5 - cost, mergeMargin: 6 - cost, splitMargin: 9 - cost }),
      );
    let previous = Infinity;
    for (let cost = 0; cost <= 12; cost += 0.5) {
      const confidence = at(cost);
      expect(confidence).toBeLessThanOrEqual(previous);
      previous = confidence;
    }
    expect(at(0)).toBeGreaterThan(0.9);
    expect(at(12)).toBeLessThan(0.5);
  });

  it('never rise as a linked bead loses lexical support', () => {
    let previous = -Infinity;
    for (let coverage = 0; coverage <= 1; coverage += 0.05) {
      const confidence = beadConfidence(evidence({ lexicalCoverage: coverage }));
      expect(confidence).toBeGreaterThanOrEqual(previous);
      previous = confidence;
    }
  });

  it('doubt a bead whose neighbours are null beads', () => {
    expect(beadConfidence(evidence({ neighbourNulls: 2 }))).toBeLessThan(
      beadConfidence(evidence({})),
    );
  });
});

describe('calibrationReport', () => {
  it('computes Brier, bins, false alarms and misses', () => {
    const report = calibrationReport([
      { confidence: 0.9, correct: true },
      { confidence: 0.3, correct: true },
      { confidence: 0.85, correct: false },
      { confidence: 0.1, correct: false },
    ]);
    expect(report.brier).toBeCloseTo((0.01 + 0.49 + 0.7225 + 0.01) / 4);
    expect(report.bins.map((bin) => bin.count)).toEqual([1, 1, 0, 0, 2]);
    expect(report.falseAlarms).toBe(0.5);
    expect(report.missed).toBe(0.5);
  });
});

describe('confidence on the seed document', () => {
  it('is high for the numbered clause pairs and for correct sentence beads', async () => {
    const seed = join(import.meta.dirname, '../../fixtures/seed');
    const english = readFileSync(join(seed, 'summary-record.en.txt'), 'utf8');
    const japanese = readFileSync(join(seed, 'summary-record.ja.txt'), 'utf8');
    const alignment = alignDocument(english, japanese, await loadAlignmentResources());
    for (let number = 1; number <= 7; number++) {
      const bead = alignment.clauseBeads.find(
        (candidate) =>
          candidate.sourceIndices.length === 1 &&
          alignment.source.clauses[candidate.sourceIndices[0]!]!.label === `${number}.` &&
          candidate.targetIndices.length === 1 &&
          alignment.target.clauses[candidate.targetIndices[0]!]!.label === `${number}.`,
      );
      expect(bead, `clause ${number}`).toBeDefined();
      expect(bead!.confidence, `clause ${number}`).toBeGreaterThanOrEqual(0.8);
    }
    // A correct 1-1 bead whose names are written in kanji on one side and romaji on the other.
    const chaired = alignment.sentenceBeads.find((bead) =>
      bead.sourceIndices.some((index) =>
        alignment.source.sentences[index]!.text.includes('jointly chaired'),
      ),
    );
    expect(chaired).toBeDefined();
    expect(chaired!.sourceIndices).toHaveLength(1);
    expect(alignment.target.sentences[chaired!.targetIndices[0]!]!.text).toContain('共同議長');
    expect(chaired!.confidence).toBeGreaterThanOrEqual(0.5);
  }, 60_000);
});

describe('confidence of an unrelated pair', () => {
  // Was a known regression (dialogue work, 2026-12-01): refitted on news and dialogue with the lexical prior, this
  // unrelated pair got 0.89, then 0.85 with coverage judged against the document's typical pair (coverage 0 over 11
  // units, cost 6.30 where the faithful beads cost about 3). The coverage shortfall (a binomial log-likelihood ratio
  // against the document's median 1-1 coverage, which grows with the units that failed to match), a second margin slope
  // below one cost unit and a fit on the Brier score bring it to 0.72 while the faithful beads stay at 0.97-0.99;
  // the model was refitted on the tuning halves as a whole, not on this case (held-out figures: the JSDoc of
  // fittedConfidenceCoefficients).
  it('is not trusted when a sentence sits opposite one that does not translate it', async () => {
    const english = [
      'The meeting was held in Tokyo on 4 December 2022.',
      'Ministers from ten ASEAN countries attended.',
      'They agreed to expand cooperation on smart cities.',
      'The weather was unusually warm for the season.',
      'The next meeting will take place in Hanoi.',
    ];
    const japanese = [
      '会合は2022年12月4日に東京で開催された。',
      'ASEAN10か国の閣僚が出席した。',
      '彼らはスマートシティに関する協力の拡大に合意した。',
      '経済産業省は新しい補助金制度を発表した。',
      '次回会合はハノイで開催される。',
    ];
    const beads = alignSentenceTexts(english, japanese, await loadAlignmentResources());
    const unrelated = beads.find((bead) => bead.sourceIndices.includes(3));
    expect(unrelated).toBeDefined();
    const faithful = beads.filter((bead) => bead !== unrelated);
    expect(unrelated!.confidence).toBeLessThan(0.8);
    for (const bead of faithful) expect(bead.confidence).toBeGreaterThanOrEqual(0.8);
  }, 60_000);
});
