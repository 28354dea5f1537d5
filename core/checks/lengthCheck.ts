import type { JapaneseToken } from '../alignment/resources';
import { makeFinding } from './messages';
import type { PairAnalysis } from './pairAnalysis';
import type { LengthCheckSettings } from './settings';
import type { Finding } from './types';

/**
 * Omission and addition by length: a translation much shorter (or longer) than the source predicts is flagged, with
 * the ratio as evidence. The expected ratio is a setting (document mode passes the document's own median).
 */

/** English length measure: characters with runs of white space counted once. */
export function englishLength(text: string): number {
  return text.trim().replace(/\s+/g, ' ').length;
}

/**
 * Japanese length measure, weighted by how much a character carries: a kanji counts 1.6 (kanji-dense official prose
 * would otherwise look short), Latin letters and digits 0.5 (copied names and figures stand for about as many English
 * characters), other characters 1; white space 0.
 */
export function japaneseLength(text: string): number {
  let length = 0;
  for (const character of text) {
    if (/\s/.test(character)) continue;
    if (/[\u3400-\u9fff\uf900-\ufaff々]/.test(character)) length += 1.6;
    else if (/[A-Za-z0-9\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/.test(character)) length += 0.5;
    else length += 1;
  }
  return length;
}

/** Japanese characters per English character for one pair, or undefined when the English is empty. */
export function lengthRatio(en: string, ja: string): number | undefined {
  const english = englishLength(en);
  return english === 0 ? undefined : japaneseLength(ja) / english;
}

/** Auxiliary forms that continue a sentence (連用形 and conditional): あり, ず, で, たら… */
const CONTINUATIVE_AUXILIARIES = new Set([
  'あり',
  'ず',
  'で',
  'たら',
  'なく',
  'られ',
  'れ',
  'せ',
  'させ',
  'まし',
  'でし',
  'たり',
]);

/**
 * The token a Japanese sentence stops on when that token cannot end a sentence: a case, binding or conjunctive
 * particle (は, を, が, て, ので), a conjunction, or a verb, adjective or auxiliary in a continuative form (行い, 高く,
 * であり). A translation cut short leaves such an ending before its full stop.
 * @returns the token, or undefined when the sentence ends in a form that can end one
 */
export function incompleteEnding(
  tokens: readonly JapaneseToken[],
  text: string,
): JapaneseToken | undefined {
  if (!/[。．.]\s*$/.test(text)) return undefined;
  const content = tokens.filter((token) => token.partOfSpeech !== '記号' && token.surface.trim());
  const last = content[content.length - 1];
  if (!last) return undefined;
  const detail = last.partOfSpeechDetail ?? '';
  if (last.partOfSpeech === '助詞')
    return ['格助詞', '係助詞', '接続助詞', '並立助詞'].includes(detail) ? last : undefined;
  if (last.partOfSpeech === '接続詞') return last;
  if (last.partOfSpeech === '助動詞')
    return CONTINUATIVE_AUXILIARIES.has(last.surface) ? last : undefined;
  const inflected = last.surface !== last.basicForm;
  if (last.partOfSpeech === '動詞' && (detail === '自立' || detail === '接尾') && inflected)
    // Imperatives (しろ, せよ, 来い, 走れ) end sentences; suffixes (され, られ) have none.
    return detail === '自立' && /[ろよいえれ]$/.test(last.surface) ? undefined : last;
  if (last.partOfSpeech === '形容詞' && inflected && /く$/.test(last.surface)) return last;
  return undefined;
}

/**
 * Flags pairs whose length ratio is far from the expected one.
 * @param expectedRatio Japanese characters per English character expected here (document or default)
 */
export function checkLength(
  pair: PairAnalysis,
  settings: LengthCheckSettings,
  additionEnabled: boolean,
  expectedRatio = settings.expectedRatio,
): Finding[] {
  const english = englishLength(pair.en);
  const ratio = english === 0 ? 1 : japaneseLength(pair.ja) / english;
  // A sentence left hanging on a continuing form is normal in speech (〜ですが。, 〜ので。): only together with a
  // translation shorter than expected does it suggest a cut.
  const hanging = settings.enabled ? incompleteEnding(pair.jaTokens, pair.ja) : undefined;
  // Speech ends sentences on conjunctive particles (〜ですが。, 〜だけど。, 〜して。): those need a shorter translation.
  const spokenEnding = hanging?.partOfSpeechDetail === '接続助詞';
  const ending =
    hanging && ratio < expectedRatio * settings.incompleteFactor * (spokenEnding ? 0.8 : 1)
      ? hanging
      : undefined;
  if (ending)
    return [
      makeFinding(
        'omission-incomplete-sentence',
        { target: ending.surface },
        `Japanese sentence ends on "${ending.surface}" (${ending.partOfSpeech}${ending.partOfSpeechDetail ? `/${ending.partOfSpeechDetail}` : ''}), which continues a sentence; length ratio ${ratio.toFixed(2)}, expected ${expectedRatio.toFixed(2)}`,
        { ja: { start: ending.start, end: ending.start + ending.surface.length } },
      ),
    ];
  if (english < settings.minimumSourceLength) return [];
  const params = { ratio: ratio.toFixed(2), expected: expectedRatio.toFixed(2) };
  const evidence = `${japaneseLength(pair.ja).toFixed(0)} weighted Japanese characters / ${english} English characters = ${ratio.toFixed(2)}; expected ${expectedRatio.toFixed(2)}`;
  if (settings.enabled && ratio < expectedRatio * settings.shortFactor)
    return [
      makeFinding('omission-short-translation', params, evidence, {
        en: { start: 0, end: pair.en.length },
        ja: { start: 0, end: pair.ja.length },
      }),
    ];
  if (additionEnabled && ratio > expectedRatio * settings.longFactor)
    return [
      makeFinding('addition-long-translation', params, evidence, {
        en: { start: 0, end: pair.en.length },
        ja: { start: 0, end: pair.ja.length },
      }),
    ];
  return [];
}

/**
 * The median length ratio of a batch of pairs (a document's beads or a file of pairs), to use as the expected ratio
 * for that batch: genres differ (dialogue runs shorter in Japanese than news).
 * @returns the median, or undefined when fewer than `minimumPairs` pairs have an English side
 */
export function medianLengthRatio(
  pairs: readonly { readonly en: string; readonly ja: string }[],
  minimumPairs: number,
): number | undefined {
  const ratios = pairs
    .map((pair) => lengthRatio(pair.en, pair.ja))
    .filter((ratio): ratio is number => ratio !== undefined && ratio > 0)
    .sort((a, b) => a - b);
  return ratios.length >= minimumPairs ? ratios[Math.floor(ratios.length / 2)] : undefined;
}
