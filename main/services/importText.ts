import { basename } from 'node:path';
import Encoding from 'encoding-japanese';
import type { TextEncoding } from '../../core/project/projectFile';
import { isHalfWidthForm, isJapaneseTypography } from '../../core/text/script';
import { readRegularFile } from './project/regularFile';
import { ServiceError } from './serviceError';

/**
 * Reads a text file a reviewer imports (the English source or the Japanese translation) and decodes it, whatever
 * encoding a Japanese office produced it in: UTF-8 (with or without a BOM), UTF-16 LE/BE (with or without a BOM),
 * Shift_JIS (Windows-31J), EUC-JP or ISO-2022-JP.
 *
 * Line endings are normalized to `\n` (CRLF and lone CR both become LF) and a BOM is dropped, so every offset the app
 * stores (segments, annotation selectors) indexes into the normalized text, never into the file's bytes.
 */

/**
 * Largest text Taiyaku imports, per side: 4 MB (UTF-8 bytes for pasted text), about 1,400 pages of English. Measured
 * on a 2-core machine under load, through the workspace in one process: 2 MB a side created in 5 s (356 MB peak),
 * 4 MB in 27 s (471 MB), 8 MB in 189 s (674 MB), since alignment grows faster than the text. Checked before decoding.
 */
export const DEFAULT_MAX_IMPORT_BYTES = 4 * 1024 * 1024;

/** How the file ended its lines before normalization. */
export type LineEndings = 'lf' | 'crlf' | 'cr' | 'mixed' | 'none';

/** A decoded text file. `text` uses `\n` line endings only and has no BOM. */
export interface ImportedText {
  /** The decoded, LF-normalized text; offsets elsewhere are UTF-16 code units into this string. */
  readonly text: string;
  readonly encoding: TextEncoding;
  /** True when the file started with a byte order mark (UTF-8 or UTF-16). */
  readonly byteOrderMark: boolean;
  readonly lineEndings: LineEndings;
  /** The file's base name, for the project's document origin. */
  readonly fileName: string;
  /** The file's size in bytes. */
  readonly byteLength: number;
}

/** Why a file could not be imported. */
export type ImportFailure =
  'too-large' | 'binary' | 'unknown-encoding' | 'not-a-file' | 'unreadable';

/** A file that cannot be imported, with a message a reviewer can act on. */
export class ImportTextError extends ServiceError {
  constructor(
    readonly reason: ImportFailure,
    message: string,
  ) {
    super(reason === 'unreadable' ? 'failed' : 'refused', message);
    this.name = 'ImportTextError';
  }
}

/**
 * Reads and decodes the text file at `path`. Throws `ImportTextError` (or a `not-found` `ServiceError`).
 * `options.displayName` names the file in messages (the command line passes the path as typed); by default they
 * use its base name, and the full path when there is no file.
 */
export async function importTextFile(
  path: string,
  options: { readonly maxBytes?: number; readonly displayName?: string } = {},
): Promise<ImportedText> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_IMPORT_BYTES;
  const fileName = basename(path);
  const label = options.displayName ?? fileName;
  // Non-blocking, type and size checked on the open handle, read stopped past the cap (project/regularFile.ts): a FIFO,
  // a device or a file that grows while it is read cannot hang us or make us allocate without bound.
  const read = await readRegularFile(path, maxBytes);
  if (!read.ok) {
    switch (read.problem) {
      case 'missing':
        throw new ServiceError('not-found', `There is no file at ${options.displayName ?? path}.`);
      case 'not-regular':
        throw new ImportTextError(
          'not-a-file',
          read.fileType === 'a folder'
            ? `${label} is a folder, not a text file.`
            : `${label} is not a regular file.`,
        );
      case 'too-large':
        throw tooLarge(label, read.size, maxBytes);
      case 'io':
        throw new ImportTextError('unreadable', `Could not open ${label}: ${read.error.message}`);
    }
  }
  const decoded = decodeTextBytes(read.bytes, label);
  return { ...decoded, fileName, byteLength: read.bytes.length };
}

/** The result of decoding bytes: LF-normalized text without BOM, and what was detected. */
export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncoding;
  readonly byteOrderMark: boolean;
  readonly lineEndings: LineEndings;
}

