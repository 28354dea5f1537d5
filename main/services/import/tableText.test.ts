import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Encoding from 'encoding-japanese';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportFileError } from './limits';
import {
  applyColumnChoice,
  delimitedBytesToRows,
  guessColumns,
  importTableFile,
  parseDelimited,
  xlsxBytesToRows,
} from './tableText';
import { buildTestZip } from './testZip';

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'taiyaku-table-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function failure(promise: Promise<unknown>): Promise<ImportFileError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ImportFileError);
  return error as ImportFileError;
}

const CSV =
  'ID,English,日本語\r\n' +
  's0001,"The Meeting was held in Tokyo, Japan.",会合は東京で行われた。\r\n' +
  's0002,"Japan proposed ""increased support"".","日本は「支援の拡充」を\n提案した。"\r\n' +
  's0003,,閣僚は合意した。\r\n';

describe('parseDelimited', () => {
  it('reads quoted delimiters, doubled quotes, line breaks inside quotes and CRLF', () => {
    expect(parseDelimited(CSV, ',')).toEqual([
      ['ID', 'English', '日本語'],
      ['s0001', 'The Meeting was held in Tokyo, Japan.', '会合は東京で行われた。'],
      ['s0002', 'Japan proposed "increased support".', '日本は「支援の拡充」を\n提案した。'],
      ['s0003', '', '閣僚は合意した。'],
    ]);
  });

  it('keeps a quote inside an unquoted field, empty fields and a last record without a newline', () => {
    expect(parseDelimited('a"b\t\tc\n""\t"x"', '\t')).toEqual([
      ['a"b', '', 'c'],
      ['', 'x'],
    ]);
    expect(parseDelimited('""', ',')).toEqual([['']]);
  });

  it('names the line where a quoted field never closes', () => {
    expect(() => parseDelimited('a,b\nc,"open\nmore', ',', 'broken.csv')).toThrow(
      /^broken\.csv has a quoted field that opens on line 2 and never closes/,
    );
  });
});

describe('reading CSV, TSV and XLSX', () => {
  it('reads UTF-8 CSV with a BOM and guesses the columns and the header', async () => {
    const path = join(directory, 'pairs.csv');
    await writeFile(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CSV)]));
    const table = await importTableFile(path);
    expect(table.format).toBe('csv');
    expect(table.rows[0]).toEqual(['ID', 'English', '日本語']);
    expect(guessColumns(table.rows)).toEqual({
      kind: 'guessed',
      columns: { english: 1, japanese: 2 },
      header: true,
      english: ['The Meeting was held in Tokyo, Japan.', 'Japan proposed "increased support".', ''],
      japanese: [
        '会合は東京で行われた。',
        '日本は「支援の拡充」を\n提案した。',
        '閣僚は合意した。',
      ],
    });
  });

  it('reads Shift_JIS TSV', () => {
    const text =
      '会合は東京で行われた。\tThe Meeting was held in Tokyo.\n閣僚は合意した。\tThe ministers agreed.\n';
    const bytes = Buffer.from(
      Encoding.convert(Encoding.stringToCode(text), { to: 'SJIS', from: 'UNICODE' }),
    );
    const rows = delimitedBytesToRows(bytes, 'pairs.tsv');
    expect(rows).toEqual([
      ['会合は東京で行われた。', 'The Meeting was held in Tokyo.'],
      ['閣僚は合意した。', 'The ministers agreed.'],
    ]);
    const guess = guessColumns(rows);
    expect(guess).toMatchObject({
      kind: 'guessed',
      columns: { english: 1, japanese: 0 },
      header: false,
    });
  });

  it('reads the first sheet with text of an XLSX, merged cells once, rich text and formula results as text', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Empty');
    const sheet = workbook.addWorksheet('Pairs');
    sheet.addRow(['No.', 'Source', 'Target', 'Notes']);
    sheet.addRow([1, 'The Meeting was held in Tokyo.', '会合は東京で行われた。', '']);
    sheet.addRow([
      2,
      {
        richText: [
          { text: 'Japan proposed ' },
          { text: 'support', font: { bold: true } },
          { text: '.' },
        ],
      },
      '日本は支援を提案した。',
      '要確認',
    ]);
    sheet.addRow([{ formula: 'A3+1', result: 3 }, 'The ministers agreed.', '閣僚は合意した。', '']);
    sheet.addRow([4, 'Merged note', '', '']);
    sheet.mergeCells('C5:D5');
    sheet.getCell('C5').value = '結合セル';
    const path = join(directory, 'pairs.xlsx');
    await writeFile(path, Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
    const table = await importTableFile(path);
    expect(table).toMatchObject({ format: 'xlsx', sheetName: 'Pairs' });
    expect(table.rows).toEqual([
      ['No.', 'Source', 'Target', 'Notes'],
      ['1', 'The Meeting was held in Tokyo.', '会合は東京で行われた。', ''],
      ['2', 'Japan proposed support.', '日本は支援を提案した。', '要確認'],
      ['3', 'The ministers agreed.', '閣僚は合意した。', ''],
      ['4', 'Merged note', '結合セル', ''],
    ]);
    // The short Japanese notes column does not rival the translation.
    expect(guessColumns(table.rows)).toMatchObject({
      kind: 'guessed',
      columns: { english: 1, japanese: 2 },
      header: true,
    });
    const named = await xlsxBytesToRows(
      Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer),
      'pairs.xlsx',
      { sheet: 'Empty' },
    );
    expect(named).toEqual({ rows: [], sheetName: 'Empty' });
  });
});

