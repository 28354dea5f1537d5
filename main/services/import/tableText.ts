import { basename, extname } from 'node:path';
import ExcelJS from 'exceljs';
import { scriptShares } from '../../../core/text/script';
import { decodeTextBytes } from '../importText';
import { checkImportSize, checkZipArchive, ImportFileError, readImportFile } from './limits';

/**
 * Reads a bilingual table (one column English, one Japanese, a row per segment: what a translator's CAT tool or a
 * client's spreadsheet exports) as rows of cells, and guesses which column is which:
 *
 * - CSV and TSV per RFC 4180 (quoted fields with `""` escapes and line breaks inside, CRLF or LF), decoded like a
 *   text import (UTF-8 with or without a BOM, UTF-16, Shift_JIS, EUC-JP: `decodeTextBytes`); the delimiter comes from
 *   the extension, else from the first line (tab, comma or semicolon);
 * - XLSX with exceljs, after the ZIP check, from the first sheet with data (or a named one).
 *
 * `guessColumns` then proposes the English and the Japanese column by their letters (core/text/script.ts) and whether
 * the first row is a header, or says that the user must choose.
 */

/** A table as read: rows of cell texts (rows may differ in length). */
export type TableRows = readonly (readonly string[])[];

/** A table read from a file. */
export interface ImportedTable {
  readonly rows: TableRows;
  readonly fileName: string;
  readonly format: 'csv' | 'tsv' | 'xlsx';
  /** The worksheet read, for XLSX. */
  readonly sheetName?: string;
}

/** The field delimiters of delimited text. */
export type Delimiter = ',' | '\t' | ';';

/**
 * Parses delimited text per RFC 4180: a field in double quotes may hold the delimiter, line breaks and `""` for a
 * quote; a quote inside an unquoted field is kept as a character. Records end at LF or CRLF; an empty last line is not
 * a record. Throws `ImportFileError` ('damaged') for a quoted field that never closes, naming the line it opened on.
 */
export function parseDelimited(
  text: string,
  delimiter: Delimiter,
  fileName = 'The file',
): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let index = 0;
  let line = 1;
  // True once the current record has any character (so a last record of just `""` is kept).
  let pending = false;
  const endField = (): void => {
    row.push(field);
    field = '';
  };
  const endRow = (): void => {
    endField();
    rows.push(row);
    row = [];
    pending = false;
  };
  while (index < text.length) {
    const character = text[index]!;
    pending = true;
    if (character === '"' && field === '') {
      // A quoted field: runs to the next quote not followed by another quote.
      const openedOn = line;
      index += 1;
      for (;;) {
        if (index >= text.length) {
          throw new ImportFileError(
            'damaged',
            `${fileName} has a quoted field that opens on line ${openedOn} and never closes. Check the quotes ` +
              'around that line, or export the table again.',
          );
        }
        const next = text[index]!;
        if (next === '"') {
          if (text[index + 1] === '"') {
            field += '"';
            index += 2;
            continue;
          }
          index += 1;
          break;
        }
        if (next === '\n') line += 1;
        field += next;
        index += 1;
      }
      // Text between the closing quote and the delimiter (not RFC 4180, but Excel keeps it): keep it too.
      while (
        index < text.length &&
        text[index] !== delimiter &&
        text[index] !== '\n' &&
        text[index] !== '\r'
      ) {
        field += text[index];
        index += 1;
      }
      continue;
    }
    if (character === delimiter) {
      endField();
    } else if (character === '\n' || character === '\r') {
      if (character === '\r' && text[index + 1] === '\n') index += 1;
      endRow();
      line += 1;
      index += 1;
      continue;
    } else {
      field += character;
    }
    index += 1;
  }
  if (pending) endRow();
  return rows;
}

/** The delimiter of a CSV/TSV: from the extension for `.tsv`, else the most frequent of tab, comma, semicolon on line 1. */
export function detectDelimiter(text: string, fileName: string): Delimiter {
  if (extname(fileName).toLowerCase() === '.tsv') return '\t';
  const firstLine = text.slice(0, text.search(/\r|\n|$/)).replace(/"[^"]*"/g, '');
  const counts = (['\t', ',', ';'] as const).map((delimiter) => ({
    delimiter,
    count: firstLine.split(delimiter).length - 1,
  }));
  const best = counts.sort((left, right) => right.count - left.count)[0]!;
  return best.count > 0 ? best.delimiter : extname(fileName).toLowerCase() === '.tab' ? '\t' : ',';
}

