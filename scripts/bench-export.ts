// `npm run bench:export`: a 10,000-row project with 1,000 issues exported to every format, each in a fresh process so
// that its peak memory is its own. Prints a table: export time (model, render and write), the export's output size,
// and the process's peak resident memory (Node's maxRSS, which includes the ~100 MB of tsx and the loaded project).
// Target on the development machine: every format but PDF under 5 s and 500 MB. Figures only; no pass/fail.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createProjectFile, serializeProjectFile } from '../core/project/projectFile';
import { parseProjectJson } from '../core/project/readProjectFile';
import { createSelector, type Annotation } from '../core/review/annotation';
import { alignmentFromSentences } from '../core/review/alignmentFromSentences';
import { SEVERITIES } from '../core/review/mqm';
import {
  EXPORT_FORMATS,
  exportProject,
  isExportFormat,
  writeExport,
} from '../main/services/exportService';

const BEADS = Number(process.env['TAIYAKU_BENCH_BEADS'] ?? 10_000);
const ISSUES = Number(process.env['TAIYAKU_BENCH_ISSUES'] ?? 1_000);
const SENTENCES_PER_CLAUSE = 10;
const root = resolve(import.meta.dirname, '..');
const ntrex = resolve(root, '..', 'shared', 'data', 'ntrex128-en-ja');

function lines(name: string, fallback: (index: number) => string): string[] {
  try {
    return readFileSync(join(ntrex, name), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
  } catch {
    return Array.from({ length: 1000 }, (_, index) => fallback(index));
  }
}

/** Writes a project of `BEADS` 1-1 rows (NTREX sentences, 10 per clause) with `ISSUES` issues to `path`. */
function buildProject(path: string): void {
  const english = lines('newstest2019-src.eng.txt', (i) => `Sentence number ${i} of the report.`);
  const japanese = lines('newstest2019-ref.jpn.txt', (i) => `報告書の第${i}文である。`);
  const clauseCount = Math.ceil(BEADS / SENTENCES_PER_CLAUSE);
  const clauses = (texts: string[]): string[][] =>
    Array.from({ length: clauseCount }, (_, clause) =>
      Array.from(
        { length: Math.min(SENTENCES_PER_CLAUSE, BEADS - clause * SENTENCES_PER_CLAUSE) },
        (_, i) => texts[(clause * SENTENCES_PER_CLAUSE + i) % texts.length]!,
      ),
    );
  const sourceClauses = clauses(english);
  const alignment = alignmentFromSentences({
    source: { clauses: sourceClauses },
    target: { clauses: clauses(japanese) },
    clauseBeads: sourceClauses.map(() => [1, 1] as const),
    sentenceBeads: sourceClauses.flatMap((sentences) => sentences.map(() => [1, 1] as const)),
  });
  const now = '2026-11-30T12:00:00.000Z';
  const annotations: Annotation[] = Array.from({ length: ISSUES }, (_, index) => {
    const bead = alignment.sentenceBeads[Math.floor((index * BEADS) / ISSUES)]!;
    const side = index % 3 === 0 ? 'source' : 'target';
    const sentence =
      alignment[side].sentences[(side === 'source' ? bead.sourceIndices : bead.targetIndices)[0]!]!;
    const length = Math.min(8, sentence.end - sentence.start);
    return {
      id: `bench-${index}`,
      selectors: [
        createSelector(side, alignment[side].text, sentence.start, sentence.start + length),
      ],
      category: index % 2 ? 'accuracy/mistranslation' : 'terminology/wrong-term',
      severity: SEVERITIES[index % SEVERITIES.length]!,
      comment: `Issue ${index}: <check> the "tense" & wording; expected 行われた.`,
      status: 'open',
      author: 'bench',
      createdAt: now,
      updatedAt: now,
      origin: { kind: 'reviewer' },
    };
  });
  const project = createProjectFile({
    name: `Benchmark ${BEADS} rows`,
    documents: {
      source: { lang: 'en', fileName: 'bench.en.txt', encoding: 'utf-8' },
      target: { lang: 'ja', fileName: 'bench.ja.txt', encoding: 'utf-8' },
    },
    alignment,
    now,
    appVersion: 'bench',
  });
  writeFileSync(
    path,
    serializeProjectFile({ ...project, annotations: annotations as typeof project.annotations }),
  );
}

/** Child: exports the project in one format and prints its figures as JSON. */
async function child(format: string, projectPath: string, outPath: string): Promise<void> {
  if (!isExportFormat(format)) throw new Error(`unknown format ${format}`);
  const parsed = parseProjectJson(readFileSync(projectPath, 'utf8'));
  if (!parsed.ok)
    throw new Error(
      `the benchmark project does not parse: ${JSON.stringify(parsed).slice(0, 300)}`,
    );
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  const file = await exportProject(parsed.project, { format });
  await writeExport(file, outPath);
  const seconds = (performance.now() - started) / 1000;
  console.log(
    JSON.stringify({
      seconds,
      bytes: statSync(outPath).size,
      rssBeforeMb: rssBefore / 1024 / 1024,
      peakMb: process.resourceUsage().maxRSS / 1024,
    }),
  );
}

async function main(): Promise<void> {
  const [mode, ...rest] = process.argv.slice(2);
  if (mode === '--child') return child(rest[0]!, rest[1]!, rest[2]!);
  const directory = mkdtempSync(join(tmpdir(), 'taiyaku-bench-export-'));
  try {
    const projectPath = join(directory, 'bench.taiyaku');
    buildProject(projectPath);
    console.log(
      `${BEADS} rows, ${ISSUES} issues; project file ${(statSync(projectPath).size / 1024 / 1024).toFixed(1)} MB`,
    );
    console.log('format  seconds  output MB  RSS before MB  peak RSS MB');
    const formats = process.env['TAIYAKU_BENCH_FORMATS']?.split(',') ?? [...EXPORT_FORMATS];
    for (const format of formats) {
      const result = spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          join(root, 'scripts', 'bench-export.ts'),
          '--child',
          format,
          projectPath,
          join(directory, `out.${format}`),
        ],
        { cwd: root, encoding: 'utf8', timeout: 600_000 },
      );
      const line = result.stdout.trim().split('\n').pop() ?? '';
      if (result.status !== 0 || !line.startsWith('{')) {
        const reason =
          (result.stderr || result.error?.message || 'failed')
            .trim()
            .split('\n')
            .find((text) => text.startsWith('Error')) ?? 'failed';
        console.log(`${format.padEnd(6)}  failed: ${reason}`);
        continue;
      }
      const figures = JSON.parse(line) as {
        seconds: number;
        bytes: number;
        rssBeforeMb: number;
        peakMb: number;
      };
      console.log(
        [
          format.padEnd(6),
          figures.seconds.toFixed(2).padStart(7),
          (figures.bytes / 1024 / 1024).toFixed(1).padStart(9),
          figures.rssBeforeMb.toFixed(0).padStart(13),
          figures.peakMb.toFixed(0).padStart(11),
        ].join('  '),
      );
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

await main();
