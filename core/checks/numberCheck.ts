import type { TextSpan } from '../alignment/types';
import {
  DIGIT_WORDS,
  extractEnglishNumbers,
  extractJapaneseNumbers,
  foldWidth,
  type NumberAnchor,
} from '../anchors/numbers';
import { makeFinding } from './messages';
import type { PairAnalysis } from './pairAnalysis';
import type { NumberCheckSettings } from './settings';
import type { Finding } from './types';

/**
 * Number and date check: every number on one side should have a value match on the other. Values are compared after
 * normalisation (full-width digits, kanji numerals, 万/億/兆 scaling, era years, month names, percentages), so
 * `1.5 million` meets `150万` and `令和4年` meets `2022`. Numbers that legitimately disappear in translation are left
 * alone: English number words (`one of`, `first`), Japanese kanji numerals for one and two (一人, 二人 for `a pair`),
 * years a relative year word stands for (`今年2月` for `February 2022`), and 翌/同 dates restated from context.
 */

const WEEKDAYS_EN = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const WEEKDAYS_JA = '日月火水木金土';
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const KANJI_DIGITS = '〇一二三四五六七八九十';

/** English words for numbers that the shared extractor does not read, matched against Japanese values only. */
const EXTRA_NUMBER_WORDS: Record<string, number> = {
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  decade: 10,
  decades: 10,
  century: 100,
  twice: 2,
  double: 2,
  doubled: 2,
  triple: 3,
  tripled: 3,
  quadrupled: 4,
  halved: 2,
  both: 2,
  pair: 2,
  couple: 2,
  twin: 2,
  twins: 2,
  thirds: 3,
  quarters: 4,
  fifths: 5,
  teen: 10,
  teens: 10,
  teenage: 10,
  teenager: 10,
  teenagers: 10,
  dozen: 12,
  quarter: 4,
  eleventh: 11,
  twelfth: 12,
  hundredth: 100,
  noon: 12,
  midnight: 0,
};
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

/** Unit conversions a translator may apply: English unit → factors to the metric value written in Japanese. */
const CONVERSIONS: readonly (readonly [RegExp, number])[] = [
  [/^\s*-?(?:miles?|mi)\b/i, 1.609344],
  [/^\s*-?(?:feet|foot|ft)\b/i, 0.3048],
  [/^\s*-?(?:inch|inches|in\.)/i, 2.54],
  [/^\s*-?(?:yards?|yd)\b/i, 0.9144],
  [/^\s*-?(?:pounds?|lbs?)\b/i, 0.45359237],
  [/^\s*-?(?:ounces?|oz)\b/i, 28.349523],
  [/^\s*-?(?:gallons?)\b/i, 3.785411],
  [/^\s*-?(?:acres?)\b/i, 0.4046856],
  [/^\s*-?(?:square miles?)\b/i, 2.589988],
  [/^\s*-?(?:mph)\b/i, 1.609344],
];
const FAHRENHEIT = /^\s*(?:°|º|degrees?\s*)?\s*F(?:ahrenheit)?\b/;

const RELATIVE_YEAR_JA =
  /今年|昨年|去年|来年|本年|同年|前年|翌年|一昨年|再来年|今季|昨季|来季|今年度|昨年度|前年度|来年度|本年度/;

interface Value {
  readonly value: number;
  /** Tolerance relative to the value: 0 for exact figures, more for converted units. */
  readonly tolerance: number;
}

function agrees(a: number, b: Value): boolean {
  if (a === b.value) return true;
  const scale = Math.max(Math.abs(a), Math.abs(b.value));
  return scale > 0 && Math.abs(a - b.value) / scale <= Math.max(1e-9, b.tolerance);
}

