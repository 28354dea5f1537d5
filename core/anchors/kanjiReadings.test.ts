import { describe, expect, it } from 'vitest';
import { kanjiSpell, parseKanjiReadings } from './kanjiReadings';

// A made-up excerpt in the table's format (name readings first, then kun, then on).
const table = parseKanjiReadings(
  [
    '# comment',
    '林\tし りん はやし',
    '俊\tすぐる とし しゅん',
    '行\tゆき いく こう ぎょう',
    '山\tやま さん',
    '田\tた でん',
    '佐\tすけ さ',
    '藤\tふじ とう',
    '一\tかず いち ひと',
    '松\tまつ しょう',
    '浦\tうら ほ',
    '小\tこ お しょう',
    '大\tおお だい',
    '野\tの や',
    '本\tもと ほん',
    '間\tま あいだ かん',
  ].join('\n'),
);

describe('kanji names read through their kanji', () => {
  it('spells a name one reading per kanji, in order', () => {
    expect(kanjiSpell('林', 'HAYASHI', table)).toBe(true);
    expect(kanjiSpell('俊行', 'Toshiyuki', table)).toBe(true);
    expect(kanjiSpell('佐藤', 'Sato', table)).toBe(true);
    expect(kanjiSpell('佐藤', 'Satou', table)).toBe(true);
    expect(kanjiSpell('佐藤', 'Satoh', table)).toBe(true);
  });

  it('voices a later kanji as compounds do (山田 Yamada) and clips いち before a doubled consonant (一平 Ippei)', () => {
    expect(kanjiSpell('山田', 'Yamada', table)).toBe(true);
    expect(kanjiSpell('田山', 'Dayama', table)).toBe(false);
    expect(kanjiSpell('一林', 'Ippayashi', table)).toBe(true);
    expect(kanjiSpell('一林', 'Ipayashi', table)).toBe(false);
    expect(kanjiSpell('一山', 'Ichiyama', table)).toBe(true);
  });

  it('reads the ways English writes long vowels and ん (Matsuura, Koura, Ohno, Ōno, Homma)', () => {
    expect(kanjiSpell('松浦', 'Matsuura', table)).toBe(true);
    expect(kanjiSpell('小浦', 'Koura', table)).toBe(true);
    expect(kanjiSpell('大野', 'Ohno', table)).toBe(true);
    expect(kanjiSpell('大野', 'Ōno', table)).toBe(true);
    expect(kanjiSpell('大野', 'Oono', table)).toBe(true);
    expect(kanjiSpell('本間', 'Homma', table)).toBe(true);
    expect(kanjiSpell('本間', 'Honma', table)).toBe(true);
  });

  it('does not read a name that the kanji cannot spell, or a kanji it does not know', () => {
    expect(kanjiSpell('佐藤', 'Tanaka', table)).toBe(false);
    expect(kanjiSpell('林', 'Hayashida', table)).toBe(false);
    expect(kanjiSpell('森', 'Mori', table)).toBe(false);
  });
});
