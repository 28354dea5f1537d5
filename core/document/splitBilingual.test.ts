import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitBilingual } from './splitBilingual';
import type { BilingualSplit } from './splitBilingual';

const seedDirectory = join(__dirname, '../../fixtures/seed');
const seed = readFileSync(join(seedDirectory, '000_37c746aa84bde595.txt'), 'utf8');
const seedEnglish = readFileSync(join(seedDirectory, 'summary-record.en.txt'), 'utf8');
const seedJapanese = readFileSync(join(seedDirectory, 'summary-record.ja.txt'), 'utf8');

function expectSplit(text: string): BilingualSplit {
  const result = splitBilingual(text);
  if (!result.ok) throw new Error(result.message);
  return result;
}

describe('splitBilingual on the seed document', () => {
  const split = expectSplit(seed);

  it('finds exactly the English summary record and its Japanese provisional translation', () => {
    expect(seed.slice(split.source.start, split.source.end)).toBe(seedEnglish.trim());
    expect(seed.slice(split.target.start, split.target.end)).toBe(seedJapanese.trim());
    expect(split.order).toBe('source-first');
  });

  it('starts each block at its title: the English Markdown heading, the Japanese title lines', () => {
    expect(
      seed
        .slice(split.target.start)
        .startsWith('第4回日 ASEAN スマートシティ・ネットワーク ハイレベル会合'),
    ).toBe(true);
    expect(
      seed.slice(split.source.start).startsWith('## Summary Record of the 4th ASEAN-Japan'),
    ).toBe(true);
  });

  it('reports the press-release Japanese before the pair as not part of it', () => {
    expect(split.unpaired).toHaveLength(1);
    const preamble = split.unpaired[0];
    expect(preamble).toMatchObject({ lang: 'ja', position: 'before' });
    expect(seed.slice(preamble?.start, preamble?.end)).toMatch(
      /^令和4年12月9日[\s\S]*地元企業ブース$/,
    );
    expect(
      split.notes.some((note) =>
        note.startsWith('Japanese text before the pair (4,219 characters'),
      ),
    ).toBe(true);
  });

  it('is confident', () => {
    expect(split.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('finds the same pair with CRLF line endings and trailing spaces', () => {
    const crlf = seed.replace(/\n/g, ' \r\n');
    const result = expectSplit(crlf);
    expect(crlf.slice(result.target.start, result.target.end).replace(/ \r\n/g, '\n')).toBe(
      seedJapanese.trim(),
    );
  });
});

describe('splitBilingual: layouts', () => {
  const english = '1. The meeting was held in Tokyo.\n2. The parties agreed to cooperate further.';
  const japanese = '1. 会合は東京で開催された。\n2. 両者は一層の協力に合意した。';

  it('handles Japanese first', () => {
    const text = `${japanese}\n\n${english}\n`;
    const split = expectSplit(text);
    expect(split.order).toBe('target-first');
    expect(text.slice(split.target.start, split.target.end)).toBe(japanese);
    expect(text.slice(split.source.start, split.source.end)).toBe(english);
    expect(split.unpaired).toEqual([]);
  });

  it('keeps a clause label on a line of its own with its block', () => {
    const text = `1.\nThe meeting was held in Tokyo.\n\n1.\n会合は東京で開催された。`;
    const split = expectSplit(text);
    expect(text.slice(split.source.start, split.source.end)).toBe(
      '1.\nThe meeting was held in Tokyo.',
    );
    expect(text.slice(split.target.start, split.target.end)).toBe('1.\n会合は東京で開催された。');
  });

  it('prefers the Japanese block whose clauses match over a longer unrelated one', () => {
    const unrelated = `（1）日程：12月4日\n（2）会場：会津大学\n${'参加者による活発な議論が行われた。'.repeat(10)}`;
    const text = `${english}\n\n${unrelated}\n\n## 仮訳\n\n${japanese}`;
    const split = expectSplit(text);
    // The Japanese heading opens the block below it as its title.
    expect(text.slice(split.target.start, split.target.end)).toBe(`## 仮訳\n\n${japanese}`);
    expect(split.unpaired).toMatchObject([{ lang: 'ja', position: 'between' }]);
  });

  it('joins sections of the translation that headings split', () => {
    const source = `${english}\n3. The next meeting will be held in Hanoi.\n4. The parties thanked the hosts.`;
    const target = `## 第1章\n\n${japanese}\n\n## 第2章\n\n3. 次回会合はハノイで開催される。\n4. 両者は主催者に謝意を表した。`;
    const text = `${source}\n\n${target}`;
    const split = expectSplit(text);
    expect(text.slice(split.target.start, split.target.end)).toBe(target);
  });

  it('keeps a Japanese line that is mostly acronyms and names with its block', () => {
    // Counted letter for letter this line is Latin; its kana and 。 say it is Japanese.
    const target = `${japanese}\n3. とASEAN 協力ASEAN とASEAN のASEAN とASEAN 。`;
    const text = `${english}\n3. The next meeting will be held in Hanoi.\n\n${target}`;
    const split = expectSplit(text);
    expect(text.slice(split.target.start, split.target.end)).toBe(target);
  });

  it('refuses interleaved paragraphs with a clear message', () => {
    const text = [
      'The meeting was held in Tokyo.',
      '会合は東京で開催された。',
      'The parties agreed to cooperate.',
      '両者は協力に合意した。',
    ].join('\n\n');
    const result = splitBilingual(text);
    expect(result).toMatchObject({ ok: false, reason: 'interleaved' });
    if (!result.ok)
      expect(result.message).toContain('import the English and the Japanese as two files');
  });

  it('reports a document in one language', () => {
    expect(splitBilingual(english)).toMatchObject({ ok: false, reason: 'no-japanese' });
    expect(splitBilingual(japanese)).toMatchObject({ ok: false, reason: 'no-english' });
    expect(splitBilingual('')).toMatchObject({ ok: false, reason: 'no-english' });
  });
});

describe('splitBilingual (property)', () => {
  const englishWords = [
    'the',
    'meeting',
    'cities',
    'smart',
    'cooperation',
    'Japan',
    'ASEAN',
    'confirmed',
    'shared',
  ];
  const japaneseWords = [
    '会合',
    'スマートシティ',
    'の',
    'は',
    '協力',
    'を',
    '確認した',
    '日本',
    'と',
    'ASEAN ',
  ];

  const document = fc
    .record({
      clauseWords: fc.array(fc.integer({ min: 6, max: 30 }), { minLength: 2, maxLength: 12 }),
      preambleWords: fc.integer({ min: 0, max: 150 }),
      japaneseFirst: fc.boolean(),
      seed: fc.integer(),
    })
    .map(({ clauseWords, preambleWords, japaneseFirst, seed }) => {
      let state = seed;
      const pick = <T>(list: readonly T[]): T => {
        state = (Math.imul(state, 1_103_515_245) + 12_345) | 0;
        return list[Math.abs(state) % list.length] as T;
      };
      const english = clauseWords
        .map(
          (count, index) =>
            `${index + 1}. ${Array.from({ length: count }, () => pick(englishWords)).join(' ')}.`,
        )
        .join('\n');
      const japanese = clauseWords
        // About half as many Japanese characters as English letters, as in real translations (see the module).
        .map(
          (count, index) =>
            `${index + 1}. ${Array.from({ length: Math.ceil(count * 1.2) }, () => pick(japaneseWords)).join('')}。`,
        )
        .join('\n');
      const preamble = Array.from({ length: preambleWords }, () => pick(japaneseWords)).join('');
      // Each block carries a Markdown title in its own language, which belongs to it.
      const titledEnglish = `## Record\n\n${english}`;
      const titledJapanese = `## 仮訳\n\n${japanese}`;
      const pair = japaneseFirst
        ? `${titledJapanese}\n\n${titledEnglish}`
        : `${titledEnglish}\n\n${titledJapanese}`;
      return {
        english: titledEnglish,
        japanese: titledJapanese,
        text: preamble === '' ? pair : `${preamble}\n\n${pair}\n`,
      };
    });

  it('finds generated English and Japanese blocks exactly, after any unnumbered Japanese preamble', () => {
    fc.assert(
      fc.property(document, ({ english, japanese, text }) => {
        const split = expectSplit(text);
        expect(text.slice(split.source.start, split.source.end)).toBe(english);
        expect(text.slice(split.target.start, split.target.end)).toBe(japanese);
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) },
    );
  });
  it("says in a reviewer's words what to check, and nothing when there is nothing to check", () => {
    const english = 'The council met on Monday. It approved the budget for next year.';
    const japanese = '評議会は月曜日に開かれた。来年度の予算を承認した。';
    const plain = expectSplit(`${english}\n\n${japanese}\n`);
    expect(plain.notes).toEqual([]);
    const numbered = expectSplit(
      `1. The council met on Monday.\n2. It approved the budget.\n3. It adjourned.\n\n` +
        `1. 評議会は月曜日に開かれた。\n2. 予算を承認した。\n`,
    );
    expect(numbered.notes).toEqual([
      'The English part has 3 numbered clauses and the Japanese part 2: check that no clause is missing from either.',
    ]);
  });
});
