/**
 * The character classes Taiyaku reads English and Japanese text with: the one definition of what counts as hiragana,
 * katakana, kanji, a Latin letter, a digit or Japanese punctuation. Everything that asks "is this character Japanese?"
 * (the tokenizer, the readings, the bilingual splitter, the encoding detector, the language check) asks here.
 *
 * Units: the per-character functions take a Unicode code point. Callers that walk a string by UTF-16 code unit (for
 * speed) may pass a code unit: a code unit of the Basic Multilingual Plane is its code point, and a lone surrogate
 * half is in no class ('other'), so such callers see every BMP character right and astral ones (kanji of the CJK
 * extensions B and later) as 'other'. The string functions walk code points.
 *
 * Invariants: every code point is in exactly one `Script`; the `isX` predicates agree with `scriptOf`
 * (`isKanji(c) === (scriptOf(c) === 'kanji')`, and so on); width (`isFullWidthForm`, `isHalfWidthForm`) is a separate
 * property that cuts across scripts.
 */

/**
 * The class of one code point:
 * - `hiragana`: U+3041–U+309F (letters, voicing marks ゛゜, iteration marks ゝゞ).
 * - `katakana`: U+30A1–U+30FA (including the small ヵ ヶ), the prolonged sound mark ー U+30FC, the iteration marks
 *   ヽヾ and ヿ (U+30FD–U+30FF), the phonetic extensions U+31F0–U+31FF and half-width katakana U+FF66–U+FF9F
 *   (with half-width ｰ and voicing marks).
 * - `kanji`: CJK unified ideographs (U+4E00–U+9FFF, extension A U+3400–U+4DBF, extensions B and later in planes 2 and
 *   3), compatibility ideographs U+F900–U+FAFF, and the marks written as kanji: 々 (iteration), 〆, 〇, 〻.
 * - `latin`: Latin letters: ASCII, Latin-1 and Latin Extended-A/B letters (U+00C0–U+024F but × and ÷), Latin Extended
 *   Additional (U+1E00–U+1EFF), full-width Ａ–Ｚ ａ–ｚ.
 * - `digit`: 0–9 and full-width ０–９.
 * - `japanesePunctuation`: CJK symbols and punctuation U+3000–U+303F (、。「」『』【】〜, the ideographic space)
 *   except the kanji marks above, ゠ U+30A0, the middle dot ・ U+30FB, half-width ｡｢｣､･ (U+FF61–U+FF65) and the
 *   full-width forms of ASCII punctuation (！（），．：？［］｛｝～ …, in U+FF01–U+FF60).
 * - `other`: everything else (ASCII punctuation and spaces, other scripts, symbols, lone surrogates).
 */
export type Script =
  'hiragana' | 'katakana' | 'kanji' | 'latin' | 'digit' | 'japanesePunctuation' | 'other';

/** True for a hiragana code point (U+3041–U+309F). */
export function isHiragana(codePoint: number): boolean {
  return codePoint >= 0x3041 && codePoint <= 0x309f;
}

/** True for a katakana code point, full- or half-width, including ー and the small ヵ ヶ (see {@link Script}). */
export function isKatakana(codePoint: number): boolean {
  return (
    (codePoint >= 0x30a1 && codePoint <= 0x30fa) ||
    (codePoint >= 0x30fc && codePoint <= 0x30ff) ||
    (codePoint >= 0x31f0 && codePoint <= 0x31ff) ||
    (codePoint >= 0xff66 && codePoint <= 0xff9f)
  );
}

/** True for hiragana or katakana. */
export function isKana(codePoint: number): boolean {
  return isHiragana(codePoint) || isKatakana(codePoint);
}

/** True for a kanji: a CJK ideograph or one of the marks written as one (々 〆 〇 〻); see {@link Script}. */
export function isKanji(codePoint: number): boolean {
  return (
    (codePoint >= 0x4e00 && codePoint <= 0x9fff) ||
    (codePoint >= 0x3400 && codePoint <= 0x4dbf) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0x3005 && codePoint <= 0x3007) ||
    codePoint === 0x303b ||
    (codePoint >= 0x20000 && codePoint <= 0x3ffff)
  );
}

/**
 * True for ヵ and ヶ (U+30F5, U+30F6): katakana by script, but written inside kanji compounds for the counter 箇
 * (三ヶ月, 関ヶ原), so a tokenizer lets them continue a run of kanji.
 */
export function isCounterKana(codePoint: number): boolean {
  return codePoint === 0x30f5 || codePoint === 0x30f6;
}

/** True for kana or kanji: the letters of Japanese. */
export function isJapaneseLetter(codePoint: number): boolean {
  return isKana(codePoint) || isKanji(codePoint);
}

/** True for a Latin letter, ASCII, accented or full-width (see {@link Script}); digits are not letters. */
export function isLatinLetter(codePoint: number): boolean {
  if (codePoint < 0x80) {
    return (codePoint >= 0x61 && codePoint <= 0x7a) || (codePoint >= 0x41 && codePoint <= 0x5a);
  }
  return (
    (codePoint >= 0xc0 && codePoint <= 0x24f && codePoint !== 0xd7 && codePoint !== 0xf7) ||
    (codePoint >= 0x1e00 && codePoint <= 0x1eff) ||
    (codePoint >= 0xff21 && codePoint <= 0xff3a) ||
    (codePoint >= 0xff41 && codePoint <= 0xff5a)
  );
}

