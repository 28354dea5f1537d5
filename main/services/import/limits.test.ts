import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkImportSize,
  checkZipArchive,
  IMPORT_SIZE_LIMITS,
  ImportFileError,
  readImportFile,
  readZipDirectory,
  ZIP_LIMITS,
} from './limits';
import { buildTestZip } from './testZip';

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'taiyaku-limits-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

const document = Buffer.from('<w:document>東京で行われた。</w:document>'.repeat(50));

async function failure(promise: Promise<unknown>): Promise<ImportFileError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ImportFileError);
  return error as ImportFileError;
}

describe('size limits', () => {
  it('has a limit for every format and names the file when it is exceeded', () => {
    for (const limit of Object.values(IMPORT_SIZE_LIMITS)) expect(limit).toBeGreaterThan(0);
    expect(() => checkImportSize('big.pdf', IMPORT_SIZE_LIMITS.pdf + 1, 'pdf')).toThrow(
      /^big\.pdf is larger than 100\.0 MB .*PDF file/,
    );
    expect(() => checkImportSize('ok.pdf', 10, 'pdf')).not.toThrow();
  });

  it('reads a file within the limit and refuses one over it before reading', async () => {
    const path = join(directory, 'table.csv');
    await writeFile(path, 'a,b\n');
    expect((await readImportFile(path, 'csv')).toString()).toBe('a,b\n');
    const error = await failure(readImportFile(path, 'csv', 3));
    expect(error.reason).toBe('too-large');
    expect(error.message).toMatch(/^table\.csv is larger than/);
  });

  it('says when the path is a folder or missing', async () => {
    expect((await failure(readImportFile(directory, 'docx'))).reason).toBe('not-a-file');
    await expect(readImportFile(join(directory, 'missing.docx'), 'docx')).rejects.toThrow(
      /There is no file at/,
    );
  });
});

describe('checkZipArchive', () => {
  it('accepts an ordinary archive and lists its entries', async () => {
    const zip = buildTestZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'word/document.xml', data: document },
      { name: 'word/media/image1.png', data: Buffer.from([1, 2, 3]), stored: true },
    ]);
    const entries = await checkZipArchive(zip, 'ok.docx', 'DOCX');
    expect(entries.map((entry) => [entry.name, entry.uncompressedSize])).toEqual([
      ['[Content_Types].xml', 8],
      ['word/document.xml', document.length],
      ['word/media/image1.png', 3],
    ]);
  });

  it('refuses an entry that declares a huge size compressed beyond the ratio limit', async () => {
    // 30 MB of zeros deflate to ~30 KB: ratio ~1,000, under the 200 MB total limit.
    const zeros = Buffer.alloc(30 * 1024 * 1024);
    const zip = buildTestZip([{ name: 'word/document.xml', data: zeros }]);
    expect(zip.length).toBeLessThan(1024 * 1024);
    const error = await failure(checkZipArchive(zip, 'bomb.docx', 'DOCX'));
    expect(error.reason).toBe('zip-bomb');
    expect(error.message).toMatch(
      /^bomb\.docx is not a plausible DOCX file: its part word\/document\.xml/,
    );
    expect(error.message).toMatch(/to 1/);
  });

  it('refuses an archive whose parts add up to more than the total limit', async () => {
    const zip = buildTestZip(
      Array.from({ length: 3 }, (_, index) => ({
        name: `xl/worksheets/sheet${index}.xml`,
        data: Buffer.from('x'),
        declaredSize: 90 * 1024 * 1024,
      })),
    );
    const error = await failure(checkZipArchive(zip, 'huge.xlsx', 'XLSX'));
    expect(error.reason).toBe('zip-bomb');
    expect(error.message).toMatch(
      /huge\.xlsx .*unpack to 270\.0 MB, more than the 200\.0 MB accepted/,
    );
  });

  it('refuses an entry that inflates past the size its header declares (a lying header)', async () => {
    const zip = buildTestZip([
      { name: 'word/document.xml', data: Buffer.alloc(5 * 1024 * 1024), declaredSize: 1000 },
    ]);
    const error = await failure(checkZipArchive(zip, 'liar.docx', 'DOCX'));
    expect(error.reason).toBe('zip-bomb');
    expect(error.message).toMatch(/unpacks to more than the 1000 bytes it declares/);
  });

  it('refuses more entries than the limit before reading them', async () => {
    const entries = Array.from({ length: ZIP_LIMITS.maxEntries + 1 }, (_, index) => ({
      name: `f${index}`,
      data: new Uint8Array(0),
      stored: true,
    }));
    const error = await failure(checkZipArchive(buildTestZip(entries), 'many.xlsx', 'XLSX'));
    expect(error.reason).toBe('zip-bomb');
    expect(error.message).toMatch(/^many\.xlsx holds 10,001 files, more than the 10,000/);
  });

  it('says a truncated archive is damaged', async () => {
    const zip = buildTestZip([{ name: 'word/document.xml', data: document }]);
    for (const cut of [zip.length - 10, Math.floor(zip.length / 2), 4]) {
      const error = await failure(checkZipArchive(zip.subarray(0, cut), 'cut.docx', 'DOCX'));
      expect(error.reason).toBe('damaged');
      expect(error.message).toMatch(/^cut\.docx is damaged or incomplete/);
    }
  });

  it('says a part that does not inflate is damaged', async () => {
    const zip = buildTestZip([{ name: 'word/document.xml', data: document }]);
    // Overwrite the deflated data (after the 30-byte local header and the 17-byte name) with garbage.
    zip.fill(0xff, 47, 60);
    const error = await failure(checkZipArchive(zip, 'garbled.docx', 'DOCX'));
    expect(error.reason).toBe('damaged');
  });

  it('tells an empty file, a non-ZIP file and a password-protected Office file apart', () => {
    expect(() => readZipDirectory(new Uint8Array(0), 'empty.docx', 'DOCX')).toThrow(
      /^empty\.docx is empty/,
    );
    expect(() => readZipDirectory(Buffer.from('plain text'), 'text.docx', 'DOCX')).toThrow(
      /^text\.docx is not a DOCX file/,
    );
    const compound = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
    expect(() => readZipDirectory(compound, 'secret.xlsx', 'XLSX')).toThrow(
      /^secret\.xlsx is password-protected or in the old binary Office format/,
    );
  });
});
