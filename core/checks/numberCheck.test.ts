import { beforeAll, describe, expect, it } from 'vitest';
import { loadAlignmentResources } from '../../main/services/alignment/loadAlignmentResources';
import { checkPair } from './checkPair';
import type { CheckResources } from './pairAnalysis';
import { resolveCheckSettings } from './settings';

let resources: CheckResources;
beforeAll(async () => {
  const loaded = await loadAlignmentResources();
  resources = { japaneseTokenizer: loaded.japaneseTokenizer!, lexicon: loaded.lexicon! };
});

function numberFindings(en: string, ja: string) {
  return checkPair(en, ja, resources).filter((f) => f.check === 'number' || f.check === 'date');
}

describe('number check', () => {
  it('compares amounts by value across 万 scaling', () => {
    expect(numberFindings('The town has 1.5 million residents.', '町の人口は150万人だ。')).toEqual(
      [],
    );
    const wrong = numberFindings('The town has 1.5 million residents.', '町の人口は15万人だ。');
    expect(wrong.map((f) => f.code)).toContain('number-missing-in-source');
    const finding = wrong.find((f) => f.code === 'number-missing-in-source')!;
    expect('町の人口は15万人だ。'.slice(finding.ja!.start, finding.ja!.end)).toBe('15万');
    expect(finding.category).toBe('accuracy/mistranslation');
    expect(finding.itsType).toBe('numbers');
    expect(finding.evidence).toContain('1500000');
  });

  it('accepts full-width digits, kanji numerals, percentages, currency, era years and clock times', () => {
    expect(
      numberFindings('Fares rose by 40% to 300 yen.', '運賃は４割上がり、三百円になった。'),
    ).toEqual([]);
    expect(numberFindings('The law took effect in 2022.', '同法は令和4年に施行された。')).toEqual(
      [],
    );
    expect(numberFindings('The shop opens at 3 pm.', 'その店は午後3時に開店する。')).toEqual([]);
    expect(numberFindings('The trail is 5 miles long.', 'その道は全長8キロだ。')).toEqual([]);
    expect(numberFindings('Between 10 and 20 people came.', '10～20人が来た。')).toEqual([]);
  });

  it('flags a changed number and a changed year', () => {
    expect(numberFindings('We hired 12 engineers.', '技術者を15人採用した。')).toHaveLength(2);
    expect(
      numberFindings('The bridge opened in 1998.', '橋は2001年に開通した。').map((f) => f.check),
    ).toContain('date');
  });

  it('leaves numbers that legitimately disappear alone', () => {
    expect(numberFindings('Prices soared in the 1990s.', '1990年代に物価が高騰した。')).toEqual([]);
    expect(numberFindings('She is one of the founders.', '彼女は創業者の一人だ。')).toEqual([]);
    expect(numberFindings('Sales fell last year.', '昨年、売上は減少した。')).toEqual([]);
    expect(numberFindings('Prices rose in February 2022.', '今年2月に物価が上がった。')).toEqual(
      [],
    );
    expect(
      numberFindings(
        'The talks opened on December 4, 2022, and a site visit followed the next day.',
        '会談は2022年12月4日に始まり、翌12月5日には現地視察が行われた。',
      ),
    ).toEqual([]);
  });

  it('flags a weekday that disagrees', () => {
    const findings = numberFindings('The vote is on Monday.', '投票は火曜日に行われる。');
    expect(findings.map((f) => f.code)).toEqual(['weekday-mismatch']);
  });

  it('can be turned off', () => {
    const settings = resolveCheckSettings({ number: { enabled: false } });
    expect(
      checkPair('We hired 12 engineers.', '技術者を15人採用した。', resources, settings),
    ).toEqual([]);
  });
});