/**
 * The rows of the CSV or TSV in `bytes`, decoded as a text import is. Throws `ImportFileError` (too large, empty,
 * an unclosed quote) or `ImportTextError` (binary, an unknown encoding).
 */
export function delimitedBytesToRows(bytes: Uint8Array, fileName: string): string[][] {
  const format = extname(fileName).toLowerCase() === '.tsv' ? 'tsv' : 'csv';
  checkImportSize(fileName, bytes.length, format);
  if (bytes.length === 0) throw new ImportFileError('empty', `${fileName} is empty (0 bytes).`);
  const { text } = decodeTextBytes(bytes, fileName);
  const rows = parseDelimited(text, detectDelimiter(text, fileName), fileName);
  if (rows.every((row) => row.every((cell) => cell.trim() === ''))) {
    throw new ImportFileError('no-text', `${fileName} has no text in any cell.`);
  }
  return rows;
}

/** The text of an exceljs cell value, as Excel would show it (formulas by their result, dates as YYYY-MM-DD). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('hyperlink' in value) return cellText(value.text as ExcelJS.CellValue);
  if ('formula' in value || 'sharedFormula' in value) {
    return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  }
  if ('error' in value) return '';
  return '';
}

/**
 * The rows of a worksheet of the XLSX in `bytes`: `sheet` (a name or a 1-based position) or else the first sheet with
 * any text. Checks the archive (`checkZipArchive`) before exceljs unpacks it. Merged cells give their text once, in
 * their top-left cell. Throws `ImportFileError`.
 */
export async function xlsxBytesToRows(
  bytes: Uint8Array,
  fileName: string,
  options: { readonly sheet?: string | number } = {},
): Promise<{ rows: string[][]; sheetName: string }> {
  checkImportSize(fileName, bytes.length, 'xlsx');
  const entries = await checkZipArchive(bytes, fileName, 'XLSX');
  if (!entries.some((entry) => entry.name === 'xl/workbook.xml')) {
    throw new ImportFileError(
      'wrong-format',
      `${fileName} is a ZIP archive but not an Excel workbook (it has no xl/workbook.xml). Import an .xlsx saved by ` +
        'Excel, LibreOffice or Google Sheets.',
    );
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never,
    );
  } catch (error) {
    throw new ImportFileError(
      'damaged',
      `${fileName} could not be read as an Excel workbook (${String((error as Error)?.message ?? error).split('\n')[0]}). ` +
        'Open it in Excel or LibreOffice, save it as .xlsx again, and import it again.',
    );
  }
  const sheetRows = (sheet: ExcelJS.Worksheet): string[][] => {
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, columnNumber) => {
        cells[columnNumber - 1] = cell.isMerged && cell.master !== cell ? '' : cellText(cell.value);
      });
      rows[rowNumber - 1] = Array.from(cells, (cell) => cell ?? '');
    });
    return Array.from(rows, (row) => row ?? []);
  };
  let chosen: ExcelJS.Worksheet | undefined;
  if (options.sheet !== undefined) {
    chosen =
      typeof options.sheet === 'number'
        ? workbook.worksheets[options.sheet - 1]
        : workbook.getWorksheet(options.sheet);
    if (!chosen) {
      throw new ImportFileError(
        'wrong-format',
        `${fileName} has no sheet ${typeof options.sheet === 'number' ? `number ${options.sheet}` : `named “${options.sheet}”`}; ` +
          `its sheets are ${workbook.worksheets.map((sheet) => `“${sheet.name}”`).join(', ')}.`,
      );
    }
    return { rows: sheetRows(chosen), sheetName: chosen.name };
  }
  for (const sheet of workbook.worksheets) {
    const rows = sheetRows(sheet);
    if (rows.some((row) => row.some((cell) => cell.trim() !== '')))
      return { rows, sheetName: sheet.name };
  }
  throw new ImportFileError('no-text', `${fileName} has no text in any sheet.`);
}

