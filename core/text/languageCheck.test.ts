import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ENGLISH_BELOW,
  JAPANESE_FROM,
  checkLanguage,
  checkLanguagePair,
  describeLanguagePair,
  describeLanguageProblem,
  isSwapped,
  languageOfShare,
} from './languageCheck';

const ENGLISH = 'The Meeting was held on December 4, 2022, in Tokyo.';
const JAPANESE =
  '「第4回日 ASEAN スマートシティ・ネットワーク ハイレベル会合」は、2022年12月4日に開催された。';

describe('checkLanguage', () => {
  it('accepts English as English and Japanese with English names as Japanese', () => {
    expect(checkLanguage(ENGLISH, 'en')).toMatchObject({ code: 'ok', japaneseShare: 0 });
    expect(checkLanguage(JAPANESE, 'ja').code).toBe('ok');
  });

  it('finds a text in the other language', () => {
    expect(checkLanguage(JAPANESE, 'en').code).toBe('other-language');
    expect(checkLanguage(ENGLISH, 'ja')).toEqual({
      code: 'other-language',
      expected: 'ja',
      japaneseShare: 0,
    });
  });

  it('calls a text mixed when a third or more of its words are in the other language', () => {
    // 22 English letters and 7 kanji and kana: share 0.24.
    const mixed = 'Summary Record 会合の成果文書 of Meeting';
    expect(checkLanguage(mixed, 'en').code).toBe('mixed');
    expect(checkLanguage(mixed, 'ja').code).toBe('mixed');
  });

  it('reports a text without letters', () => {
    expect(checkLanguage('1. 2. (3) 2022/12/4', 'ja')).toEqual({
      code: 'no-letters',
      expected: 'ja',
    });
    expect(checkLanguage('Ситуация', 'en').code).toBe('no-letters');
  });

  it('applies one pair of thresholds to both languages', () => {
    expect(languageOfShare(0)).toBe('en');
    expect(languageOfShare(ENGLISH_BELOW - 1e-9)).toBe('en');
    expect(languageOfShare(ENGLISH_BELOW)).toBe('mixed');
    expect(languageOfShare(JAPANESE_FROM - 1e-9)).toBe('mixed');
    expect(languageOfShare(JAPANESE_FROM)).toBe('ja');
    expect(languageOfShare(1)).toBe('ja');
  });

  it('gives opposite verdicts for the two expectations: ok for one is other-language for the other', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const english = checkLanguage(text, 'en').code;
        const japanese = checkLanguage(text, 'ja').code;
        if (english === 'ok') expect(japanese).toBe('other-language');
        if (japanese === 'ok') expect(english).toBe('other-language');
        if (english === 'mixed' || english === 'no-letters') expect(japanese).toBe(english);
      }),
    );
  });
});

describe('describeLanguageProblem', () => {
  it('says nothing about a text in the right language', () => {
    expect(describeLanguageProblem(checkLanguage(ENGLISH, 'en'), 'the --en file')).toBeUndefined();
  });

  it('names the side and says what it looks like, in a sentence', () => {
    expect(describeLanguageProblem(checkLanguage(ENGLISH, 'ja'), 'the --ja file')).toBe(
      'The --ja file looks English, not Japanese: none of its letters are kana or kanji.',
    );
    expect(
      describeLanguageProblem(checkLanguage('会合は東京で開催', 'en'), 'the English text'),
    ).toBe('The English text looks Japanese, not English: 100% of its letters are kana or kanji.');
    expect(
      describeLanguageProblem(
        checkLanguage('Summary Record 会合の成果文書 of Meeting', 'ja'),
        'the Japanese text',
      ),
    ).toBe(
      'The Japanese text is partly English (only 24% of its letters are kana or kanji): check that all of ' +
        'it is translated.',
    );
    expect(describeLanguageProblem(checkLanguage('1.', 'en'), 'the English text')).toBe(
      'The English text has no English or Japanese letters: check that it is the right file.',
    );
  });
});

describe('checkLanguagePair and describeLanguagePair', () => {
  const names = { english: 'the --en file', japanese: 'the --ja file' };

  it('says nothing about a good pair', () => {
    const pair = checkLanguagePair(ENGLISH, JAPANESE);
    expect(isSwapped(pair)).toBe(false);
    expect(describeLanguagePair(pair, names)).toEqual([]);
  });

  it('says "swapped" once when each side is in the other language', () => {
    const pair = checkLanguagePair(JAPANESE, ENGLISH);
    expect(isSwapped(pair)).toBe(true);
    expect(describeLanguagePair(pair, names)).toEqual([
      'The --en file looks Japanese and the --ja file English: were they swapped?',
    ]);
  });

  it('reports each side of a same-language pair', () => {
    expect(describeLanguagePair(checkLanguagePair(ENGLISH, ENGLISH), names)).toEqual([
      'The --ja file looks English, not Japanese: none of its letters are kana or kanji.',
    ]);
    expect(describeLanguagePair(checkLanguagePair(JAPANESE, JAPANESE), names)).toHaveLength(1);
  });
});
