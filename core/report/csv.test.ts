import { describe, expect, it } from 'vitest';
import { testReportOptions, testSession } from './testProject';
import { CSV_COLUMNS, csvField, neutralizeFormula, renderIssuesCsv } from './csv';
import { buildReportModel } from './reportModel';

/** A minimal RFC 4180 reader, to check the output parses back into the intended fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index]!;
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (character === '"') quoted = false;
      else field += character;
    } else if (character === '"') quoted = true;
    else if (character === ',') {
      row.push(field);
      field = '';
    } else if (character === '\r' && text[index + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      index += 1;
    } else field += character;
  }
  return rows;
}

describe('renderIssuesCsv', () => {
  const csv = renderIssuesCsv(
    buildReportModel(testSession, { ...testReportOptions, rows: 'flagged' }),
  );

  it('starts with a BOM and a header row, and ends every line with CRLF', () => {
    expect(csv.startsWith('\uFEFFSegment ID,Clause,Category,ITS type,Severity,Status,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/\r(?!\n)/);
  });

  it('lists every issue in reading order, fields quoted per RFC 4180', () => {
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(1 + testSession.annotations.length);
    const tense = rows[1]!;
    expect(tense.slice(0, 9)).toEqual([
      's0001',
      '1',
      'Accuracy › Mistranslation (verb-tense)',
      'mistranslation',
      'major',
      'open',
      'Reviewer',
      '2026-11-01T09:00:00.000Z',
      '2026-11-02T10:30:00.000Z',
    ]);
    expect(tense.slice(9)).toEqual([
      'was held',
      '行われる',
      'Tense: expected 行われた. <script>alert(1)</script> "quoted" & \'single\'\nsecond line',
      '行われた',
    ]);
    const cross = rows.find((row) => row[0] === 's0004 s0005')!;
    expect(cross[1]).toBe('2');
  });

  it('neutralises spreadsheet formulas with a leading apostrophe', () => {
    const rows = parseCsv(csv.slice(1));
    const cross = rows.find((row) => row[0] === 's0004 s0005')!;
    expect(cross[11]).toBe('\'=cmd|" /C calc"!A0');
    expect(rows.find((row) => row[11] === "'+1")).toBeDefined();
    expect(['=1', '+1', '-1', '@SUM(A1)', '\tx', 'a=b'].map(neutralizeFormula)).toEqual([
      "'=1",
      "'+1",
      "'-1",
      "'@SUM(A1)",
      "'\tx",
      'a=b',
    ]);
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('plain')).toBe('plain');
  });
});
