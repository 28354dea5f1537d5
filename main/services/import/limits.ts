import { basename } from 'node:path';
import { createInflateRaw } from 'node:zlib';
import { readRegularFile } from '../project/regularFile';
import { ServiceError } from '../serviceError';

/**
 * Size limits for every format Taiyaku imports, and the ZIP safety check that runs before a DOCX or XLSX is unpacked.
 *
 * A DOCX or XLSX is a ZIP archive, and a hostile one (a "zip bomb") can inflate a few kilobytes into gigabytes and
 * exhaust memory in mammoth or exceljs. So before either library sees the bytes, `checkZipArchive` reads the archive's
 * central directory (nothing is inflated for that) and refuses too many entries, too much declared content, or an
 * entry compressed implausibly well; then it inflates every entry once as a stream, counting bytes and keeping none, and
 * refuses an entry that inflates past the size its header declares (a header can lie; the inflater cannot).
 *
 * Every message names the file and says what is wrong.
 */

/** The formats the import services read. */
export type ImportFormat = 'txt' | 'docx' | 'pdf' | 'csv' | 'tsv' | 'xlsx';

const MB = 1024 * 1024;

/**
 * Largest file accepted per format, in bytes. Text and tables: 50 MB (as importText.ts), far above any document a person
 * reviews. DOCX, XLSX and PDF carry images and fonts beside the text, hence 100 MB.
 */
export const IMPORT_SIZE_LIMITS: Readonly<Record<ImportFormat, number>> = {
  txt: 50 * MB,
  csv: 50 * MB,
  tsv: 50 * MB,
  docx: 100 * MB,
  xlsx: 100 * MB,
  pdf: 100 * MB,
};

/** What a ZIP archive (DOCX, XLSX) may hold. */
export interface ZipLimits {
  /** Most entries (files and folders) in the archive. */
  readonly maxEntries: number;
  /** Most bytes all entries may inflate to, together. */
  readonly maxTotalUncompressedBytes: number;
  /** Highest uncompressed ÷ compressed size of one entry. */
  readonly maxCompressionRatio: number;
  /**
   * The ratio is checked only for entries inflating to more than this: a small XML part of repeated markup can compress
   * very well and is harmless at that size.
   */
  readonly ratioCheckMinBytes: number;
}

/**
 * Default ZIP limits: 10,000 entries, 200 MB inflated in all, ratio 200 per entry above 1 MB. A 500-page Word
 * document has a few dozen entries and inflates to a few MB; its XML compresses 5–30×, so 200 is far above legitimate
 * and far below a bomb (deflate reaches ~1,000×).
 */
export const ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxTotalUncompressedBytes: 200 * MB,
  maxCompressionRatio: 200,
  ratioCheckMinBytes: 1 * MB,
};

/** Text extracted from a document (DOCX, PDF), ready to be aligned like an imported .txt. */
export interface ExtractedText {
  /** The text, `\n` line endings, paragraphs separated by a blank line. */
  readonly text: string;
  /** The file's base name, for messages and the project's document origin. */
  readonly fileName: string;
  /** The file's size in bytes. */
  readonly byteLength: number;
}

/** Why a file could not be imported. */
export type ImportFileFailure =
  | 'empty'
  | 'too-large'
  | 'not-a-file'
  | 'unreadable'
  | 'wrong-format'
  | 'damaged'
  | 'zip-bomb'
  | 'encrypted'
  | 'no-text';

/** A file that cannot be imported, with a message that names it and says what to do. */
export class ImportFileError extends ServiceError {
  constructor(
    readonly reason: ImportFileFailure,
    message: string,
  ) {
    super(reason === 'unreadable' ? 'failed' : 'refused', message);
    this.name = 'ImportFileError';
  }
}

