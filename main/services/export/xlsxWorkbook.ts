import ExcelJS from 'exceljs';
import type { ReportModel, ReportRow } from '../../../core/report/reportModel';
import { SEVERITIES, SEVERITY_LABELS, mqmCategoryLabel } from '../../../core/review/mqm';
import type { ExportLanguage } from './exportLabels';
import { ExportPacer, type RenderControl } from './exportPacer';
import {
  clauseLabel,
  EXPORT_LABELS,
  issueCategoryPath,
  severityLabel,
  statusLabel,
} from './exportLabels';

/**
 * The review as an Excel workbook, for project managers who filter and sum issues in a spreadsheet:
 *
 * - **Scorecard**: source words, penalty points per severity and per MQM dimension, penalty per 1,000 words, the pass
 *   mark and the verdict.
 * - **Issues**: one row per annotation (segment ids, clause, category path, ITS type, severity, status, author,
 *   created and updated as real dates, the quoted source and target spans, comment, suggestion).
 * - **Segments**: one row per listed bead (id, clause, source, target, confidence as a percentage, confirmed, an empty
 *   revised-target column).
 *
 * Numbers, dates and booleans are written as such, never as text, and a missing value (an omission's target, an
 * issue without a source span) as an empty cell, so sorting, filtering and sums work. Every sheet has
 * a bold frozen header row with an autofilter, wrapped text, and prints landscape one page wide with the header row
 * repeated.
 */

/** What the caller decides about the workbook. */
export interface XlsxWorkbookOptions {
  /** Language of the sheet names' headings and labels (the texts are never translated). */
  readonly language: ExportLanguage;
}

interface ColumnSpec {
  readonly header: string;
  readonly width: number;
  readonly numFmt?: string;
  readonly wrap?: boolean;
}

const DATE_FORMAT = 'yyyy-mm-dd hh:mm';

/** Adds a sheet with a styled, frozen, filterable header row and the given columns. */
function addTableSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: readonly ColumnSpec[],
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: {
      orientation: 'landscape',
      paperSize: 9, // A4
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
    },
  });
  sheet.columns = columns.map((column) => ({
    header: column.header,
    width: column.width,
    style: {
      alignment: { vertical: 'top', wrapText: column.wrap ?? false },
      ...(column.numFmt ? { numFmt: column.numFmt } : {}),
    },
  }));
  const header = sheet.getRow(1);
  header.font = { name: 'Calibri', size: 11, bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E2F3' } };
  return sheet;
}

/** Display width of `text` in Excel's character units: CJK and full-width characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const character of text) {
    const code = character.codePointAt(0)!;
    width +=
      code >= 0x1100 &&
      (code <= 0x115f ||
        (code >= 0x2e80 && code <= 0xa4cf) ||
        (code >= 0xac00 && code <= 0xd7a3) ||
        (code >= 0xf900 && code <= 0xfaff) ||
        (code >= 0xfe30 && code <= 0xfe4f) ||
        (code >= 0xff00 && code <= 0xff60) ||
        (code >= 0xffe0 && code <= 0xffe6) ||
        code >= 0x20000)
        ? 2
        : 1;
  }
  return width;
}

/** Points per line of 11 pt text. */
const LINE_HEIGHT = 15;

/**
 * The height of a data row holding `values`, in points, to fit its wrapped cells; undefined for one line. Excel and
 * LibreOffice do not grow a row for wrapped text in a file they open (only when a cell is edited), so without this the
 * wrapped lines would overlap the next row.
 */
function rowHeight(values: readonly unknown[], columns: readonly ColumnSpec[]): number | undefined {
  let lines = 1;
  columns.forEach((column, index) => {
    if (!column.wrap) return;
    const value = values[index];
    if (typeof value !== 'string') return;
    // A little narrower than the column: words do not break mid-word, so lines end short.
    const perLine = Math.max(1, column.width - 2);
    const cellLines = value
      .split('\n')
      .reduce((sum, line) => sum + Math.max(1, Math.ceil(displayWidth(line) / perLine)), 0);
    lines = Math.max(lines, cellLines);
  });
  return lines > 1 ? lines * LINE_HEIGHT : undefined;
}