describe('guessColumns', () => {
  it('asks the user when two columns hold comparable Japanese', () => {
    const rows = [
      ['The Meeting was held.', '会合が開催された。', '会合は開催された。'],
      ['Japan proposed support.', '日本は支援を提案した。', '日本が支援を提案した。'],
    ];
    const guess = guessColumns(rows);
    expect(guess).toMatchObject({
      kind: 'needs-a-choice',
      reason: 'More than one column holds Japanese text: choose the translation.',
      header: false,
    });
    expect(applyColumnChoice(rows, { english: 0, japanese: 2, header: false }).japanese).toEqual([
      '会合は開催された。',
      '日本が支援を提案した。',
    ]);
  });

  it('asks the user when there is no Japanese column or only one column', () => {
    expect(guessColumns([['a long English sentence', 'another English sentence']])).toMatchObject({
      kind: 'needs-a-choice',
      reason: 'No column is mostly Japanese text.',
    });
    expect(guessColumns([['会合は開催された。']])).toMatchObject({
      reason: 'The table has fewer than two columns.',
    });
  });

  it('takes a first row without Japanese atop the Japanese column as a header', () => {
    const rows = [
      ['Source sentence', 'Translation (JA)'],
      ['The Meeting was held.', '会合が開催された。'],
    ];
    expect(guessColumns(rows)).toMatchObject({
      kind: 'guessed',
      header: true,
      english: ['The Meeting was held.'],
    });
  });
});

describe('bad tables', () => {
  it('refuses an empty CSV and one with no text', async () => {
    expect(() => delimitedBytesToRows(new Uint8Array(0), 'empty.csv')).toThrow(
      /^empty\.csv is empty/,
    );
    expect(() => delimitedBytesToRows(Buffer.from(',,\n,,\n'), 'blank.csv')).toThrow(
      /^blank\.csv has no text in any cell/,
    );
  });

  it('refuses a truncated XLSX, a DOCX renamed .xlsx, a zip bomb and an old .xls, naming each', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('A').addRow(['The Meeting was held.', '会合が開催された。']);
    const bytes = Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const truncated = await failure(
      xlsxBytesToRows(bytes.subarray(0, bytes.length - 200), 'cut.xlsx'),
    );
    expect(truncated.reason).toBe('damaged');
    expect(truncated.message).toMatch(/^cut\.xlsx is damaged or incomplete/);
    const docx = buildTestZip([{ name: 'word/document.xml', data: Buffer.from('<w:document/>') }]);
    const wrong = await failure(xlsxBytesToRows(docx, 'letter.xlsx'));
    expect(wrong.reason).toBe('wrong-format');
    expect(wrong.message).toMatch(/^letter\.xlsx is a ZIP archive but not an Excel workbook/);
    const bomb = buildTestZip([
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      {
        name: 'xl/worksheets/sheet1.xml',
        data: Buffer.alloc(1000),
        declaredSize: 300 * 1024 * 1024,
      },
    ]);
    const refused = await failure(xlsxBytesToRows(bomb, 'bomb.xlsx'));
    expect(refused.reason).toBe('zip-bomb');
    expect(refused.message).toMatch(/^bomb\.xlsx is not a plausible XLSX file/);
    const garbled = buildTestZip([
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook') },
      { name: '[Content_Types].xml', data: Buffer.from('<Types') },
    ]);
    const damaged = await failure(xlsxBytesToRows(garbled, 'garbled.xlsx'));
    expect(damaged.reason).toBe('damaged');
    expect(damaged.message).toMatch(/^garbled\.xlsx could not be read as an Excel workbook/);
    const xls = join(directory, 'old.xls');
    await writeFile(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
    await expect(importTableFile(xls)).rejects.toThrow(/^old\.xls is in the old Excel format/);
  });
});
