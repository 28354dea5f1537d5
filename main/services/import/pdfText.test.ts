import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium, renderPdfFromHtml } from '../export/pdfReport';
import { ImportFileError } from './limits';
import { importPdfFile, pdfBytesToText, repairCjkCodePoints } from './pdfText';
import { encryptedPdf, pdfWithoutText } from './testPdf';

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'taiyaku-pdf-import-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

const browser = (() => {
  try {
    return findChromium();
  } catch {
    return undefined;
  }
})();

async function failure(promise: Promise<unknown>): Promise<ImportFileError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ImportFileError);
  return error as ImportFileError;
}

const BILINGUAL_HTML =
  '<!doctype html><html><head><meta charset="utf-8"><style>body{font:12pt sans-serif}p{margin:0 0 1em}' +
  '</style></head><body><h1>Summary Record</h1>' +
  '<p>1. The 4th ASEAN-Japan Smart Cities Network High Level Meeting was held on December 4, 2022, in a hybrid ' +
  'format. The meeting was chaired by Japan and attended by ministers.</p>' +
  '<p>2. Japan proposed increased support.</p>' +
  '<h1 style="break-before:page">成果文書（日本語仮訳）</h1>' +
  '<p>1. 「第4回日ASEANスマートシティ・ネットワーク ハイレベル会合」は、2022年12月4日にハイブリッド形式で開催' +
  'された。会合は日本が議長を務め、閣僚が出席した。</p><p>2. 日本は支援の拡充を提案した。</p></body></html>';

describe.skipIf(!browser)('pdfBytesToText on a PDF Chromium printed (needs Chromium)', () => {
  let pdf: Buffer;
  beforeAll(async () => {
    pdf = await renderPdfFromHtml(BILINGUAL_HTML);
  }, 120_000);

  it('reads lines in order, paragraphs apart, pages split by a form feed, Japanese intact', async () => {
    const path = join(directory, 'bilingual.pdf');
    await writeFile(path, pdf);
    const { text, fileName } = await importPdfFile(path);
    expect(fileName).toBe('bilingual.pdf');
    const [english, japanese] = text.split('\n\f\n');
    expect(english!.split('\n\n')).toEqual([
      'Summary Record',
      expect.stringMatching(/^1\. The 4th ASEAN-Japan .*\n.*attended by ministers\.$/),
      '2. Japan proposed increased support.',
    ]);
    expect(english!.replace(/\n/g, ' ')).toContain(
      'was held on December 4, 2022, in a hybrid format.',
    );
    expect(japanese!.split('\n\n')).toEqual([
      '成果文書（日本語仮訳）',
      expect.stringMatching(/^1\. 「第4回日ASEANスマートシティ・ネットワーク ハイレベル会合」は、/),
      '2. 日本は支援の拡充を提案した。\n',
    ]);
    expect(japanese!.replace(/\n/g, '')).toContain('会合は日本が議長を務め、閣僚が出席した。');
  });

  it('says a truncated PDF is damaged', async () => {
    const error = await failure(pdfBytesToText(pdf.subarray(0, pdf.length / 2), 'cut.pdf'));
    expect(error.reason).toBe('damaged');
    expect(error.message).toMatch(/^cut\.pdf is damaged or not a valid PDF/);
  });
});

describe('pdfBytesToText', () => {
  it('says a PDF without a text layer needs OCR', async () => {
    const error = await failure(pdfBytesToText(pdfWithoutText(), 'scan.pdf'));
    expect(error.reason).toBe('no-text');
    expect(error.message).toMatch(
      /^scan\.pdf has no text layer \(a scanned document\?\): run OCR first/,
    );
  });

  it('says a PDF needing a password is password-protected', async () => {
    const error = await failure(pdfBytesToText(encryptedPdf(), 'secret.pdf'));
    expect(error.reason).toBe('encrypted');
    expect(error.message).toMatch(/^secret\.pdf is password-protected/);
  });

  it('tells garbage, a non-PDF and an empty file apart, naming each', async () => {
    const garbage = await failure(
      pdfBytesToText(Buffer.from(`%PDF-1.7\n${'garbage '.repeat(100)}`), 'garbage.pdf'),
    );
    expect(garbage.reason).toBe('damaged');
    expect(garbage.message).toMatch(/^garbage\.pdf is damaged or not a valid PDF/);
    const text = await failure(pdfBytesToText(Buffer.from('Hello'), 'notes.pdf'));
    expect(text.reason).toBe('wrong-format');
    expect(text.message).toBe('notes.pdf is not a PDF file (it has no %PDF header).');
    expect((await failure(pdfBytesToText(new Uint8Array(0), 'zero.pdf'))).reason).toBe('empty');
  });
});

describe('repairCjkCodePoints', () => {
  it('maps radicals that CJK fonts put for ideographs back, and ‧ between kana to ・', () => {
    expect(repairCjkCodePoints('成果\u2f42書（\u2f47本語）議\u2ed1')).toBe(
      '成果文書（日本語）議長',
    );
    expect(repairCjkCodePoints('スマートシティ\u2027ネットワーク')).toBe(
      'スマートシティ・ネットワーク',
    );
    expect(repairCjkCodePoints('a\u2027b')).toBe('a\u2027b');
  });
});
