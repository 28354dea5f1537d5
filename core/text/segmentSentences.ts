import type { TextSpan } from './types';

/**
 * Sentence segmentation for English and Japanese. Every function returns spans of UTF-16 code units into the text it
 * was given (start inclusive, end exclusive), trimmed of surrounding whitespace, in document order, never overlapping.
 */

/** Abbreviations after which a period never ends a sentence (lower-cased, without the final period). */
const ENGLISH_TITLES = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'sr',
  'jr',
  'messrs',
  'mme',
  'mt',
  'ft',
  'gen',
  'gov',
  'sen',
  'rep',
  'lt',
  'col',
  'capt',
  'cpt',
  'sgt',
  'cmdr',
  'adm',
  'maj',
  'hon',
  'rev',
  'fr',
  'pres',
  'supt',
  'insp',
  'det',
  'vs',
  'v',
  'cf',
  'approx',
  'dept',
  'est',
  'fig',
  'figs',
  'vol',
  'vols',
  'pp',
  'ch',
  'sec',
  'art',
  'arts',
  'para',
  'paras',
  'ref',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'corp',
  'inc',
  'ltd',
  'co',
  'bros',
  'assn',
  'univ',
  'ave',
  'blvd',
  'rd',
]);
/** Abbreviations that do not end a sentence when a number follows (`No. 5`, `Art. 3`). */
const ENGLISH_BEFORE_NUMBER = new Set([
  'no',
  'nos',
  'art',
  'arts',
  'p',
  'pp',
  'vol',
  'ch',
  'sec',
  'para',
  'fig',
  'op',
]);
/** Dotted abbreviations that never end a sentence even before a capital (`H.E. Dr.`, `U.S. President`). */
const ENGLISH_DOTTED = new Set([
  'h.e',
  'u.s',
  'u.k',
  'u.n',
  'e.g',
  'i.e',
  'u.s.a',
  'e.u',
  'h.r.h',
  'h.m',
  'd.c',
  'n.y',
]);

