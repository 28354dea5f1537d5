import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  Document,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxBytesToText, importDocxFile } from './docxText';
import { ImportFileError } from './limits';
import { buildTestZip } from './testZip';

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'taiyaku-docx-import-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function sampleDocx(): Promise<Buffer> {
  const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
  return Packer.toBuffer(
    new Document({
      numbering: {
        config: [
          {
            reference: 'clauses',
            levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.' }],
          },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph({ heading: HeadingLevel.TITLE, text: '成果文書（日本語仮訳）' }),
            new Paragraph({ heading: HeadingLevel.HEADING_2, text: '概要' }),
            new Paragraph({
              children: [
                new TextRun('会合は2022年12月4日に'),
                new TextRun({ text: '開催された。', bold: true }),
              ],
            }),
            new Paragraph({ text: '' }),
            new Paragraph({
              text: '日本は支援を提案した。',
              numbering: { reference: 'clauses', level: 0 },
            }),
            new Paragraph({
              text: '閣僚は合意した。',
              numbering: { reference: 'clauses', level: 0 },
            }),
            new Paragraph({ text: 'スマートシティ', bullet: { level: 0 } }),
            new Paragraph({
              children: [new TextRun('一行目'), new TextRun({ text: '二行目', break: 1 })],
            }),
            new Table({
              rows: [
                new TableRow({ children: [cell('表の左'), cell('表の右')] }),
                new TableRow({ children: [cell('下の左'), cell('下の右')] }),
              ],
            }),
          ],
        },
      ],
    }),
  );
}

async function failure(promise: Promise<unknown>): Promise<ImportFileError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ImportFileError);
  return error as ImportFileError;
}

describe('docxBytesToText', () => {
  it('keeps headings, paragraphs, list items and table cells as lines', async () => {
    const path = join(directory, 'sample.docx');
    await writeFile(path, await sampleDocx());
    const result = await importDocxFile(path);
    expect(result.fileName).toBe('sample.docx');
    expect(result.text).toBe(
      [
        '# 成果文書（日本語仮訳）',
        '## 概要',
        '会合は2022年12月4日に開催された。',
        '1. 日本は支援を提案した。',
        '2. 閣僚は合意した。',
        '- スマートシティ',
        '一行目\n二行目',
        '表の左',
        '表の右',
        '下の左',
        '下の右',
      ].join('\n\n') + '\n',
    );
  });

  it('says a document without text has none', async () => {
    const empty = await Packer.toBuffer(
      new Document({ sections: [{ children: [new Paragraph('')] }] }),
    );
    const error = await failure(docxBytesToText(empty, 'blank.docx'));
    expect(error.reason).toBe('no-text');
    expect(error.message).toBe('blank.docx contains no text to review.');
  });

  it('refuses an empty file, a text file, a spreadsheet and a truncated document, naming each', async () => {
    expect((await failure(docxBytesToText(new Uint8Array(0), 'zero.docx'))).reason).toBe('empty');
    const text = await failure(docxBytesToText(Buffer.from('Hello'), 'notes.docx'));
    expect(text.reason).toBe('wrong-format');
    expect(text.message).toMatch(/^notes\.docx is not a DOCX file/);
    const sheet = buildTestZip([{ name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') }]);
    const spreadsheet = await failure(docxBytesToText(sheet, 'book.docx'));
    expect(spreadsheet.reason).toBe('wrong-format');
    expect(spreadsheet.message).toMatch(/^book\.docx is a ZIP archive but not a Word document/);
    const docx = await sampleDocx();
    const truncated = await failure(
      docxBytesToText(docx.subarray(0, docx.length - 100), 'cut.docx'),
    );
    expect(truncated.reason).toBe('damaged');
    expect(truncated.message).toMatch(/^cut\.docx is damaged or incomplete/);
  });

  it('says a ZIP with a broken Word part is damaged', async () => {
    const zip = buildTestZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'word/document.xml', data: Buffer.from('<w:document') },
    ]);
    const error = await failure(docxBytesToText(zip, 'broken.docx'));
    expect(error.reason).toBe('damaged');
    expect(error.message).toMatch(/^broken\.docx could not be read as a Word document/);
  });

  it('refuses a zip bomb before mammoth unpacks it', async () => {
    const bomb = buildTestZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'word/document.xml', data: Buffer.alloc(40 * 1024 * 1024, 0x20) },
    ]);
    const error = await failure(docxBytesToText(bomb, 'bomb.docx'));
    expect(error.reason).toBe('zip-bomb');
    expect(error.message).toMatch(/^bomb\.docx is not a plausible DOCX file/);
  });
});
