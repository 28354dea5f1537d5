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

/** Japanese length measure: characters other than white space. */
export function japaneseLength(text: string): number {
  return text.replace(/\s+/g, '').length;
}

/** Japanese characters per English character for one pair, or undefined when the English is empty. */
export function lengthRatio(en: string, ja: string): number | undefined {
  const english = englishLength(en);
  return english === 0 ? undefined : japaneseLength(ja) / english;
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
  if (english < settings.minimumSourceLength) return [];
  const ratio = japaneseLength(pair.ja) / english;
  const params = { ratio: ratio.toFixed(2), expected: expectedRatio.toFixed(2) };
  const evidence = `${japaneseLength(pair.ja)} Japanese characters / ${english} English characters = ${ratio.toFixed(2)}; expected ${expectedRatio.toFixed(2)}`;
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
