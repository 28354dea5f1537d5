import type { JapaneseToken, JapaneseTokenizer } from '../alignment/resources';
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
}

/** A sentence pair with its Japanese morphemes. Offsets are UTF-16 code units into `en` and `ja`. */
export interface PairAnalysis {
  readonly en: string;
  readonly ja: string;
  readonly jaTokens: readonly JapaneseToken[];
  readonly lexicon?: Lexicon;
}

/** Tokenizes the Japanese side once. */
export function analysePair(en: string, ja: string, resources: CheckResources): PairAnalysis {
  return {
    en,
    ja,
    jaTokens: resources.japaneseTokenizer.tokenize(ja),
    ...(resources.lexicon ? { lexicon: resources.lexicon } : {}),
  };
}
