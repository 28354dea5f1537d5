import type { JapaneseToken, JapaneseTokenizer } from '../alignment/resources';
import type { KanjiReadings } from '../anchors/kanjiReadings';
import type { Lexicon } from '../anchors/lexicon';
import type { Glossary } from './glossary';

/**
 * One sentence pair prepared once for every check: both texts and the Japanese morphemes (tokenized once).
 */

/**
 * What the checks need from outside core: the tokenizer (kuromoji on the Node side), the lexicon, and the project's
 * glossary when it has one.
 */
export interface CheckResources {
  readonly japaneseTokenizer: JapaneseTokenizer;
  readonly lexicon?: Lexicon;
  readonly glossary?: Glossary;
  /** Readings of single kanji (KANJIDIC), for kanji names the tokenizer reads otherwise or not at all. */
  readonly kanjiReadings?: KanjiReadings;
}

/** A sentence pair with its Japanese morphemes. Offsets are UTF-16 code units into `en` and `ja`. */
export interface PairAnalysis {
  readonly en: string;
  readonly ja: string;
  readonly jaTokens: readonly JapaneseToken[];
  readonly lexicon?: Lexicon;
  readonly kanjiReadings?: KanjiReadings;
}

/** Tokenizes the Japanese side once. */
export function analysePair(en: string, ja: string, resources: CheckResources): PairAnalysis {
  return {
    en,
    ja,
    jaTokens: resources.japaneseTokenizer.tokenize(ja),
    ...(resources.lexicon ? { lexicon: resources.lexicon } : {}),
    ...(resources.kanjiReadings ? { kanjiReadings: resources.kanjiReadings } : {}),
  };
}
