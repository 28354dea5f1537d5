import type { TextSpan } from '../text/types';

/**
 * Number and date anchors, normalised across scripts so that `2022年12月4日` and `December 4, 2022`, `１２万` and
 * `120,000`, `令和4年` and `2022` compare equal. Spans are UTF-16 code units into the text given.
 */

/** What a number anchor stands for. */
export type NumberAnchorKind = 'number' | 'year' | 'month' | 'day' | 'percent';

/** One number found in a text. */
export interface NumberAnchor {
  /** Where it is written, in UTF-16 code units of the text searched. */
  readonly span: TextSpan;
  readonly kind: NumberAnchorKind;
  /** The value: a plain number (`120000`), a year (`2022`), a month (1–12), a day of the month (1–31). */
  readonly value: number;
  /** Comparison key, e.g. `120000`, `year:2022`, `month:12`, `day:4`; anchors with equal keys match. */
  readonly key: string;
}

const ERAS: Record<string, number> = { 令和: 2018, 平成: 1988, 昭和: 1925, 大正: 1911, 明治: 1867 };
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH_ABBREVIATIONS = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
];
const SCALE_WORDS: Record<string, number> = {
  hundred: 1e2,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
  bn: 1e9,
  m: 1e6,
  k: 1e3,
};
/** English words for the digits one to nine, for number anchors and the number check's compounds (twenty-one). */
export const DIGIT_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
};
const NUMBER_WORDS: Record<string, number> = {
  ...DIGIT_WORDS,
  ten: 10,
  eleven: 11,
  twelve: 12,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  hundred: 100,
  thousand: 1000,
  dozen: 12,
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  half: 0.5,
};
const KANJI_DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  壱: 1,
  弐: 2,
  参: 3,
};
const KANJI_SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const KANJI_LARGE_UNITS: Record<string, number> = { 万: 1e4, 億: 1e8, 兆: 1e12 };

/**
 * Folds full-width ASCII (digits, Latin letters, punctuation) and the ideographic space to half-width, one code unit
 * for one code unit, so offsets stay valid.
 * @returns a string of the same length as `text`
 */
export function foldWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e\u3000]/g, (character) =>
    character === '\u3000' ? ' ' : String.fromCharCode(character.charCodeAt(0) - 0xfee0),
  );
}

/**
 * Parses a Japanese numeral written in kanji, with or without Arabic digits: `三百二十`, `二千二十二`, `1億2000万`,
 * `3.5万`.
 * @returns the value, or undefined when `numeral` is not a number
 */
export function parseJapaneseNumeral(numeral: string): number | undefined {
  const text = foldWidth(numeral).replace(/,/g, '');
  if (!/^[0-9.〇零一二三四五六七八九十百千万億兆壱弐参]+$/.test(text)) return undefined;
  let total = 0;
  let section = 0;
  let digits = '';
  let seenAny = false;
  const flushDigits = (): number => {
    if (!digits) return 0;
    // A run of kanji digits without units (`二〇二二`) reads digit by digit.
    const value = Number(digits);
    digits = '';
    return value;
  };
  for (const character of text) {
    if (/[0-9.]/.test(character)) {
      digits += character;
      seenAny = true;
    } else if (character in KANJI_DIGITS) {
      digits += String(KANJI_DIGITS[character]);
      seenAny = true;
    } else if (character in KANJI_SMALL_UNITS) {
      const value = flushDigits();
      section += (value || 1) * KANJI_SMALL_UNITS[character]!;
      seenAny = true;
    } else if (character in KANJI_LARGE_UNITS) {
      section += flushDigits();
      total += (section || 1) * KANJI_LARGE_UNITS[character]!;
      section = 0;
      seenAny = true;
    } else return undefined;
  }
  section += flushDigits();
  const value = total + section;
  return seenAny && Number.isFinite(value) ? roundValue(value) : undefined;
}

