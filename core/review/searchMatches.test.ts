import { describe, expect, it } from 'vitest';
import { searchMatches } from './searchMatches';

const pieces = (text: string, query: string) =>
  searchMatches(text, query).map((match) => text.slice(match.start, match.end));

describe('searchMatches', () => {
  it('finds every occurrence, ignoring case, as ranges of the original text', () => {
    expect(pieces('The Village and the village', 'VILLAGE')).toEqual(['Village', 'village']);
  });

  it('folds full-width and half-width forms like the row search', () => {
    expect(pieces('at J-ヴィレッジ today', 'ｊ－ヴィレッジ')).toEqual(['J-ヴィレッジ']);
    expect(pieces('ＡＢＣ１ and abc1', 'abc1')).toEqual(['ＡＢＣ１', 'abc1']);
  });

  it('treats a run of whitespace as one space, and keeps surrogate pairs whole', () => {
    expect(pieces('two   words', 'two words')).toEqual(['two   words']);
    expect(pieces('𠮷野家の𠮷', '𠮷')).toEqual(['𠮷', '𠮷']);
  });

  it('finds nothing for a blank query', () => {
    expect(searchMatches('text', '  ')).toEqual([]);
  });
});