/**
 * Reads the table at `path`: `.xlsx` as a workbook, `.csv`, `.tsv` (and `.txt`, `.tab`) as delimited text, within
 * that format's size limit.
 */
export async function importTableFile(
  path: string,
  options: { readonly sheet?: string | number } = {},
): Promise<ImportedTable> {
  const fileName = basename(path);
  const extension = extname(fileName).toLowerCase();
  if (extension === '.xlsx') {
    const { rows, sheetName } = await xlsxBytesToRows(
      await readImportFile(path, 'xlsx'),
      fileName,
      options,
    );
    return { rows, fileName, format: 'xlsx', sheetName };
  }
  if (extension === '.xls') {
    throw new ImportFileError(
      'wrong-format',
      `${fileName} is in the old Excel format (.xls). Open it in Excel or LibreOffice and save it as .xlsx or .csv.`,
    );
  }
  const format = extension === '.tsv' ? 'tsv' : 'csv';
  return {
    rows: delimitedBytesToRows(await readImportFile(path, format), fileName),
    fileName,
    format,
  };
}

/** Which column holds which language, and whether row 1 is a header. 0-based column indices. */
export interface ColumnChoice {
  readonly english: number;
  readonly japanese: number;
  readonly header: boolean;
}

/** What the letters of one column say about it (data rows only, not a header). */
export interface ColumnProfile {
  readonly column: number;
  /** Cells with any text. */
  readonly filledCells: number;
  readonly latinLetters: number;
  readonly japaneseLetters: number;
  /** Japanese letters ÷ (Japanese + Latin letters); undefined without letters. */
  readonly japaneseShare: number | undefined;
}

/** The two texts of a bilingual table, one entry per data row (rows empty on both sides left out). */
export interface BilingualColumns {
  readonly kind: 'guessed' | 'chosen';
  readonly columns: { readonly english: number; readonly japanese: number };
  readonly header: boolean;
  readonly english: string[];
  readonly japanese: string[];
}

/** The table is ambiguous: the UI or CLI asks the user (then calls `applyColumnChoice`). */
export interface NeedsColumnChoice {
  readonly kind: 'needs-a-choice';
  /** Why no guess was made, for the user. */
  readonly reason: string;
  /** Every column's profile, for the picker. */
  readonly profiles: readonly ColumnProfile[];
  /** Whether row 1 looks like a header. */
  readonly header: boolean;
}

/** At least this share of a column's letters must be Japanese for it to count as the Japanese column. */
const MIN_JAPANESE_SHARE = 0.5;
/** At most this share of an English column's letters may be Japanese (a name or term quoted in Japanese). */
const MAX_JAPANESE_SHARE_IN_ENGLISH = 0.1;
/** A text column has at least this many letters per filled cell on average (ids, numbers and codes have fewer). */
const MIN_LETTERS_PER_CELL = 4;
/** A second candidate this much smaller (in letters) than the first is an ids or notes column, not a rival. */
const DOMINANCE = 3;

