// Discrepancy-check benchmark: precision and recall per check and the false-alarm rate on clean pairs, on labelled
// sets built by the shared injection tool (NTREX-128 with two seeds; BSD business dialogues when present, measured
// only: that corpus is CC BY-NC-SA and nothing derived from it is kept), and the time per 1,000 pairs; then the
// consistency and JTF style checks on NTREX's clean pairs (counts and time).
// Prints figures; asserts nothing.
// Usage: npm run bench:checks [-- --seeds 5,11] [--bsd PATH]
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { checkPair } from '../core/checks/checkPair';
import { checkConsistency } from '../core/checks/consistency';
import { medianLengthRatio } from '../core/checks/lengthCheck';
import type { CheckResources } from '../core/checks/pairAnalysis';
import { DEFAULT_CHECK_SETTINGS } from '../core/checks/settings';
import { loadCheckResources } from '../main/services/alignment/loadAlignmentResources';
import { checkJapaneseStyle } from '../main/services/checks/styleCheck';
import { join } from 'node:path';
import { BSD_DATA } from './bsdSplit';
import { NTREX_DATA, SHARED_DIRECTORY } from './ntrexSplit';
import { argumentValue } from './argumentValue';

const tools = join(SHARED_DIRECTORY, 'tools');
const ntrex = NTREX_DATA;

interface LabelledPair {
  readonly id: number;
  readonly en: string;
  readonly ja: string;
  readonly injected: { readonly type: string; readonly detail: string } | null;
}

/** Which finding checks count as catching each injected type (as the shared scorer counts them). */
const FIT: Readonly<Record<string, readonly string[]>> = {
  number: ['number', 'date'],
  tense: ['tense'],
  omission: ['omission'],
  name: ['entity'],
};
const COUNTED = new Set(Object.values(FIT).flat());

function labelled(format: string, input: string, seed: string): LabelledPair[] {
  const output = execFileSync(
    'node',
    [`${tools}/inject-discrepancies.mjs`, '--format', format, '--in', input, '--seed', seed],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] },
  );
  return output
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as LabelledPair);
}

function measure(name: string, pairs: readonly LabelledPair[], resources: CheckResources): void {
  const expectedRatio = medianLengthRatio(
    pairs,
    DEFAULT_CHECK_SETTINGS.omission.documentMinimumPairs,
  );
  const started = performance.now();
  const found = pairs.map((pair) =>
    checkPair(pair.en, pair.ja, resources, DEFAULT_CHECK_SETTINGS, expectedRatio).map(
      (finding) => finding.check as string,
    ),
  );
  const milliseconds = performance.now() - started;
  const byType = new Map<string, { n: number; caught: number }>();
  const raisedBy = new Map<string, { raised: number; right: number; falseAlarms: number }>();
  let clean = 0;
  let alarms = 0;
  pairs.forEach((pair, index) => {
    const checks = new Set(found[index]);
    for (const check of checks) {
      const entry = raisedBy.get(check) ?? { raised: 0, right: 0, falseAlarms: 0 };
      entry.raised++;
      if (pair.injected && FIT[pair.injected.type]?.includes(check)) entry.right++;
      if (!pair.injected) entry.falseAlarms++;
      raisedBy.set(check, entry);
    }
    if (!pair.injected) {
      clean++;
      if ([...checks].some((check) => COUNTED.has(check))) alarms++;
      return;
    }
    const entry = byType.get(pair.injected.type) ?? { n: 0, caught: 0 };
    entry.n++;
    if ([...checks].some((check) => FIT[pair.injected!.type]!.includes(check))) entry.caught++;
    byType.set(pair.injected.type, entry);
  });
  const percent = (value: number): string => `${(100 * value).toFixed(1)}%`;
  console.log(
    `\n${name}: ${pairs.length} pairs (${clean} clean), expected ratio ${expectedRatio?.toFixed(3) ?? 'default'}`,
  );
  for (const [type, entry] of [...byType].sort()) {
    const checks = FIT[type]!;
    const raised = checks.reduce((sum, check) => sum + (raisedBy.get(check)?.raised ?? 0), 0);
    const right = checks.reduce((sum, check) => sum + (raisedBy.get(check)?.right ?? 0), 0);
    const falseAlarms = checks.reduce(
      (sum, check) => sum + (raisedBy.get(check)?.falseAlarms ?? 0),
      0,
    );
    console.log(
      `  ${type.padEnd(9)} recall ${percent(entry.caught / entry.n).padStart(6)} (${entry.caught}/${entry.n})` +
        `  precision ${percent(raised ? right / raised : 1).padStart(6)} (${right}/${raised} pairs flagged by ${checks.join('/')})` +
        `  false alarms on clean pairs ${falseAlarms}`,
    );
  }
  console.log(`  false alarms: ${percent(alarms / clean)} of clean pairs (${alarms}/${clean})`);
  console.log(
    `  time: ${((milliseconds / pairs.length) * 1000).toFixed(0)} ms per 1,000 pairs (kuromoji loaded)`,
  );
}

