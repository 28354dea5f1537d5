import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  countScripts,
  isCounterKana,
  isDigit,
  isFullWidthForm,
  isHalfWidthForm,
  isHiragana,
  isJapaneseLetter,
  isJapanesePunctuation,
  isJapaneseTypography,
  isKana,
  isKanji,
  isKatakana,
  isKatakanaText,
  isLatinLetter,
  scriptOf,
  scriptShares,
  type Script,
} from './script';

const code = (character: string): number => character.codePointAt(0) as number;

const predicates: Record<Exclude<Script, 'other'>, (codePoint: number) => boolean> = {
  hiragana: isHiragana,
  katakana: isKatakana,
  kanji: isKanji,
  latin: isLatinLetter,
  digit: isDigit,
  japanesePunctuation: isJapanesePunctuation,
};

describe('scriptOf', () => {
  it.each([
    ['あ', 'hiragana'],
    ['ゝ', 'hiragana'],
    ['ア', 'katakana'],
    ['ー', 'katakana'],
    ['ヶ', 'katakana'],
    ['ヵ', 'katakana'],
    ['ｱ', 'katakana'],
    ['ｰ', 'katakana'],
    ['ㇰ', 'katakana'],
    ['日', 'kanji'],
    ['々', 'kanji'],
    ['〆', 'kanji'],
    ['〇', 'kanji'],
    ['㐂', 'kanji'],
    ['𠮷', 'kanji'],
    ['A', 'latin'],
    ['z', 'latin'],
    ['é', 'latin'],
    ['Ō', 'latin'],
    ['ạ', 'latin'],
    ['Ａ', 'latin'],
    ['ｚ', 'latin'],
    ['7', 'digit'],
    ['７', 'digit'],
    ['、', 'japanesePunctuation'],
    ['。', 'japanesePunctuation'],
    ['「', 'japanesePunctuation'],
    ['・', 'japanesePunctuation'],
    ['\u3000', 'japanesePunctuation'],
    ['（', 'japanesePunctuation'],
    ['～', 'japanesePunctuation'],
    ['｡', 'japanesePunctuation'],
    ['.', 'other'],
    [' ', 'other'],
    ['×', 'other'],
    ['한', 'other'],
    ['Д', 'other'],
    ['￥', 'other'],
    ['\ud842', 'other'],
  ] as const)('%s is %s', (character, script) => {
    expect(scriptOf(code(character))).toBe(script);
  });

  it('puts every code point in exactly one class, and the predicates agree with it', () => {
    const check = (codePoint: number): void => {
      const matching = Object.entries(predicates)
        .filter(([, predicate]) => predicate(codePoint))
        .map(([script]) => script);
      expect(matching.length).toBeLessThanOrEqual(1);
      expect(scriptOf(codePoint)).toBe(matching[0] ?? 'other');
    };
    // The whole Basic Multilingual Plane, where every class but the astral kanji lies, then samples beyond it.
    for (let codePoint = 0; codePoint <= 0xffff; codePoint += 1) check(codePoint);
    fc.assert(
      fc.property(fc.integer({ min: 0x10000, max: 0x10ffff }), (codePoint) => check(codePoint)),
    );
  });

  it('derives the composite classes from the primary ones', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0x10ffff }), (codePoint) => {
        expect(isKana(codePoint)).toBe(isHiragana(codePoint) || isKatakana(codePoint));
        expect(isJapaneseLetter(codePoint)).toBe(isKana(codePoint) || isKanji(codePoint));
        expect(isFullWidthForm(codePoint) && isHalfWidthForm(codePoint)).toBe(false);
        if (isCounterKana(codePoint)) expect(scriptOf(codePoint)).toBe('katakana');
        if (isJapaneseLetter(codePoint) || isJapanesePunctuation(codePoint))
          expect(isJapaneseTypography(codePoint)).toBe(true);
      }),
    );
  });

  it('never calls ASCII Japanese typography, and calls full-width forms Japanese typography', () => {
    for (let codePoint = 0; codePoint < 0x80; codePoint += 1)
      expect(isJapaneseTypography(codePoint)).toBe(false);
    for (let codePoint = 0xff01; codePoint <= 0xff60; codePoint += 1)
      expect(isJapaneseTypography(codePoint)).toBe(true);
  });
});

describe('isKatakanaText', () => {
  it.each([
    ['スマート', true],
    ['ジョン・スミス', true],
    ['ｽﾏｰﾄ', true],
    ['ヴェールズ', true],
    ['', false],
    ['すまーと', false],
    ['スマート化', false],
    ['ASEAN', false],
  ] as const)('%s: %s', (text, expected) => {
    expect(isKatakanaText(text)).toBe(expected);
  });

  it('is true exactly when every code point is katakana or ・', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1 }), (text) => {
        const expected = [...text].every(
          (character) => isKatakana(code(character)) || character === '・',
        );
        expect(isKatakanaText(text)).toBe(expected);
      }),
    );
  });
});

describe('countScripts and scriptShares', () => {
  it('counts code points, so a kanji outside the BMP (two UTF-16 units) counts once', () => {
    expect(countScripts('𠮷野家のAI、2つ。')).toEqual({
      hiragana: 2,
      katakana: 0,
      kanji: 3,
      latin: 2,
      digit: 1,
      japanesePunctuation: 2,
      other: 0,
    });
  });

  it('counts every code point once', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const counts = countScripts(text);
        const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
        expect(total).toBe([...text].length);
      }),
    );
  });

  it('agrees with countScripts on the letters', () => {
    const japaneseText = fc.string({
      unit: fc.oneof(
        fc.constantFrom(...'々〆〇〻ヶヵーｱ𠮷あア日AéＡ1、 '),
        fc.integer({ min: 0, max: 0x10ffff }).map((codePoint) => String.fromCodePoint(codePoint)),
      ),
    });
    fc.assert(
      fc.property(japaneseText, (text) => {
        const counts = countScripts(text);
        const shares = scriptShares(text);
        expect(shares.japaneseLetters).toBe(counts.hiragana + counts.katakana + counts.kanji);
        expect(shares.latinLetters).toBe(counts.latin);
      }),
    );
  });

  it('gives the Japanese share of the letters, undefined without letters', () => {
    expect(scriptShares('会合はASEANで')).toEqual({
      japaneseLetters: 4,
      latinLetters: 5,
      japaneseShare: 4 / 9,
    });
    expect(scriptShares('1. (2) ――').japaneseShare).toBeUndefined();
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const { japaneseLetters, latinLetters, japaneseShare } = scriptShares(text);
        if (japaneseLetters + latinLetters === 0) expect(japaneseShare).toBeUndefined();
        else expect(japaneseShare).toBeGreaterThanOrEqual(0);
        if (japaneseShare !== undefined) expect(japaneseShare).toBeLessThanOrEqual(1);
      }),
    );
  });
});