/**
 * Detects the encoding of `bytes`, decodes them strictly (a byte sequence invalid in the detected encoding is an
 * error, never a silent U+FFFD) and normalizes line endings. `fileName` is only for messages.
 */
export function decodeTextBytes(bytes: Uint8Array, fileName = 'The file'): DecodedText {
  const decoded = decodeDetected(bytes, fileName);
  if (looksBinaryText(decoded.text)) throw binary(fileName);
  const { text, lineEndings } = normalizeLineEndings(decoded.text);
  return { text, encoding: decoded.encoding, byteOrderMark: decoded.byteOrderMark, lineEndings };
}

/** `text` with CRLF and lone CR turned into LF, and which of them it had. */
export function normalizeLineEndings(text: string): { text: string; lineEndings: LineEndings } {
  let crlf = 0;
  let cr = 0;
  let lf = 0;
  for (const match of text.matchAll(/\r\n|\r|\n/g)) {
    if (match[0] === '\r\n') crlf += 1;
    else if (match[0] === '\r') cr += 1;
    else lf += 1;
  }
  const kinds = [lf > 0, crlf > 0, cr > 0].filter(Boolean).length;
  const lineEndings: LineEndings =
    kinds === 0 ? 'none' : kinds > 1 ? 'mixed' : lf > 0 ? 'lf' : crlf > 0 ? 'crlf' : 'cr';
  return { text: crlf + cr > 0 ? text.replace(/\r\n?/g, '\n') : text, lineEndings };
}

interface Detected {
  readonly text: string;
  readonly encoding: TextEncoding;
  readonly byteOrderMark: boolean;
}

function decodeDetected(bytes: Uint8Array, fileName: string): Detected {
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    throw new ImportTextError(
      'unknown-encoding',
      `${fileName} is in UTF-32, which Taiyaku does not read. Save it as UTF-8 and import it again.`,
    );
  }
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const text = strictDecode(bytes.subarray(3), 'utf-8');
    if (text === undefined) {
      throw new ImportTextError(
        'unknown-encoding',
        `${fileName} starts with a UTF-8 byte order mark but is not valid UTF-8 (first bad byte at offset ` +
          `${3 + firstInvalidUtf8Offset(bytes.subarray(3))}).`,
      );
    }
    return { text, encoding: 'utf-8', byteOrderMark: true };
  }
  for (const [mark, encoding] of [
    [[0xff, 0xfe], 'utf-16le'],
    [[0xfe, 0xff], 'utf-16be'],
  ] as const) {
    if (startsWith(bytes, mark)) {
      const text = bytes.length % 2 === 0 ? strictDecode(bytes.subarray(2), encoding) : undefined;
      if (text === undefined) {
        throw new ImportTextError(
          'unknown-encoding',
          `${fileName} starts with a ${encoding.toUpperCase()} byte order mark but is not valid ${encoding.toUpperCase()}.`,
        );
      }
      return { text, encoding, byteOrderMark: true };
    }
  }

  // No BOM. NUL bytes never occur in UTF-8, Shift_JIS or EUC-JP text, but every ASCII character (newlines, spaces,
  // digits) of UTF-16 text has one; so NULs mean UTF-16 or binary.
  if (bytes.includes(0)) {
    // ASCII text in UTF-16 has a NUL in every other byte; a few NULs in otherwise valid UTF-8 are a damaged text file
    // (reading it as UTF-16 would make garbage of it).
    if (nulShare(bytes) < MIN_UTF16_NUL_SHARE && strictDecode(bytes, 'utf-8') !== undefined) {
      // Valid UTF-8 full of other control bytes is binary, not a text with a stray NUL.
      if (controlByteRatio(bytes, { countNul: false }) > MAX_CONTROL_RATIO) throw binary(fileName);
      throw new ImportTextError(
        'binary',
        `${fileName} has a NUL byte at offset ${bytes.indexOf(0)}, which a text file does not contain. Remove it ` +
          '(or save the file again as UTF-8 text) and import it again.',
      );
    }
    const utf16 = detectUtf16WithoutBom(bytes);
    if (utf16 === undefined) throw binary(fileName);
    return { ...utf16, byteOrderMark: false };
  }
  if (controlByteRatio(bytes) > MAX_CONTROL_RATIO) throw binary(fileName);

  const isSevenBit = !bytes.some((byte) => byte >= 0x80);
  if (isSevenBit && hasIso2022JpEscape(bytes)) {
    const text = strictDecode(bytes, 'iso-2022-jp');
    if (text !== undefined) return { text, encoding: 'iso-2022-jp', byteOrderMark: false };
  }
  const utf8 = strictDecode(bytes, 'utf-8');
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8', byteOrderMark: false };

  const japanese = detectLegacyJapanese(bytes);
  if (japanese !== undefined) return { ...japanese, byteOrderMark: false };
  throw new ImportTextError(
    'unknown-encoding',
    `${fileName} is not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8Offset(bytes)}), and it does not ` +
      'read as Shift_JIS or EUC-JP either. Open it in a text editor, save it as UTF-8, and import it again.',
  );
}

