import type { JapaneseToken, JapaneseTokenizer } from './japaneseTokens';
import type { Lexicon } from './lexicon';

// Character classes, tested on UTF-16 code units (a regular expression per character was the tokenizer's main cost).

/** Kanji (CJK unified ideographs, extension A, compatibility ideographs) and 々 〆 ヶ. */
function isKanji(code: number): boolean {
  return (
    (code >= 0x3400 && code <= 0x9fff) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    code === 0x3005 /* 々 */ ||
    code === 0x3006 /* 〆 */ ||
    code === 0x30f6 /* ヶ */
  );
}

function isHiragana(code: number): boolean {
  return code >= 0x3041 && code <= 0x309f;
}

/** Katakana, the long-vowel mark and half-width katakana. */
function isKatakana(code: number): boolean {
  return (
    (code >= 0x30a1 && code <= 0x30fa) || code === 0x30fc || (code >= 0xff66 && code <= 0xff9f)
  );
}

/** ASCII and full-width letters and digits. */
function isLatin(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0xff10 && code <= 0xff19) ||
    (code >= 0xff21 && code <= 0xff3a) ||
    (code >= 0xff41 && code <= 0xff5a)
  );
}

/** Inside a Latin run: letters, digits and . ' & - */
function continuesLatin(code: number): boolean {
  return isLatin(code) || code === 0x2e || code === 0x27 || code === 0x26 || code === 0x2d;
}

/** End of the run of characters from `start` (inclusive) that satisfy `test`. */
function runEnd(text: string, start: number, test: (code: number) => boolean): number {
  let end = start;
  while (end < text.length && test(text.charCodeAt(end))) end++;
  return end;
}

function hasKanji(text: string): boolean {
  for (let index = 0; index < text.length; index++)
    if (isKanji(text.charCodeAt(index))) return true;
  return false;
}

/**
 * A fast tokenizer without morphology: Latin and katakana runs are one token each; kanji and kana are split by longest
 * match against the lexicon's headwords (an unknown kanji becomes a one-character token). Short hiragana pieces are
 * reported as particles (`助詞`) so lexical matching skips them. Used for very long documents and when kuromoji is
 * not available; about a hundred times faster than kuromoji and much less precise.
 * @param lexicon headwords to match; without one every kanji is its own token
 */
export function createDictionaryTokenizer(lexicon?: Lexicon): JapaneseTokenizer {
  const longest = Math.min(lexicon?.longestHeadword ?? 1, 8);
  const isKanjiOrHiragana = (code: number): boolean => isKanji(code) || isHiragana(code);
  return {
    tokenize(text: string): JapaneseToken[] {
      const tokens: JapaneseToken[] = [];
      let index = 0;
      while (index < text.length) {
        const code = text.charCodeAt(index);
        if (isLatin(code) || isKatakana(code)) {
          const end = runEnd(text, index + 1, isLatin(code) ? continuesLatin : isKatakana);
          const surface = text.slice(index, end);
          tokens.push({ surface, start: index, basicForm: surface, partOfSpeech: '名詞' });
          index = end;
          continue;
        }
        if (!isKanji(code) && !isHiragana(code)) {
          const surface = text[index]!;
          tokens.push({ surface, start: index, basicForm: surface, partOfSpeech: '記号' });
          index++;
          continue;
        }
        // Only runs of kanji and hiragana are looked up.
        const maxLength = Math.min(longest, runEnd(text, index, isKanjiOrHiragana) - index);
        let matched = lexicon ? lexicon.longestHeadwordAt(text, index, maxLength) : 0;
        if (matched === 0) {
          // Unknown: a kanji alone, or a run of hiragana (inflections and particles).
          matched = isHiragana(code) ? runEnd(text, index + 1, isHiragana) - index : 1;
        }
        const surface = text.slice(index, index + matched);
        const functionWord = !hasKanji(surface) && surface.length <= 2;
        tokens.push({
          surface,
          start: index,
          basicForm: surface,
          partOfSpeech: functionWord ? '助詞' : '名詞',
        });
        index += matched;
      }
      return tokens;
    },
  };
}
