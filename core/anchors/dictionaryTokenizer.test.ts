import { describe, expect, it } from 'vitest';
import { createDictionaryTokenizer } from './dictionaryTokenizer';
import { lexiconFromEntries } from './lexicon';

const surfaces = (text: string, entries: Record<string, readonly string[]> = {}): string[] =>
  createDictionaryTokenizer(lexiconFromEntries(entries))
    .tokenize(text)
    .map((token) => token.surface);

describe('createDictionaryTokenizer', () => {
  it('keeps Latin runs (with accents and full-width letters) and katakana runs (with ー, half-width) whole', () => {
    expect(surfaces('Zárate氏とＡＳＥＡＮのスマートとｼﾃｨ')).toEqual([
      'Zárate',
      '氏',
      'と',
      'ＡＳＥＡＮ',
      'の',
      'スマート',
      'と',
      'ｼﾃｨ',
    ]);
  });

  it('lets ヶ continue a kanji compound the lexicon knows, and treats it as katakana elsewhere', () => {
    expect(surfaces('三ヶ月の会合', { 三ヶ月: ['three months'], 会合: ['meeting'] })).toEqual([
      '三ヶ月',
      'の',
      '会合',
    ]);
    expect(surfaces('三ヶ月')).toEqual(['三', 'ヶ', '月']);
  });

  it('marks short hiragana pieces as particles and punctuation as symbols', () => {
    const tokens = createDictionaryTokenizer().tokenize('東京で、');
    expect(tokens.map((token) => [token.surface, token.partOfSpeech])).toEqual([
      ['東', '名詞'],
      ['京', '名詞'],
      ['で', '助詞'],
      ['、', '記号'],
    ]);
  });
});
