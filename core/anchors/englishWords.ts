import type { TextSpan } from '../text/types';

/** English word tokens and the light stemming the lexical anchors compare on. */

/** One English word with its position. */
export interface EnglishWord {
  /** UTF-16 code units into the text tokenized. */
  readonly span: TextSpan;
  /** The word as written. */
  readonly text: string;
  /** Lower-cased stem (see {@link stemEnglish}). */
  readonly stem: string;
  /** True when the word is a function word (the, of, was…) that carries no alignment signal. */
  readonly stopword: boolean;
  /** True when written with a capital first letter (a name candidate). */
  readonly capitalized: boolean;
}

/** Function words left out of lexical matching. */
export const ENGLISH_STOPWORDS: ReadonlySet<string> = new Set(
  `a an the of to in on at by for with from as and or but not no nor be is are was were been being am it its this
  that these those he she his her him they them their we our us you your i me my mine which who whom whose what
  when where how why there here than then so if into onto over under up down out off about after before also just
  has have had do does did will would shall should can could may might must very more most such
  some any all each both either other only own same too s t don't it's that's`.split(/\s+/),
);

/**
 * Reduces an English word to a comparison stem: lower case, possessive and common inflections stripped
 * (`cities` → `city`, `confirmed` → `confirm`, `meeting` → `meet`), then cut to at most 7 characters so
 * derivations meet (`organizational`, `organization` → `organiz`).
 */
export function stemEnglish(word: string): string {
  let stem = word
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/[^a-z0-9-]/g, '');
  if (stem.length > 4) {
    if (stem.endsWith('ies')) stem = `${stem.slice(0, -3)}y`;
    else if (/(?:ches|shes|sses|xes|zes)$/.test(stem)) stem = stem.slice(0, -2);
    else if (
      stem.endsWith('s') &&
      !stem.endsWith('ss') &&
      !stem.endsWith('us') &&
      !stem.endsWith('is')
    ) {
      stem = stem.slice(0, -1);
    }
  }
  if (stem.length > 5) {
    if (stem.endsWith('ing')) stem = stem.slice(0, -3);
    else if (stem.endsWith('ied')) stem = `${stem.slice(0, -3)}y`;
    else if (stem.endsWith('ed')) stem = stem.slice(0, -2);
    else if (stem.endsWith('ly')) stem = stem.slice(0, -2);
  }
  if (stem.length > 4 && stem.endsWith('e')) stem = stem.slice(0, -1);
  return stem.slice(0, 7);
}

const WORD = /[A-Za-z][A-Za-z0-9]*(?:['’-][A-Za-z0-9]+)*/g;

/**
 * The words of an English text as written, in order, without spans or stems (see {@link tokenizeEnglish}); for
 * callers that look words up by their text and need nothing else.
 */
export function englishWordTexts(text: string): string[] {
  return text.match(WORD) ?? [];
}

/**
 * Splits English text into words with their spans, stems and stopword flags. Digits alone are not words (numbers are
 * anchors of their own).
 */
export function tokenizeEnglish(text: string): EnglishWord[] {
  const words: EnglishWord[] = [];
  for (const match of text.matchAll(WORD)) {
    const lower = match[0].toLowerCase();
    words.push({
      span: { start: match.index, end: match.index + match[0].length },
      text: match[0],
      stem: stemEnglish(match[0]),
      stopword: ENGLISH_STOPWORDS.has(lower),
      capitalized: /^[A-Z]/.test(match[0]),
    });
  }
  return words;
}
