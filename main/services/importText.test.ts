import { execFileSync } from 'node:child_process';
import { mkdtemp, open, rm, writeFile, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import Encoding from 'encoding-japanese';
import {
  decodeTextBytes,
  importTextFile,
  ImportTextError,
  normalizeLineEndings,
} from './importText';

const JAPANESE =
  '第4回日 ASEAN スマートシティ・ネットワーク ハイレベル会合\r\n成果文書（日本語仮訳）\r\n\r\n' +
  '1. 「第4回日 ASEAN スマートシティ・ネットワーク ハイレベル会合」は、2022年12月4日に開催された。\r\n';
const NORMALIZED = JAPANESE.replace(/\r\n/g, '\n');
const ENGLISH =
  '1. The Meeting was held on December 4, 2022.\n2. Japan proposed “increased support”.\n';

function legacyBytes(text: string, to: 'SJIS' | 'EUCJP' | 'JIS'): Buffer {
  return Buffer.from(Encoding.convert(Encoding.stringToCode(text), { to, from: 'UNICODE' }));
}

function utf16be(text: string): Buffer {
  return Buffer.from(text, 'utf16le').swap16();
}

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'taiyaku-import-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function importBytes(name: string, bytes: Uint8Array, maxBytes?: number) {
  const path = join(directory, name);
  await writeFile(path, bytes);
  return importTextFile(path, maxBytes === undefined ? {} : { maxBytes });
}

describe('importTextFile: encodings', () => {
  const cases: [string, Buffer, string, boolean][] = [
    ['utf-8', Buffer.from(JAPANESE, 'utf8'), 'utf-8', false],
    [
      'utf-8 with BOM',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JAPANESE)]),
      'utf-8',
      true,
    ],
    [
      'utf-16le with BOM',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JAPANESE, 'utf16le')]),
      'utf-16le',
      true,
    ],
    [
      'utf-16be with BOM',
      Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(JAPANESE)]),
      'utf-16be',
      true,
    ],
    ['utf-16le without BOM', Buffer.from(JAPANESE, 'utf16le'), 'utf-16le', false],
    ['utf-16be without BOM', utf16be(JAPANESE), 'utf-16be', false],
    ['shift_jis', legacyBytes(JAPANESE, 'SJIS'), 'shift_jis', false],
    ['euc-jp', legacyBytes(JAPANESE, 'EUCJP'), 'euc-jp', false],
    ['iso-2022-jp', legacyBytes(JAPANESE, 'JIS'), 'iso-2022-jp', false],
  ];
  it.each(cases)('%s', async (name, bytes, encoding, byteOrderMark) => {
    const imported = await importBytes(`${name}.txt`, bytes);
    expect(imported).toEqual({
      text: NORMALIZED,
      encoding,
      byteOrderMark,
      lineEndings: 'crlf',
      fileName: `${name}.txt`,
      byteLength: bytes.length,
    });
  });

  it('reads English UTF-16 without BOM (mostly NUL high bytes) and plain ASCII', async () => {
    expect((await importBytes('en16.txt', Buffer.from(ENGLISH, 'utf16le'))).encoding).toBe(
      'utf-16le',
    );
    expect((await importBytes('en16be.txt', utf16be(ENGLISH))).encoding).toBe('utf-16be');
    const ascii = await importBytes('ascii.txt', Buffer.from('plain\rold mac\r'));
    expect(ascii).toMatchObject({ text: 'plain\nold mac\n', encoding: 'utf-8', lineEndings: 'cr' });
  });

  it('reads the seed document (UTF-8, LF) unchanged', async () => {
    const seed = await importTextFile(
      join(__dirname, '../../fixtures/seed/000_37c746aa84bde595.txt'),
    );
    expect(seed).toMatchObject({ encoding: 'utf-8', byteOrderMark: false, lineEndings: 'lf' });
    expect(seed.text).toContain('成果文書（日本語仮訳）');
  });

  it('reads an empty file as empty UTF-8 text', async () => {
    expect(await importBytes('empty.txt', Buffer.alloc(0))).toMatchObject({
      text: '',
      lineEndings: 'none',
    });
  });
});

