// Alignment benchmark: accuracy and time per genre, news (NTREX-128 EN-JA dev documents) and dialogue (BSD dev
// dialogues, half of them Japanese originals), and time and peak memory on a 10,000-sentence document pair built from
// the NTREX data, with the Japanese tokenizer it took. Prints figures; asserts nothing.
// The 10k pair is aligned in --runs fresh processes (default 3) and the median of each figure is printed, since the
// machine is shared and single runs vary by tens of percent.
// Quality is printed for all documents and for each half of the splits in scripts/ntrexSplit.ts and bsdSplit.ts: the
// tuning half (what the aligner's parameters and the confidence models may be fitted on) and the held-out half (what
// they never saw; the golden fixtures come from it). The held-out figures are the honest ones.
// Usage: npm run bench:align [-- --seed 7] [--runs 3]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { alignSentenceTexts, chooseTokenizer } from '../core/alignment/alignDocument';
import { formatVecalignBeads, parseVecalignBeads } from '../core/alignment/beadFormat';
import {
  beadKey,
  calibrationReport,
  formatCalibrationReport,
  type LabelledConfidence,
} from '../core/alignment/calibrationMetrics';
import { loadAlignmentResources } from '../main/services/alignment/loadAlignmentResources';
import { bsdCases } from './bsdSplit';
import { SHARED_DIRECTORY, ntrexCases } from './ntrexSplit';
import { makeAlignmentCases } from './alignmentCases';
import { argumentValue } from './argumentValue';

const tools = join(SHARED_DIRECTORY, 'tools');

function nonBlankLines(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim());
}

async function largeChild(directory: string): Promise<void> {
  const started = performance.now();
  const resources = await loadAlignmentResources();
  const loaded = performance.now();
  const english = nonBlankLines(join(directory, 'large.en'));
  const japanese = nonBlankLines(join(directory, 'large.ja'));
  const japaneseCharacters = japanese.reduce((sum, sentence) => sum + sentence.length, 0);
  // Which Japanese word split the figures measure (the same choice alignSentenceTexts makes).
  const tokenizer =
    chooseTokenizer(resources).path === 'morphological'
      ? 'kuromoji, tokenizerPath morphological'
      : 'lexicon longest-match, tokenizerPath dictionary (kuromoji off)';
  const distinctJapanese = new Set(japanese).size;
  const beads = alignSentenceTexts(english, japanese, resources);
  const finished = performance.now();
  const cpu = process.cpuUsage();
  writeFileSync(join(directory, 'large.test'), formatVecalignBeads(beads));
  // maxRSS is in kilobytes: the process's peak resident memory, loading included.
  const peakMegabytes = process.resourceUsage().maxRSS / 1024;
  console.log(
    JSON.stringify({
      sentences: [english.length, japanese.length],
      japaneseCharacters,
      distinctJapanese,
      tokenizer,
      loadSeconds: (loaded - started) / 1000,
      alignSeconds: (finished - loaded) / 1000,
      totalSeconds: (finished - started) / 1000,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      peakMegabytes,
    }),
  );
}

interface LargeRun {
  sentences: [number, number];
  japaneseCharacters: number;
  distinctJapanese: number;
  tokenizer: string;
  loadSeconds: number;
  alignSeconds: number;
  totalSeconds: number;
  cpuSeconds: number;
  peakMegabytes: number;
}

/**
 * Each predicted bead of the given cases with its confidence (1 − the cost column of the .test file) and whether
 * exactly the same bead is in the gold.
 */
function labelledConfidences(
  cases: string,
  out: string,
  names: readonly string[],
): LabelledConfidence[] {
  const labelled: LabelledConfidence[] = [];
  for (const name of names) {
    const gold = new Set(
      parseVecalignBeads(readFileSync(join(cases, `${name}.gold`), 'utf8')).map(beadKey),
    );
    const lines = nonBlankLines(join(out, `${name}.test`));
    const beads = parseVecalignBeads(lines.join('\n'));
    beads.forEach((bead, index) => {
      const cost = Number(/:([\d.]+)$/.exec(lines[index]!)?.[1] ?? NaN);
      labelled.push({ confidence: 1 - cost, correct: gold.has(beadKey(bead)) });
    });
  }
  return labelled;
}

