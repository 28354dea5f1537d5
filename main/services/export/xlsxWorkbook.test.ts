import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkZipArchive } from '../import/limits';
import { testReportModel, TENSE_COMMENT } from './testReportModel';
import { convertToPdf, pdfText, pdftotext, soffice } from './testTools';
import { renderXlsxWorkbook } from './xlsxWorkbook';

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'taiyaku-xlsx-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function reread(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

function values(row: ExcelJS.Row): unknown[] {
  return (row.values as unknown[]).slice(1);
}

describe('renderXlsxWorkbook', () => {
  it('writes a Scorecard, an Issues and a Segments sheet', async () => {
    const bytes = await renderXlsxWorkbook(testReportModel(), { language: 'en' });
    await checkZipArchive(bytes, 'review.xlsx', 'XLSX');
    const workbook = await reread(bytes);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Scorecard',
      'Issues',
      'Segments',
    ]);
  });

  it('scores with numbers, not text', async () => {
    const sheet = (
      await reread(await renderXlsxWorkbook(testReportModel(), { language: 'en' }))
    ).getWorksheet('Scorecard')!;
    const byLabel = new Map<string, unknown>();
    sheet.eachRow((row) => byLabel.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(byLabel.get('Source words')).toBe(19);
    expect(byLabel.get('Penalty points')).toBe(31);
    expect(byLabel.get('Penalty per 1,000 words')).toBeCloseTo(1631.58, 2);
    expect(byLabel.get('Pass mark (per 1,000 words)')).toBe(10);
    expect(byLabel.get('Verdict')).toBe('Fail');
    expect(byLabel.get('Generated')).toEqual(new Date('2026-11-30T12:00:00.000Z'));
    expect(byLabel.get('Critical')).toBe(1);
    expect(byLabel.get('Accuracy')).toBe(2);
    expect(byLabel.get('Terminology')).toBe(1);
    const critical = [...Array(sheet.rowCount).keys()]
      .map((index) => sheet.getRow(index + 1))
      .find((row) => row.getCell(1).value === 'Critical')!;
    expect(values(critical)).toEqual(['Critical', 1, 25]);
  });

  it('lists one issue a row with real dates, a frozen header, an autofilter and wrapped text', async () => {
    const sheet = (
      await reread(await renderXlsxWorkbook(testReportModel(), { language: 'en' }))
    ).getWorksheet('Issues')!;
    expect(sheet.rowCount).toBe(4);
    expect(values(sheet.getRow(1))).toEqual([
      'No.',
      'ID',
      'Clause',
      'Category',
      'ITS type',
      'Severity',
      'Status',
      'Author',
      'Created',
      'Updated',
      'Source span',
      'Target span',
      'Comment',
      'Suggestion',
    ]);
    const first = sheet.getRow(2);
    expect(values(first)).toEqual([
      1,
      's0001',
      '1.',
      'Accuracy › Mistranslation (Verb tense)',
      'mistranslation',
      'Major',
      'Open',
      'Reviewer',
      new Date('2026-11-01T09:30:00.000Z'),
      new Date('2026-11-02T10:45:00.000Z'),
      undefined,
      '行われる',
      TENSE_COMMENT,
      '行われた',
    ]);
    expect(first.getCell(1).type).toBe(ExcelJS.ValueType.Number);
    expect(first.getCell(9).type).toBe(ExcelJS.ValueType.Date);
    expect(first.getCell(9).numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(first.getCell(13).alignment?.wrapText).toBe(true);
    expect(values(sheet.getRow(3)).slice(10, 12)).toEqual(['increased support', '支援の拡充']);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getColumn(13).width).toBeGreaterThan(sheet.getColumn(1).width ?? 0);
    // The wrapped comment takes several lines; the row is made tall enough for them (no app grows it on opening).
    expect(first.height).toBeGreaterThanOrEqual(30);
    expect(sheet.getRow(4).height).toBeUndefined();
  });

  it('lists segments with confidence as a percentage number and confirmed as a boolean', async () => {
    const sheet = (
      await reread(await renderXlsxWorkbook(testReportModel(), { language: 'en' }))
    ).getWorksheet('Segments')!;
    expect(sheet.rowCount).toBe(5);
    const first = sheet.getRow(2);
    expect(values(first)).toEqual([
      's0001',
      '1.',
      '1. The Meeting was held in Tokyo.',
      '1. 会合は東京で行われる。',
      0.875,
      false,
    ]);
    expect(first.getCell(5).type).toBe(ExcelJS.ValueType.Number);
    expect(first.getCell(5).numFmt).toBe('0%');
    expect(first.getCell(7).value).toBeNull();
    expect(sheet.getRow(5).getCell(3).value).toBe('The ministers agreed.');
    expect(sheet.getRow(5).getCell(4).type).toBe(ExcelJS.ValueType.Null);
    expect(sheet.getRow(2).getCell(6).type).toBe(ExcelJS.ValueType.Boolean);
  });

  it('writes Japanese sheet names and labels on request', async () => {
    const workbook = await reread(await renderXlsxWorkbook(testReportModel(), { language: 'ja' }));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'スコアカード',
      '指摘',
      'セグメント',
    ]);
    expect(workbook.getWorksheet('指摘')!.getRow(2).getCell(4).value).toBe('正確性 › 誤訳（時制）');
  });

  it.skipIf(!soffice || !pdftotext)(
    'opens in LibreOffice, whose PDF shows the flagged Japanese and the comment (needs soffice and pdftotext)',
    async () => {
      const file = join(directory, 'review.xlsx');
      await writeFile(file, await renderXlsxWorkbook(testReportModel(), { language: 'en' }));
      const text = await pdfText(await convertToPdf(file, directory));
      expect(text).toContain('行われる');
      expect(text).toContain('Scorecard');
      expect(text).toContain('s0004');
    },
    180_000,
  );
});
