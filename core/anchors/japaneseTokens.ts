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
  /** For a proper noun, what it names, IPADIC style: `人名` (a person), `地域` (a place), `組織`, `一般`. */
  readonly properNounKind?: string;
}

/** Splits Japanese text into morphemes. Must be pure with respect to its input (same text, same tokens). */
export interface JapaneseTokenizer {
  tokenize(text: string): readonly JapaneseToken[];
}

/**
 * Wraps a tokenizer with a cache of the tokens of recently tokenized texts, so that a text seen again (the same document
 * realigned around a pin, checked after aligning, a sentence that recurs) is not tokenized again. The cache keeps the
 * most recently used texts up to `characterBudget` UTF-16 units in all (a text longer than that is never kept); the
 * token lists it returns are shared, and must not be changed.
 * @param tokenizer a pure tokenizer (same text, same tokens), as every `JapaneseTokenizer` must be
 * @param characterBudget the most characters of text whose tokens are kept, > 0
 */
export function cachedTokenizer(
  tokenizer: JapaneseTokenizer,
  characterBudget: number,
): JapaneseTokenizer {
  // A Map iterates in insertion order: re-inserting on every hit keeps the least recently used text first.
  const cache = new Map<string, readonly JapaneseToken[]>();
  let characters = 0;
  return {
    tokenize(text: string): readonly JapaneseToken[] {
      const hit = cache.get(text);
      if (hit) {
        cache.delete(text);
        cache.set(text, hit);
        return hit;
      }
      const tokens = tokenizer.tokenize(text);
      if (text.length > characterBudget) return tokens;
      cache.set(text, tokens);
      characters += text.length;
      for (const oldest of cache.keys()) {
        if (characters <= characterBudget) break;
        cache.delete(oldest);
        characters -= oldest.length;
      }
      return tokens;
    },
  };
}
