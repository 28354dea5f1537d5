import { describe, expect, it } from 'vitest';
import { clauseLabelKey, findClauseLabel, segmentClauses } from './segmentClauses';
import { isOneSentencePerLine, segmentDocument, segmentPresegmented } from './segmentDocument';

describe('segmentClauses', () => {
  it('leaves a Markdown heading marker outside the heading, for clauses and sentences', () => {
    const text = '## Summary Record of the Meeting\n\n1. The Meeting was held.\n  ###   2. Scope\n';
    const side = segmentDocument(text, 'en');
    expect(side.clauses.map((clause) => clause.text)).toEqual([
      'Summary Record of the Meeting',
      '1. The Meeting was held.',
      '2. Scope',
    ]);
    expect(side.clauses[0]!.start).toBe(3);
    expect(side.clauses[2]!.label).toBe('2.');
    for (const segment of [...side.clauses, ...side.sentences]) {
      expect(text.slice(segment.start, segment.end)).toBe(segment.text);
    }
    expect(side.sentences[0]).toMatchObject({ start: 3, text: 'Summary Record of the Meeting' });
    expect(
      segmentDocument('# 概要\n本文です。', 'ja').sentences.map((sentence) => sentence.text),
    ).toEqual(['概要', '本文です。']);
  });
  it('joins a clause broken mid-sentence by a blank line or page break, keeping its pieces', () => {
    const text =
      '3. Done.\n4. The Meeting shared measures to\n\nenhance receptiveness.\f\n5. Next.\n';
    const clauses = segmentClauses(text, 'en');
    expect(clauses.map((clause) => clause.label)).toEqual(['3.', '4.', '5.']);
    const joined = clauses[1]!;
    expect(joined.text).toBe('4. The Meeting shared measures to enhance receptiveness.');
    expect(joined.pieces?.map((piece) => text.slice(piece.start, piece.end))).toEqual([
      '4. The Meeting shared measures to',
      'enhance receptiveness.',
    ]);
    expect(text.slice(joined.start, joined.end)).toContain('measures to\n\nenhance');
  });
  it('joins across a form feed too', () => {
    const clauses = segmentClauses('1. The parties agree to\f\nmeet again.', 'en');
    expect(clauses).toHaveLength(1);
    expect(clauses[0]!.pieces).toHaveLength(2);
  });
  it('starts a clause at every label form and keeps complete paragraphs apart', () => {
    const text = [
      '第1条 目的',
      '(1) 一つ目。',
      '① 丸数字。',
      '一、漢数字。',
      '- 箇条書き',
      '段落です。',
      '',
      '次の段落。',
    ].join('\n');
    expect(segmentClauses(text, 'ja').map((clause) => clause.label ?? clause.text)).toEqual([
      '第1条',
      '(1)',
      '①',
      '一、',
      '-',
      '次の段落。',
    ]);
  });
  it('normalises labels across scripts', () => {
    expect(
      ['1.', '(1)', '1)', '１．', '①', '第1条', '一、'].map((label) =>
        clauseLabelKey(findClauseLabel(label + ' x')),
      ),
    ).toEqual(['1', '1', '1', '1', '1', '1', '1']);
  });
});

describe('segmentDocument', () => {
  it('gives sentences inside clauses with offsets and clause indices', () => {
    const text = '1. First. Second one.\n2. Third.';
    const side = segmentDocument(text, 'en');
    expect(side.clauses).toHaveLength(2);
    expect(
      side.sentences.map((sentence) => [
        sentence.clauseIndex,
        text.slice(sentence.start, sentence.end),
      ]),
    ).toEqual([
      [0, '1. First.'],
      [0, 'Second one.'],
      [1, '2. Third.'],
    ]);
  });
  it('reads presegmented text one sentence a line', () => {
    const side = segmentPresegmented('a\n\nb\n', 'en');
    expect(side.sentences.map((sentence) => sentence.text)).toEqual(['a', 'b']);
  });
});

describe('segmentDocument on real Japanese layouts', () => {
  const sentences = (text: string, lang: string): string[] =>
    segmentDocument(text, lang).sentences.map((sentence) => sentence.text);

  it('keeps a Japanese heading without 。 apart from the paragraph after its blank line', () => {
    const text =
      '第4回日ASEANスマートシティ・ネットワーク・ハイレベル会合の概要\n\n会合は福島県会津若松市で開催された。参加者は議論した。';
    expect(segmentClauses(text, 'ja').map((clause) => clause.text)).toEqual([
      '第4回日ASEANスマートシティ・ネットワーク・ハイレベル会合の概要',
      '会合は福島県会津若松市で開催された。参加者は議論した。',
    ]);
    expect(sentences(text, 'ja')).toEqual([
      '第4回日ASEANスマートシティ・ネットワーク・ハイレベル会合の概要',
      '会合は福島県会津若松市で開催された。',
      '参加者は議論した。',
    ]);
  });
  it('still joins a Japanese paragraph broken after a comma by a blank line', () => {
    const text = '会合では、都市の課題とその解決策について、\n\n参加者が活発に議論した。';
    expect(segmentClauses(text, 'ja')).toHaveLength(1);
  });
  it('reads a plain text with one sentence a line as one sentence a line', () => {
    const english = [
      'Tokyo to host the next meeting',
      'The ministers met in Tokyo on Monday.',
      'They agreed on a plan for smart cities.',
      'Talks resume next year',
      'The next meeting will be held in Hanoi.',
    ].join('\n');
    const japanese = [
      '次回会合は東京で開催',
      '閣僚は月曜日に東京で会合を開いた。',
      '彼らはスマートシティの計画で合意した。',
      '協議は来年再開される',
      '次回会合はハノイで開催される。',
    ].join('\n');
    expect(sentences(english, 'en')).toEqual(english.split('\n'));
    expect(sentences(japanese, 'ja')).toEqual(japanese.split('\n'));
  });
  it('does not read a hard-wrapped paragraph or paragraphs of several sentences a line by line', () => {
    const wrapped = [
      'The Meeting was held in Aizuwakamatsu City, Fukushima Prefecture, on',
      'October 20, 2022, and was attended by ministers and officials from the',
      'ASEAN Member States and Japan. The participants shared their views.',
    ].join('\n');
    expect(sentences(wrapped, 'en')).toHaveLength(2);
    const paragraphs = [
      'The Meeting was held in Tokyo. Ministers attended it.',
      'They discussed smart cities. They agreed on a plan.',
      'The next meeting is in Hanoi. It will be in October.',
    ].join('\n');
    expect(sentences(paragraphs, 'en')).toHaveLength(6);
  });
  it('reads a text of very many lines without overflowing the call stack', () => {
    const text = Array.from({ length: 200_000 }, (_, index) => `Line ${index}.`).join('\n');
    expect(() => isOneSentencePerLine(text, 'en')).not.toThrow();
  });
});
