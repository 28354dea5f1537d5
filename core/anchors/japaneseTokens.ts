// What the anchor extractors and the aligner expect of a Japanese morphological tokenizer (kuromoji on the Node side;
// core/anchors/dictionaryTokenizer.ts is the fallback). Kept here, below core/alignment, so anchors need not import
// the aligner; core/alignment/resources.ts re-exports both types.

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
