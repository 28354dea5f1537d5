import type { ReportIssue, ReportModel } from './reportModel';
import { allReportRows } from './reportModel';

/**
 * The issues of a review as CSV, one line per issue in reading order, for spreadsheets.
 *
 * Format: a UTF-8 byte order mark (U+FEFF) first, so Excel reads the Japanese as UTF-8; RFC 4180 fields (a field
 * holding a comma, double quote, CR or LF is quoted, quotes doubled); CRLF line ends, the last line included; one
 * header row in English.
 *
 * Formula injection: a spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (and, in some, a tab or carriage
 * return) as a formula, and comments and quotes come from people and documents. Such a field is written with a leading
 * apostrophe (`'=SUM(A1)`), which spreadsheets show as text; a reader that wants the raw value strips one leading
 * apostrophe from fields that then start with one of those characters.
 */

/** The header row's columns, in order. */
export const CSV_COLUMNS = [
  'Segment ID',
  'Clause',
  'Category',
  'ITS type',
  'Severity',
  'Status',
  'Author',
  'Created',
  'Updated',
  'Source quote',
  'Target quote',
  'Comment',
  'Suggestion',
] as const;

/** A field as a spreadsheet will not execute it: a leading apostrophe before `= + - @`, tab or CR. */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One RFC 4180 field: quoted (quotes doubled) when it holds a comma, quote, CR or LF. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function issueFields(issue: ReportIssue, clauseOf: ReadonlyMap<string, number>): string[] {
  const clauses = [
    ...new Set(issue.segmentIds.map((id) => clauseOf.get(id)).filter((n) => n !== undefined)),
  ];
  return [
    issue.segmentIds.join(' '),
    clauses.join(' '),
    issue.subtype !== undefined ? `${issue.categoryPath} (${issue.subtype})` : issue.categoryPath,
    issue.itsType,
    issue.severity,
    issue.status,
    issue.author,
    issue.createdAt,
    issue.updatedAt,
    issue.source?.exact ?? '',
    issue.target?.exact ?? '',
    issue.comment,
    issue.suggestion ?? '',
  ];
}

/**
 * The model's issues as CSV text (see the module comment: BOM, RFC 4180 quoting, CRLF, formula neutralising). Segment
 * ids and clause numbers of an issue that spans rows are separated by spaces; an issue whose anchor was lost has
 * none. Every issue is listed, whatever the model's row selection.
 */
export function renderIssuesCsv(model: ReportModel): string {
  const clauseOf = new Map(allReportRows(model).map((row) => [row.segmentId, row.clauseNumber]));
  const lines = [
    CSV_COLUMNS.join(','),
    ...model.issues.map((issue) =>
      issueFields(issue, clauseOf)
        .map((field) => csvField(neutralizeFormula(field)))
        .join(','),
    ),
  ];
  return `\uFEFF${lines.map((line) => `${line}\r\n`).join('')}`;
}
