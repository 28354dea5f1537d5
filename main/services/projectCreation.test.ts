import { describe, expect, it } from 'vitest';
import { languageWarnings, projectFileName, textsOf } from './projectCreation';

describe('project creation', () => {
  it('makes safe, unique file names', () => {
    expect(projectFileName('a/b:c*?')).toBe('a_b_c__.taiyaku');
    expect(projectFileName('..')).toBe('Untitled.taiyaku');
  });

  it('warns when a side does not look like its language', () => {
    expect(languageWarnings('The meeting was held.', '会合が開催された。')).toEqual([]);
    expect(languageWarnings('会合が開催された。', 'The meeting was held.')).toEqual([
      'The English text looks Japanese and the Japanese text English: were they swapped?',
    ]);
    // The same policy as the CLI: a translation with a third of its words left in English is worth a look.
    expect(languageWarnings('The meeting was held.', 'The meeting was held. 会合')).toHaveLength(1);
  });

  it('takes pasted texts with normalised line endings, and refuses an empty side', () => {
    const { english, japanese, notes } = textsOf({
      name: 'Pasted',
      source: { text: 'One.\r\nTwo.' },
      target: { text: '一。\r二。' },
    });
    expect([english.text, japanese.text, notes]).toEqual(['One.\nTwo.', '一。\n二。', []]);
    expect(english.origin).toEqual({ fileName: 'Pasted.en.txt', encoding: 'utf-8' });
    expect(() => textsOf({ name: 'Empty', source: { text: ' ' }, target: { text: 'あ' } })).toThrow(
      /English text is empty/,
    );
    expect(() => textsOf({ name: 'Half', source: { text: 'A.' } })).toThrow(/bilingual/);
  });
});