const ENGLISH_TERMINAL = /[.!?…]+["'”’)\]»]*/y;
const WHITESPACE = /\s/;

/**
 * Splits English text into sentences. Handles titles (`Mr.`, `Dr.`, `H.E.`), dotted acronyms (`U.S.`), `No. 5`,
 * `e.g.`, decimals (`3.5`), initials (`J. Smith`), and closing quotes after the stop (`"Stop." Then`).
 * @param text the text to split
 * @param start UTF-16 offset to start at (default 0)
 * @param end UTF-16 offset to stop at, exclusive (default `text.length`)
 * @returns sentence spans in `text` coordinates
 */
export function segmentEnglishSentences(text: string, start = 0, end = text.length): TextSpan[] {
  const boundaries: number[] = [];
  for (let index = start; index < end; index++) {
    const character = text[index]!;
    if (character !== '.' && character !== '!' && character !== '?' && character !== '…') continue;
    ENGLISH_TERMINAL.lastIndex = index;
    const match = ENGLISH_TERMINAL.exec(text);
    const stopEnd = Math.min(end, index + (match ? match[0].length : 1));
    // A stop must be followed by whitespace (or the end): `3.5`, `e.g.,` and `a.b` never split.
    if (stopEnd < end && !WHITESPACE.test(text[stopEnd]!)) {
      index = stopEnd - 1;
      continue;
    }
    let next = stopEnd;
    while (next < end && WHITESPACE.test(text[next]!)) next++;
    if (next >= end) break;
    if (character === '.' && isLabelOnly(text, boundaries[boundaries.length - 1] ?? start, index)) {
      index = stopEnd - 1;
      continue;
    }
    if (character === '.' && !englishPeriodEnds(text, start, index, next)) {
      index = stopEnd - 1;
      continue;
    }
    // The next sentence opens with a capital, a digit, an opening quote or bracket, or a non-Latin character.
    const opener = text[next]!;
    if (/[a-z]/.test(opener)) {
      index = stopEnd - 1;
      continue;
    }
    boundaries.push(stopEnd);
    index = stopEnd - 1;
  }
  return spansBetween(text, start, end, boundaries);
}

/** Decides whether the period at `periodIndex` ends a sentence, given the next non-space character at `nextIndex`. */
function englishPeriodEnds(
  text: string,
  start: number,
  periodIndex: number,
  nextIndex: number,
): boolean {
  let wordStart = periodIndex;
  while (wordStart > start && /[A-Za-z.]/.test(text[wordStart - 1]!)) wordStart--;
  const word = text.slice(wordStart, periodIndex).toLowerCase().replace(/^\.+/, '');
  if (word === '') return true;
  if (ENGLISH_TITLES.has(word) || ENGLISH_DOTTED.has(word)) return false;
  const nextCharacter = text[nextIndex]!;
  if (ENGLISH_BEFORE_NUMBER.has(word) && /[0-9]/.test(nextCharacter)) return false;
  // A single capital letter is an initial (`J. Smith`, `George W. Bush`).
  if (/^[a-z]$/.test(word) && /[A-Z]/.test(text[periodIndex - 1]!)) return false;
  // Dotted acronyms of single letters (`A.B.C.`) rarely end a sentence before a capital.
  if (/^([a-z]\.)+[a-z]$/.test(word)) return false;
  return true;
}

const JAPANESE_STOPS = new Set(['。', '！', '？', '!', '?', '｡', '．']);
const JAPANESE_CLOSERS = new Set([
  '」',
  '』',
  '）',
  ')',
  '】',
  '〕',
  '〉',
  '》',
  '”',
  '’',
  '"',
  '］',
  ']',
]);
const JAPANESE_OPENERS: Record<string, string> = {
  '「': '」',
  '『': '』',
  '（': '）',
  '(': ')',
  '【': '】',
  '〔': '〕',
};

/** Most sentence stops a bracket pair may hold and still count as one quotation inside a sentence. */
const MAX_QUOTED_STOPS = 4;

/**
 * Finds the brackets that quote: each opener whose matching closer comes later in `[start, end)` with at most
 * `MAX_QUOTED_STOPS` sentence stops between them, and that closer. An opener never closed (a typo, or a quotation
 * running into the next paragraph) and a pair holding more sentences than a quotation sanely does are ignored, so
 * a stray 「 cannot make the rest of its paragraph one sentence.
 * @returns UTF-16 offsets of the openers and closers that count
 */
function findQuotingBrackets(text: string, start: number, end: number): Set<number> {
  const quoting = new Set<number>();
  const open: { index: number; closer: string; stops: number }[] = [];
  for (let index = start; index < end; index++) {
    const character = text[index]!;
    const closer = JAPANESE_OPENERS[character];
    if (closer) {
      open.push({ index, closer, stops: 0 });
      continue;
    }
    if (JAPANESE_STOPS.has(character)) {
      for (const entry of open) entry.stops++;
      continue;
    }
    // A closer closes the innermost opener it matches; openers inside it that never closed are dropped.
    let match = open.length - 1;
    while (match >= 0 && open[match]!.closer !== character) match--;
    if (match < 0) continue;
    const entry = open[match]!;
    open.length = match;
    if (entry.stops <= MAX_QUOTED_STOPS) {
      quoting.add(entry.index);
      quoting.add(index);
    }
  }
  return quoting;
}

/**
 * Splits Japanese text into sentences on 。！？ (full- and half-width, also `｡`), keeping closing brackets
 * (」』）) with the sentence they close, and not splitting inside 「…」 or （…） quotations. A bracket left unclosed
 * in `[start, end)`, or one holding more than a few sentences, does not quote (see `findQuotingBrackets`).
 * @param text the text to split
 * @param start UTF-16 offset to start at (default 0)
 * @param end UTF-16 offset to stop at, exclusive (default `text.length`)
 * @returns sentence spans in `text` coordinates
 */
export function segmentJapaneseSentences(text: string, start = 0, end = text.length): TextSpan[] {
  const boundaries: number[] = [];
  const quoting = findQuotingBrackets(text, start, end);
  let depth = 0;
  for (let index = start; index < end; index++) {
    const character = text[index]!;
    if (quoting.has(index)) {
      depth += JAPANESE_OPENERS[character] ? 1 : -1;
      continue;
    }
    if (!JAPANESE_STOPS.has(character)) continue;
    // `．` is a stop only when it is not between digits (`３．５`).
    if (character === '．' && /[0-9０-９]/.test(text[index + 1] ?? '')) continue;
    if (character === '!' || character === '?') {
      // Half-width ! and ? inside Latin text (`Yahoo!`) end a sentence only before Japanese or a space.
      const following = text[index + 1] ?? '';
      if (/[A-Za-z0-9]/.test(following)) continue;
    }
    if (depth > 0) continue;
    if (isLabelOnly(text, boundaries[boundaries.length - 1] ?? start, index)) continue;
    let stopEnd = index + 1;
    while (
      stopEnd < end &&
      (JAPANESE_STOPS.has(text[stopEnd]!) || JAPANESE_CLOSERS.has(text[stopEnd]!))
    ) {
      stopEnd++;
    }
    boundaries.push(stopEnd);
    index = stopEnd - 1;
  }
  return spansBetween(text, start, end, boundaries);
}

/**
 * Splits a text into sentences by language.
 * @param lang BCP 47 tag; `ja*` uses the Japanese rules, anything else the English ones
 */
export function segmentSentences(
  text: string,
  lang: string,
  start = 0,
  end = text.length,
): TextSpan[] {
  return lang.toLowerCase().startsWith('ja')
    ? segmentJapaneseSentences(text, start, end)
    : segmentEnglishSentences(text, start, end);
}

/** True when everything from the sentence start to the stop is a clause number (`1.`, `(a).`, `１．`). */
function isLabelOnly(text: string, sentenceStart: number, stopIndex: number): boolean {
  return /^[(（[]?[0-9０-９A-Za-z]{1,3}[)）\]]?$/.test(text.slice(sentenceStart, stopIndex).trim());
}

/** Turns boundary offsets into trimmed, non-empty spans covering `[start, end)`. */
function spansBetween(
  text: string,
  start: number,
  end: number,
  boundaries: readonly number[],
): TextSpan[] {
  const spans: TextSpan[] = [];
  let previous = start;
  for (const boundary of [...boundaries, end]) {
    const span = trimSpan(text, previous, boundary);
    if (span.end > span.start) spans.push(span);
    previous = boundary;
  }
  return spans;
}

/**
 * Shrinks a span past leading and trailing whitespace (including full-width spaces and form feeds).
 * @returns a span inside `[start, end)`, empty (`start === end`) when it was all whitespace
 */
export function trimSpan(text: string, start: number, end: number): TextSpan {
  let from = start;
  let to = end;
  while (from < to && /\s/.test(text[from]!)) from++;
  while (to > from && /\s/.test(text[to - 1]!)) to--;
  return { start: from, end: to };
}
