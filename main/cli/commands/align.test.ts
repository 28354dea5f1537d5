import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../index';
import type { DocumentAlignment } from '../../../core/alignment/types';
import { segmentPresegmented } from '../../../core/text/segmentDocument';
import { checkLanguages, renderAlignment, tokenizerWarning } from './align';

async function run(
  argv: string[],
  cwd = process.cwd(),
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    cwd,
  });
  return { code, stdout, stderr };
}

describe('align command, bad input', () => {
  const directory = mkdtempSync(join(tmpdir(), 'align-cli-'));
  const file = (name: string, content: string | Buffer): string => {
    const path = join(directory, name);
    writeFileSync(path, content);
    return path;
  };
  const english = file('en.txt', 'The meeting was held in Tokyo.\n');
  const japanese = file('ja.txt', '会合は東京で開催された。\n');

  it('rejects an empty file, a binary file, a missing file and same-language input with a clear message', async () => {
    for (const [argv, message] of [
      [['--en', file('empty.txt', ''), '--ja', japanese], /empty/],
      [['--en', english, '--ja', file('blank.txt', '  \n\n')], /empty/],
      [
        [
          '--en',
          file('binary.bin', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1])),
          '--ja',
          japanese,
        ],
        /binary/,
      ],
      [['--en', join(directory, 'missing.txt'), '--ja', japanese], /no file at/],
      [['--en', english, '--ja', english], /English/],
      [['--en', japanese, '--ja', english], /swapped/],
    ] as const) {
      const result = await run(['align', ...argv]);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/unexpected error/);
    }
  });
  it('rejects a file over the size limit without reading it', async () => {
    const big = join(directory, 'big.txt');
    writeFileSync(big, Buffer.alloc(21 * 1024 * 1024, 0x61));
    const result = await run(['align', '--en', big, '--ja', japanese]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/MB/);
  });
  it('reports usage errors', async () => {
    expect((await run(['align', '--en', english])).code).toBe(2);
    expect((await run(['align', '--presegmented', '--batch', directory])).code).toBe(2);
  });
});

describe('checkLanguages', () => {
  const english = 'The Meeting was held on December 4, 2022, in Tokyo.';
  const japanese = '会合は2022年12月4日に東京で開催された。';

  it('passes a good pair silently', () => {
    const warnings: string[] = [];
    checkLanguages(english, japanese, (message) => warnings.push(message));
    expect(warnings).toEqual([]);
  });

  it('refuses same-language, swapped and letterless sides, naming the file', () => {
    const refusal = (en: string, ja: string): string => {
      try {
        checkLanguages(en, ja, () => undefined);
      } catch (error) {
        return (error as Error).message;
      }
      return 'accepted';
    };
    expect(refusal(english, english)).toBe(
      'The --ja file looks English, not Japanese: none of its letters are kana or kanji.',
    );
    expect(refusal(japanese, japanese)).toBe(
      'The --en file looks Japanese, not English: 100% of its letters are kana or kanji.',
    );
    expect(refusal(japanese, english)).toBe(
      'The --en file looks Japanese and the --ja file English: were they swapped?',
    );
    expect(refusal('1. 2. 3.', japanese)).toMatch(
      /^The --en file has no English or Japanese letters/,
    );
  });

  it('warns about a mixed side and goes on', () => {
    const warnings: string[] = [];
    checkLanguages(
      english,
      '会合は東京で開催された。The Meeting was held on December 4, 2022, in Tokyo.',
      (message) => warnings.push(message),
    );
    expect(warnings).toEqual([
      'The --ja file is partly English (only 24% of its letters are kana or kanji): check that all of it ' +
        'is translated.',
    ]);
  });
});

describe('align command, output', () => {
  const directory = mkdtempSync(join(tmpdir(), 'align-out-'));
  writeFileSync(join(directory, 'en.txt'), 'The meeting was held in Tokyo. It ended at noon.\n');
  writeFileSync(join(directory, 'ja.txt'), '会合は東京で開催された。正午に終了した。\n');

  it('creates the folders --out names, as the app does on Save as', async () => {
    const result = await run(
      ['align', '--en', 'en.txt', '--ja', 'ja.txt', '--out', 'results/today/beads.tsv'],
      directory,
    );
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(join(directory, 'results/today/beads.tsv'), 'utf8')).toMatch(
      /^The meeting was held in Tokyo\.\t会合は東京で開催された。\t\d\.\d\d\n/,
    );
  });
  it('names the Japanese tokenizer path in json, and warns only when it is not kuromoji', async () => {
    const result = await run(
      ['align', '--en', 'en.txt', '--ja', 'ja.txt', '--format', 'json'],
      directory,
    );
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(result.stdout)).toMatchObject({ tokenizerPath: 'morphological' });
    expect(tokenizerWarning('morphological')).toBeUndefined();
    expect(tokenizerWarning('dictionary')).toMatch(/kuromoji was not available/);
  });
  it('says in one line why --out cannot be written', async () => {
    writeFileSync(join(directory, 'taken'), 'a file, not a folder');
    const result = await run(
      ['align', '--en', 'en.txt', '--ja', 'ja.txt', '--out', 'taken/beads.tsv'],
      directory,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'taiyaku align: cannot write taken/beads.tsv: taken is a file, not a folder\n',
    );
  });
  it('joins Japanese sentences without a space and English ones with one, confidence third', () => {
    const source = segmentPresegmented('First sentence.\nSecond sentence.\n', 'en');
    const target = segmentPresegmented('発表している。\nその製品には特徴がある。\n', 'ja');
    const alignment: DocumentAlignment = {
      source,
      target,
      clauseBeads: [{ sourceIndices: [0, 1], targetIndices: [0, 1], confidence: 0.5 }],
      sentenceBeads: [
        { sourceIndices: [0, 1], targetIndices: [0, 1], confidence: 0.876, clauseBead: 0 },
      ],
    };
    expect(renderAlignment(alignment, 'sentence', 'tsv')).toBe(
      'First sentence. Second sentence.\t発表している。その製品には特徴がある。\t0.88\n',
    );
  });
});

describe('align command, file names in messages', () => {
  const directory = mkdtempSync(join(tmpdir(), 'align-names-'));
  mkdirSync(join(directory, 'texts'));
  mkdirSync(join(directory, 'cases'));
  writeFileSync(join(directory, 'texts/ja.txt'), '会合は東京で開催された。\n');
  writeFileSync(join(directory, 'texts/empty.txt'), '');
  writeFileSync(
    join(directory, 'texts/image.bin'),
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]),
  );
  writeFileSync(join(directory, 'cases/001.en'), 'One.\n');

  it('names every file by the path as typed', async () => {
    for (const [argv, message] of [
      [
        ['--en', 'texts/missing.txt', '--ja', 'texts/ja.txt'],
        'There is no file at texts/missing.txt.',
      ],
      [['--en', 'texts/empty.txt', '--ja', 'texts/ja.txt'], '--en file is empty: texts/empty.txt'],
      [
        ['--en', 'texts/image.bin', '--ja', 'texts/ja.txt'],
        'texts/image.bin looks like a binary file',
      ],
      [['--presegmented', '--batch', 'texts', '--out', 'out'], 'no NNN.en files in texts'],
      [['--presegmented', '--batch', 'cases', '--out', 'out'], 'cases/001.ja is missing'],
    ] as const) {
      const result = await run(['align', ...argv], directory);
      expect(result.stderr).toContain(message);
      expect(result.stderr).not.toContain(directory);
    }
  });
});
