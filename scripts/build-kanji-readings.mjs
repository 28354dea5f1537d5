#!/usr/bin/env node
// Derives the kanji reading table the name check uses (data/kanjidic/kanji-readings.tsv) from EDRDG's KANJIDIC.
// Usage: node scripts/build-kanji-readings.mjs [--kanjidic /work/shared/data/edrdg/kanjidic.utf8.txt] [--out data/kanjidic]
// Each output line is "KANJI<TAB>reading reading …": the kanji's readings in hiragana, name readings (nanori) first,
// then kun readings (okurigana and affix marks dropped: あか.るい → あか) and on readings (katakana made hiragana),
// without repeats. Only kanji of the Jōyō and Jinmeiyō lists (a grade in KANJIDIC) and kanji with name readings are
// kept: the ones Japanese names are written with. The data is EDRDG's, under CC BY-SA (see data/kanjidic/README.md).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { commandOptions } from './commandOptions.mjs';

const args = commandOptions(process.argv.slice(2));
const kanjidicPath = args.kanjidic ?? '/work/shared/data/edrdg/kanjidic.utf8.txt';
const outDirectory = args.out ?? 'data/kanjidic';

const toHiragana = (kana) =>
  kana.replace(/[\u30a1-\u30f6]/g, (character) =>
    String.fromCharCode(character.charCodeAt(0) - 0x60),
  );

const lines = [];
for (const line of readFileSync(kanjidicPath, 'utf8').split('\n')) {
  if (!line || line.startsWith('#')) continue;
  const fields = line
    .replace(/\{[^}]*\}/g, ' ')
    .trim()
    .split(/\s+/);
  const kanji = fields[0];
  if (!kanji || [...kanji].length !== 1) continue;
  const hasGrade = fields.some((field) => /^G\d+$/.test(field));
  const nanoriAt = fields.indexOf('T1');
  const readingFields = fields
    .slice(1)
    .filter((field) => /^[\u3041-\u3096\u30a1-\u30fa.\-ー]+$/.test(field));
  const nanori =
    nanoriAt >= 0
      ? fields.slice(nanoriAt + 1).filter((field) => /^[\u3041-\u3096.-]+$/.test(field))
      : [];
  const plain = fields
    .slice(1, nanoriAt >= 0 ? nanoriAt : undefined)
    .filter((field) => readingFields.includes(field));
  if (!hasGrade && nanori.length === 0) continue;
  const readings = [];
  for (const raw of [...nanori, ...plain]) {
    const reading = toHiragana(raw.split('.')[0].replace(/-/g, ''));
    if (reading && !readings.includes(reading)) readings.push(reading);
  }
  if (readings.length > 0) lines.push(`${kanji}\t${readings.join(' ')}`);
}
mkdirSync(outDirectory, { recursive: true });
writeFileSync(
  join(outDirectory, 'kanji-readings.tsv'),
  `# Kanji readings (hiragana), name readings first; derived from KANJIDIC (EDRDG), CC BY-SA 4.0: see README.md\n${lines.join('\n')}\n`,
);
console.log(`${lines.length} kanji written to ${join(outDirectory, 'kanji-readings.tsv')}`);
