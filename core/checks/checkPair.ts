import { checkEntities } from './entityCheck';
import { checkLength } from './lengthCheck';
import { checkNumbers } from './numberCheck';
import { analysePair, type CheckResources } from './pairAnalysis';
import { DEFAULT_CHECK_SETTINGS, type CheckSettings } from './settings';
import { checkTense } from './tenseCheck';
import { checkTerms } from './termCheck';
import type { Finding } from './types';

/**
 * Runs every enabled check over one sentence pair.
 * @param en the English sentence(s)
 * @param ja the Japanese translation
 * @param expectedRatio Japanese characters per English character expected (document mode: the document's own)
 * @returns findings in check order; spans are UTF-16 code units into `en` and `ja`
 */
export function checkPair(
  en: string,
  ja: string,
  resources: CheckResources,
  settings: CheckSettings = DEFAULT_CHECK_SETTINGS,
  expectedRatio?: number,
): Finding[] {
  const pair = analysePair(en, ja, resources);
  return [
    ...checkNumbers(pair, settings.number),
    ...checkTense(pair, settings.tense),
    ...checkLength(pair, settings.omission, settings.addition.enabled, expectedRatio),
    ...checkEntities(pair, settings.entity),
    ...checkTerms(en, ja, resources.glossary, settings.term),
  ];
}
