// Fits the bead-confidence models (core/alignment/confidenceModel.ts) on labelled beads and reports calibration on
// held-out documents.
// Data: two genres, NTREX-128 EN-JA dev documents (news) and BSD dev dialogues (dialogue, read at run time and never
// written into the repo: CC BY-NC-SA), made by /work/shared/tools/make-alignment-cases.mjs for each --seeds seed; every
// document is aligned with the current aligner, and a predicted bead is labelled correct when exactly the same bead is
// in the gold. Documents are split by id into a tuning half, which is fitted, and a held-out half, which is only
// reported on (scripts/ntrexSplit.ts: the same split for every seed, and the one bench:align reports and the golden
// fixtures are drawn from; scripts/bsdSplit.ts for dialogues), so the report is on documents the fit never saw, per
// genre. Each document is used twice: as made,
// and with a share of its 1-1 Japanese sentences replaced by sentences of another document (gold: an omission plus an
// addition), because NTREX translations are all faithful and a reviewer's are not: without them the models never see
// an unrelated pair linked 1-1 and rate it as confidently as a good one.
// Fit: logistic regression by plain batch gradient descent on the Brier score, standardised features with a light L2
// penalty, weights folded back to raw features; one model for linked beads, one for null beads.
// Usage: npm run calibrate:confidence [-- --seeds 1,2,3,4,5,6,8,9] [--iterations 4000] [--substitute 0.05]
// Prints the held-out figures of the committed and the refitted coefficients, and the refitted constant to paste into
// core/alignment/confidenceModel.ts.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { alignSentenceTexts } from '../core/alignment/alignDocument';
import type { ScoredBead } from '../core/alignment/alignSentences';
import {
  beadKey,
  calibrationReport,
  formatCalibrationReport,
} from '../core/alignment/calibrationMetrics';
import {
  LINKED_FEATURES,
  NULL_FEATURES,
  beadConfidence,
  fittedConfidenceCoefficients,
  linkedFeatures,
  logistic,
  nullFeatures,
  type BeadEvidence,
  type ConfidenceCoefficients,
  type LogisticModel,
} from '../core/alignment/confidenceModel';
import { loadAlignmentResources } from '../main/services/alignment/loadAlignmentResources';
import { type NtrexHalf } from './ntrexSplit';
import { genreCases, type Genre } from './alignmentCases';
import { mulberry32 } from './seededRandom';
import { argumentValue } from './argumentValue';

interface LabelledBead {
  readonly genre: Genre;
  readonly half: NtrexHalf;
  readonly evidence: BeadEvidence;
  readonly correct: boolean;
  /** The confidence the aligner gave before calibration (the hand-set logistic; 0.3 for null beads). */
  readonly legacy: number;
  /** A linked bead holding a Japanese sentence put in from another document. */
  readonly linksForeign: boolean;
}

