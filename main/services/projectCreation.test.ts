import { describe, expect, it } from 'vitest';
import { MAX_SENTENCE_CHARACTERS } from '../../core/alignment/capSentences';
import { createInProcessAlignmentEngine } from './alignment/alignmentEngine';
import { languageWarnings, newProject, projectFileName, textsOf } from './projectCreation';

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

describe('project creation from texts that break sentence splitting', () => {
  it('splits a 1 MB sentence without punctuation into pieces of at most 2,000 characters, and says so', async () => {
    const words = ['review', 'translation', 'source', 'meeting', 'report', 'committee'];
    const english = Array.from({ length: 150_000 }, (_, index) => words[index % words.length])
      .join(' ')
      .slice(0, 1024 * 1024);
    const japanese = '会合は東京で開催された。報告書が公表された。';
    const created = await newProject(
      createInProcessAlignmentEngine(),
      'test',
      'Long',
      { text: english, origin: { fileName: 'en.txt', encoding: 'utf-8' } },
      { text: japanese, origin: { fileName: 'ja.txt', encoding: 'utf-8' } },
    );
    const sentences = created.project.alignment.source.sentences;
    expect(
      Math.max(...sentences.map((sentence) => sentence.end - sentence.start)),
    ).toBeLessThanOrEqual(MAX_SENTENCE_CHARACTERS);
    expect(sentences.length).toBeGreaterThanOrEqual(english.length / MAX_SENTENCE_CHARACTERS);
    expect(created.warnings.join(' ')).toMatch(/English text.*split.*2,000 characters/);
  }, 60_000);
});

describe('import size limit', () => {
  it('refuses a text over 4 MB before decoding it, saying the limit', () => {
    const big = Buffer.alloc(4 * 1024 * 1024 + 1, 'a');
    expect(() =>
      textsOf({
        name: 'Big',
        source: { fileName: 'big.txt', bytesBase64: big.toString('base64') },
        target: { text: 'あ' },
      }),
    ).toThrow(/big\.txt is 4\.0 MB; Taiyaku imports texts up to 4 MB/);
    expect(() =>
      textsOf({
        name: 'Pasted',
        source: { text: 'One.' },
        target: { text: 'あ'.repeat(1_500_000) },
      }),
    ).toThrow(/The Japanese text is 4\.3 MB; Taiyaku imports texts up to 4 MB/);
  });
});
