import type { Lexicon } from '../anchors/lexicon';
import type { JapaneseTokenizer } from '../anchors/japaneseTokens';

export type { JapaneseToken, JapaneseTokenizer } from '../anchors/japaneseTokens';

/**
 * What the aligner needs from outside core: a Japanese morphological tokenizer (kuromoji on the Node side) and the
 * keyword lexicon. Both are optional; without them the aligner falls back to a dictionary longest-match split and to
 * length, numbers and Latin tokens only.
 */

/** Everything the aligner and the anchor extractors may use. */
export interface AlignmentResources {
  readonly japaneseTokenizer?: JapaneseTokenizer;
  readonly lexicon?: Lexicon;
  /**
   * Above this many Japanese characters (UTF-16 units) in one document, the aligner uses the fast dictionary split
   * instead of `japaneseTokenizer`, to keep very long documents within their time budget. Default 250,000.
   */
  readonly morphologyCharacterLimit?: number;
}
