import { describe, expect, it } from 'vitest';
import { createDictionaryTokenizer } from './dictionaryTokenizer';
import { lexiconFromEntries, parseLexicon } from './lexicon';

describe('lexicon longest match', () => {
  const file = '# comment\n会議\tmeeting\n会議室\troom\n会\tmeet\nスマート\tsmart\n';
  for (const [name, lexicon] of [
    ['parsed', parseLexicon(file)],
    [
      'from entries',
      lexiconFromEntries({
        会議: ['meeting'],
        会議室: ['room'],
        会: ['meet'],
        スマート: ['smart'],
      }),
    ],
  ] as const) {
    it(`finds the longest headword within the length allowed (${name})`, () => {
      expect(lexicon.longestHeadwordAt('大会議室で', 1, 8)).toBe(3);
      expect(lexicon.longestHeadwordAt('大会議室で', 1, 2)).toBe(2);
      expect(lexicon.longestHeadwordAt('大会議室で', 1, 1)).toBe(1);
      expect(lexicon.longestHeadwordAt('大会議室で', 0, 8)).toBe(0);
      expect(lexicon.longestHeadwordAt('会', 0, 8)).toBe(1);
      expect(lexicon.longestHeadwordAt('会議', 2, 8)).toBe(0);
    });
  }
  it('drives the dictionary tokenizer', () => {
    const tokenizer = createDictionaryTokenizer(parseLexicon(file));
    const tokens = tokenizer.tokenize('大会議室でＡＢＣスマート化。');
    expect(tokens.map((token) => `${token.surface}/${token.partOfSpeech}`)).toEqual([
      '大/名詞',
      '会議室/名詞',
      'で/助詞',
      'ＡＢＣ/名詞',
      'スマート/名詞',
      '化/名詞',
      '。/記号',
    ]);
    expect(tokens.map((token) => token.start)).toEqual([0, 1, 4, 5, 8, 12, 13]);
  });
});
