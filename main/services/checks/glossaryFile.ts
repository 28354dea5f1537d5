import { basename, extname } from 'node:path';
import {
  glossaryFromRows,
  glossaryFromTbx,
  type GlossaryReading,
} from '../../../core/interchange/glossaryFile';
import { InterchangeFormatError } from '../../../core/interchange/xml';
import { decodeTextBytes } from '../importText';
import { ImportFileError, checkImportSize, readImportFile } from '../import/limits';
import { delimitedBytesToRows, xlsxBytesToRows } from '../import/tableText';

/**
 * Reads a glossary from a file's bytes: TBX (`.tbx`, or `.xml` with a martif or tbx root), or a table (`.csv`,
 * `.tsv`, `.txt`, `.xlsx`) with English, Japanese and optional note and status columns (see `glossaryFromRows`).
 * Throws `ImportFileError` with a message naming the file.
 */
export async function glossaryFromBytes(
  bytes: Uint8Array,
  fileName: string,
): Promise<GlossaryReading> {
  const extension = extname(fileName).toLowerCase();
  if (extension === '.tbx' || extension === '.xml') {
    checkImportSize(fileName, bytes.length, 'txt');
    const { text } = decodeTextBytes(bytes, fileName);
    try {
      return glossaryFromTbx(text);
    } catch (error) {
      if (error instanceof InterchangeFormatError)
        throw new ImportFileError('wrong-format', `${fileName}: ${error.message}`);
      throw error;
    }
  }
  if (!['.csv', '.tsv', '.txt', '.tab', '.xlsx'].includes(extension))
    throw new ImportFileError(
      'wrong-format',
      `${fileName} is not a glossary Taiyaku reads: use TBX, CSV, TSV or XLSX (English and Japanese columns).`,
    );
  let rows: string[][];
  if (extension === '.xlsx') rows = (await xlsxBytesToRows(bytes, fileName)).rows;
  else {
    checkImportSize(fileName, bytes.length, extension === '.tsv' ? 'tsv' : 'csv');
    rows = delimitedBytesToRows(bytes, fileName);
  }
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
  const extension = extname(fileName).toLowerCase();
  const format =
    extension === '.xlsx'
      ? 'xlsx'
      : extension === '.tsv'
        ? 'tsv'
        : extension === '.tbx' || extension === '.xml'
          ? 'txt'
          : 'csv';
  return glossaryFromBytes(await readImportFile(path, format), fileName);
}
