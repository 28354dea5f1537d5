import { basename, extname } from 'node:path';
import {
  glossaryFromRows,
  glossaryFromTbx,
  type GlossaryReading,
} from '../../../core/interchange/glossaryFile';
import { InterchangeFormatError } from '../../../core/interchange/xml';
import { decodeTextBytes } from '../importText';
import { ImportFileError, readImportFile } from '../import/limits';
import { importTableFile } from '../import/tableText';

/**
 * Reads a glossary file: TBX (`.tbx`, or `.xml` with a martif or tbx root), or a table (`.csv`, `.tsv`, `.txt`,
 * `.xlsx`) with English, Japanese and optional note and status columns (see `glossaryFromRows`). Throws
 * `ImportFileError` (or a `not-found` `ServiceError`) with a message naming the file.
 */
export async function readGlossaryFile(path: string): Promise<GlossaryReading> {
  const fileName = basename(path);
  const extension = extname(fileName).toLowerCase();
  if (extension === '.tbx' || extension === '.xml') {
    const { text } = decodeTextBytes(await readImportFile(path, 'txt'), fileName);
    try {
      return glossaryFromTbx(text);
    } catch (error) {
      if (error instanceof InterchangeFormatError)
        throw new ImportFileError('wrong-format', `${fileName}: ${error.message}`);
      throw error;
    }
  }
  const { rows } = await importTableFile(path);
  const reading = glossaryFromRows(rows);
  if (reading.glossary.concepts.length === 0)
    throw new ImportFileError(
      'no-text',
      `${fileName} has no glossary rows: expected columns English and Japanese (a header row may name them).`,
    );
  return reading;
}
