import { describe, expect, it } from 'vitest';
import { checkConsistency } from './consistency';
import { findEnglishTerms, findJapaneseTerms, type Glossary } from './glossary';
import { checkTerms } from './termCheck';

const glossary: Glossary = {
  concepts: [
    { id: 'city', en: ['smart city'], ja: ['スマートシティ'], forbiddenJa: [] },
    {
      id: 'network',
      en: ['Smart Cities Network'],
      ja: ['スマートシティ・ネットワーク'],
      forbiddenJa: [],
    },
    {
      id: 'meeting',
      en: ['High Level Meeting'],
      ja: ['ハイレベル会合', 'ハイレベル会議'],
      forbiddenJa: ['高級会合'],
    },
  ],
};
const settings = { enabled: true, reverse: true };

describe('glossary matching', () => {
  it('finds English terms in any case, hyphenation and number, the longest first', () => {
    const text = 'The ASEAN Smart Cities Network High-Level Meeting and two smart cities.';
    expect(findEnglishTerms(glossary, text).map((found) => found.concept.id)).toEqual([
      'network',
      'meeting',
      'city',
    ]);
  });

  it('finds Japanese terms with or without ・ and in full-width letters', () => {
    const text = 'スマートシティネットワークのハイレベル 会合';
    const found = findJapaneseTerms(glossary, text);
    expect(found.map((term) => term.concept.id)).toEqual(['network', 'meeting']);
    expect(text.slice(found[1]!.span.start, found[1]!.span.end)).toBe('ハイレベル 会合');
  });
});

describe('terminology check', () => {
  it('accepts any synonym the glossary gives', () => {
    expect(
      checkTerms(
        'The High Level Meeting was held.',
        'ハイレベル会議が開かれた。',
        glossary,
        settings,
      ),
    ).toEqual([]);
  });

  it('reports a term rendered by none of its renderings, with the English span', () => {
    const en = 'The High Level Meeting was held.';
    const [finding] = checkTerms(en, '高官会合が開かれた。', glossary, settings);
    expect(finding?.code).toBe('term-missing-in-translation');
    expect(en.slice(finding!.en!.start, finding!.en!.end)).toBe('High Level Meeting');
    expect(finding?.evidence).toContain('ハイレベル会合 / ハイレベル会議');
  });

  it('reports a forbidden rendering', () => {
    const ja = '高級会合が開かれた。';
    const [finding] = checkTerms('The High Level Meeting was held.', ja, glossary, settings);
    expect(finding?.code).toBe('term-forbidden-in-translation');
    expect(ja.slice(finding!.ja!.start, finding!.ja!.end)).toBe('高級会合');
  });

  it('checks the other way: a Japanese term whose English is not in the source', () => {
    const codes = checkTerms(
      'The meeting was held.',
      'ハイレベル会合が開かれた。',
      glossary,
      settings,
    ).map((finding) => finding.code);
    expect(codes).toEqual(['term-missing-in-source']);
    expect(
      checkTerms('The meeting was held.', 'ハイレベル会合が開かれた。', glossary, {
        ...settings,
        reverse: false,
      }),
    ).toEqual([]);
  });

  it('does not report a term inside a longer glossary term', () => {
    // "Smart Cities Network" is its own concept; its smart city is not checked on its own.
    expect(
      checkTerms(
        'The Smart Cities Network met.',
        'スマートシティ・ネットワークが会合した。',
        glossary,
        settings,
      ),
    ).toEqual([]);
  });
});

describe('consistency check', () => {
  const codesAndText = (pairs: { en: string; ja: string }[], withGlossary?: Glossary) =>
    checkConsistency(pairs, withGlossary, { enabled: true }).map(({ pair, finding }) => {
      const side = finding.en ? pairs[pair]!.en : pairs[pair]!.ja;
      const span = finding.en ?? finding.ja!;
      return `${finding.code} ${side.slice(span.start, span.end)}`;
    });

  it('finds source terms written two ways and British and American spellings together', () => {
    expect(
      codesAndText([
        { en: 'The Smart JAMP programme and the High Level Meeting.', ja: 'ア。' },
        { en: 'Smart JAMP will realise the plan.', ja: 'イ。' },
        { en: 'SmartJAMP and the High-Level Meeting help us realize it.', ja: 'ウ。' },
      ]),
    ).toEqual([
      'consistency-source-variants SmartJAMP',
      'consistency-source-variants High-Level',
      'consistency-source-variants realize',
    ]);
  });

  it('leaves ordinary English alone: case at the start of a sentence, everyday and every day', () => {
    expect(
      codesAndText([
        { en: 'Every day we meet. High level talks.', ja: 'ア。' },
        { en: 'It is an everyday event with high level talks.', ja: 'イ。' },
      ]),
    ).toEqual([]);
  });

  it('finds katakana and Latin spelling variants in the translation', () => {
    expect(
      codesAndText([
        { en: 'a', ja: 'サーバーとASEANの会合。' },
        { en: 'b', ja: 'サーバーを更新した。' },
        { en: 'c', ja: 'サーバとＡＳＥＡＮ。' },
      ]),
    ).toEqual(['consistency-target-variants サーバ', 'consistency-target-variants ＡＳＥＡＮ']);
  });

  it('finds one glossary term rendered by two of its synonyms', () => {
    expect(
      codesAndText(
        [
          { en: 'The High Level Meeting opened.', ja: 'ハイレベル会合が始まった。' },
          { en: 'The High Level Meeting ended.', ja: 'ハイレベル会合が終わった。' },
          { en: 'The High Level Meeting was a success.', ja: 'ハイレベル会議は成功だった。' },
        ],
        glossary,
      ),
    ).toEqual(['consistency-target-variants ハイレベル会議']);
  });
});