/** Below this share of NUL bytes, a file that is valid UTF-8 is not taken for UTF-16 without a BOM. */
const MIN_UTF16_NUL_SHARE = 0.1;

function nulShare(bytes: Uint8Array): number {
  let count = 0;
  for (const byte of bytes) if (byte === 0) count += 1;
  return count / bytes.length;
}

/** Above this share of C0 control bytes (other than tab, newlines, form feed, vertical tab and ESC) a file is binary. */
const MAX_CONTROL_RATIO = 0.01;

function isSuspiciousControl(code: number): boolean {
  // Tab, LF, VT, FF (PDF-extracted text marks page breaks with it), CR and ESC (ISO-2022-JP) are legitimate.
  return (code < 0x20 && ![0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1b].includes(code)) || code === 0x7f;
}

function controlByteRatio(bytes: Uint8Array, options: { countNul?: boolean } = {}): number {
  if (bytes.length === 0) return 0;
  const countNul = options.countNul ?? true;
  let count = 0;
  for (const byte of bytes) if (isSuspiciousControl(byte) && (countNul || byte !== 0)) count += 1;
  return count / bytes.length;
}

function looksBinaryText(text: string): boolean {
  if (text.length === 0) return false;
  let count = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0 || isSuspiciousControl(code)) count += 1;
  }
  return count / text.length > MAX_CONTROL_RATIO;
}

/**
 * Share of code units that ordinary English or Japanese text is made of: ASCII printables and whitespace, Latin-1 and
 * Latin Extended, Greek and Cyrillic, general punctuation and symbols, CJK punctuation, kana, CJK ideographs,
 * Hangul, full-width forms. Random bytes read as UTF-16 land mostly elsewhere (surrogates, private use, rare blocks).
 */
function textLikeShare(text: string): number {
  if (text.length === 0) return 0;
  let count = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (
      code === 0x09 ||
      code === 0x0a ||
      code === 0x0c ||
      code === 0x0d ||
      (code >= 0x20 && code < 0x7f) ||
      (code >= 0xa0 && code < 0x0250) ||
      (code >= 0x0370 && code < 0x0530) ||
      (code >= 0x2000 && code < 0x2c00) ||
      (code >= 0x3000 && code < 0x3100) ||
      (code >= 0x3200 && code < 0xa000) ||
      (code >= 0xac00 && code < 0xd7b0) ||
      (code >= 0xff00 && code < 0xfff0)
    ) {
      count += 1;
    }
  }
  return count / text.length;
}

/** UTF-16 without BOM is accepted only when it reads as text this clearly (a binary file rarely gets near). */
const MIN_UTF16_TEXT_SHARE = 0.95;

function detectUtf16WithoutBom(
  bytes: Uint8Array,
): { text: string; encoding: TextEncoding } | undefined {
  if (bytes.length % 2 !== 0) return undefined;
  const candidates = (['utf-16le', 'utf-16be'] as const)
    .map((encoding) => {
      const text = strictDecode(bytes, encoding);
      return { encoding, text, share: text === undefined ? 0 : textLikeShare(text) };
    })
    .filter((candidate) => candidate.text !== undefined && candidate.share >= MIN_UTF16_TEXT_SHARE)
    .sort((left, right) => right.share - left.share);
  const best = candidates[0];
  return best?.text === undefined ? undefined : { text: best.text, encoding: best.encoding };
}

