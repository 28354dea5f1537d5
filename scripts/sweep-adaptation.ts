// Sweeps the aligner's second pass (core/alignment/documentAdaptation.ts) over many seeds in one process: strict F1
// and null beads found per genre (news: NTREX-128 dev, dialogue: BSD dev) and seed on one half of the splits
// (scripts/ntrexSplit.ts, scripts/bsdSplit.ts), for one pass only and for the adaptation with some of its fields
// overridden. Features are computed once per document, so a variant costs seconds where npm run bench:align costs
// minutes; on one seed the figures are bench:align's. Choose on the tuning half; look at the held-out half only to
// report. BSD is read at run time into a temporary directory, never into the repo (CC BY-NC-SA).
// Usage: npx tsx scripts/sweep-adaptation.ts [--seeds 1,2,3,4,5,6,7,8,9] [--half tuning|held-out]
//   [--variants '[null, {}, {"classPseudoCount": 80}]']   (null: one pass; an object: fields of the default adaptation)
//   [--parameters '{"nullCost": 4}']   (fields of the default alignment parameters, for every variant)
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chooseTokenizer } from '../core/alignment/alignDocument';
import {
  alignSentences,
  defaultAlignmentParameters,
  type AlignmentParameters,
} from '../core/alignment/alignSentences';
import type { DocumentAdaptation } from '../core/alignment/documentAdaptation';
import {
  KeyTable,
  englishSentenceFeatures,
  japaneseFeatures,
  type SentenceFeatures,
} from '../core/alignment/lexicalFeatures';
import { loadAlignmentResources } from '../main/services/alignment/loadAlignmentResources';
import { argumentValue } from './argumentValue';
import { SHARED_DIRECTORY } from './ntrexSplit';
import { genreCases } from './alignmentCases';

type BeadPair = [number[], number[]];

/** The shared scorer's functions (tools/score-alignment.mjs, the one bench:align runs). */
interface Scorer {
  parseBeads(text: string): BeadPair[];
  count(gold: BeadPair[], test: BeadPair[]): Record<string, number>;
  summarize(counts: Record<string, number>[]): {
    strict: { f1: number };
    nullBeads: { gold: number; found: number };
  };
}

interface Document {
  readonly genre: 'news' | 'dialogue';
  readonly seed: string;
  readonly gold: BeadPair[];
  readonly source: SentenceFeatures[];
  readonly target: SentenceFeatures[];
}

const tools = join(SHARED_DIRECTORY, 'tools');

const nonBlankLines = (path: string): string[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim());

async function main(): Promise<void> {
  const scorer = (await import(join(tools, 'score-alignment.mjs'))) as Scorer;
  const seeds = argumentValue('seeds', '1,2,3,4,5,6,7,8,9').split(',');
  const half = argumentValue('half', 'tuning');
  const variants = JSON.parse(
    argumentValue('variants', '[null, {}]'),
  ) as (Partial<DocumentAdaptation> | null)[];
  const overrides = JSON.parse(argumentValue('parameters', '{}')) as Partial<AlignmentParameters>;
  const resources = await loadAlignmentResources();
  const documents: Document[] = [];
  const work = mkdtempSync(join(tmpdir(), 'sweep-adaptation-'));
  try {
    for (const seed of seeds)
      for (const genre of ['news', 'dialogue'] as const) {
        const cases = join(work, `${genre}-${seed}`);
        for (const { name, half: documentHalf } of genreCases(genre, seed, cases)) {
          if (documentHalf !== half) continue;
          // The features alignSentenceTexts computes, once per document.
          const keys = new KeyTable();
          const english = nonBlankLines(join(cases, `${name}.en`));
          const japanese = nonBlankLines(join(cases, `${name}.ja`));
          documents.push({
            genre,
            seed,
            gold: scorer.parseBeads(readFileSync(join(cases, `${name}.gold`), 'utf8')),
            source: english.map((sentence) => englishSentenceFeatures(sentence, keys)),
            target: japaneseFeatures(
              japanese,
              chooseTokenizer(resources).tokenizer,
              keys,
              resources.lexicon,
            ),
          });
        }
      }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const adaptation = defaultAlignmentParameters.adaptation;
  for (const variant of variants) {
    const parameters: AlignmentParameters = {
      ...defaultAlignmentParameters,
      ...overrides,
      adaptation: variant && adaptation ? { ...adaptation, ...variant } : null,
    };
    const counts = new Map<string, Record<string, number>[]>();
    for (const document of documents) {
      const beads = alignSentences(document.source, document.target, parameters).map(
        (bead): BeadPair => [[...bead.sourceIndices], [...bead.targetIndices]],
      );
      const count = scorer.count(document.gold, beads);
      for (const key of [`${document.genre} all`, `${document.genre} seed ${document.seed}`])
        counts.set(key, [...(counts.get(key) ?? []), count]);
    }
    console.log(`${half} half, ${variant ? `adapted ${JSON.stringify(variant)}` : 'one pass'}:`);
    for (const [key, list] of [...counts].sort(([left], [right]) => left.localeCompare(right))) {
      const figures = scorer.summarize(list);
      console.log(
        `  ${key.padEnd(16)} strict F1 ${(100 * figures.strict.f1).toFixed(2)}%  ` +
          `null beads found ${figures.nullBeads.found}/${figures.nullBeads.gold}`,
      );
    }
  }
}

await main();
