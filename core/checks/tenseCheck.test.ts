import { beforeAll, describe, expect, it } from 'vitest';
import { loadAlignmentResources } from '../../main/services/alignment/loadAlignmentResources';
import { checkPair } from './checkPair';
import { englishMainVerb } from './englishTense';
import type { CheckResources } from './pairAnalysis';

let resources: CheckResources;
beforeAll(async () => {
  const loaded = await loadAlignmentResources();
  resources = { japaneseTokenizer: loaded.japaneseTokenizer!, lexicon: loaded.lexicon! };
});

function tenseFindings(en: string, ja: string) {
  return checkPair(en, ja, resources).filter((f) => f.check === 'tense');
}

describe('English main verb', () => {
  it('finds the main clause verb and its tense', () => {
    expect(englishMainVerb('The ceremony was held in Osaka.')?.tense).toBe('past');
    expect(englishMainVerb('When the rain stopped, the match is resumed.')?.text).toBe('is');
    expect(englishMainVerb('"We are ready," the mayor said.')?.text).toBe('said');
    expect(englishMainVerb('The plant will open next year.')?.tense).toBe('future');
    expect(englishMainVerb('The firm has opened a new office.')?.tense).toBe('perfect');
    // -ed words ending like a non-past word (shed, need) are still pasts.
    expect(englishMainVerb('In June, the Commission published the results.')?.text).toBe(
      'published',
    );
    expect(englishMainVerb('The minister was speaking in Tokyo.')?.pastAspect).toBe('progressive');
    expect(englishMainVerb('Hundreds of people had gathered at the beach.')?.pastAspect).toBe(
      'perfect',
    );
    expect(englishMainVerb('The minister was tired.')?.pastAspect).toBeUndefined();
  });
});