/** The figures of a large run that are numbers. */
type NumericFigure = Exclude<
  keyof LargeRun,
  'sentences' | 'tokenizer' | 'japaneseCharacters' | 'distinctJapanese'
>;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function score(pairs: string[]): {
  strict: { f1: number };
  lax: { f1: number };
  nullBeads: { gold: number; found: number };
} {
  const output = execFileSync('node', [join(tools, 'score-alignment.mjs'), ...pairs], {
    encoding: 'utf8',
  });
  return JSON.parse(output.split('\n')[0]!);
}

async function main(): Promise<void> {
  if (process.argv[2] === '--large-child') return largeChild(process.argv[3]!);
  const seed = argumentValue('seed', '7');
  const runs = Math.max(1, Number(argumentValue('runs', '3')) || 3);
  const work = mkdtempSync(join(tmpdir(), 'bench-align-'));
  try {
    const cases = join(work, 'cases');
    const out = join(work, 'out');
    makeAlignmentCases('news', seed, cases);
    const started = performance.now();
    execFileSync(
      'npx',
      ['tsx', 'main/cli/main.ts', 'align', '--presegmented', '--batch', cases, '--out', out],
      {
        stdio: 'inherit',
      },
    );
    const seconds = (performance.now() - started) / 1000;
    const percent = (value: number): string => (100 * value).toFixed(1);
    const headline = (
      title: string,
      casesDirectory: string,
      outDirectory: string,
      names: readonly string[],
    ): void => {
      const figures = score(
        names.flatMap((name) => [
          join(casesDirectory, `${name}.gold`),
          join(outDirectory, `${name}.test`),
        ]),
      );
      const calibration = calibrationReport(
        labelledConfidences(casesDirectory, outDirectory, names),
      );
      console.log(
        `  ${title.padEnd(30)} ${String(names.length).padStart(4)} docs  ` +
          `strict F1 ${percent(figures.strict.f1)}%  lax F1 ${percent(figures.lax.f1)}%  ` +
          `null beads found ${figures.nullBeads.found}/${figures.nullBeads.gold} ` +
          `(${percent(figures.nullBeads.found / Math.max(1, figures.nullBeads.gold))}%)  ` +
          `Brier ${calibration.brier.toFixed(4)}`,
      );
    };
    const all = ntrexCases(cases);
    const heldOut = all.filter((entry) => entry.half === 'held-out');
    const namesOf = (selected: readonly { name: string }[]): string[] =>
      selected.map((entry) => entry.name);
    console.log(`news: NTREX dev (seed ${seed}, batch CLI incl. dictionary loading)`);
    headline('all', cases, out, namesOf(all));
    headline('tuning half', cases, out, namesOf(all.filter((entry) => entry.half === 'tuning')));
    headline('held-out half', cases, out, namesOf(heldOut));
    console.log(`  batch time ${seconds.toFixed(2)} s (all ${all.length} documents)`);

    // Dialogue: BSD dev, cases built at run time into the temporary directory (CC BY-NC-SA: never into the repo).
    const dialogueCases = join(work, 'bsd-cases');
    const dialogueOut = join(work, 'bsd-out');
    makeAlignmentCases('dialogue', seed, dialogueCases);
    const dialogueStarted = performance.now();
    execFileSync(
      'npx',
      [
        'tsx',
        'main/cli/main.ts',
        'align',
        '--presegmented',
        '--batch',
        dialogueCases,
        '--out',
        dialogueOut,
      ],
      { stdio: 'inherit' },
    );
    const dialogueSeconds = (performance.now() - dialogueStarted) / 1000;
    const dialogues = bsdCases(dialogueCases);
    const dialogueHeldOut = dialogues.filter((entry) => entry.half === 'held-out');
    console.log(`dialogue: BSD dev (seed ${seed}, batch CLI incl. dictionary loading)`);
    headline('all', dialogueCases, dialogueOut, namesOf(dialogues));
    headline(
      'tuning half',
      dialogueCases,
      dialogueOut,
      namesOf(dialogues.filter((entry) => entry.half === 'tuning')),
    );
    headline('held-out half', dialogueCases, dialogueOut, namesOf(dialogueHeldOut));
    for (const language of ['en', 'ja'] as const)
      headline(
        `held-out, ${language === 'en' ? 'English' : 'Japanese'} originals`,
        dialogueCases,
        dialogueOut,
        namesOf(dialogueHeldOut.filter((entry) => entry.originalLanguage === language)),
      );
    console.log(`  batch time ${dialogueSeconds.toFixed(2)} s (all ${dialogues.length} dialogues)`);

    for (const [genre, casesDirectory, outDirectory, names] of [
      ['news', cases, out, namesOf(heldOut)],
      ['dialogue', dialogueCases, dialogueOut, namesOf(dialogueHeldOut)],
    ] as const) {
      console.log(`confidence calibration, ${genre}, held-out half, every predicted bead:`);
      console.log(
        formatCalibrationReport(
          calibrationReport(labelledConfidences(casesDirectory, outDirectory, names)),
          '    ',
        ),
      );
    }

    // A 10,000-sentence pair: documents from several seeds concatenated, gold indices shifted.
    const english: string[] = [];
    const japanese: string[] = [];
    const gold: string[] = [];
    for (let extraSeed = 1; english.length < 10_000; extraSeed++) {
      const directory = join(work, `large-${extraSeed}`);
      makeAlignmentCases('news', extraSeed, directory);
      for (const name of readdirSync(directory)
        .filter((file) => file.endsWith('.gold'))
        .sort()) {
        const base = name.slice(0, -5);
        const sourceOffset = english.length;
        const targetOffset = japanese.length;
        english.push(...nonBlankLines(join(directory, `${base}.en`)));
        japanese.push(...nonBlankLines(join(directory, `${base}.ja`)));
        for (const line of nonBlankLines(join(directory, name))) {
          const match = /^\[([\d,]*)\]:\[([\d,]*)\]/.exec(line)!;
          const shift = (list: string, offset: number): string =>
            list
              ? list
                  .split(',')
                  .map((index) => Number(index) + offset)
                  .join(',')
              : '';
          gold.push(`[${shift(match[1]!, sourceOffset)}]:[${shift(match[2]!, targetOffset)}]`);
        }
        if (english.length >= 10_000) break;
      }
    }
    writeFileSync(join(work, 'large.en'), `${english.join('\n')}\n`);
    writeFileSync(join(work, 'large.ja'), `${japanese.join('\n')}\n`);
    writeFileSync(join(work, 'large.gold'), `${gold.join('\n')}\n`);
    const largeRuns: LargeRun[] = [];
    for (let run = 0; run < runs; run++) {
      const child = execFileSync('npx', ['tsx', 'scripts/bench-align.ts', '--large-child', work], {
        encoding: 'utf8',
      });
      largeRuns.push(JSON.parse(child.trim().split('\n').pop()!) as LargeRun);
    }
    const figure = (key: NumericFigure, digits: number): string =>
      `${median(largeRuns.map((run) => run[key])).toFixed(digits)}`;
    const every = (key: NumericFigure): string =>
      largeRuns.map((run) => run[key].toFixed(2)).join(', ');
    const largeScore = score([join(work, 'large.gold'), join(work, 'large.test')]);
    const [sourceSentences, targetSentences] = largeRuns[0]!.sentences;
    console.log(
      `10,000-sentence pair (${sourceSentences} EN / ${targetSentences} JA sentences, one document; median of ${runs} runs)`,
    );
    console.log(
      `  time ${figure('totalSeconds', 2)} s (loading ${figure('loadSeconds', 2)} s, aligning ${figure('alignSeconds', 2)} s; CPU ${figure('cpuSeconds', 2)} s)`,
    );
    console.log(
      `  Japanese tokenizer: ${largeRuns[0]!.tokenizer} (${largeRuns[0]!.japaneseCharacters} Japanese characters; ` +
        `${largeRuns[0]!.distinctJapanese} distinct Japanese sentences, each tokenized once)`,
    );
    console.log(`  runs: total ${every('totalSeconds')} s`);
    console.log(`  peak memory ${figure('peakMegabytes', 0)} MB (maxRSS)`);
    console.log(
      `  strict F1 ${percent(largeScore.strict.f1)}%  lax F1 ${percent(largeScore.lax.f1)}%  null beads ${largeScore.nullBeads.found}/${largeScore.nullBeads.gold}`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