/** Adds a data row to a table sheet, as high as its wrapped cells need. */
function addTableRow(
  sheet: ExcelJS.Worksheet,
  columns: readonly ColumnSpec[],
  values: readonly unknown[],
): void {
  const row = sheet.addRow([...values]);
  const height = rowHeight(values, columns);
  if (height !== undefined) row.height = height;
}

function finishTable(sheet: ExcelJS.Worksheet, columns: readonly ColumnSpec[]): void {
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: Math.max(1, sheet.rowCount), column: columns.length },
  };
}

/** Counts the data rows of the Issues and Segments sheets as they are added, for progress and cancellation. */
class RowCounter {
  private done = 0;

  constructor(
    private readonly pacer: ExportPacer,
    private readonly total: number,
  ) {}

  step(): Promise<void> {
    this.done += 1;
    return this.pacer.step(this.done, this.total);
  }
}

function addScorecardSheet(
  workbook: ExcelJS.Workbook,
  model: ReportModel,
  language: ExportLanguage,
): void {
  const labels = EXPORT_LABELS;
  const card = model.scorecard;
  const sheet = workbook.addWorksheet(labels.scorecard[language], {
    pageSetup: {
      orientation: 'portrait',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  sheet.columns = [{ width: 34 }, { width: 16 }, { width: 16 }];
  const bold = (row: ExcelJS.Row): void => {
    row.font = { name: 'Calibri', size: 11, bold: true };
  };
  bold(sheet.addRow([labels.scorecard[language]]));
  sheet.addRow([labels.project[language], model.projectName]);
  sheet.addRow([labels.generated[language], new Date(model.generatedAt)]).getCell(2).numFmt =
    DATE_FORMAT;
  sheet.addRow([labels.words[language], card.sourceWordCount]);
  sheet.addRow([labels.penaltyPoints[language], card.penaltyPoints]);
  // null when the source has no words: an empty cell rather than a text dash, so the column stays numeric.
  sheet.addRow([labels.perThousand[language], card.penaltyPerThousandWords]).getCell(2).numFmt =
    '0.00';
  sheet.addRow([labels.passMark[language], card.threshold]);
  const verdict = sheet.addRow([
    labels.verdict[language],
    (card.passed ? labels.pass : labels.fail)[language],
  ]);
  verdict.getCell(2).font = {
    name: 'Calibri',
    size: 11,
    bold: true,
    color: { argb: card.passed ? 'FF2E7D32' : 'FFC00000' },
  };
  sheet.addRow([]);
  bold(
    sheet.addRow([
      labels.severity[language],
      labels.count[language],
      labels.penaltyPoints[language],
    ]),
  );
  for (const severity of SEVERITIES) {
    const tally = card.bySeverity[severity];
    sheet.addRow([SEVERITY_LABELS[severity][language], tally.count, tally.penalty]);
  }
  sheet.addRow([]);
  bold(
    sheet.addRow([
      labels.dimension[language],
      labels.count[language],
      labels.penaltyPoints[language],
    ]),
  );
  for (const tally of card.byDimension) {
    sheet.addRow([mqmCategoryLabel(tally.categoryId, language), tally.count, tally.penalty]);
  }
}

async function addIssuesSheet(
  workbook: ExcelJS.Workbook,
  model: ReportModel,
  language: ExportLanguage,
  counter: RowCounter,
): Promise<void> {
  const labels = EXPORT_LABELS;
  const columns: ColumnSpec[] = [
    { header: labels.number[language], width: 6 },
    { header: labels.segmentId[language], width: 10, wrap: true },
    { header: labels.clause[language], width: 8 },
    { header: labels.category[language], width: 26, wrap: true },
    { header: labels.itsType[language], width: 15 },
    { header: labels.severity[language], width: 10 },
    { header: labels.status[language], width: 11 },
    { header: labels.author[language], width: 14 },
    { header: labels.created[language], width: 17, numFmt: DATE_FORMAT },
    { header: labels.updated[language], width: 17, numFmt: DATE_FORMAT },
    { header: labels.sourceQuote[language], width: 26, wrap: true },
    { header: labels.targetQuote[language], width: 26, wrap: true },
    { header: labels.comment[language], width: 40, wrap: true },
    { header: labels.suggestion[language], width: 26, wrap: true },
  ];
  const sheet = addTableSheet(workbook, labels.issues[language], columns);
  const rowsById = new Map<string, ReportRow>();
  for (const clause of model.clauses)
    for (const row of clause.rows) rowsById.set(row.segmentId, row);
  for (const issue of model.issues) {
    const firstRow =
      issue.segmentIds[0] === undefined ? undefined : rowsById.get(issue.segmentIds[0]);
    addTableRow(sheet, columns, [
      issue.number,
      issue.segmentIds.join(', '),
      firstRow ? clauseLabel(model, firstRow) : null,
      issueCategoryPath(issue, language),
      issue.itsType,
      severityLabel(issue, language),
      statusLabel(issue, language),
      issue.author,
      new Date(issue.createdAt),
      new Date(issue.updatedAt),
      issue.source?.exact ?? null,
      issue.target?.exact ?? null,
      issue.comment || null,
      issue.suggestion ?? null,
    ]);
    await counter.step();
  }
  finishTable(sheet, columns);
}

async function addSegmentsSheet(
  workbook: ExcelJS.Workbook,
  model: ReportModel,
  language: ExportLanguage,
  counter: RowCounter,
): Promise<void> {
  const labels = EXPORT_LABELS;
  const columns: ColumnSpec[] = [
    { header: labels.segmentId[language], width: 8 },
    { header: labels.clause[language], width: 8 },
    { header: labels.source[language], width: 55, wrap: true },
    { header: labels.target[language], width: 55, wrap: true },
    { header: labels.confidence[language], width: 11, numFmt: '0%' },
    { header: labels.confirmed[language], width: 11 },
    { header: labels.revisedTarget[language], width: 45, wrap: true },
  ];
  const sheet = addTableSheet(workbook, labels.segments[language], columns);
  for (const clause of model.clauses) {
    for (const row of clause.rows) {
      addTableRow(sheet, columns, [
        row.segmentId,
        clauseLabel(model, row),
        row.source.text || null,
        row.target.text || null,
        row.confidence,
        row.confirmed,
        null,
      ]);
      await counter.step();
    }
  }
  finishTable(sheet, columns);
}

/** The share of the render the rows take, for progress. */
const ROWS_SHARE = 0.65;

/**
 * Renders `model` as an XLSX workbook (the bytes to write): Scorecard, Issues and Segments sheets. `control` sees
 * progress per row added and can stop the export between rows (the final zipping by ExcelJS is one uninterruptible
 * step, under a second for 10,000 rows).
 */
export async function renderXlsxWorkbook(
  model: ReportModel,
  options: XlsxWorkbookOptions,
  control: RenderControl = {},
): Promise<Buffer> {
  const { signal, onProgress } = control;
  // Adding the rows is about two thirds of the time; ExcelJS's zipping the rest, reported when it is done.
  const pacer = new ExportPacer({
    ...(signal ? { signal } : {}),
    ...(onProgress ? { onProgress: (fraction: number) => onProgress(fraction * ROWS_SHARE) } : {}),
  });
  const rowCount = model.clauses.reduce((sum, clause) => sum + clause.rows.length, 0);
  const counter = new RowCounter(pacer, model.issues.length + rowCount);
  pacer.check();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = `Taiyaku ${model.appVersion}`;
  workbook.lastModifiedBy = `Taiyaku ${model.appVersion}`;
  workbook.created = new Date(model.generatedAt);
  workbook.modified = new Date(model.generatedAt);
  workbook.title = model.projectName;
  addScorecardSheet(workbook, model, options.language);
  await addIssuesSheet(workbook, model, options.language, counter);
  await addSegmentsSheet(workbook, model, options.language, counter);
  const bytes = await workbook.xlsx.writeBuffer();
  pacer.check();
  onProgress?.(1);
  return Buffer.from(bytes as unknown as ArrayBuffer);
}