describe('tense check', () => {
  it('flags a past English main verb rendered non-past, at severity neutral', () => {
    const ja = '式典は大阪で開催される。';
    const [finding] = tenseFindings('The ceremony was held in Osaka.', ja);
    expect(finding?.code).toBe('tense-past-rendered-non-past');
    expect(finding?.severity).toBe('neutral');
    expect(ja.slice(finding!.ja!.start, finding!.ja!.end)).toContain('開催');
    expect(tenseFindings('The ceremony was held in Osaka.', '式典は大阪で開催された。')).toEqual(
      [],
    );
  });

  it('flags a past progressive or past perfect rendered with a non-past ている', () => {
    expect(
      tenseFindings(
        'The minister was speaking at the assembly on Saturday.',
        '大臣は土曜日、総会で演説している。',
      ).map((finding) => finding.code),
    ).toEqual(['tense-past-rendered-non-past']);
    expect(
      tenseFindings(
        'The minister was speaking at the assembly on Saturday.',
        '大臣は土曜日、総会で演説していた。',
      ),
    ).toEqual([]);
    // A simple past with a resultative ている is how Japanese reports a lasting result: no finding.
    expect(
      tenseFindings('Tensions rose in the region.', 'その地域では緊張が高まっている。'),
    ).toEqual([]);
  });

  it('flags a future rendered with a past', () => {
    expect(
      tenseFindings(
        'The company will open a new plant in Osaka.',
        '同社は大阪に新工場を開設した。',
      ).map((finding) => finding.code),
    ).toEqual(['tense-non-past-rendered-past']);
    expect(
      tenseFindings(
        'The company will open a new plant in Osaka.',
        '同社は大阪に新工場を開設する。',
      ),
    ).toEqual([]);
  });

  it("flags the seed's clause 1 sentence (was held ↔ 行われる)", () => {
    const findings = tenseFindings(
      'On December 5, 2022, a business matching session was held at J-Village located in Naraha Town and Hirono Town, Fukushima Prefecture.',
      '2022年12月5日には、福島県楢葉町及び広野町にあるJヴィレッジにおいて、ビジネスマッチングが行われる。',
    );
    expect(findings).toHaveLength(1);
    expect(JSON.stringify(findings[0])).toContain('行われる');
  });

  it('flags a present English verb rendered as a past progressive', () => {
    expect(
      tenseFindings('The bridge is closing for repairs.', '橋は修理のため閉鎖していた。'),
    ).toHaveLength(1);
  });

  it('treats the present perfect as a completed event', () => {
    expect(
      tenseFindings('The firm has opened a new office.', '同社は新しい事務所を開設する。'),
    ).toHaveLength(1);
    expect(
      tenseFindings('The firm has opened a new office.', '同社は新しい事務所を開設した。'),
    ).toEqual([]);
    expect(tenseFindings("I've been doing it myself.", '自分でやってるよ。')).toEqual([]);
    expect(
      tenseFindings(
        'If you brought a form, please hand it in.',
        '用紙をお持ちの方はご提出ください。',
      ),
    ).toEqual([]);
  });

  it('does not compare relative tense in subordinate clauses', () => {
    expect(
      tenseFindings('The company said it will open a store.', '同社は店舗を開設すると発表した。'),
    ).toEqual([]);
    expect(
      tenseFindings(
        'The man who was arrested yesterday is a teacher.',
        '昨日逮捕された男は教師だ。',
      ),
    ).toEqual([]);
  });

  it('accepts futures, plans, hearsay, headlines and reporting conventions', () => {
    expect(
      tenseFindings('The ceremony will be held next month.', '式典は来月開催される。'),
    ).toEqual([]);
    expect(
      tenseFindings('The firm announced it plans to hire.', '同社は採用を行う予定だ。'),
    ).toEqual([]);
    expect(tenseFindings('He said the plan failed.', '計画は失敗したという。')).toEqual([]);
    expect(tenseFindings('Storm hits coast', '嵐が沿岸を襲う')).toEqual([]);
    expect(tenseFindings('"It is hard," she said.', '「大変だ」と彼女は語る。')).toEqual([]);
  });

  it('flags an ill-formed ending after a past English verb, whatever else the sentence holds', () => {
    // The volitional う after a noun, the auxiliary る after a finished verb: neither is a Japanese form.
    expect(
      tenseFindings(
        'The mayor told reporters the bridge is safe.',
        '市長は記者団に橋は安全だと語う。',
      ).map((finding) => finding.code),
    ).toEqual(['tense-ill-formed-ending']);
    expect(
      tenseFindings('The team broke the old record.', 'チームは旧記録を示する。').map(
        (finding) => finding.code,
      ),
    ).toEqual(['tense-ill-formed-ending']);
    // A modal in another clause would excuse a guess (〜だろう), not a form that is no form at all.
    expect(
      tenseFindings(
        'The coach praised his players, though he could say little else.',
        '監督は選手を称えたが、それ以上は何もできなかう。',
      ).map((finding) => finding.code),
    ).toEqual(['tense-ill-formed-ending']);
    expect(tenseFindings('We will try again.', 'もう一度やってみよう。')).toEqual([]);
  });

  it('reads でしょう, ましょう and だろう as the forms they are, and a guess about the past as a past', () => {
    expect(tenseFindings('He probably left early.', '彼は早く出発したでしょう。')).toEqual([]);
    expect(tenseFindings('It was probably a mistake.', 'おそらく間違いだったろう。')).toEqual([]);
    expect(tenseFindings('It was a good idea.', 'いい考えでしょう。')).toEqual([]);
    expect(tenseFindings('The team decided to try again.', 'もう一度やってみましょう。')).toEqual(
      [],
    );
  });

  it("reads a present in a relative or complement clause after a past main verb as that clause's own", () => {
    expect(
      tenseFindings(
        'The council passed a law that is popular with residents.',
        '議会は住民に人気のある法律を可決する。',
      ).map((finding) => finding.code),
    ).toEqual(['tense-past-rendered-non-past']);
    // A coordinated present clause is rendered last in Japanese: nothing to compare.
    expect(
      tenseFindings(
        'He was taken to hospital, where he remains.',
        '彼は病院に運ばれ、入院している。',
      ),
    ).toEqual([]);
    // The sentence runs on into a quotation that the translation may end inside.
    expect(
      tenseFindings(
        'The minister said: "We are ready to act.',
        '大臣は述べた。「我々は行動する用意がある。',
      ),
    ).toEqual([]);
  });

  it('proposes a past "said" rendered with a non-past 言う, but not the feature-writing 〜と語る', () => {
    expect(
      tenseFindings('"The water rose fast," he said.', '「水位が急に上がった」と彼は言う。').map(
        (finding) => finding.code,
      ),
    ).toEqual(['tense-past-rendered-non-past']);
    expect(
      tenseFindings('"The water rose fast," he said.', '「水位が急に上がった」と彼は語る。'),
    ).toEqual([]);
  });
});
