import { beforeAll, describe, expect, it } from 'vitest';
import { loadAlignmentResources } from '../../main/services/alignment/loadAlignmentResources';
import { checkPair } from './checkPair';
import { japaneseLength, medianLengthRatio } from './lengthCheck';
import type { CheckResources } from './pairAnalysis';

let resources: CheckResources;
beforeAll(async () => {
  const loaded = await loadAlignmentResources();
  resources = { japaneseTokenizer: loaded.japaneseTokenizer!, lexicon: loaded.lexicon! };
});

const english =
  'The council approved the budget on Tuesday, and the mayor said construction of the new library would begin in the spring.';

describe('omission and addition by length', () => {
  it('flags a translation cut short on a continuing form', () => {
    const ja = '議会は火曜日に予算を承認し。';
    const findings = checkPair(english, ja, resources).filter((f) => f.check === 'omission');
    expect(findings.map((f) => f.code)).toEqual(['omission-incomplete-sentence']);
    expect(ja.slice(findings[0]!.ja!.start, findings[0]!.ja!.end)).toBe('し');
    expect(findings[0]!.category).toBe('accuracy/omission');
  });

  it('tells endings no sentence has from endings speech closes sentences on', () => {
    const omissions = (en: string, ja: string) =>
      checkPair(en, ja, resources)
        .filter((f) => f.check === 'omission')
        .map((f) => f.code);
    // Cut on a continuative verb (〜しており。) or a topic (〜は。) even at a nearly normal length.
    expect(
      omissions(
        english,
        '議会は火曜日に予算を承認し、市長は新しい図書館の建設について検討しており。',
      ),
    ).toEqual(['omission-incomplete-sentence']);
    // 「…」と。 has lost its reporting verb.
    expect(
      omissions(
        '"We are ready for the new season," the coach said after training.',
        '「新しいシーズンへの準備はできている」と。',
      ),
    ).toEqual(['omission-incomplete-sentence']);
    // Answers and requests end on も, こそ, くれ, ください: not cuts.
    expect(omissions('Same here.', 'こちらこそ。')).toEqual([]);
    expect(omissions('Let me know when you finish.', 'できたら知らせてくれ。')).toEqual([]);
    // A subordinate clause left without its main clause (〜したため。).
    expect(
      omissions(english, '議会は火曜日に予算を承認し、市長が図書館の建設を発表したため。'),
    ).toEqual(['omission-incomplete-sentence']);
  });

  it('flags a translation much shorter than expected', () => {
    const findings = checkPair(english, '議会は予算を承認した。', resources);
    expect(findings.map((f) => f.code)).toContain('omission-short-translation');
  });

  it('leaves a complete translation alone', () => {
    const ja = '議会は火曜日に予算を承認し、市長は新しい図書館の建設が春に始まると述べた。';
    expect(checkPair(english, ja, resources).filter((f) => f.check === 'omission')).toEqual([]);
  });

  it('weights kanji above kana and copied Latin letters below', () => {
    expect(japaneseLength('会議')).toBeCloseTo(3.2);
    expect(japaneseLength('かいぎ AB')).toBeCloseTo(4);
    expect(
      medianLengthRatio(
        [
          { en: 'abcd', ja: 'かか' },
          { en: 'abcd', ja: 'かかか' },
          { en: 'abcd', ja: 'かかかか' },
        ],
        3,
      ),
    ).toBeCloseTo(0.75);
    expect(medianLengthRatio([{ en: 'abcd', ja: 'か' }], 3)).toBeUndefined();
  });
});
