import { scriptShares } from './script';

/**
 * Whether a text is in the language it should be in: the one policy the command line (`taiyaku align` refuses or
 * warns) and the app (warnings when a project is created) apply, with one set of thresholds and one set of words.
 *
 * The measure is the Japanese share of a text's letters: kana and kanji over kana, kanji and Latin letters, counted
 * in code points (`scriptShares` in ./script). Digits, punctuation and letters of other scripts count neither way.
 *
 * Thresholds: a text reads as English below {@link ENGLISH_BELOW} (0.2), as Japanese from {@link JAPANESE_FROM}
 * (0.5), and as mixed in between. An English word has about 5 letters and a Japanese one about 2.5 kana or kanji, so
 * the shares 0.2 and 0.5 are where a third of the words are in the other language: mixed means more than a third of
 * the words are in the other language, "the other language" more than two thirds. Whole documents sit far from both
 * lines (the NTREX-128 Japanese references have 0.86–1.0 per document, English text 0); single sentences heavy with
 * English names come down to 0.3 (`…CBS、ABC、NBC、CNN、Fox News Channel、MSNBCの平均…`).
 */

/** The language a text should be in. */
export type Language = 'en' | 'ja';

/** Below this Japanese share of its letters a text reads as English. */
export const ENGLISH_BELOW = 0.2;

/** From this Japanese share of its letters on a text reads as Japanese. */
export const JAPANESE_FROM = 0.5;

/**
 * What the check found, by `code`:
 * - `ok`: the text reads as the expected language.
 * - `other-language`: it reads as the other language (an English side that is Japanese, say).
 * - `mixed`: between the thresholds: more than a third of its words are in the other language.
 * - `no-letters`: it has neither Latin letters nor kana and kanji (only digits and punctuation, or another script).
 * `japaneseShare` is the measure, in [0, 1].
 */
export type LanguageVerdict =
  | { readonly code: 'ok'; readonly expected: Language; readonly japaneseShare: number }
  | { readonly code: 'other-language'; readonly expected: Language; readonly japaneseShare: number }
  | { readonly code: 'mixed'; readonly expected: Language; readonly japaneseShare: number }
  | { readonly code: 'no-letters'; readonly expected: Language };

/** The language a Japanese share (see the module comment) reads as; 'mixed' between the thresholds. */
export function languageOfShare(japaneseShare: number): Language | 'mixed' {
  if (japaneseShare < ENGLISH_BELOW) return 'en';
  if (japaneseShare >= JAPANESE_FROM) return 'ja';
  return 'mixed';
}

/** Checks that `text` is in the `expected` language (see {@link LanguageVerdict}). Pure; linear in the text. */
export function checkLanguage(text: string, expected: Language): LanguageVerdict {
  const { japaneseShare } = scriptShares(text);
  if (japaneseShare === undefined) return { code: 'no-letters', expected };
  const language = languageOfShare(japaneseShare);
  const code = language === expected ? 'ok' : language === 'mixed' ? 'mixed' : 'other-language';
  return { code, expected, japaneseShare };
}

/** The verdicts on an English text and its Japanese translation. */
export interface LanguagePairVerdict {
  readonly english: LanguageVerdict;
  readonly japanese: LanguageVerdict;
}

/** Checks an English text and its Japanese translation. */
export function checkLanguagePair(english: string, japanese: string): LanguagePairVerdict {
  return { english: checkLanguage(english, 'en'), japanese: checkLanguage(japanese, 'ja') };
}

/** True when each side reads as the other's language: the two texts were given the wrong way round. */
export function isSwapped(pair: LanguagePairVerdict): boolean {
  return pair.english.code === 'other-language' && pair.japanese.code === 'other-language';
}

/**
 * The problem a verdict reports, in plain English for the command line and the app's warnings; undefined when it is
 * `ok`. A whole sentence, starting with a capital.
 * @param sideName how to name the text, as the reader knows it: 'the --en file', 'the English text'
 */
export function describeLanguageProblem(
  verdict: LanguageVerdict,
  sideName: string,
): string | undefined {
  const side = capitalize(sideName);
  if (verdict.code === 'ok') return undefined;
  if (verdict.code === 'no-letters')
    return `${side} has no English or Japanese letters: check that it is the right file.`;
  const share = kanaKanji(verdict.japaneseShare, verdict.expected);
  if (verdict.code === 'other-language') {
    return verdict.expected === 'en'
      ? `${side} looks Japanese, not English: ${share}.`
      : `${side} looks English, not Japanese: ${share}.`;
  }
  return verdict.expected === 'en'
    ? `${side} is partly Japanese (${share}): check that it holds only the English source.`
    : `${side} is partly English (${share}): check that all of it is translated.`;
}

/**
 * The problems with a pair, one sentence each: one sentence when the two were swapped, else one per side with a
 * problem; empty when both are `ok`.
 * @param sideNames how to name each text ('the --en file', 'the English text')
 */
export function describeLanguagePair(
  pair: LanguagePairVerdict,
  sideNames: { readonly english: string; readonly japanese: string },
): string[] {
  if (isSwapped(pair)) {
    return [
      `${capitalize(sideNames.english)} looks Japanese and ${sideNames.japanese} English: were they swapped?`,
    ];
  }
  return [
    describeLanguageProblem(pair.english, sideNames.english),
    describeLanguageProblem(pair.japanese, sideNames.japanese),
  ].filter((message) => message !== undefined);
}

/** "62% of its letters are kana or kanji"; "only 3%" when Japanese is expected. */
function kanaKanji(japaneseShare: number, expected: Language): string {
  if (japaneseShare === 0) return 'none of its letters are kana or kanji';
  const percent = Math.round(japaneseShare * 100);
  // Never "0 %" or "100 %" for a share that is neither.
  const shown = japaneseShare < 1 ? Math.min(Math.max(percent, 1), 99) : 100;
  return `${expected === 'ja' ? 'only ' : ''}${shown}% of its letters are kana or kanji`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