/** Values an English figure may be written as in Japanese: metric conversions, 24-hour clock times. */
function convertedValues(anchor: NumberAnchor, folded: string, tolerance: number): Value[] {
  const converted: Value[] = [];
  const after = folded.slice(anchor.span.end, anchor.span.end + 16);
  for (const [unit, factor] of CONVERSIONS)
    if (unit.test(after)) {
      converted.push({ value: anchor.value * factor, tolerance });
      // "500 feet" is also written as about 150 m: rounding to two significant figures.
      converted.push({ value: Number((anchor.value * factor).toPrecision(2)), tolerance: 0.04 });
    }
  if (FAHRENHEIT.test(after))
    converted.push({ value: ((anchor.value - 32) * 5) / 9, tolerance: Math.max(tolerance, 0.1) });
  // 3pm ↔ 15時, 15:00 ↔ 午後3時.
  if (/^\s*(?:p\.?m\.?)/i.test(after) && anchor.value < 12)
    converted.push({ value: anchor.value + 12, tolerance: 0 });
  if (anchor.value > 12 && anchor.value < 24 && /^:\d\d/.test(after))
    converted.push({ value: anchor.value - 12, tolerance: 0 });
  return converted;
}

function englishValues(text: string, anchors: readonly NumberAnchor[], tolerance: number): Value[] {
  const values: Value[] = anchors.map((anchor) => ({ value: anchor.value, tolerance: 0 }));
  const folded = foldWidth(text);
  // Month names are dates even where the shared extractor leaves them alone ("in March" has no day or year).
  for (const match of folded.matchAll(
    /\b(January|February|March|April|May|June|July|August|September|October|November|December)\b/g,
  ))
    values.push({ value: MONTH_NAMES.indexOf(match[1]!) + 1, tolerance: 0 });
  // Clock times written 7.55am / 4.40 pm: hour and minutes.
  for (const match of folded.matchAll(/\b(\d{1,2})[.:](\d{2})\s*([ap])\.?m\b/gi)) {
    const hour = Number(match[1]);
    values.push({ value: hour, tolerance: 0 }, { value: Number(match[2]), tolerance: 0 });
    if (match[3]!.toLowerCase() === 'p' && hour < 12)
      values.push({ value: hour + 12, tolerance: 0 });
  }
  // 6-foot-6: feet and inches in centimetres.
  for (const match of folded.matchAll(/\b(\d)-(?:foot|feet|ft)-(\d{1,2})\b/g))
    values.push({
      value: (Number(match[1]) * 12 + Number(match[2])) * 2.54,
      tolerance: Math.max(tolerance, 0.02),
    });
  // "three million" ↔ 300万.
  for (const match of folded.matchAll(
    /\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred)\s+(hundred|thousand|million|billion|trillion)\b/gi,
  )) {
    const count =
      DIGIT_WORDS[match[1]!.toLowerCase()] ??
      TENS[match[1]!.toLowerCase()] ??
      ({ ten: 10, eleven: 11, twelve: 12, hundred: 100 } as Record<string, number>)[
        match[1]!.toLowerCase()
      ] ??
      0;
    const scale = { hundred: 1e2, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 }[
      match[2]!.toLowerCase() as 'hundred'
    ];
    values.push({ value: count * scale, tolerance: 0 });
  }
  // "two decades" ↔ 20年.
  for (const match of folded.matchAll(
    /\b(\d+|two|three|four|five|six|seven|eight|nine)\s+decades\b/gi,
  )) {
    const count = Number(match[1]) || DIGIT_WORDS[match[1]!.toLowerCase()] || 0;
    values.push({ value: count * 10, tolerance: 0 });
  }
  for (const anchor of anchors) values.push(...convertedValues(anchor, folded, tolerance));
  for (const match of folded.matchAll(/\b([a-z]+)(?:-([a-z]+))?\b/gi)) {
    const first = match[1]!.toLowerCase();
    const second = match[2]?.toLowerCase();
    if (second && first in TENS && second in DIGIT_WORDS)
      values.push({ value: TENS[first]! + DIGIT_WORDS[second]!, tolerance: 0 });
    else if (first in EXTRA_NUMBER_WORDS)
      values.push({ value: EXTRA_NUMBER_WORDS[first]!, tolerance: 0 });
    // two-thirds ↔ 3分の2.
    if (second && second in EXTRA_NUMBER_WORDS)
      values.push({ value: EXTRA_NUMBER_WORDS[second]!, tolerance: 0 });
  }
  // Times as 6:30 give 6 and 30; "half past" gives 30.
  if (/\bhalf\b/i.test(folded)) values.push({ value: 30, tolerance: 0 });
  return values;
}

