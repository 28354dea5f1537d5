import { describe, expect, it } from 'vitest';
import {
  formOf,
  formProblem,
  mergeGlossaries,
  removeConcept,
  saveConcept,
  splitTerms,
} from './glossaryModel';

const meeting = {
  id: 'm',
  en: ['High Level Meeting'],
  ja: ['ハイレベル会合'],
  forbiddenJa: [],
};

describe('glossary edits', () => {
  it('splits synonyms on ; and | in either width, without empties or repeats', () => {
    expect(splitTerms(' smart city ;smart town；; smart city | 都市 ')).toEqual([
      'smart city',
      'smart town',
      '都市',
    ]);
  });

  it('merges an imported glossary into the kept one without losing a term', () => {
    const { glossary, added } = mergeGlossaries(
      { concepts: [meeting] },
      {
        concepts: [
          {
            id: 'x',
            en: ['high level meeting'],
            ja: ['ハイレベル会議'],
            forbiddenJa: ['高級会合'],
          },
          { id: 'c', en: ['smart city'], ja: ['スマートシティ'], forbiddenJa: [] },
        ],
      },
    );
    expect(added).toBe(1);
    expect(glossary.concepts).toEqual([
      {
        id: 'm',
        en: ['High Level Meeting', 'high level meeting'],
        ja: ['ハイレベル会合', 'ハイレベル会議'],
        forbiddenJa: ['高級会合'],
      },
      { id: 'c', en: ['smart city'], ja: ['スマートシティ'], forbiddenJa: [] },
    ]);
  });

  it('adds, edits and removes concepts from the form', () => {
    const added = saveConcept(undefined, {
      en: 'smart city',
      ja: 'スマートシティ; スマート都市',
      forbiddenJa: '',
      note: ' ASCN ',
    });
    expect(added.concepts).toEqual([
      {
        id: 'smart city',
        en: ['smart city'],
        ja: ['スマートシティ', 'スマート都市'],
        forbiddenJa: [],
        note: 'ASCN',
      },
    ]);
    const edited = saveConcept(
      added,
      { ...formOf(added.concepts[0]!), forbiddenJa: '賢い都市' },
      0,
    );
    expect(edited.concepts[0]).toMatchObject({ id: 'smart city', forbiddenJa: ['賢い都市'] });
    expect(removeConcept(edited, 0).concepts).toEqual([]);
  });

  it('says what a form lacks', () => {
    expect(formProblem({ en: ' ', ja: 'あ', forbiddenJa: '', note: '' })).toBe('english');
    expect(formProblem({ en: 'a', ja: ';', forbiddenJa: '', note: '' })).toBe('japanese');
    expect(formProblem({ en: 'a', ja: '', forbiddenJa: 'い', note: '' })).toBeUndefined();
  });
});
