import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../appInfo';
import {
  buildKuromojiSync,
  createFastKuromoji,
  kuromojiDictionaryPath,
  plainKuromojiTokens,
} from './kuromojiTokenizer';

const { tokenizer, trie } = buildKuromojiSync(kuromojiDictionaryPath());
const fast = createFastKuromoji(tokenizer, trie);

/** Japanese texts of the repository: the seed and every golden fixture, a line each. */
function repositoryTexts(): string[] {
  const root = projectRoot();
  const fixtures = join(root, 'fixtures/alignment');
  const files = [
    join(root, 'fixtures/seed/summary-record.ja.txt'),
    ...readdirSync(fixtures)
      .filter((name) => name.endsWith('.ja'))
      .map((name) => join(fixtures, name)),
  ];
  return files.flatMap((file) => readFileSync(file, 'utf8').split('\n'));
}

describe('the fast kuromoji tokenizer', () => {
  it("gives kuromoji's own tokens on the seed and the golden fixtures, line by line and whole", () => {
    const seed = readFileSync(join(projectRoot(), 'fixtures/seed/summary-record.ja.txt'), 'utf8');
    for (const text of [...repositoryTexts(), seed]) {
      expect(fast.tokenize(text)).toEqual(plainKuromojiTokens(tokenizer, text));
    }
  }, 60_000);

  it("gives kuromoji's own tokens on edge cases", () => {
    const cases = [
      '',
      '。',
      '、、、。。',
      '𠮷野家で𩸽を食べた。', // surrogate pairs: kuromoji counts them as one character in its positions
      '😀😀😀テスト😀、😀',
      '\udc00孤立した下位サロゲート',
      'ＡＢＣスマート化とabc123と１２３、ABC Corp.の2026年度',
      'ーーーーーーーーーー',
      'アイウエオカキクケコサシスセソタチツテト'.repeat(30), // a long unknown katakana run, grouped
      'x'.repeat(700),
      '「こんにちは」と言った。。。！？',
      '　 \t\n改行\nあり\r\n',
      '2026年12月1日、東京都千代田区で1,234.5円の予算を計上した。',
    ];
    for (const text of cases)
      expect(fast.tokenize(text)).toEqual(plainKuromojiTokens(tokenizer, text));
  });

  it('fails as kuromoji does on a lone high surrogate', () => {
    for (const text of ['\ud800', 'あ\ud800い']) {
      expect(() => plainKuromojiTokens(tokenizer, text)).toThrow(TypeError);
      expect(() => fast.tokenize(text)).toThrow(TypeError);
    }
  });
});
