// Measures the reference values of the aligner's second pass (core/alignment/documentAdaptation.ts): what the first
// pass gives on a typical document of the tuning halves (scripts/ntrexSplit.ts, scripts/bsdSplit.ts), news and
// dialogue pooled — the mean squared length z-score of its confident 1-1 beads and the frequency of each bead class.
// Prints them per genre and pooled; the pooled ones go into defaultAlignmentParameters.adaptation. BSD is read at run
// time into a temporary directory, never into the repo (CC BY-NC-SA).
// Usage: npx tsx scripts/measure-adaptation.ts [--seeds 1,2,7]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { alignSentenceTexts } from '../core/alignment/alignDocument';
import { defaultAlignmentParameters } from '../core/alignment/alignSentences';
import {
  BEAD_CLASSES,
  addStatistics,
  documentStatistics,
  emptyStatistics,
  type DocumentStatistics,
} from '../core/alignment/documentAdaptation';
import { loadAlignmentResources } from '../main/services/alignment/loadAlignmentResources';
import { argumentValue } from './argumentValue';
import { genreCases } from './alignmentCases';

const nonBlankLines = (path: string): string[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim());

function describe(title: string, statistics: DocumentStatistics): void {
  const frequencies = Object.fromEntries(
    BEAD_CLASSES.map((name) => [
      name,
      Number((statistics.classCounts[name] / statistics.beads).toFixed(4)),
    ]),
  );
  console.log(
    `${title}: ${statistics.beads} beads, ${statistics.sampled} sampled 1-1 beads, ` +
      `referenceSquaredDeviation ${(statistics.squaredDeviationSum / statistics.sampled).toFixed(3)}, ` +
      `referenceClassFrequencies ${JSON.stringify(frequencies)}`,
  );
}

async function main(): Promise<void> {
  const seeds = argumentValue('seeds', '1,2,7').split(',');
  const adaptation = defaultAlignmentParameters.adaptation;
  if (!adaptation) throw new Error('the default parameters have no adaptation to measure for');
  // The first pass alone: the second pass's parameters are what is being measured.
  const firstPass = { ...defaultAlignmentParameters, adaptation: null };
  const resources = await loadAlignmentResources();
  const work = mkdtempSync(join(tmpdir(), 'measure-adaptation-'));
  try {
    let pooled = emptyStatistics();
    for (const genre of ['news', 'dialogue'] as const) {
      let statistics = emptyStatistics();
      for (const seed of seeds) {
        const cases = join(work, `${genre}-${seed}`);
        const split = genreCases(genre, seed, cases);
        for (const { name, half } of split) {
          if (half !== 'tuning') continue;
          const beads = alignSentenceTexts(
            nonBlankLines(join(cases, `${name}.en`)),
            nonBlankLines(join(cases, `${name}.ja`)),
            resources,
            firstPass,
          );
          // The mean is not needed: squared z-scores and class counts do not depend on it.
          statistics = addStatistics(
            statistics,
            documentStatistics(beads, 0, firstPass.lengthLogRatioDeviation, adaptation),
          );
        }
      }
      describe(`${genre}, tuning half, seeds ${seeds.join(',')}`, statistics);
      pooled = addStatistics(pooled, statistics);
    }
    describe('pooled', pooled);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
