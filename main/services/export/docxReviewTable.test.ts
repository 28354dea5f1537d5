import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkZipArchive } from '../import/limits';
import { readTestZipEntry } from '../import/testZip';
import { renderDocxReviewTable } from './docxReviewTable';
import { testReportModel } from './testReportModel';
import { convertToPdf, pdfText, pdftotext, soffice } from './testTools';

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'taiyaku-docx-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

/** The `<w:tr>` elements of the document's table, as XML strings. */
function tableRows(xml: string): string[] {
  return [...xml.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((match) => match[0]);
}

/** The text of an XML fragment's `<w:t>` elements, joined. */
function textOf(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join('');
}

describe('renderDocxReviewTable', () => {
  it('writes one landscape table row per bead with id, clause, texts, an empty revised column and the issues', async () => {
    const docx = await renderDocxReviewTable(testReportModel(), { language: 'en' });
    await checkZipArchive(docx, 'review.docx', 'DOCX');
    const xml = readTestZipEntry(docx, 'word/document.xml').toString('utf8');
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    const rows = tableRows(xml);
    expect(rows).toHaveLength(5);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(textOf(rows[0]!)).toBe(
      'IDClauseSource (English)Target (Japanese)Revised targetIssues and comments',
    );
    const cells = [...rows[1]!.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((match) =>
      textOf(match[0]),
    );
    expect(cells.slice(0, 5)).toEqual([
      's0001',
      '1.',
      '1. The Meeting was held in Tokyo.',
      '1. 会合は東京で行われる。',
      '',
    ]);
    expect(cells[5]).toContain('#1 Accuracy › Mistranslation (Verb tense) · Major · Open');
    // The reviewer's markup is text, escaped once.
    expect(cells[5]).toContain('expected 行われた. &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(cells[5]).toContain('Suggestion: 行われた');
    expect(rows.map((row) => textOf(row).slice(0, 5))).toEqual([
      'IDCla',
      's0001',
      's0002',
      's0003',
      's0004',
    ]);
    expect(xml).toContain('MQM: 31 penalty points');
  });

  it('highlights the flagged span with run formatting only, leaving the cell text intact', async () => {
    const docx = await renderDocxReviewTable(testReportModel(), { language: 'en' });
    const xml = readTestZipEntry(docx, 'word/document.xml').toString('utf8');
    const flagged = [
      ...xml.matchAll(/<w:r>((?:(?!<\/w:r>)[\s\S])*?)<w:t[^>]*>行われる<\/w:t><\/w:r>/g),
    ];
    expect(flagged).toHaveLength(1);
    expect(flagged[0]![1]).toContain('<w:highlight w:val="yellow"/>');
    expect(xml).toMatch(
      /<w:p><w:pPr><w:pStyle w:val="TaiyakuJapanese"\/><\/w:pPr><w:r><w:t[^>]*>1\. 会合は東京で</,
    );
    const styles = readTestZipEntry(docx, 'word/styles.xml').toString('utf8');
    expect(styles).toMatch(
      /<w:style [^>]*w:styleId="TaiyakuJapanese"[\s\S]*?<w:rFonts [^>]*w:eastAsia="Yu Gothic"[^>]*w:hint="eastAsia"[\s\S]*?<w:lang w:eastAsia="ja-JP"\/>/,
    );
    // The resolved flag is grey, on both sides.
    expect(xml).toMatch(
      /<w:highlight w:val="lightGray"\/>[\s\S]*?<w:t[^>]*>increased support<\/w:t>/,
    );
    expect(xml).toMatch(/<w:highlight w:val="lightGray"\/>[\s\S]*?<w:t[^>]*>支援の拡充<\/w:t>/);
  });

  it('writes Japanese headings and labels on request', async () => {
    const docx = await renderDocxReviewTable(testReportModel({ rows: 'flagged' }), {
      language: 'ja',
    });
    const xml = readTestZipEntry(docx, 'word/document.xml').toString('utf8');
    expect(textOf(tableRows(xml)[0]!)).toContain('訳文（日本語）');
    expect(xml).toContain('正確性 › 誤訳（時制）');
    expect(xml).toContain('重大');
    expect(tableRows(xml)).toHaveLength(4);
  });

  it('lists issues whose text left the document after the table', async () => {
    const model = testReportModel();
    const lost = {
      ...model.issues[0]!,
      id: 'lost',
      number: 4,
      comment: 'Anchor lost',
      segmentIds: [],
    };
    const docx = await renderDocxReviewTable(
      { ...model, issues: [...model.issues, lost] },
      { language: 'en' },
    );
    const xml = readTestZipEntry(docx, 'word/document.xml').toString('utf8');
    const after = xml.slice(xml.indexOf('</w:tbl>'));
    expect(textOf(after)).toContain('Issues whose text is no longer in the document');
    expect(textOf(after)).toContain(
      '#4 Accuracy › Mistranslation (Verb tense) · Major · OpenAnchor lost',
    );
  });

  it.skipIf(!soffice || !pdftotext)(
    'opens in LibreOffice, whose PDF shows the flagged Japanese and the comment (needs soffice and pdftotext)',
    async () => {
      const docx = await renderDocxReviewTable(testReportModel(), { language: 'en' });
      const file = join(directory, 'review.docx');
      await writeFile(file, docx);
      const text = await pdfText(await convertToPdf(file, directory));
      expect(text).toContain('行われる');
      expect(text).toContain('s0001');
      expect(text).toMatch(/<script>alert\(1\)/);
    },
    180_000,
  );
});