/** `bytes` in MB with one decimal (in KB below 0.1 MB), for messages. */
function megabytes(bytes: number): string {
  return bytes < 0.1 * MB ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / MB).toFixed(1)} MB`;
}

/** Throws `too-large` when `byteLength` exceeds the format's limit (or `maxBytes`). */
export function checkImportSize(
  fileName: string,
  byteLength: number,
  format: ImportFormat,
  maxBytes = IMPORT_SIZE_LIMITS[format],
): void {
  if (byteLength > maxBytes) throw tooLarge(fileName, byteLength, maxBytes, format);
}

function tooLarge(
  fileName: string,
  size: number,
  maxBytes: number,
  format: ImportFormat,
): ImportFileError {
  return new ImportFileError(
    'too-large',
    `${fileName} is larger than ${megabytes(maxBytes)} (${megabytes(size)}), the most Taiyaku imports from a ` +
      `${format.toUpperCase()} file. Split the document and import the part to review.`,
  );
}

/**
 * Reads the file at `path` whole, refusing a file over the format's size limit before reading it (and stopping one
 * byte past the limit should it grow meanwhile). Throws `ImportFileError` (or a `not-found` `ServiceError`).
 */
export async function readImportFile(
  path: string,
  format: ImportFormat,
  maxBytes = IMPORT_SIZE_LIMITS[format],
): Promise<Buffer> {
  const fileName = basename(path);
  const read = await readRegularFile(path, maxBytes);
  if (read.ok) return read.bytes;
  switch (read.problem) {
    case 'missing':
      throw new ServiceError('not-found', `There is no file at ${path}.`);
    case 'not-regular':
      throw new ImportFileError(
        'not-a-file',
        read.fileType === 'a folder'
          ? `${fileName} is a folder, not a file.`
          : `${fileName} is not a regular file.`,
      );
    case 'too-large':
      throw tooLarge(fileName, read.size, maxBytes, format);
    case 'io':
      throw new ImportFileError('unreadable', `Could not open ${fileName}: ${read.error.message}`);
  }
}

/** One entry of a ZIP archive's central directory. */
export interface ZipEntryInfo {
  readonly name: string;
  /** 0 stored, 8 deflated; anything else is refused by `checkZipArchive`. */
  readonly method: number;
  readonly encrypted: boolean;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  /** Byte offset of the entry's local file header. */
  readonly localHeaderOffset: number;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const ZIP64_END_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;

/** The first bytes of an OLE compound file: the old .doc/.xls formats, and Office's password-protected files. */
const COMPOUND_FILE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * Reads the central directory of the ZIP archive in `bytes` without inflating anything. `formatName` (`DOCX`, `XLSX`)
 * is for messages. Throws `ImportFileError`: `empty`, `wrong-format` (not a ZIP at all; an old binary or
 * password-protected Office file), `damaged` (truncated or inconsistent), or `zip-bomb` for more entries than
 * `limits.maxEntries` (checked before the entries are read).
 */
export function readZipDirectory(
  bytes: Uint8Array,
  fileName: string,
  formatName: string,
  limits: ZipLimits = ZIP_LIMITS,
): ZipEntryInfo[] {
  if (bytes.length === 0) throw new ImportFileError('empty', `${fileName} is empty (0 bytes).`);
  if (COMPOUND_FILE_SIGNATURE.every((byte, index) => bytes[index] === byte)) {
    throw new ImportFileError(
      'encrypted',
      `${fileName} is password-protected or in the old binary Office format (.doc/.xls). Open it in Word or Excel, ` +
        `remove the password and save it as ${formatName}, then import it again.`,
    );
  }
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new ImportFileError(
      'wrong-format',
      `${fileName} is not a ${formatName} file (a ${formatName} file is a ZIP archive, and this is not one).`,
    );
  }
  const damaged = (what: string): ImportFileError =>
    new ImportFileError(
      'damaged',
      `${fileName} is damaged or incomplete (${what}). Open it in the program that made it and save it again.`,
    );
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (offset: number): number => view.getUint16(offset, true);
  const u32 = (offset: number): number => view.getUint32(offset, true);
  const u64 = (offset: number): number => Number(view.getBigUint64(offset, true));

  // The end record is 22 bytes plus a comment of up to 65,535 bytes, at the very end of the archive.
  let end = -1;
  for (
    let offset = bytes.length - 22;
    offset >= Math.max(0, bytes.length - 22 - 0xffff);
    offset -= 1
  ) {
    if (
      u32(offset) === END_OF_CENTRAL_DIRECTORY &&
      offset + 22 + u16(offset + 20) <= bytes.length
    ) {
      end = offset;
      break;
    }
  }
  if (end < 0) throw damaged('the ZIP archive has no end record: it was probably cut short');
  let entryCount = u16(end + 10);
  let directorySize = u32(end + 12);
  let directoryOffset = u32(end + 16);
  if (entryCount === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    const locator = end - 20;
    if (locator < 0 || u32(locator) !== ZIP64_END_LOCATOR)
      throw damaged('a ZIP64 record is missing');
    const zip64End = u64(locator + 8);
    if (zip64End + 56 > bytes.length || u32(zip64End) !== ZIP64_END)
      throw damaged('the ZIP64 end record is out of place');
    entryCount = u64(zip64End + 32);
    directorySize = u64(zip64End + 40);
    directoryOffset = u64(zip64End + 48);
  }
  if (entryCount > limits.maxEntries) {
    throw new ImportFileError(
      'zip-bomb',
      `${fileName} holds ${entryCount.toLocaleString('en')} files, more than the ` +
        `${limits.maxEntries.toLocaleString('en')} a ${formatName} document plausibly has; Taiyaku does not unpack it.`,
    );
  }
  if (directoryOffset + directorySize > bytes.length) {
    throw damaged('the ZIP directory lies past the end of the file: it was probably cut short');
  }

  const entries: ZipEntryInfo[] = [];
  let offset = directoryOffset;
  for (let index = 0; index < entryCount; index += 1) {
    if (offset + 46 > bytes.length || u32(offset) !== CENTRAL_FILE_HEADER)
      throw damaged(`ZIP directory entry ${index + 1} is unreadable`);
    const flags = u16(offset + 8);
    const method = u16(offset + 10);
    let compressedSize = u32(offset + 20);
    let uncompressedSize = u32(offset + 24);
    const nameLength = u16(offset + 28);
    const extraLength = u16(offset + 30);
    const commentLength = u16(offset + 32);
    let localHeaderOffset = u32(offset + 42);
    const nameEnd = offset + 46 + nameLength;
    if (nameEnd + extraLength + commentLength > bytes.length)
      throw damaged(`ZIP directory entry ${index + 1} runs past the end of the file`);
    const name = new TextDecoder().decode(bytes.subarray(offset + 46, nameEnd));
    // ZIP64: the 32-bit fields that overflowed (0xFFFFFFFF) are in extra field 0x0001, in this order.
    for (let extra = nameEnd; extra + 4 <= nameEnd + extraLength;) {
      const id = u16(extra);
      const size = u16(extra + 2);
      if (id === 0x0001) {
        let field = extra + 4;
        if (uncompressedSize === 0xffffffff && field + 8 <= extra + 4 + size) {
          uncompressedSize = u64(field);
          field += 8;
        }
        if (compressedSize === 0xffffffff && field + 8 <= extra + 4 + size) {
          compressedSize = u64(field);
          field += 8;
        }
        if (localHeaderOffset === 0xffffffff && field + 8 <= extra + 4 + size)
          localHeaderOffset = u64(field);
      }
      extra += 4 + size;
    }
    entries.push({
      name,
      method,
      encrypted: (flags & 0x1) !== 0,
      compressedSize,
      uncompressedSize,
      localHeaderOffset,
    });
    offset = nameEnd + extraLength + commentLength;
  }
  return entries;
}

/**
 * Checks that the ZIP archive in `bytes` is safe to unpack, before mammoth or exceljs does: the central directory
 * within `limits` (entries, total declared size, ratio per entry), no encrypted entry, only stored or deflated
 * entries, and every entry inflating to exactly its declared size (streamed and counted, never held, and stopped as
 * soon as it overshoots). Throws `ImportFileError` naming the file; returns the entries when all is well.
 */
export async function checkZipArchive(
  bytes: Uint8Array,
  fileName: string,
  formatName: string,
  limits: ZipLimits = ZIP_LIMITS,
): Promise<ZipEntryInfo[]> {
  const entries = readZipDirectory(bytes, fileName, formatName, limits);
  const bomb = (what: string): ImportFileError =>
    new ImportFileError(
      'zip-bomb',
      `${fileName} is not a plausible ${formatName} file: ${what}. It may be a "zip bomb" built to exhaust memory; ` +
        'Taiyaku does not unpack it.',
    );
  const total = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (total > limits.maxTotalUncompressedBytes) {
    throw bomb(
      `its contents would unpack to ${megabytes(total)}, more than the ` +
        `${megabytes(limits.maxTotalUncompressedBytes)} accepted`,
    );
  }
  for (const entry of entries) {
    if (
      entry.uncompressedSize > limits.ratioCheckMinBytes &&
      entry.uncompressedSize > entry.compressedSize * limits.maxCompressionRatio
    ) {
      const ratio = Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize));
      throw bomb(
        `its part ${entry.name} is compressed ${ratio.toLocaleString('en')} to 1 ` +
          `(${megabytes(entry.compressedSize)} unpacking to ${megabytes(entry.uncompressedSize)}; at most ` +
          `${limits.maxCompressionRatio} to 1 is accepted)`,
      );
    }
  }
  for (const entry of entries) {
    if (entry.encrypted) {
      throw new ImportFileError(
        'encrypted',
        `${fileName} is encrypted (its part ${entry.name} needs a password). Save it without a password and import ` +
          'it again.',
      );
    }
    if (entry.method !== 0 && entry.method !== 8) {
      throw new ImportFileError(
        'damaged',
        `${fileName} uses a ZIP compression method (${entry.method}) that Word and Excel do not write. Open it in the ` +
          `program that made it and save it as ${formatName} again.`,
      );
    }
    await verifyEntrySize(bytes, entry, fileName, bomb);
  }
  return entries;
}

async function verifyEntrySize(
  bytes: Uint8Array,
  entry: ZipEntryInfo,
  fileName: string,
  bomb: (what: string) => ImportFileError,
): Promise<void> {
  const damaged = (what: string): ImportFileError =>
    new ImportFileError(
      'damaged',
      `${fileName} is damaged or incomplete (${what}). Open it in the program that made it and save it again.`,
    );
  const header = entry.localHeaderOffset;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (header + 30 > bytes.length || view.getUint32(header, true) !== LOCAL_FILE_HEADER)
    throw damaged(`the part ${entry.name} is missing`);
  const dataStart =
    header + 30 + view.getUint16(header + 26, true) + view.getUint16(header + 28, true);
  const dataEnd = dataStart + entry.compressedSize;
  if (dataEnd > bytes.length) throw damaged(`the part ${entry.name} is cut short`);
  const data = bytes.subarray(dataStart, dataEnd);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.uncompressedSize)
      throw damaged(`the stored part ${entry.name} has inconsistent sizes`);
    return;
  }
  const inflated = await new Promise<number>((resolve, reject) => {
    let count = 0;
    const inflater = createInflateRaw();
    inflater.on('data', (chunk: Buffer) => {
      count += chunk.length;
      if (count > entry.uncompressedSize) {
        inflater.destroy();
        reject(
          bomb(
            `its part ${entry.name} unpacks to more than the ${entry.uncompressedSize} bytes it declares`,
          ),
        );
      }
    });
    inflater.on('error', () => reject(damaged(`the part ${entry.name} does not inflate`)));
    inflater.on('end', () => resolve(count));
    inflater.end(data);
  });
  if (inflated !== entry.uncompressedSize)
    throw damaged(
      `the part ${entry.name} unpacks to ${inflated} bytes, not the ${entry.uncompressedSize} it declares`,
    );
}