function japaneseValues(text: string, anchors: readonly NumberAnchor[]): Value[] {
  const values: Value[] = anchors.map((anchor) => ({ value: anchor.value, tolerance: 0 }));
  for (const anchor of anchors) {
    const before = text.slice(Math.max(0, anchor.span.start - 2), anchor.span.start);
    const after = text.slice(anchor.span.end, anchor.span.end + 2);
    if (/午後$/.test(before) && anchor.value < 12 && after.startsWith('時'))
      values.push({ value: anchor.value + 12, tolerance: 0 });
    if (/^時半/.test(after)) values.push({ value: 30, tolerance: 0 });
    // 105 万人: a space between the digits and the unit.
    const spacedUnit = /^\s+([万億兆])/.exec(text.slice(anchor.span.end, anchor.span.end + 4));
    if (spacedUnit)
      values.push({
        value: anchor.value * { 万: 1e4, 億: 1e8, 兆: 1e12 }[spacedUnit[1] as '万' | '億' | '兆'],
        tolerance: 0,
      });
  }
  return values;
}

function weekdays(
  text: string,
  pattern: RegExp,
  index: (match: RegExpMatchArray) => number,
): Map<number, TextSpan> {
  const found = new Map<number, TextSpan>();
  for (const match of text.matchAll(pattern)) {
    const day = index(match);
    if (day >= 0 && !found.has(day))
      found.set(day, { start: match.index, end: match.index + match[0].length });
  }
  return found;
}

function describe(anchor: NumberAnchor, text: string): string {
  const written = text.slice(anchor.span.start, anchor.span.end);
  const kind = anchor.kind === 'number' ? '' : `${anchor.kind} `;
  return `"${written}" = ${kind}${anchor.value}`;
}

function isDateKind(anchor: NumberAnchor): boolean {
  return anchor.kind === 'year' || anchor.kind === 'month' || anchor.kind === 'day';
}

/**
 * Compares the numbers and dates of one pair by value.
 * @returns one finding per number without a value match on the other side
 */
