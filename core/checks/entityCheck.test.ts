import { beforeAll, describe, expect, it } from 'vitest';
import { loadCheckResources } from '../../main/services/alignment/loadAlignmentResources';
import { checkPair } from './checkPair';
import { readingsAgree } from './entityCheck';
import type { CheckResources } from './pairAnalysis';
import { romanizeKana } from '../anchors/readings';

let resources: CheckResources;
beforeAll(async () => {
  resources = await loadCheckResources();
});

function entityFindings(en: string, ja: string) {
  return checkPair(en, ja, resources).filter((f) => f.check === 'entity');
}

describe('name readings', () => {
  it('matches katakana names with their English spellings', () => {
    for (const [kana, english] of [
      ['トランプ', 'Trump'],
      ['ウィロウビー', 'Willoughby'],
      ['ガイガー', 'Geiger'],
      ['ジェラード', 'Gerrard'],
      ['エルドアン', 'Erdogan'],
      ['ピョンヤン', 'Pyongyang'],
      ['ノッティンガム', 'Nottingham'],
    ] as const)
      expect(readingsAgree(romanizeKana(kana), english), `${kana} ${english}`).toBe(true);
    expect(readingsAgree(romanizeKana('ペトロフ'), 'Harris')).toBe(false);
  });
});

describe('entity check', () => {
  it('accepts names rendered by reading, exonyms and loanwords', () => {
    expect(
      entityFindings('Smith met Johnson in London.', 'スミスはロンドンでジョンソンと会った。'),
    ).toEqual([]);
    expect(entityFindings('The German team won.', 'ドイツのチームが勝った。')).toEqual([]);
    expect(entityFindings('The business grew.', 'そのビジネスは成長した。')).toEqual([]);
  });

  it('flags a katakana name with no counterpart, with the reading as evidence', () => {
    const ja = 'スミスはロンドンでペトロフと会った。';
    const findings = entityFindings('Smith met Johnson in London.', ja);
    expect(findings).toHaveLength(1);
    expect(ja.slice(findings[0]!.ja!.start, findings[0]!.ja!.end)).toBe('ペトロフ');
    expect(findings[0]!.evidence).toContain('Johnson');
    expect(findings[0]!.params.reading).toBe('petorofu');
    expect(findings[0]!.itsType).toBe('inconsistent-entities');
  });

  it('takes a compound of known loanwords for a title, not a name', () => {
    expect(
      entityFindings(
        'Desert Island Discs is on BBC Radio 4 on Sunday.',
        'デザートアイランドディスクは日曜日にBBCラジオ4で放送される。',
      ),
    ).toEqual([]);
  });

  it('does not let a run of common words read like a name hide a wrong name', () => {
    // ジョンソン reads loosely like "the message"; Birkenhead is left without a counterpart.
    expect(
      entityFindings(
        'Police in Birkenhead repeated the message.',
        'ジョンソンの警察はそのメッセージを繰り返した。',
      ).map((finding) => finding.params.target),
    ).toEqual(['ジョンソン']);
  });
});

describe('kanji names', () => {
  it('reads kanji names by the dictionary and KANJIDIC, a given name cut in two included', () => {
    expect(
      entityFindings(
        'The meeting was chaired by Mr. HAYASHI Toshiyuki, Vice-Minister.',
        '会合は林俊行次官が議長を務めた。',
      ),
    ).toEqual([]);
    // The tokenizer cuts 晋三 into 晋 (ススム) and 三: read whole, it is Shinzo.
    expect(
      entityFindings(
        'Prime Minister Shinzo Abe met Ms. Yamada in Tokyo.',
        '安倍晋三首相は東京で山田氏と会談した。',
      ),
    ).toEqual([]);
  });

  it('flags a kanji name that reads as no English name while a titled surname has no counterpart', () => {
    const ja = '安倍晋三首相は東京で山口氏と会談した。';
    const findings = entityFindings('Prime Minister Shinzo Abe met Ms. Yamada in Tokyo.', ja);
    expect(findings.map((finding) => ja.slice(finding.ja!.start, finding.ja!.end))).toEqual([
      '山口',
    ]);
    expect(findings[0]!.evidence).toContain('yamaguchi');
    expect(findings[0]!.evidence).toContain('Yamada');
  });

  it('reads the English spellings of long vowels (Mr. Ohno ↔ 大野氏) and flags a name that differs', () => {
    expect(entityFindings('Mr. Ohno resigned on Monday.', '大野氏は月曜日に辞任した。')).toEqual(
      [],
    );
    const ja = '佐藤氏は月曜日に辞任した。';
    const findings = entityFindings('Mr. Ohno resigned on Monday.', ja);
    expect(findings.map((finding) => ja.slice(finding.ja!.start, finding.ja!.end))).toEqual([
      '佐藤',
    ]);
  });

  it('takes a word in capitals for a surname only beside the given name, not a dateline (TOKYO (Reuters))', () => {
    expect(
      entityFindings(
        'TOKYO (Reuters) - The minister resigned on Monday.',
        '【東京】田中大臣は月曜日に辞任した。',
      ),
    ).toEqual([]);
  });

  it('leaves a given name rendered by the surname alone (Kaname ↔ 長澤さん)', () => {
    expect(entityFindings('Good morning, Kaname!', '長澤さん、おはようございます！')).toEqual([]);
  });
});
