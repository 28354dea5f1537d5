import { basename, extname } from 'node:path';
import {
  glossaryFromRows,
  glossaryFromTbx,
  type GlossaryReading,
} from '../../../core/interchange/glossaryFile';
import { InterchangeFormatError } from '../../../core/interchange/xml';
import { decodeTextBytes } from '../importText';
import {
  ImportFileError,
  checkImportSize,
  readImportFile,
  type ImportFormat,
} from '../import/limits';
import { delimitedBytesToRows, xlsxBytesToRows } from '../import/tableText';

/** The glossary files Taiyaku reads, by extension, with the import format whose size limit applies. */
const GLOSSARY_FORMATS: Readonly<Record<string, ImportFormat>> = {
  '.tbx': 'txt',
  '.xml': 'txt',
  '.csv': 'csv',
  '.txt': 'csv',
  '.tab': 'csv',
  '.tsv': 'tsv',
  '.xlsx': 'xlsx',
};

/**
 * Reads a glossary from a file's bytes: TBX (`.tbx`, or `.xml` with a martif or tbx root), or a table (`.csv`,
 * `.tsv`, `.txt`, `.xlsx`) with English, Japanese and optional note and status columns (see `glossaryFromRows`).
 * Throws `ImportFileError` with a message naming the file.
 */
export async function glossaryFromBytes(
  bytes: Uint8Array,
  fileName: string,
): Promise<GlossaryReading> {
  const format = GLOSSARY_FORMATS[extname(fileName).toLowerCase()];
  if (!format)
    throw new ImportFileError(
      'wrong-format',
      `${fileName} is not a glossary Taiyaku reads: use TBX, CSV, TSV or XLSX (English and Japanese columns).`,
    );
  checkImportSize(fileName, bytes.length, format);
  if (format === 'txt') {
    const { text } = decodeTextBytes(bytes, fileName);
    try {
      return glossaryFromTbx(text);
    } catch (error) {
      if (error instanceof InterchangeFormatError)
        throw new ImportFileError('wrong-format', `${fileName}: ${error.message}`);
      throw error;
    }
  }
  const rows =
    format === 'xlsx'
      ? (await xlsxBytesToRows(bytes, fileName)).rows
      : delimitedBytesToRows(bytes, fileName);
  const reading = glossaryFromRows(rows);
  if (reading.glossary.concepts.length === 0)
    throw new ImportFileError(
      'no-text',
      `${fileName} has no glossary rows: expected columns English and Japanese (a header row may name them).`,
    );
  return reading;
}

/** Reads the glossary file at `path` (see `glossaryFromBytes`), within the import size limits. */
export async function readGlossaryFile(path: string): Promise<GlossaryReading> {
  const fileName = basename(path);
  const format = GLOSSARY_FORMATS[extname(fileName).toLowerCase()] ?? 'csv';
  return glossaryFromBytes(await readImportFile(path, format), fileName);
}
