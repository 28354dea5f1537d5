import type { TextSpan } from '../alignment/types';
import { stemEnglish } from '../anchors/englishWords';
import { consonantSkeleton, foldRomaji, romanizeKana } from '../anchors/readings';
import { makeFinding } from './messages';
import type { PairAnalysis } from './pairAnalysis';
import type { EntityCheckSettings } from './settings';
import type { Finding } from './types';

/**
 * Name check: English proper names against Japanese katakana (and kanji names, through their dictionary reading),
 * compared by reading: the katakana is romanised (Hepburn, variants folded) and reduced to a consonant skeleton, as is
 * the English spelling. A Japanese katakana name that matches nothing in the English, while an English name has no
 * counterpart in the Japanese, is reported: the two were probably meant to be the same name.
 */

/** A katakana word of the Japanese side and its reading keys. */
interface KatakanaName {
  readonly text: string;
  readonly span: TextSpan;
  readonly romaji: string;
  readonly parts: readonly string[];
}

const KATAKANA_RUN = /[\u30a1-\u30fa\u30fc]+(?:[・＝=][\u30a1-\u30fa\u30fc]+)*/g;
const ENGLISH_WORD = /[A-Za-z][A-Za-z'’-]*/g;

/** Levenshtein distance, for short strings. */
function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** Consonant skeleton with the nasals merged (トランプ `toranpu` ↔ Trump). */
function skeleton(word: string): string {
  return consonantSkeleton(word).replace(/m/g, 'n');
}

/** True when a romanised reading and an English spelling sound alike. */
export function readingsAgree(romaji: string, english: string): boolean {
  const folded = foldRomaji(romaji);
  const englishFolded = foldRomaji(english);
  if (folded.length === 0 || englishFolded.length === 0) return false;
  if (folded === englishFolded) return true;
  const a = skeleton(romaji);
  // English th is rendered ス or ト/ド (Thomas トーマス, Smith スミス).
  for (const b of new Set([skeleton(english), skeleton(english.replace(/th/gi, 't'))])) {
    if (a.length >= 1 && a === b) return true;
    if (a.length >= 2 && b.length >= 2 && (a.startsWith(b) || b.startsWith(a))) return true;
    if (
      a.length >= 3 &&
      b.length >= 3 &&
      editDistance(a, b) <= Math.floor(Math.max(a.length, b.length) / 4)
    )
      return true;
  }
  return (
    editDistance(folded, englishFolded) <=
    Math.floor(Math.max(folded.length, englishFolded.length) / 4)
  );
}

function katakanaNames(text: string, minimumLength: number): KatakanaName[] {
  const names: KatakanaName[] = [];
  for (const match of text.matchAll(KATAKANA_RUN)) {
    const written = match[0];
    const parts = written.split(/[・＝=]/).filter((part) => part.replace(/ー/g, '').length >= 2);
    if (written.replace(/[・＝=ー]/g, '').length < minimumLength || parts.length === 0) continue;
    names.push({
      text: written,
      span: { start: match.index, end: match.index + written.length },
      romaji: romanizeKana(written),
      parts: parts.map((part) => romanizeKana(part)),
    });
  }
  return names;
}

interface EnglishName {
  readonly text: string;
  readonly span: TextSpan;
}

/** Capitalised words that are not names: days, months, titles, pronouns. */
const NOT_NAMES = new Set(
  `monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
  september october november december mr mrs ms dr sen rep gov gen prof president minister prime secretary chairman
  chief director king queen prince princess lord sir lady the this that there these those it he she we they you his
  her their our my its i a an and but or if when while as in on at of for to by with from after before`.split(
    /\s+/,
  ),
);

/** Capitalised English words that are not sentence-initial: proper-name candidates. */
function englishNames(text: string): EnglishName[] {
  const names: EnglishName[] = [];
  for (const match of text.matchAll(ENGLISH_WORD)) {
    const word = match[0].replace(/['’]s?$/, '');
    if (!/^[A-Z][a-z]/.test(word) || word.length < 3 || NOT_NAMES.has(word.toLowerCase())) continue;
    const before = text.slice(0, match.index).trimEnd();
    // Sentence-initial and quote-initial words are capitalised anyway.
    if (before === '' || /[.!?:"“‘(]$/.test(before)) continue;
    names.push({ text: word, span: { start: match.index, end: match.index + word.length } });
  }
  return names;
}

/**
 * Compares the names of one pair by reading.
 * @returns findings for Japanese katakana names that match no English word while an English name lacks a counterpart
 */
export function checkEntities(pair: PairAnalysis, settings: EntityCheckSettings): Finding[] {
  if (!settings.enabled) return [];
  const katakana = katakanaNames(pair.ja, settings.minimumKatakanaLength);
  if (katakana.length === 0) return [];
  const englishWords = [...pair.en.matchAll(ENGLISH_WORD)].map((match) => match[0]);
  // Adjacent English words joined, for names written as one katakana word (New York ↔ ニューヨーク).
  const englishKeys = [
    ...englishWords,
    ...englishWords.slice(1).map((word, index) => englishWords[index]! + word),
    ...englishWords
      .slice(2)
      .map((word, index) => englishWords[index]! + englishWords[index + 1]! + word),
  ];
  const englishStems = new Set(englishWords.map((word) => stemEnglish(word)));
  const lexiconMatches = (name: KatakanaName): boolean =>
    (pair.lexicon?.glosses(name.text) ?? []).some((gloss) =>
      gloss.split(/\s+/).some((word) => englishStems.has(stemEnglish(word))),
    );
  const unmatchedKatakana = katakana.filter(
    (name) =>
      !lexiconMatches(name) &&
      !name.parts.some((part) => englishKeys.some((word) => readingsAgree(part, word))) &&
      !englishKeys.some((word) => readingsAgree(name.romaji, word)),
  );
  if (unmatchedKatakana.length === 0) return [];
  // Readings of Japanese words the English names may stand for: katakana, and kanji proper nouns (安倍 → abe).
  const japaneseReadings = [
    ...katakana.flatMap((name) => [name.romaji, ...name.parts]),
    ...pair.jaTokens
      .filter((token) => token.reading && token.partOfSpeechDetail === '固有名詞')
      .map((token) => romanizeKana(token.reading!)),
  ];
  const japaneseFolded = pair.ja.normalize('NFKC').toLowerCase();
  // English words the Japanese words' dictionary glosses stand for (Parliament ↔ 議会).
  const glossStems = new Set<string>();
  for (const token of pair.jaTokens)
    for (const gloss of pair.lexicon?.glosses(token.basicForm) ?? [])
      for (const word of gloss.split(/\s+/)) glossStems.add(stemEnglish(word));
  const unmatchedEnglish = englishNames(pair.en).filter(
    (name) =>
      !japaneseFolded.includes(name.text.toLowerCase()) &&
      !glossStems.has(stemEnglish(name.text)) &&
      !japaneseReadings.some((reading) => readingsAgree(reading, name.text)),
  );
  if (unmatchedEnglish.length === 0) return [];
  const englishList = unmatchedEnglish.map((name) => name.text).join(', ');
  return unmatchedKatakana.map((name) =>
    makeFinding(
      'entity-unmatched-in-translation',
      { target: name.text, reading: name.romaji },
      `Japanese ${name.text} reads "${name.romaji}"; English names without a counterpart: ${englishList}`,
      { ja: name.span, en: unmatchedEnglish[0]!.span },
    ),
  );
}