function roundValue(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

function anchor(start: number, end: number, kind: NumberAnchorKind, value: number): NumberAnchor {
  const rounded = roundValue(value);
  return {
    span: { start, end },
    kind,
    value: rounded,
    key: kind === 'number' ? String(rounded) : `${kind}:${rounded}`,
  };
}

const JAPANESE_NUMBER =
  /(令和|平成|昭和|大正|明治)(元|[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})年|([0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?(?:[十百千万億兆]+(?:[0-9０-９][0-9０-９,，]*)?)*|[〇零一二三四五六七八九十百千万億兆]*[一二三四五六七八九十百千][〇零一二三四五六七八九十百千万億兆]*)(年|月|日|%|％|パーセント|割)?/g;

/**
 * Finds numbers and dates in Japanese text: Arabic digits (half- or full-width, with `,`), kanji numerals with
 * 十/百/千/万/億/兆, years (`2022年`, `令和4年` → 2022), months (`12月`), days (`4日`), percentages.
 * Kanji numerals only count when they contain a digit kanji and do not sit inside a longer kanji word
 * (`一部`, `十分` are left alone unless followed by a unit).
 * @returns anchors in text order
 */
export function extractJapaneseNumbers(text: string): NumberAnchor[] {
  const anchors: NumberAnchor[] = [];
  for (const match of text.matchAll(JAPANESE_NUMBER)) {
    const start = match.index;
    const end = start + match[0].length;
    if (match[1]) {
      const yearText = match[2]!;
      const eraYear = yearText === '元' ? 1 : parseJapaneseNumeral(yearText);
      if (eraYear !== undefined)
        anchors.push(anchor(start, end, 'year', ERAS[match[1]]! + eraYear));
      continue;
    }
    const numeral = match[3]!;
    const unit = match[4];
    const kanjiOnly = !/[0-9０-９]/.test(numeral);
    // Bare kanji numerals are common inside words (一部, 一方, 三菱): keep them only with a unit or a counter after.
    if (
      kanjiOnly &&
      !unit &&
      !/^[人件回万億兆円年名社個本歳台%％位度点か国]/.test(text.slice(end, end + 1))
    )
      continue;
    if (kanjiOnly && /[\u4e00-\u9fff]/.test(text[start - 1] ?? '') && !unit) continue;
    const value = parseJapaneseNumeral(numeral);
    if (value === undefined) continue;
    if (unit === '年') anchors.push(anchor(start, end, value >= 1000 ? 'year' : 'number', value));
    else if (unit === '月' && value >= 1 && value <= 12)
      anchors.push(anchor(start, end, 'month', value));
    else if (unit === '日' && value >= 1 && value <= 31)
      anchors.push(anchor(start, end, 'day', value));
    else if (unit === '%' || unit === '％' || unit === 'パーセント')
      anchors.push(anchor(start, end, 'percent', value));
    else if (unit === '割') anchors.push(anchor(start, end, 'percent', value * 10));
    else anchors.push(anchor(start, end, 'number', value));
  }
  return anchors;
}

const ENGLISH_NUMBER = new RegExp(
  [
    // Month-name dates: "December 4, 2022", "Dec. 4", "4 December 2022", "December 2022".
    `\\b(${MONTHS.join('|')}|(?:${MONTH_ABBREVIATIONS.join('|')})\\.?)(?:\\s+(\\d{1,2})(?:st|nd|rd|th)?)?(?:,?\\s+(\\d{4}))?\\b`,
    // Numbers with separators, decimals, ordinal suffixes, percent and scale words.
    `(\\d+(?:,\\d{3})*(?:\\.\\d+)?)(st|nd|rd|th)?(?:\\s*(%|per\\s*cent|percent)|[\\s-]*(hundred|thousand|million|billion|trillion|bn|m|k)\\b)?`,
    // Small number words.
    `\\b(${Object.keys(NUMBER_WORDS).join('|')})\\b`,
  ].join('|'),
  'gi',
);

/**
 * Finds numbers and dates in English text: digits with `,` separators and decimals, `2.5 million`, `40%`, ordinals
 * (`4th`), number words up to twelve and round tens, month names with an optional day and year
 * (`December 4, 2022` gives month 12, day 4 and year 2022).
 * @returns anchors in text order
 */
export function extractEnglishNumbers(text: string): NumberAnchor[] {
  const anchors: NumberAnchor[] = [];
  const folded = foldWidth(text);
  for (const match of folded.matchAll(ENGLISH_NUMBER)) {
    const start = match.index;
    const end = start + match[0].length;
    if (match[1]) {
      const monthName = match[1].toLowerCase().replace('.', '');
      // "May" and "March" are also words: only count them with a day or year.
      if (
        (monthName === 'may' || monthName === 'march' || monthName === 'mar') &&
        !match[2] &&
        !match[3]
      )
        continue;
      const monthIndex = Math.max(
        MONTHS.indexOf(monthName),
        MONTH_ABBREVIATIONS.indexOf(monthName),
      );
      if (monthIndex < 0) continue;
      anchors.push(anchor(start, end, 'month', monthIndex + 1));
      if (match[2]) anchors.push(anchor(start, end, 'day', Number(match[2])));
      if (match[3]) anchors.push(anchor(start, end, 'year', Number(match[3])));
      continue;
    }
    if (match[4]) {
      let value = Number(match[4].replace(/,/g, ''));
      if (!Number.isFinite(value)) continue;
      if (match[6]) {
        anchors.push(anchor(start, end, 'percent', value));
        continue;
      }
      if (match[7]) value *= SCALE_WORDS[match[7].toLowerCase()] ?? 1;
      const plainYear =
        !match[5] && !match[7] && !match[4].includes(',') && /^\d{4}$/.test(match[4]);
      anchors.push(
        anchor(start, end, plainYear && value >= 1000 && value <= 2200 ? 'year' : 'number', value),
      );
      continue;
    }
    if (match[8]) anchors.push(anchor(start, end, 'number', NUMBER_WORDS[match[8].toLowerCase()]!));
  }
  return anchors;
}

/**
 * Keys under which an anchor can match one on the other side. Years also match as plain numbers, days and months as
 * the bare number, so `4日` meets `the 4th` and `2022年` meets `in 2022`.
 */
export function numberMatchKeys(numberAnchor: NumberAnchor): string[] {
  const plain = String(numberAnchor.value);
  return numberAnchor.kind === 'number' ? [plain] : [numberAnchor.key, plain];
}

/** A pair of number anchors, one on each side, that agree. */
export interface NumberAnchorPair {
  readonly source: NumberAnchor;
  readonly target: NumberAnchor;
}

/**
 * Pairs the number anchors of an English and a Japanese text that agree in value (and kind, where both have one).
 * Each anchor is used at most once, left to right.
 * @returns matched pairs, and the anchors of each side that found no partner (candidates for a discrepancy)
 */
export function matchNumberAnchors(
  source: readonly NumberAnchor[],
  target: readonly NumberAnchor[],
): { pairs: NumberAnchorPair[]; unmatchedSource: NumberAnchor[]; unmatchedTarget: NumberAnchor[] } {
  const used = new Set<number>();
  const pairs: NumberAnchorPair[] = [];
  const unmatchedSource: NumberAnchor[] = [];
  for (const sourceAnchor of source) {
    const exact = target.findIndex(
      (candidate, index) => !used.has(index) && candidate.key === sourceAnchor.key,
    );
    const loose =
      exact >= 0
        ? exact
        : target.findIndex(
            (candidate, index) => !used.has(index) && candidate.value === sourceAnchor.value,
          );
    if (loose >= 0) {
      used.add(loose);
      pairs.push({ source: sourceAnchor, target: target[loose]! });
    } else unmatchedSource.push(sourceAnchor);
  }
  return { pairs, unmatchedSource, unmatchedTarget: target.filter((_, index) => !used.has(index)) };
}