const nonBlankLines = (path: string): string[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** The confidence before calibration: the hand-set logistic of coverage, length z and bead size. */
function legacyConfidence(bead: ScoredBead): number {
  if (bead.sourceIndices.length === 0 || bead.targetIndices.length === 0) return 0.3;
  const z = bead.lengthDeviation;
  const size = bead.sourceIndices.length + bead.targetIndices.length;
  const logit = -1.2 + 9 * bead.lexicalCoverage - 0.45 * z * z - 0.3 * (size - 2);
  return 1 / (1 + Math.exp(-logit));
}

interface AlignmentCase {
  readonly genre: Genre;
  readonly document: number;
  readonly half: NtrexHalf;
  readonly english: string[];
  readonly japanese: string[];
  /** Gold beads as `source indices:target indices` keys (see `beadKey`). */
  readonly gold: Set<string>;
  /** Japanese sentences replaced by sentences of another document. */
  readonly foreignTargets?: ReadonlySet<number>;
}

/**
 * A case in which a share of the Japanese sentences that translate exactly one English sentence are replaced by
 * sentences from another document: what a reviewer meets when a translation is wrong or misplaced. The gold changes
 * accordingly (`[i]:[j]` becomes `[i]:[]` and `[]:[j]`), so an aligner that links the unrelated pair 1-1 is wrong
 * there, and the confidence learns that a link without lexical support is doubtful.
 */
function withSubstitutions(
  alignmentCase: AlignmentCase,
  foreign: readonly string[],
  share: number,
  random: () => number,
): AlignmentCase {
  const japanese = [...alignmentCase.japanese];
  const gold = new Set(alignmentCase.gold);
  const foreignTargets = new Set<number>();
  for (const key of alignmentCase.gold) {
    const match = /^(\d+):(\d+)$/.exec(key);
    if (match === null || random() >= share) continue;
    japanese[Number(match[2])] = foreign[Math.floor(random() * foreign.length)]!;
    gold.delete(key);
    gold.add(`${match[1]}:`);
    gold.add(`:${match[2]}`);
    foreignTargets.add(Number(match[2]));
  }
  return { ...alignmentCase, japanese, gold, foreignTargets };
}

async function collect(
  seeds: readonly string[],
  substitutionShare: number,
): Promise<{ clean: LabelledBead[]; substituted: LabelledBead[] }> {
  const resources = await loadAlignmentResources();
  const work = mkdtempSync(join(tmpdir(), 'calibrate-confidence-'));
  const clean: LabelledBead[] = [];
  const substituted: LabelledBead[] = [];
  const label = (alignmentCase: AlignmentCase): LabelledBead[] =>
    alignSentenceTexts(alignmentCase.english, alignmentCase.japanese, resources).map((bead) => ({
      genre: alignmentCase.genre,
      half: alignmentCase.half,
      evidence: bead.evidence,
      correct: alignmentCase.gold.has(beadKey(bead)),
      legacy: legacyConfidence(bead),
      linksForeign:
        bead.sourceIndices.length > 0 &&
        bead.targetIndices.some((index) => alignmentCase.foreignTargets?.has(index) === true),
    }));
  const documentsByGenre = new Map<Genre, AlignmentCase[]>();
  try {
    for (const seed of seeds) {
      for (const genre of ['news', 'dialogue'] as const) {
        const cases = join(work, `${genre}-seed-${seed}`);
        const split = genreCases(genre, seed, cases);
        documentsByGenre.set(
          genre,
          split.map(({ name, half }) => {
            const base = join(cases, name);
            return {
              genre,
              document: Number(name),
              half,
              english: nonBlankLines(`${base}.en`),
              japanese: nonBlankLines(`${base}.ja`),
              gold: new Set(
                nonBlankLines(`${base}.gold`).map((line) => {
                  const match = /^\[([\d,]*)\]:\[([\d,]*)\]/.exec(line)!;
                  return `${match[1]}:${match[2]}`;
                }),
              ),
            };
          }),
        );
      }
      const documents = [...documentsByGenre.values()].flat();
      const random = mulberry32(Number(seed) * 7919);
      for (const alignmentCase of documents) {
        clean.push(...label(alignmentCase));
        // Foreign sentences come from a document of the same half, so held-out beads never meet fitted text.
        const donor = documents.filter(
          (other) =>
            other.genre === alignmentCase.genre &&
            other.document !== alignmentCase.document &&
            other.half === alignmentCase.half,
        );
        const foreign = donor[Math.floor(random() * donor.length)]?.japanese ?? [];
        if (foreign.length > 0)
          substituted.push(
            ...label(withSubstitutions(alignmentCase, foreign, substitutionShare, random)),
          );
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return { clean, substituted };
}

/**
 * Logistic regression by batch gradient descent on the Brier score (the mean squared error of the probability, the
 * figure the report judges by) rather than the log loss: the log loss spends the model on the few confidently wrong
 * beads, the Brier score on being right where most beads are; the held-out Brier was no worse for either genre with
 * either data set (see fittedConfidenceCoefficients). Returns weights for the raw features (first feature: bias).
 * @param signs per feature, +1 or −1 to keep its weight at or above / at or below 0 (projected gradient descent), 0
 *   for no constraint
 */
function fitLogistic(
  rows: readonly number[][],
  labels: readonly number[],
  iterations: number,
  signs: readonly number[],
  l2 = 1e-3,
): number[] {
  const width = rows[0]!.length;
  const mean = new Array<number>(width).fill(0);
  const deviation = new Array<number>(width).fill(1);
  for (let j = 1; j < width; j++) {
    mean[j] = rows.reduce((sum, row) => sum + row[j]!, 0) / rows.length;
    const variance = rows.reduce((sum, row) => sum + (row[j]! - mean[j]!) ** 2, 0) / rows.length;
    deviation[j] = Math.sqrt(variance) || 1;
  }
  const scaled = rows.map((row) =>
    row.map((value, j) => (j === 0 ? 1 : (value - mean[j]!) / deviation[j]!)),
  );
  const weights = new Array<number>(width).fill(0);
  const rate = 2;
  for (let iteration = 0; iteration < iterations; iteration++) {
    const gradient = new Array<number>(width).fill(0);
    scaled.forEach((row, index) => {
      let logit = 0;
      for (let j = 0; j < width; j++) logit += weights[j]! * row[j]!;
      const p = 1 / (1 + Math.exp(-logit));
      // d/dlogit of (p − y)²/2.
      const error = (p - labels[index]!) * p * (1 - p);
      for (let j = 0; j < width; j++) gradient[j]! += error * row[j]!;
    });
    for (let j = 0; j < width; j++) {
      const penalty = j === 0 ? 0 : l2 * weights[j]!;
      weights[j]! -= rate * (gradient[j]! / scaled.length + penalty);
      if ((signs[j] ?? 0) * weights[j]! < 0) weights[j] = 0;
    }
  }
  // Fold the standardisation back: w·(x − m)/d = (w/d)·x − Σ w·m/d.
  const raw = weights.map((weight, j) => (j === 0 ? weight : weight / deviation[j]!));
  for (let j = 1; j < width; j++) raw[0]! -= (weights[j]! * mean[j]!) / deviation[j]!;
  return raw.map((weight) => Number(weight.toFixed(4)));
}

/**
 * Sign constraints of the linked model, in LINKED_FEATURES order: a costlier bead, or one whose alternatives come
 * closer, never gets more confidence; more lexical support (and a smaller shortfall below the document's typical
 * coverage) never gets less.
 */
const LINKED_SIGNS = [0, -1, 0, 0, 1, 1, 1, 0, 0, 1, 1, 1, 1];

const isNullBead = (bead: LabelledBead): boolean =>
  bead.evidence.sourceCount === 0 || bead.evidence.targetCount === 0;

function report(
  title: string,
  beads: readonly LabelledBead[],
  confidence: (bead: LabelledBead) => number,
): void {
  console.log(title);
  const labelled = (list: readonly LabelledBead[]): { confidence: number; correct: boolean }[] =>
    list.map((bead) => ({ confidence: confidence(bead), correct: bead.correct }));
  console.log('  all beads');
  console.log(formatCalibrationReport(calibrationReport(labelled(beads)), '    '));
  const foreign = beads.filter((bead) => bead.linksForeign).map(confidence);
  if (foreign.length > 0) {
    const sorted = [...foreign].sort((a, b) => a - b);
    const below = foreign.filter((value) => value < 0.5).length;
    console.log(
      `  linked beads holding a substituted sentence: ${foreign.length}, median confidence ` +
        `${sorted[Math.floor(sorted.length / 2)]!.toFixed(3)}, below 0.5: ${((100 * below) / foreign.length).toFixed(1)}%`,
    );
    const mean = (list: readonly LabelledBead[], value: (bead: LabelledBead) => number): string =>
      (list.reduce((sum, bead) => sum + value(bead), 0) / Math.max(1, list.length)).toFixed(3);
    const goodLinks = beads.filter((bead) => bead.correct && !isNullBead(bead));
    const foreignLinks = beads.filter((bead) => bead.linksForeign);
    console.log(
      `  mean lexical coverage / cost: substituted ${mean(foreignLinks, (bead) => bead.evidence.lexicalCoverage)} / ` +
        `${mean(foreignLinks, (bead) => bead.evidence.cost)}, correct links ` +
        `${mean(goodLinks, (bead) => bead.evidence.lexicalCoverage)} / ${mean(goodLinks, (bead) => bead.evidence.cost)}`,
    );
  }
  console.log('  null beads (1-0, 0-1)');
  console.log(
    formatCalibrationReport(calibrationReport(labelled(beads.filter(isNullBead))), '    '),
  );
}

async function main(): Promise<void> {
  const seeds = argumentValue('seeds', '1,2,3,4,5,6,8,9').split(',');
  const iterations = Number(argumentValue('iterations', '4000'));
  const substitutionShare = Number(argumentValue('substitute', '0.05'));
  const { clean, substituted } = await collect(seeds, substitutionShare);
  const beads = [...clean, ...substituted];
  const fit = beads.filter((bead) => bead.half === 'tuning');
  const heldOut = clean.filter((bead) => bead.half === 'held-out');
  const heldOutSubstituted = substituted.filter((bead) => bead.half === 'held-out');
  console.log(
    `seeds ${seeds.join(',')}, each document also with ${substitutionShare * 100}% of its 1-1 Japanese sentences ` +
      `replaced: ${fit.length} beads fitted (tuning half), ${heldOut.length} + ${heldOutSubstituted.length} ` +
      'held out (held-out halves, scripts/ntrexSplit.ts and scripts/bsdSplit.ts)',
  );

  const model = (kind: 'linked' | 'null'): LogisticModel => {
    const rows = fit.filter((bead) => isNullBead(bead) === (kind === 'null'));
    const features = kind === 'null' ? nullFeatures : linkedFeatures;
    return {
      features: kind === 'null' ? NULL_FEATURES : LINKED_FEATURES,
      weights: fitLogistic(
        rows.map((bead) => features(bead.evidence)),
        rows.map((bead) => (bead.correct ? 1 : 0)),
        iterations,
        kind === 'null' ? [] : LINKED_SIGNS,
      ),
    };
  };
  const refitted: ConfidenceCoefficients = { linked: model('linked'), null: model('null') };
  const refittedConfidence = (bead: LabelledBead): number =>
    isNullBead(bead)
      ? logistic(refitted.null, nullFeatures(bead.evidence))
      : logistic(refitted.linked, linkedFeatures(bead.evidence));

  const ofGenre = (list: readonly LabelledBead[], genre: Genre): LabelledBead[] =>
    list.filter((bead) => bead.genre === genre);
  for (const [name, set] of [
    ['news, held out', ofGenre(heldOut, 'news')],
    ['news, held out with substituted sentences', ofGenre(heldOutSubstituted, 'news')],
    ['dialogue, held out', ofGenre(heldOut, 'dialogue')],
    ['dialogue, held out with substituted sentences', ofGenre(heldOutSubstituted, 'dialogue')],
  ] as const) {
    report(
      `${name}, before calibration (hand-set logistic; null beads 0.3)`,
      set,
      (bead) => bead.legacy,
    );
    report(`${name}, committed coefficients`, set, (bead) =>
      beadConfidence(bead.evidence, fittedConfidenceCoefficients),
    );
    report(`${name}, refitted coefficients`, set, refittedConfidence);
  }
  report('fitted half, refitted coefficients (in-sample)', fit, refittedConfidence);
  const list = (values: readonly number[]): string => `[${values.join(', ')}]`;
  console.log('\nrefitted coefficients:');
  console.log(
    `  linked: { features: LINKED_FEATURES, weights: ${list(refitted.linked.weights)} },`,
  );
  console.log(`  null: { features: NULL_FEATURES, weights: ${list(refitted.null.weights)} },`);
}

await main();