function hasIso2022JpEscape(bytes: Uint8Array): boolean {
  for (let index = 0; index + 2 < bytes.length; index += 1) {
    // ESC $ B, ESC $ @ (JIS X 0208) and ESC ( J (JIS X 0201 Roman) open the sequences ISO-2022-JP mail uses.
    if (bytes[index] !== 0x1b) continue;
    const first = bytes[index + 1];
    const second = bytes[index + 2];
    if (
      (first === 0x24 && (second === 0x42 || second === 0x40)) ||
      (first === 0x28 && second === 0x4a)
    ) {
      return true;
    }
  }
  return false;
}

/**
 * Shift_JIS or EUC-JP: a candidate must decode strictly and pass encoding-japanese's validity check for that
 * encoding. When both do (EUC-JP bytes are often valid Shift_JIS, read as half-width katakana), the reading with the
 * larger share of kana, kanji and full-width punctuation among its non-ASCII characters wins; encoding-japanese's own
 * detection breaks a tie.
 */
function detectLegacyJapanese(
  bytes: Uint8Array,
): { text: string; encoding: TextEncoding } | undefined {
  const readings = (
    [
      ['shift_jis', 'SJIS'],
      ['euc-jp', 'EUCJP'],
    ] as const
  )
    .map(([encoding, library]) => {
      const valid = Encoding.detect(bytes, library) === library;
      const text = valid ? strictDecode(bytes, encoding) : undefined;
      return { encoding, library, text, score: text === undefined ? -1 : japaneseShare(text) };
    })
    .filter((reading) => reading.text !== undefined && reading.score >= MIN_JAPANESE_SHARE);
  if (readings.length === 0) return undefined;
  const detected = Encoding.detect(bytes);
  readings.sort(
    (left, right) =>
      right.score - left.score ||
      Number(right.library === detected) - Number(left.library === detected),
  );
  const best = readings[0];
  return best?.text === undefined ? undefined : { text: best.text, encoding: best.encoding };
}

/**
 * A legacy reading must look Japanese: this share of its non-ASCII characters must be Japanese typography (kana,
 * kanji, Japanese punctuation, full-width forms; see core/text/script) other than the half-width forms. It keeps, say,
 * a Windows-1252 English file with curly quotes from passing as Shift_JIS gibberish.
 */
const MIN_JAPANESE_SHARE = 0.6;

function japaneseShare(text: string): number {
  let nonAscii = 0;
  let japanese = 0;
  for (const character of text) {
    const code = character.codePointAt(0) as number;
    if (code < 0x80) continue;
    nonAscii += 1;
    // EUC-JP bytes read as Shift_JIS decode to half-width katakana (ｱｲｳ｡｢): those never vouch for a reading.
    if (isJapaneseTypography(code) && !isHalfWidthForm(code)) japanese += 1;
  }
  return nonAscii === 0 ? 1 : japanese / nonAscii;
}

/** Decodes strictly; undefined when `bytes` are not valid in `encoding` (or this runtime lacks the decoder). */
function strictDecode(bytes: Uint8Array, encoding: TextEncoding): string | undefined {
  try {
    // ignoreBOM: false drops a leading BOM of the decoder's own encoding, which we have already recorded.
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Byte offset of the first byte that breaks UTF-8, for the error message. */
function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const byte = bytes[index] as number;
    const length =
      byte < 0x80
        ? 1
        : byte >= 0xc2 && byte < 0xe0
          ? 2
          : byte >= 0xe0 && byte < 0xf0
            ? 3
            : byte >= 0xf0 && byte < 0xf5
              ? 4
              : 0;
    if (length === 0 || index + length > bytes.length) return index;
    if (strictDecode(bytes.subarray(index, index + length), 'utf-8') === undefined) return index;
    index += length;
  }
  return index;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function tooLarge(fileName: string, size: number, maxBytes: number): ImportTextError {
  const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return new ImportTextError(
    'too-large',
    `${fileName} is ${size > maxBytes * 10 ? 'far ' : ''}larger than ${megabytes(maxBytes)} ` +
      `(${megabytes(size)}), the most Taiyaku imports. Split the document and import the part to review.`,
  );
}

function binary(fileName: string): ImportTextError {
  return new ImportTextError(
    'binary',
    `${fileName} looks like a binary file, not plain text. Export the document as plain text (.txt) first.`,
  );
}
