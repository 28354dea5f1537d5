import { describe, expect, it } from 'vitest';
import { cachedTokenizer, type JapaneseToken, type JapaneseTokenizer } from './japaneseTokens';

/** A tokenizer that makes one token per character and counts the texts it was asked for. */
function countingTokenizer(): JapaneseTokenizer & { readonly calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    tokenize(text: string): JapaneseToken[] {
      calls.push(text);
      return [...text].map((surface, start) => ({
        surface,
        start,
        basicForm: surface,
        partOfSpeech: '名詞',
      }));
    },
  };
}

describe('cachedTokenizer', () => {
  it('tokenizes a text once and answers repeats from the cache', () => {
    const inner = countingTokenizer();
    const cached = cachedTokenizer(inner, 100);
    const first = cached.tokenize('東京都');
    expect(cached.tokenize('東京都')).toBe(first);
    expect(cached.tokenize('')).toEqual([]);
    expect(cached.tokenize('')).toEqual([]);
    expect(inner.calls).toEqual(['東京都', '']);
    expect(first).toEqual(inner.tokenize('東京都'));
  });

  it('keeps the most recently used texts within the character budget', () => {
    const inner = countingTokenizer();
    const cached = cachedTokenizer(inner, 6);
    cached.tokenize('あいう');
    cached.tokenize('かきく');
    cached.tokenize('あいう'); // used again: かきく is now the oldest
    cached.tokenize('さしす'); // 9 characters: かきく goes
    cached.tokenize('あいう');
    cached.tokenize('かきく');
    expect(inner.calls).toEqual(['あいう', 'かきく', 'さしす', 'かきく']);
  });

  it('never keeps a text longer than the budget', () => {
    const inner = countingTokenizer();
    const cached = cachedTokenizer(inner, 2);
    cached.tokenize('あいう');
    cached.tokenize('あいう');
    cached.tokenize('か');
    cached.tokenize('か');
    expect(inner.calls).toEqual(['あいう', 'あいう', 'か']);
  });
});
