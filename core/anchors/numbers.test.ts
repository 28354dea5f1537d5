import { describe, expect, it } from 'vitest';
import {
  extractEnglishNumbers,
  extractJapaneseNumbers,
  matchNumberAnchors,
  parseJapaneseNumeral,
} from './numbers';
import { consonantSkeleton, foldRomaji, romanizeKana } from './readings';

const keys = (anchors: { key: string }[]): string[] => anchors.map((anchor) => anchor.key);

describe('number anchors', () => {
  it('normalises Japanese dates, eras, full-width digits and 万/億', () => {
    expect(
      keys(
        extractJapaneseNumbers('2022年12月4日、令和4年、１２万人、3億5000万円、三百二十人、50％'),
      ),
    ).toEqual([
      'year:2022',
      'month:12',
      'day:4',
      'year:2022',
      '120000',
      '350000000',
      '320',
      'percent:50',
    ]);
    expect(parseJapaneseNumeral('二千二十二')).toBe(2022);
  });
  it('normalises English dates, separators, scale words and percentages', () => {
    expect(
      keys(extractEnglishNumbers('On December 4, 2022, 120,000 people, 2.5 million, 40%, in 2022')),
    ).toEqual(['month:12', 'day:4', 'year:2022', '120000', '2500000', 'percent:40', 'year:2022']);
  });
  it('matches anchors across scripts and reports the unmatched', () => {
    const result = matchNumberAnchors(
      extractEnglishNumbers('December 4, 2022: 3 cities'),
      extractJapaneseNumbers('2022年12月5日'),
    );
    expect(result.unmatchedSource.map((anchor) => anchor.key)).toEqual(['day:4', '3']);
    expect(result.unmatchedTarget.map((anchor) => anchor.key)).toEqual(['day:5']);
  });
});

describe('reading anchors', () => {
  it('romanises names with Hepburn variants folded', () => {
    expect(foldRomaji(romanizeKana('アイヅワカマツ'))).toBe(foldRomaji('Aizuwakamatsu'));
    expect(foldRomaji(romanizeKana('ハヤシ'))).toBe(foldRomaji('HAYASHI'));
    expect(foldRomaji('Ōno')).toBe(foldRomaji('Ohno'));
    expect(consonantSkeleton(romanizeKana('スマート'))).toBe(consonantSkeleton('smart'));
  });
});
