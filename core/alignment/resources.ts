import type { Lexicon } from '../anchors/lexicon';
import type { JapaneseTokenizer } from '../anchors/japaneseTokens';

export type { JapaneseToken, JapaneseTokenizer } from '../anchors/japaneseTokens';

/**
 * What the aligner needs from outside core: a Japanese morphological tokenizer (kuromoji on the Node side) and the
 * keyword lexicon. Both are optional; without them the aligner falls back to a dictionary longest-match split and to
 * length, numbers and Latin tokens only. Every alignment says which split it used (`DocumentAlignment.tokenizerPath`).
 */

/** Everything the aligner and the anchor extractors may use. */
export interface AlignmentResources {
  /** Used for every document, however long, whenever it is given. */
  readonly japaneseTokenizer?: JapaneseTokenizer;
  readonly lexicon?: Lexicon;
}