export function checkNumbers(pair: PairAnalysis, settings: NumberCheckSettings): Finding[] {
  if (!settings.enabled) return [];
  const findings: Finding[] = [];
  const englishAnchors = extractEnglishNumbers(pair.en);
  const japaneseAnchors = extractJapaneseNumbers(pair.ja);
  const englishAll = englishValues(pair.en, englishAnchors, settings.conversionTolerance);
  const japaneseAll = japaneseValues(pair.ja, japaneseAnchors);
  const englishSummary =
    englishAnchors.map((anchor) => describe(anchor, pair.en)).join(', ') || 'none';
  const japaneseSummary =
    japaneseAnchors.map((anchor) => describe(anchor, pair.ja)).join(', ') || 'none';
  const relativeYear = RELATIVE_YEAR_JA.test(pair.ja);

  for (const anchor of japaneseAnchors) {
    if (isDateKind(anchor) && !settings.dates) continue;
    const written = pair.ja.slice(anchor.span.start, anchor.span.end);
    const alternatives = japaneseValues(pair.ja, [anchor]);
    if (
      alternatives.some((alternative) =>
        englishAll.some((value) => agrees(alternative.value, value)),
      )
    )
      continue;
    // 一人, 一つ, 二人: English often says "a" or "the pair".
    if (!/[0-9０-９]/.test(written) && anchor.value <= 2) continue;
    if (anchor.value === 1) continue;
    // 翌12月5日, 同年: a date restated from context.
    if (
      /[翌同][0-9０-９〇一二三四五六七八九十]*[年月]?[0-9０-９〇一二三四五六七八九十]*月?$/.test(
        pair.ja.slice(Math.max(0, anchor.span.start - 8), anchor.span.start),
      )
    )
      continue;
    const date = isDateKind(anchor);
    findings.push(
      makeFinding(
        date ? 'date-missing-in-source' : 'number-missing-in-source',
        { target: written },
        `Japanese ${describe(anchor, pair.ja)}; English numbers: ${englishSummary}`,
        { ja: anchor.span },
      ),
    );
  }

  for (const anchor of englishAnchors) {
    if (isDateKind(anchor) && !settings.dates) continue;
    const written = pair.en.slice(anchor.span.start, anchor.span.end);
    // Number words ("one of", "first", "half") are too often rendered without a numeral.
    if (!/[0-9]/.test(foldWidth(written))) continue;
    const candidates: Value[] = [
      { value: anchor.value, tolerance: 0 },
      ...convertedValues(anchor, foldWidth(pair.en), settings.conversionTolerance),
    ];
    if (candidates.some((candidate) => japaneseAll.some((value) => agrees(value.value, candidate))))
      continue;
    // 6-foot-6 written 198センチ.
    const feet = /\b(\d)-(?:foot|feet|ft)-(\d{1,2})\b/.exec(
      pair.en.slice(Math.max(0, anchor.span.start - 8), anchor.span.end + 10),
    );
    if (
      feet &&
      japaneseAll.some((value) =>
        agrees(value.value, {
          value: (Number(feet[1]) * 12 + Number(feet[2])) * 2.54,
          tolerance: 0.02,
        }),
      )
    )
      continue;
    // Small numbers inside kanji words: WW1 ↔ 第一次世界大戦.
    if (
      anchor.value <= 10 &&
      Number.isInteger(anchor.value) &&
      pair.ja.includes(KANJI_DIGITS[anchor.value]!)
    )
      continue;
    // A clock time 7.55 is checked as hour and minutes above.
    if (
      /^\s*[ap]\.?m\b/i.test(pair.en.slice(anchor.span.end, anchor.span.end + 6)) &&
      !Number.isInteger(anchor.value)
    ) {
      const [hour, minutes] = written.split(/[.:]/).map(Number);
      if (
        japaneseAll.some((value) => agrees(hour!, value)) &&
        japaneseAll.some((value) => agrees(minutes!, value))
      )
        continue;
    }
    const sameSpan = englishAnchors.filter(
      (other) => other !== anchor && other.span.start === anchor.span.start,
    );
    if (anchor.kind === 'year') {
      if (relativeYear) continue;
      // "December 2022" rendered 12月: the year is implied once the month is matched.
      if (sameSpan.some((other) => japaneseAll.some((value) => agrees(other.value, value))))
        continue;
    }
    // Ordinal days and times of day (the 4th, 9:30) often fold into the Japanese date or are dropped with it.
    const date = isDateKind(anchor);
    findings.push(
      makeFinding(
        date ? 'date-missing-in-translation' : 'number-missing-in-translation',
        { source: written },
        `English ${describe(anchor, pair.en)}; Japanese numbers: ${japaneseSummary}`,
        { en: anchor.span },
      ),
    );
  }

  if (settings.dates) {
    const englishDays = weekdays(
      pair.en,
      /\b(Sun|Mon|Tues|Wednes|Thurs|Fri|Satur)day\b/g,
      (match) =>
        WEEKDAYS_EN.findIndex((day) => day.startsWith(match[1]!.toLowerCase().slice(0, 3))),
    );
    const japaneseDays = weekdays(
      pair.ja,
      /([日月火水木金土])曜|[（(]([日月火水木金土])[）)]/g,
      (match) => WEEKDAYS_JA.indexOf(match[1] ?? match[2]!),
    );
    const shared = [...englishDays.keys()].some((day) => japaneseDays.has(day));
    if (englishDays.size > 0 && japaneseDays.size > 0 && !shared) {
      const [englishDay, englishSpan] = [...englishDays][0]!;
      const [japaneseDay, japaneseSpan] = [...japaneseDays][0]!;
      findings.push(
        makeFinding(
          'weekday-mismatch',
          { source: WEEKDAYS_EN[englishDay]!, target: `${WEEKDAYS_JA[japaneseDay]}曜日` },
          `English ${WEEKDAYS_EN[englishDay]} ≠ Japanese ${WEEKDAYS_JA[japaneseDay]}曜日`,
          { en: englishSpan, ja: japaneseSpan },
        ),
      );
    }
  }
  return findings;
}