const checkResources: CheckResources = await loadCheckResources();
const loadStarted = performance.now();
checkResources.japaneseTokenizer.tokenize('辞書を読み込む。');
console.log(`kuromoji dictionary load: ${(performance.now() - loadStarted).toFixed(0)} ms`);
for (const seed of argumentValue('seeds', '5,11').split(','))
  measure(`NTREX-128 seed ${seed}`, labelled('ntrex', ntrex, seed), checkResources);
const bsd = argumentValue('bsd', BSD_DATA);
if (existsSync(bsd))
  measure('BSD dev seed 5 (measured only)', labelled('bsd', bsd, '5'), checkResources);
else console.log(`\nBSD dev not found at ${bsd}: skipped`);

/**
 * The document-level and Node-side checks on clean text: terms written two ways across NTREX's source and reference
 * (each finding is a real variant, so this is a count, not an error rate), and how many JTF style findings the
 * reference gets per 100 sentences, by rule: the figures behind turning the style check off by default.
 */
async function measureCleanText(): Promise<void> {
  const pairs = labelled('ntrex', ntrex, '5').filter((pair) => !pair.injected);
  const consistencyStarted = performance.now();
  const consistency = checkConsistency(pairs, undefined, { enabled: true });
  const consistencyMs = performance.now() - consistencyStarted;
  const bySide = (code: string): number =>
    consistency.filter(({ finding }) => finding.code === code).length;
  console.log(
    `\nConsistency on ${pairs.length} clean NTREX pairs as one document: ` +
      `${bySide('consistency-source-variants')} source variants, ${bySide('consistency-target-variants')} translation variants, ` +
      `${consistencyMs.toFixed(0)} ms`,
  );
  const styleStarted = performance.now();
  const rules = new Map<string, number>();
  let sentencesWithFindings = 0;
  for (const pair of pairs) {
    const findings = await checkJapaneseStyle(pair.ja, { enabled: true, disabledRules: [] });
    if (findings.length > 0) sentencesWithFindings++;
    for (const finding of findings)
      rules.set(String(finding.params.rule), (rules.get(String(finding.params.rule)) ?? 0) + 1);
  }
  const total = [...rules.values()].reduce((sum, count) => sum + count, 0);
  console.log(
    `JTF style on the same references: ${total} findings, ${((100 * total) / pairs.length).toFixed(1)} per 100 sentences, ` +
      `${((100 * sentencesWithFindings) / pairs.length).toFixed(1)}% of sentences with one or more; ` +
      `${(((performance.now() - styleStarted) / pairs.length) * 1000).toFixed(0)} ms per 1,000 sentences`,
  );
  for (const [rule, count] of [...rules].sort((a, b) => b[1] - a[1]).slice(0, 6))
    console.log(`  ${String(count).padStart(5)}  ${rule}`);
}
await measureCleanText();
