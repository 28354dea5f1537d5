import type { JapaneseToken, JapaneseTokenizer } from './japaneseTokens';
import {
  isCounterKana,
  isDigit,
  isHiragana,
  isKanji,
  isKatakana,
  isLatinLetter,
} from '../text/script';
import type { Lexicon } from './lexicon';

// Character classes come from core/text/script, tested on UTF-16 code units (a regular expression per character was
// the tokenizer's main cost): BMP characters are classed exactly, a surrogate half is in no class.

/** Kanji, and ヵ ヶ, which continue a kanji compound (三ヶ月) though a token starting with them is katakana. */
function isKanjiOrCounter(code: number): boolean {
  return isKanji(code) || isCounterKana(code);
}

/** Latin letters (ASCII, accented, full-width) and digits. */
function isLatin(code: number): boolean {
  return isLatinLetter(code) || isDigit(code);
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
    if (isKanjiOrCounter(text.charCodeAt(index))) return true;
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
  const isKanjiOrHiragana = (code: number): boolean => isKanjiOrCounter(code) || isHiragana(code);
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
        if (!isKanjiOrCounter(code) && !isHiragana(code)) {
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
