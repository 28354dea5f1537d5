import { describe, expect, it } from 'vitest';
import { segmentEnglishSentences, segmentJapaneseSentences } from './segmentSentences';

function english(text: string): string[] {
  return segmentEnglishSentences(text).map((span) => text.slice(span.start, span.end));
}
function japanese(text: string): string[] {
  return segmentJapaneseSentences(text).map((span) => text.slice(span.start, span.end));
}

describe('segmentEnglishSentences', () => {
  it('keeps titles, dotted acronyms and initials inside a sentence', () => {
    expect(english('Mr. HAYASHI met H.E. Dr. Pen Sophal in the U.S. Senate. They spoke.')).toEqual([
      'Mr. HAYASHI met H.E. Dr. Pen Sophal in the U.S. Senate.',
      'They spoke.',
    ]);
    expect(english('George W. Bush spoke. J. R. R. Tolkien wrote.')).toEqual([
      'George W. Bush spoke.',
      'J. R. R. Tolkien wrote.',
    ]);
  });
  it('does not split No. 5, e.g., decimals or a clause number', () => {
    expect(english('1. See No. 5 of the list, e.g. the rate of 3.5 per cent. Next one.')).toEqual([
      '1. See No. 5 of the list, e.g. the rate of 3.5 per cent.',
      'Next one.',
    ]);
  });
  it('keeps closing quotes with the sentence they end', () => {
    expect(english('He said "Stop." Then he left! Why? (Nobody knows.) The end')).toEqual([
      'He said "Stop."',
      'Then he left!',
      'Why?',
      '(Nobody knows.)',
      'The end',
    ]);
  });
  it('returns offsets into the original text', () => {
    const text = '  First one.\n\nSecond one.  ';
    const spans = segmentEnglishSentences(text);
    expect(spans).toEqual([
      { start: 2, end: 12 },
      { start: 14, end: 25 },
    ]);
  });
});

describe('segmentJapaneseSentences', () => {
  it('splits on 。！？ and keeps closing brackets', () => {
    expect(japanese('会合が開催された。本当か？「はい。」と答えた！（注）以上。')).toEqual([
      '会合が開催された。',
      '本当か？',
      '「はい。」と答えた！',
      '（注）以上。',
    ]);
  });
  it('does not split inside quotations and handles half-width forms', () => {
    expect(japanese('彼は「行く。戻る。」と言った。次だ!最後?')).toEqual([
      '彼は「行く。戻る。」と言った。',
      '次だ!',
      '最後?',
    ]);
  });
  it('does not split a full-width decimal and recovers from an unclosed bracket at a line break', () => {
    expect(japanese('値は３．５だ。')).toEqual(['値は３．５だ。']);
    expect(japanese('「閉じない。\n次の文。後の文。')).toEqual([
      '「閉じない。',
      '次の文。',
      '後の文。',
    ]);
  });
  it('recovers from a bracket left unclosed at the end of the paragraph', () => {
    expect(
      japanese('彼は「明日行くと述べた。会合は東京で開かれた。次回はハノイで開かれる。'),
    ).toEqual(['彼は「明日行くと述べた。', '会合は東京で開かれた。', '次回はハノイで開かれる。']);
    expect(japanese('「一つ目。（二つ目。」三つ目。')).toEqual(['「一つ目。（二つ目。」三つ目。']);
  });
  it('does not let a bracket swallow more than a few sentence ends', () => {
    const quoted = '「一。二。三。四。五。六。」と述べた。';
    expect(japanese(quoted).length).toBeGreaterThan(1);
    expect(japanese('「一。二。」と述べた。次だ。')).toEqual(['「一。二。」と述べた。', '次だ。']);
  });
});
