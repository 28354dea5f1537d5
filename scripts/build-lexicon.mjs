#!/usr/bin/env node
// Derives the compact Japanese→English alignment lexicon (data/lexicon/edict-keywords.tsv) from EDRDG's EDICT.
// Usage: node scripts/build-lexicon.mjs [--edict /work/shared/data/edrdg/edict.utf8.txt] [--out data/lexicon]
// Each output line is "HEADWORD<TAB>word word word": a Japanese headword (kanji form, or kana for kana-only entries),
// then up to 6 lower-case English content words from the glosses of its first senses. The aligner matches these words
// against English lemmas; it never shows them to a reader. The data is EDRDG's, under CC BY-SA (see data/lexicon/README.md).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { commandOptions } from './commandOptions.mjs';

const args = commandOptions(process.argv.slice(2));
const edictPath = args.edict ?? '/work/shared/data/edrdg/edict.utf8.txt';
const outDirectory = args.out ?? 'data/lexicon';

// Function words and gloss boilerplate that would match any English sentence.
const STOPWORDS = new Set(
  `a an the of to in on at by for with from as and or but not no be is are was were been being it its this that these those
  one one's someone something somebody oneself etc e.g i.e esp usu also very more most some any such so do does did done have has
  had make made get got go going take put give s t ie eg kind type sort thing things way used use using person people
  about into onto up out off over under than then there their they them he she his her you your we our us my me i
  which who whom what when where how why all each other another both either neither own same`.split(
    /\s+/,
  ),
);
const MAX_WORDS = 6;
const MAX_SENSES = 3;

const entries = new Map();
function add(headword, words) {
  if (!headword || headword.length > 6) return;
  const list = entries.get(headword) ?? [];
  for (const word of words) if (!list.includes(word) && list.length < MAX_WORDS) list.push(word);
  entries.set(headword, list);
}

const source = readFileSync(edictPath, 'utf8');
let lines = 0;
for (const line of source.split('\n')) {
  const match = /^(\S+)(?: \[([^\]]+)\])? \/(.*)\/$/.exec(line);
  if (!match || line.startsWith('　？？？')) continue;
  lines++;
  const [, headwordField, readingField, glossField] = match;
  // Keep the file compact: archaic, obscure and rare senses, and long non-common compounds, seldom help alignment.
  if (/\((?:arch|obsc|rare|X|vulg|obs)\)/.test(glossField)) continue;
  const common = glossField.includes('(P)');
  if (!common && headwordField.length > 4 && !/^[\u30a0-\u30ffー・]+$/.test(headwordField))
    continue;
  const glosses = glossField
    .split('/')
    .filter((gloss) => gloss && !/^EntL/.test(gloss) && gloss !== '(P)');
  const words = [];
  let sense = 1;
  for (const raw of glosses) {
    const senseMatch = /\((\d+)\)/.exec(raw);
    if (senseMatch) sense = Number(senseMatch[1]);
    if (sense > MAX_SENSES) break;
    // Drop part-of-speech and field tags: "(n,adj-no)", "{comp}", "(uk)".
    const text = raw.replace(/\([^)]*\)|\{[^}]*\}/g, ' ').toLowerCase();
    for (const word of text.match(/[a-z][a-z'-]*[a-z]|[a-z]/g) ?? []) {
      const clean = word.replace(/'s$/, '');
      if (clean.length < 2 || STOPWORDS.has(clean)) continue;
      words.push(clean);
    }
  }
  if (!words.length) continue;
  const headwords = headwordField.split(';').map((form) => form.replace(/\(.*\)$/, ''));
  const hasKanji = headwords.some((form) => /[\u4e00-\u9fff々]/.test(form));
  for (const form of headwords) add(form.normalize('NFKC'), words);
  // Readings only for kana-only or katakana entries: kana readings of kanji words collide too often.
  if (readingField && !hasKanji) {
    for (const reading of readingField.split(';'))
      add(reading.replace(/\(.*\)$/, '').normalize('NFKC'), words);
  }
}

const body = [...entries.entries()]
  .filter(([headword]) => /[\u3040-\u30ff\u4e00-\u9fff々]/.test(headword))
  .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  .map(([headword, words]) => `${headword}\t${words.join(' ')}`);
const header = [
  '# Taiyaku alignment lexicon: Japanese headword TAB English gloss words (derived; not for display).',
  '# Derived from EDICT, the Japanese-English dictionary file of the Electronic Dictionary Research and Development Group',
  "# (EDRDG), https://www.edrdg.org/, used in conformance with the Group's licence; CC BY-SA 4.0.",
  '# Built by scripts/build-lexicon.mjs; see data/lexicon/README.md.',
];
mkdirSync(outDirectory, { recursive: true });
writeFileSync(join(outDirectory, 'edict-keywords.tsv'), `${[...header, ...body].join('\n')}\n`);
console.log(
  `${lines} EDICT entries -> ${body.length} headwords in ${join(outDirectory, 'edict-keywords.tsv')}`,
);