const HEADER_WORDS =
  /^(?:en|eng|english|en-us|en-gb|source|source text|src|original|ja|jp|jpn|japanese|ja-jp|target|target text|tgt|translation|英語|英文|原文|日本語|和文|訳文|翻訳|id|no\.?|#|番号|segment|セグメント)$/i;

function profileColumns(rows: TableRows, columnCount: number): ColumnProfile[] {
  return Array.from({ length: columnCount }, (_, column) => {
    let filledCells = 0;
    let latinLetters = 0;
    let japaneseLetters = 0;
    for (const row of rows) {
      const cell = row[column] ?? '';
      if (cell.trim() === '') continue;
      filledCells += 1;
      const shares = scriptShares(cell);
      latinLetters += shares.latinLetters;
      japaneseLetters += shares.japaneseLetters;
    }
    const letters = latinLetters + japaneseLetters;
    return {
      column,
      filledCells,
      latinLetters,
      japaneseLetters,
      japaneseShare: letters === 0 ? undefined : japaneseLetters / letters,
    };
  });
}

function isTextColumn(profile: ColumnProfile): boolean {
  return (
    profile.filledCells > 0 &&
    (profile.latinLetters + profile.japaneseLetters) / profile.filledCells >= MIN_LETTERS_PER_CELL
  );
}

/** The clear winner by `size`, or undefined when none or two comparable ones. */
function soleCandidate(
  candidates: readonly ColumnProfile[],
  size: (profile: ColumnProfile) => number,
): ColumnProfile | 'none' | 'several' {
  const sorted = [...candidates].sort((left, right) => size(right) - size(left));
  if (sorted.length === 0) return 'none';
  if (sorted.length > 1 && size(sorted[1]!) * DOMINANCE > size(sorted[0]!)) return 'several';
  return sorted[0]!;
}

/** True when row 1 is a header for these columns: a known column name, or no Japanese atop the Japanese column. */
function looksLikeHeader(rows: TableRows, english: number, japanese: number): boolean {
  const first = rows[0];
  if (!first || rows.length < 2) return false;
  const englishCell = (first[english] ?? '').trim();
  const japaneseCell = (first[japanese] ?? '').trim();
  if (HEADER_WORDS.test(englishCell) || HEADER_WORDS.test(japaneseCell)) return true;
  return japaneseCell !== '' && scriptShares(japaneseCell).japaneseLetters === 0;
}

/**
 * Proposes the English and the Japanese column of a bilingual table by the letters in them (data rows only) and
 * whether row 1 is a header; returns the two texts. A column is Japanese when at least half its letters are kana or
 * kanji, English when at most a tenth are, and either must average 4+ letters a cell (so id, number and code columns
 * never win). When no column or two comparable columns qualify for a language, returns `needs-a-choice` with every
 * column's profile instead of guessing.
 */
export function guessColumns(rows: TableRows): BilingualColumns | NeedsColumnChoice {
  const columnCount = Math.max(0, ...rows.map((row) => row.length));
  // Profile without row 1, which may be a header ("English", "日本語"), unless it is the only row.
  const profiles = profileColumns(rows.length > 1 ? rows.slice(1) : rows, columnCount);
  const textColumns = profiles.filter(isTextColumn);
  const japanese = soleCandidate(
    textColumns.filter((profile) => (profile.japaneseShare ?? 0) >= MIN_JAPANESE_SHARE),
    (profile) => profile.japaneseLetters,
  );
  const english = soleCandidate(
    textColumns.filter(
      (profile) =>
        profile.japaneseShare !== undefined &&
        profile.japaneseShare <= MAX_JAPANESE_SHARE_IN_ENGLISH,
    ),
    (profile) => profile.latinLetters,
  );
  const header =
    typeof english === 'object' && typeof japanese === 'object'
      ? looksLikeHeader(rows, english.column, japanese.column)
      : rows.length > 1 && (rows[0] ?? []).some((cell) => HEADER_WORDS.test(cell.trim()));
  if (typeof english !== 'object' || typeof japanese !== 'object') {
    const reason =
      columnCount < 2
        ? 'The table has fewer than two columns.'
        : japanese === 'none'
          ? 'No column is mostly Japanese text.'
          : japanese === 'several'
            ? 'More than one column holds Japanese text: choose the translation.'
            : english === 'none'
              ? 'No column is mostly English text.'
              : 'More than one column holds English text: choose the source.';
    return { kind: 'needs-a-choice', reason, profiles, header };
  }
  return {
    ...applyColumnChoice(rows, { english: english.column, japanese: japanese.column, header }),
    kind: 'guessed',
  };
}

/** The two texts of a table for a column choice (the guess, or the user's). Rows empty on both sides are left out. */
export function applyColumnChoice(rows: TableRows, choice: ColumnChoice): BilingualColumns {
  const english: string[] = [];
  const japanese: string[] = [];
  for (const row of choice.header ? rows.slice(1) : rows) {
    const source = (row[choice.english] ?? '').trim();
    const target = (row[choice.japanese] ?? '').trim();
    if (source === '' && target === '') continue;
    english.push(source);
    japanese.push(target);
  }
  return {
    kind: 'chosen',
    columns: { english: choice.english, japanese: choice.japanese },
    header: choice.header,
    english,
    japanese,
  };
}
