import type { Lexicon } from '../anchors/lexicon';

/**
 * What the aligner needs from outside core: a Japanese morphological tokenizer (kuromoji on the Node side) and the
 * keyword lexicon. Both are optional; without them the aligner falls back to a dictionary longest-match split and to
 * length, numbers and Latin tokens only.
 */

/** One Japanese morpheme, as a tokenizer such as kuromoji reports it. */
export interface JapaneseToken {
  /** The token as written. */
  readonly surface: string;
  /** UTF-16 offset of the token in the text that was tokenized. */
  readonly start: number;
  /** Dictionary form (`開催する` for `開催し`); equals `surface` when unknown. */
  readonly basicForm: string;
  /** Reading in katakana, when the dictionary knows it. */
  readonly reading?: string;
  /** Part of speech, IPADIC style: `名詞`, `動詞`, `助詞`… */
  readonly partOfSpeech: string;
  /** First part-of-speech detail: `固有名詞`, `数`, `非自立`, `サ変接続`… */
  readonly partOfSpeechDetail?: string;
}

/** Splits Japanese text into morphemes. Must be pure with respect to its input (same text, same tokens). */
export interface JapaneseTokenizer {
  tokenize(text: string): readonly JapaneseToken[];
}

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
