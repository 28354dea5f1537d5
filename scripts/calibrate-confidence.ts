// Fits the bead-confidence models (core/alignment/confidenceModel.ts) on labelled beads and reports calibration on
// held-out documents.
// Data: NTREX-128 EN-JA dev documents made by /work/shared/tools/make-alignment-cases.mjs for each --seeds seed; every
// document is aligned with the current aligner, and a predicted bead is labelled correct when exactly the same bead is
// in the gold. Documents are split by id (their number in the NTREX document order, the same for every seed): even ids
// are fitted, odd ids held out, so the report is on documents the fit never saw.
// Fit: logistic regression by plain batch gradient descent on standardised features with a light L2 penalty, weights
// folded back to raw features; one model for linked beads, one for null beads.
// Usage: npm run calibrate:confidence [-- --seeds 1,2,3,4,5,6,8,9] [--iterations 4000]
// Prints the held-out figures of the committed and the refitted coefficients, and the refitted constant to paste into
// core/alignment/confidenceModel.ts.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
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

const tools = '/work/shared/tools';
const data = '/work/shared/data/ntrex128-en-ja';
const argumentValue = (name: string, fallback: string): string => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
};

interface LabelledBead {
  readonly document: number;
  readonly evidence: BeadEvidence;
  readonly correct: boolean;
  /** The confidence the aligner gave before calibration (the hand-set logistic; 0.3 for null beads). */
  readonly legacy: number;
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

async function collect(seeds: readonly string[]): Promise<LabelledBead[]> {
  const resources = await loadAlignmentResources();
  const work = mkdtempSync(join(tmpdir(), 'calibrate-confidence-'));
  const beads: LabelledBead[] = [];
  try {
    for (const seed of seeds) {
      const cases = join(work, `seed-${seed}`);
      execFileSync('node', [
        join(tools, 'make-alignment-cases.mjs'),
        '--format',
        'ntrex',
        '--in',
        data,
        '--out',
        cases,
        '--seed',
        seed,
      ]);
      for (const name of readdirSync(cases)
        .filter((file) => file.endsWith('.gold'))
        .sort()) {
        const base = join(cases, name.slice(0, -5));
        const gold = new Set(
          nonBlankLines(`${base}.gold`).map((line) => {
            const match = /^\[([\d,]*)\]:\[([\d,]*)\]/.exec(line)!;
            return `${match[1]}:${match[2]}`;
          }),
        );
        const predicted = alignSentenceTexts(
          nonBlankLines(`${base}.en`),
          nonBlankLines(`${base}.ja`),
          resources,
        );
        for (const bead of predicted) {
          beads.push({
            document: Number(name.slice(0, -5)),
            evidence: bead.evidence,
            correct: gold.has(beadKey(bead)),
            legacy: legacyConfidence(bead),
          });
        }
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return beads;
}

/**
 * Logistic regression by batch gradient descent; returns weights for the raw features (first feature: bias).
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
  const rate = 0.5;
  for (let iteration = 0; iteration < iterations; iteration++) {
    const gradient = new Array<number>(width).fill(0);
    scaled.forEach((row, index) => {
      let logit = 0;
      for (let j = 0; j < width; j++) logit += weights[j]! * row[j]!;
      const error = 1 / (1 + Math.exp(-logit)) - labels[index]!;
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
 * closer, never gets more confidence.
 */
const LINKED_SIGNS = [0, -1, 0, 0, 1, 1, 1, 0, 0];

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
  console.log('  null beads (1-0, 0-1)');
  console.log(
    formatCalibrationReport(calibrationReport(labelled(beads.filter(isNullBead))), '    '),
  );
}

async function main(): Promise<void> {
  const seeds = argumentValue('seeds', '1,2,3,4,5,6,8,9').split(',');
  const iterations = Number(argumentValue('iterations', '4000'));
  const beads = await collect(seeds);
  const fit = beads.filter((bead) => bead.document % 2 === 0);
  const heldOut = beads.filter((bead) => bead.document % 2 === 1);
  console.log(
    `seeds ${seeds.join(',')}: ${fit.length} beads fitted (even documents), ${heldOut.length} held out (odd)`,
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

  report(
    'held out, before calibration (hand-set logistic; null beads 0.3)',
    heldOut,
    (bead) => bead.legacy,
  );
  report('held out, committed coefficients', heldOut, (bead) =>
    beadConfidence(bead.evidence, fittedConfidenceCoefficients),
  );
  report('held out, refitted coefficients', heldOut, refittedConfidence);
  report('fitted half, refitted coefficients (in-sample)', fit, refittedConfidence);
  const list = (values: readonly number[]): string => `[${values.join(', ')}]`;
  console.log('\nrefitted coefficients:');
  console.log(
    `  linked: { features: LINKED_FEATURES, weights: ${list(refitted.linked.weights)} },`,
  );
  console.log(`  null: { features: NULL_FEATURES, weights: ${list(refitted.null.weights)} },`);
}

await main();