/** True for 0–9 and full-width ０–９. */
export function isDigit(codePoint: number): boolean {
  return (codePoint >= 0x30 && codePoint <= 0x39) || (codePoint >= 0xff10 && codePoint <= 0xff19);
}

/** True for Japanese punctuation (see {@link Script}): 、。「」・ and the full-width forms of ASCII punctuation. */
export function isJapanesePunctuation(codePoint: number): boolean {
  if (codePoint >= 0x3000 && codePoint <= 0x303f) return !isKanji(codePoint);
  if (codePoint >= 0xff01 && codePoint <= 0xff65) {
    return !isLatinLetter(codePoint) && !isDigit(codePoint);
  }
  return codePoint === 0x30fb || codePoint === 0x30a0;
}

/**
 * True for the full-width forms of ASCII (U+FF01–U+FF60: ＡＢＣ, １２３, （）！) and of ¢ £ ¬ ¯ ¦ ¥ ₩
 * (U+FFE0–U+FFE6): characters only Japanese (or Chinese, Korean) typesetting uses.
 */
export function isFullWidthForm(codePoint: number): boolean {
  return (
    (codePoint >= 0xff01 && codePoint <= 0xff60) || (codePoint >= 0xffe0 && codePoint <= 0xffe6)
  );
}

/**
 * True for the half-width forms (U+FF61–U+FFDC, U+FFE8–U+FFEE): half-width katakana and ｡｢｣､･, and half-width
 * Hangul. Shift_JIS bytes of another encoding often decode to them.
 */
export function isHalfWidthForm(codePoint: number): boolean {
  return (
    (codePoint >= 0xff61 && codePoint <= 0xffdc) || (codePoint >= 0xffe8 && codePoint <= 0xffee)
  );
}

/**
 * True for a character that marks text as Japanese: a Japanese letter, Japanese punctuation or a full-width form.
 * English prose (even prose that quotes Japanese words in romaji) contains none of them.
 */
export function isJapaneseTypography(codePoint: number): boolean {
  return (
    isJapaneseLetter(codePoint) || isJapanesePunctuation(codePoint) || isFullWidthForm(codePoint)
  );
}

/** The class of one code point; see {@link Script} for the ranges. */
export function scriptOf(codePoint: number): Script {
  if (isLatinLetter(codePoint)) return 'latin';
  if (isDigit(codePoint)) return 'digit';
  if (isHiragana(codePoint)) return 'hiragana';
  if (isKatakana(codePoint)) return 'katakana';
  if (isKanji(codePoint)) return 'kanji';
  if (isJapanesePunctuation(codePoint)) return 'japanesePunctuation';
  return 'other';
}

/**
 * True when `text` is a katakana word: not empty, and every code point katakana (full- or half-width, with ー) or the
 * middle dot ・ that joins katakana words (ジョン・スミス). Used to read loanwords and names as romaji.
 */
export function isKatakanaText(text: string): boolean {
  if (text === '') return false;
  for (const character of text) {
    const codePoint = character.codePointAt(0) as number;
    if (!isKatakana(codePoint) && codePoint !== 0x30fb) return false;
  }
  return true;
}

/** How many code points of each {@link Script} a text has. */
export type ScriptCounts = Readonly<Record<Script, number>>;

/** Counts the code points of `text` by {@link Script}; the counts sum to the number of code points. */
export function countScripts(text: string): ScriptCounts {
  const counts: Record<Script, number> = {
    hiragana: 0,
    katakana: 0,
    kanji: 0,
    latin: 0,
    digit: 0,
    japanesePunctuation: 0,
    other: 0,
  };
  forEachCodePoint(text, (codePoint) => {
    counts[scriptOf(codePoint)] += 1;
  });
  return counts;
}

/** Calls `visit` with each code point of `text` in order (a surrogate pair is one code point, a lone half itself). */
function forEachCodePoint(text: string, visit: (codePoint: number) => void): void {
  for (let index = 0; index < text.length; index += 1) {
    let codePoint = text.charCodeAt(index);
    if (codePoint >= 0xd800 && codePoint <= 0xdbff && index + 1 < text.length) {
      const low = text.charCodeAt(index + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        codePoint = (codePoint - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        index += 1;
      }
    }
    visit(codePoint);
  }
}

/** The letters of a text by language: the measure the language check reads. */
export interface ScriptShares {
  /** Kana and kanji, in code points. */
  readonly japaneseLetters: number;
  /** Latin letters (ASCII, accented, full-width), in code points. */
  readonly latinLetters: number;
  /**
   * `japaneseLetters / (japaneseLetters + latinLetters)`, in [0, 1]; undefined when the text has neither (digits,
   * punctuation, other scripts only). Digits, punctuation and letters of other scripts do not count either way.
   */
  readonly japaneseShare: number | undefined;
}

/** Japanese letters against Latin letters in `text` (see {@link ScriptShares}). */
export function scriptShares(text: string): ScriptShares {
  // Not through countScripts: this runs on whole documents (20 MB at the command line's cap), so it tests only the
  // two classes it needs.
  let japaneseLetters = 0;
  let latinLetters = 0;
  forEachCodePoint(text, (codePoint) => {
    if (isLatinLetter(codePoint)) latinLetters += 1;
    else if (isJapaneseLetter(codePoint)) japaneseLetters += 1;
  });
  const letters = japaneseLetters + latinLetters;
  return {
    japaneseLetters,
    latinLetters,
    japaneseShare: letters === 0 ? undefined : japaneseLetters / letters,
  };
}
