import { describe, expect, it } from 'vitest';
import { glossaryFromRows, glossaryFromTbx } from './glossaryFile';

describe('glossary from table rows', () => {
  it('reads named columns, synonyms, notes and forbidden renderings, merging rows of one term', () => {
    const { glossary, skipped } = glossaryFromRows([
      ['Japanese', 'English', 'Status', 'Note'],
      ['ハイレベル会合; ハイレベル会議', 'High Level Meeting', '', 'ministerial'],
      ['高級会合', 'High Level Meeting', 'forbidden', ''],
      ['スマートシティ', '', '', ''],
      ['', '', '', ''],
    ]);
    expect(glossary.concepts).toEqual([
      {
        id: 'High Level Meeting',
        en: ['High Level Meeting'],
        ja: ['ハイレベル会合', 'ハイレベル会議'],
        forbiddenJa: ['高級会合'],
        note: 'ministerial',
      },
    ]);
    expect(skipped).toEqual(['row 4: no English term']);
  });

  it('takes English, Japanese, note when there is no header', () => {
    const { glossary } = glossaryFromRows([['smart city', 'スマートシティ', 'ASCN usage']]);
    expect(glossary.concepts[0]).toMatchObject({
      en: ['smart city'],
      ja: ['スマートシティ'],
      note: 'ASCN usage',
    });
  });
});

describe('glossary from TBX', () => {
  it('reads TBX-Basic entries with synonyms and deprecated terms', () => {
    const { glossary } = glossaryFromTbx(`<?xml version="1.0"?>
<martif type="TBX-Basic" xml:lang="en"><text><body>
  <termEntry id="c1">
    <descrip type="definition">A city using data to run services.</descrip>
    <langSet xml:lang="en"><tig><term>smart city</term></tig></langSet>
    <langSet xml:lang="ja">
      <tig><term>スマートシティ</term></tig>
      <tig><term>スマート都市</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
    </langSet>
  </termEntry>
  <termEntry id="c2"><langSet xml:lang="en"><tig><term>orphan</term></tig></langSet></termEntry>
</body></text></martif>`);
    expect(glossary.concepts).toEqual([
      {
        id: 'c1',
        en: ['smart city'],
        ja: ['スマートシティ'],
        forbiddenJa: ['スマート都市'],
        note: 'A city using data to run services.',
      },
    ]);
  });

  it('reads TBX 2019 conceptEntry / langSec / termSec', () => {
    const { glossary } =
      glossaryFromTbx(`<tbx type="TBX-Core" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>
  <conceptEntry id="k"><langSec xml:lang="en"><termSec><term>business matching</term></termSec></langSec>
  <langSec xml:lang="ja-JP"><termSec><term>ビジネスマッチング</term></termSec></langSec></conceptEntry>
</body></text></tbx>`);
    expect(glossary.concepts[0]).toMatchObject({
      en: ['business matching'],
      ja: ['ビジネスマッチング'],
    });
  });

  it('refuses entities and files that are not TBX, with a message', () => {
    expect(() =>
      glossaryFromTbx('<!DOCTYPE martif [<!ENTITY x "y">]><martif>&x;</martif>'),
    ).toThrow(/entities/);
    expect(() => glossaryFromTbx('<xliff/>')).toThrow(/TBX file expected/);
    expect(() => glossaryFromTbx('<martif><text>')).toThrow(/not well-formed/);
  });
});