describe('importTextFile: refusals', () => {
  async function failure(promise: Promise<unknown>): Promise<ImportTextError> {
    const error = await promise.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ImportTextError);
    return error as ImportTextError;
  }

  it('refuses a file over the size cap before reading it (sparse 5 MB file)', async () => {
    const path = join(directory, 'huge.txt');
    const handle = await open(path, 'w');
    await handle.truncate(5 * 1024 * 1024);
    await handle.close();
    // Refused from the size alone: not one byte is read (timing belongs to the benchmarks, not here).
    const probe = await open(path, 'r');
    const read = vi.spyOn(Object.getPrototypeOf(probe) as FileHandle, 'read');
    await probe.close();
    try {
      const error = await failure(importTextFile(path));
      expect(error.reason).toBe('too-large');
      expect(read).not.toHaveBeenCalled();
      expect(error.message).toBe(
        'huge.txt is larger than 4.0 MB (5.0 MB), the most Taiyaku imports. Split the document and import the part to review.',
      );
      // The spy does see reads: a file under the cap is read.
      await importBytes('small.txt', Buffer.from('text'));
      expect(read).toHaveBeenCalled();
    } finally {
      read.mockRestore();
    }
  });

  it('applies a custom cap', async () => {
    expect((await failure(importBytes('small.txt', Buffer.alloc(11, 0x61), 10))).reason).toBe(
      'too-large',
    );
  });

  it('refuses binary files: NUL bytes that are not UTF-16, and control characters', async () => {
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
    ]);
    const pngError = await failure(importBytes('image.png', png));
    expect(pngError.reason).toBe('binary');
    expect(pngError.message).toContain('image.png looks like a binary file');
    const controls = Buffer.from(
      Array.from({ length: 400 }, (_, index) => (index % 10 === 0 ? 0x02 : 0x41)),
    );
    expect((await failure(importBytes('controls.bin', controls))).reason).toBe('binary');
    const random = Buffer.from(
      Array.from({ length: 4096 }, (_, index) => (index * 7919 + 13) % 256),
    );
    expect((await failure(importBytes('random.bin', random))).reason).toBe('binary');
  });

  it('refuses valid UTF-8 with a stray NUL byte, naming the file and the offset (not UTF-16 garbage)', () => {
    const english = Buffer.from(
      'The committee met in Geneva on 3 May. It adopted the report.\n'.repeat(20),
    );
    const bytes = Buffer.concat([
      english.subarray(0, 500),
      Buffer.from([0]),
      english.subarray(500),
    ]);
    expect(() => decodeTextBytes(bytes, 'en.txt')).toThrow(/en\.txt has a NUL byte at offset 500/);
  });

  it('refuses bytes that are neither UTF-8 nor Shift_JIS nor EUC-JP, naming the first bad byte', async () => {
    // 0xFF never occurs in UTF-8, Shift_JIS or EUC-JP.
    const error = await failure(
      importBytes('broken.txt', Buffer.from([0x41, 0x42, 0xff, 0xfe, 0x43, 0xff, 0x0a])),
    );
    expect(error.reason).toBe('unknown-encoding');
    expect(error.message).toMatch(/^broken\.txt is not valid UTF-8 \(first bad byte at offset 2\)/);
  });

  it('refuses a UTF-8 BOM followed by invalid UTF-8, and a folder', async () => {
    const error = await failure(
      importBytes('bom.txt', Buffer.from([0xef, 0xbb, 0xbf, 0x41, 0xc3, 0x28])),
    );
    expect(error.message).toContain(
      'starts with a UTF-8 byte order mark but is not valid UTF-8 (first bad byte at offset 4)',
    );
    expect((await failure(importTextFile(directory))).reason).toBe('not-a-file');
  });

  it('reports a missing file as not-found', async () => {
    await expect(importTextFile(join(directory, 'missing.txt'))).rejects.toMatchObject({
      code: 'not-found',
    });
  });
});

describe('decodeTextBytes (properties)', () => {
  // Starts with a hiragana, as real Japanese prose does: a few kanji alone in EUC-JP can also be valid UTF-8
  // (文 is CA B8 in EUC-JP, which is U+02B8 in UTF-8) and UTF-8 rightly wins; the hiragana lead byte 0xA4 never
  // starts a UTF-8 sequence, which settles it.
  const japaneseText = fc
    .string({
      unit: fc.constantFrom(
        ...'あいうえおカキクケコ日本語会合成果文書、。「」（）ABC abc 123\n\r\t',
      ),
      maxLength: 200,
    })
    .map((text) => `は${text}`);

  it('any JIS X 0208 text round-trips through Shift_JIS, EUC-JP, UTF-8 and UTF-16 with normalized line endings', () => {
    fc.assert(
      fc.property(japaneseText, (text) => {
        const expected = normalizeLineEndings(text).text;
        for (const bytes of [
          Buffer.from(text),
          Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
          legacyBytes(text, 'SJIS'),
          legacyBytes(text, 'EUCJP'),
        ]) {
          expect(decodeTextBytes(bytes).text).toBe(expected);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('normalization leaves no CR and keeps every other character', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '\r', '\n', 'é', '日') }), (text) => {
        const { text: normalized } = normalizeLineEndings(text);
        expect(normalized).not.toContain('\r');
        expect(normalized.replace(/\n/g, '')).toBe(text.replace(/[\r\n]/g, ''));
      }),
    );
  });
  it('calls a file of control bytes binary even when it is valid UTF-8 with few NULs', () => {
    const bytes = Buffer.from(Array.from({ length: 512 }, (_, index) => (index * 7) % 32));
    expect(() => decodeTextBytes(bytes, 'minutes.en.txt')).toThrow(
      /minutes.en.txt looks like a binary file/,
    );
  });
  it.runIf(process.platform === 'linux')(
    'refuses a FIFO at once instead of waiting for a writer',
    async () => {
      const fifo = join(directory, 'pipe.en.txt');
      execFileSync('mkfifo', [fifo]);
      const outcome = await Promise.race([
        importTextFile(fifo).then(
          () => 'read',
          (error: unknown) => (error as Error).message,
        ),
        new Promise((resolve) => setTimeout(() => resolve('still waiting'), 5_000)),
      ]);
      expect(outcome).toBe('pipe.en.txt is not a regular file.');
    },
  );
});
