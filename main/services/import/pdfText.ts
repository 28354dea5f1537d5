import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import { isJapaneseTypography } from '../../../core/text/script';
import type { ExtractedText } from './limits';
import { checkImportSize, ImportFileError, readImportFile } from './limits';

/**
 * Reads the text layer of a PDF for alignment, with pdfjs-dist (legacy build, which runs on Node 20):
 *
 * - per page, the text items in reading order: sorted top to bottom, then left to right, items on the same baseline
 *   joined into one line (with a space where the gap between them is wider than a fifth of the font size, except
 *   between Japanese characters, which are set without spaces);
 * - lines of a paragraph joined with `\n`; a blank line where the gap to the next line is clearly wider than the
 *   page's usual line spacing (a new paragraph);
 * - Kangxi radicals that CJK fonts' Unicode maps put in place of ideographs mapped back (`repairCjkCodePoints`);
 * - pages joined with a form feed on a line of its own, which the segmenter reads as a page break that a sentence may
 *   run across.
 *
 * Multi-column layouts come out line by line across the columns and vertical (tategaki) text is not reordered: such
 * documents are rare among the press releases and contracts reviewed here.
 *
 * pdfjs runs in this thread (its worker handler is registered as `globalThis.pdfjsWorker`, so no worker file has to be
 * found at run time), with `isEvalSupported: false` (no code generated from font programs) and `disableFontFace: true`
 * (no fonts loaded into the process); nothing is rendered.
 */

// The text items of pdfjs's getTextContent (its marked-content items, which carry no text, are skipped).
interface TextItem {
  readonly str: string;
  readonly transform: readonly number[];
  readonly width: number;
  readonly height: number;
  readonly hasEOL: boolean;
}

interface PositionedItem {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly size: number;
}

interface Line {
  readonly items: PositionedItem[];
  y: number;
  size: number;
}

type PdfJs = typeof PdfJsModule;

let pdfjsLoaded: Promise<PdfJs> | undefined;

/** Loads pdfjs once, with its worker handler on the main thread. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjsLoaded ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return pdfjsLoaded;
}

/** The folder of pdfjs-dist's bundled data (CMaps for CJK fonts without a Unicode map, standard fonts). */
function pdfjsDataFolder(name: 'cmaps' | 'standard_fonts'): string {
  const require = createRequire(import.meta.url);
  return `${join(dirname(require.resolve('pdfjs-dist/package.json')), name)}/`;
}

/** True when the character at UTF-16 `index` of `text` marks Japanese (core/text/script.ts: kana, kanji, 、。「」, full-width forms). */
function japaneseAt(text: string, index: number): boolean {
  const codePoint = text.codePointAt(index);
  return codePoint !== undefined && isJapaneseTypography(codePoint);
}

function needsSpace(previous: PositionedItem, next: PositionedItem): boolean {
  if (/\s$/.test(previous.text) || /^\s/.test(next.text)) return false;
  const gap = next.x - (previous.x + previous.width);
  if (gap <= Math.max(previous.size, next.size) * 0.2) return false;
  return !(japaneseAt(previous.text, previous.text.length - 1) && japaneseAt(next.text, 0));
}

/** Groups a page's items into lines, top to bottom, each line's items left to right. */
function linesOf(items: readonly PositionedItem[]): Line[] {
  const sorted = [...items].sort((left, right) => right.y - left.y || left.x - right.x);
  const lines: Line[] = [];
  for (const item of sorted) {
    const line = lines[lines.length - 1];
    // Items whose baselines differ by less than half the font size share a line (superscripts, mixed fonts).
    if (line && Math.abs(line.y - item.y) < Math.max(line.size, item.size) * 0.5) {
      line.items.push(item);
      line.size = Math.max(line.size, item.size);
    } else {
      lines.push({ items: [item], y: item.y, size: item.size });
    }
  }
  for (const line of lines) line.items.sort((left, right) => left.x - right.x);
  return lines;
}

function lineText(line: Line): string {
  let text = '';
  line.items.forEach((item, index) => {
    if (index > 0 && needsSpace(line.items[index - 1]!, item)) text += ' ';
    text += item.text;
  });
  return repairCjkCodePoints(text.replace(/\s+/g, ' ').trim());
}

/**
 * CJK radical supplement forms with no Unicode decomposition, and the Japanese ideograph each stands for in a font's
 * Unicode map (Kangxi radicals decompose by NFKC of their own).
 */
const RADICAL_SUPPLEMENT_IDEOGRAPHS: Readonly<Record<string, string>> = {
  '\u2ea0': '民',
  '\u2eaf': '糸',
  '\u2ec1': '虎',
  '\u2ec4': '西',
  '\u2ec6': '角',
  '\u2ed1': '長',
  '\u2ed8': '青',
  '\u2edd': '食',
  '\u2ee3': '骨',
  '\u2ee4': '鬼',
  '\u2ee8': '麦',
  '\u2ee9': '黄',
  '\u2eed': '歯',
  '\u2ef2': '亀',
};

/**
 * Undoes two substitutions common in PDFs set in CJK fonts (Noto CJK, Source Han, as Chromium and Word embed them),
 * whose Unicode maps name a shared glyph by another code point: Kangxi radicals (U+2F00–U+2FDF, e.g. ⽇) and CJK
 * radical supplements for the ideographs they look like (日), and the hyphenation point ‧ (U+2027) between Japanese
 * characters for the katakana middle dot ・. Anything else is left as the PDF says.
 */
export function repairCjkCodePoints(text: string): string {
  return text
    .replace(
      /[\u2e80-\u2eff\u2f00-\u2fdf]/g,
      (radical) => RADICAL_SUPPLEMENT_IDEOGRAPHS[radical] ?? radical.normalize('NFKC'),
    )
    .replace(/\u2027/g, (dot, index: number, whole: string) =>
      japaneseAt(whole, index - 1) || japaneseAt(whole, index + 1) ? '\u30fb' : dot,
    );
}

/** The lower quartile: the usual line spacing even on a page with as many paragraph gaps as line gaps. */
function lowerQuartile(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 4)];
}

/** A page's text: lines joined with `\n`, a blank line before a line that starts a new paragraph. */
function pageText(items: readonly PositionedItem[]): string {
  const lines = linesOf(items).filter((line) => lineText(line) !== '');
  const gaps = lines.slice(1).map((line, index) => lines[index]!.y - line.y);
  const usual = lowerQuartile(gaps.filter((gap) => gap > 0));
  let text = '';
  lines.forEach((line, index) => {
    if (index > 0) {
      const gap = gaps[index - 1]!;
      const paragraphBreak =
        usual !== undefined && gap > Math.max(usual * 1.4, usual + line.size * 0.4);
      text += paragraphBreak || gap > line.size * 2.2 ? '\n\n' : '\n';
    }
    text += lineText(line);
  });
  return text;
}

/**
 * The text of the PDF in `bytes` (see the module comment for its form). `fileName` is for messages. Throws
 * `ImportFileError`: too large, empty, not a PDF, damaged, encrypted (a password is needed to open it), or `no-text`
 * when no page has a text layer (a scanned document).
 */
export async function pdfBytesToText(bytes: Uint8Array, fileName: string): Promise<ExtractedText> {
  checkImportSize(fileName, bytes.length, 'pdf');
  if (bytes.length === 0) throw new ImportFileError('empty', `${fileName} is empty (0 bytes).`);
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).toString(
    'latin1',
  );
  if (!head.includes('%PDF-')) {
    throw new ImportFileError(
      'wrong-format',
      `${fileName} is not a PDF file (it has no %PDF header).`,
    );
  }
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    // pdfjs takes ownership of (detaches) the buffer it is given: hand it a copy.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    cMapUrl: pdfjsDataFolder('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: pdfjsDataFolder('standard_fonts'),
  });
  let document;
  try {
    document = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => {});
    if ((error as Error).name === 'PasswordException') {
      throw new ImportFileError(
        'encrypted',
        `${fileName} is password-protected. Open it with its password, save or print it as a PDF without one, and ` +
          'import that.',
      );
    }
    throw new ImportFileError(
      'damaged',
      `${fileName} is damaged or not a valid PDF (${firstLine(error)}). Open it in a PDF viewer, save it again, and ` +
        'import that.',
    );
  }
  try {
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      const items: PositionedItem[] = [];
      for (const raw of content.items) {
        if (!('str' in raw)) continue;
        const item = raw as TextItem;
        if (item.str === '') continue;
        const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = item.transform;
        const size = item.height || Math.hypot(c, d) || Math.hypot(a, b) || 10;
        items.push({ text: item.str, x, y, width: item.width, size });
      }
      pages.push(pageText(items));
      page.cleanup();
    }
    if (pages.every((page) => page.trim() === '')) {
      throw new ImportFileError(
        'no-text',
        `${fileName} has no text layer (a scanned document?): run OCR first (for example with your scanner's ` +
          'software or ocrmypdf), then import the result.',
      );
    }
    return {
      text: `${pages.filter((page) => page.trim() !== '').join('\n\f\n')}\n`,
      fileName,
      byteLength: bytes.length,
    };
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError(
      'damaged',
      `${fileName} is damaged: its text could not be read (${firstLine(error)}).`,
    );
  } finally {
    await document.destroy();
  }
}

/** Reads the PDF at `path` (within the PDF size limit) and returns its text, as `pdfBytesToText`. */
export async function importPdfFile(path: string): Promise<ExtractedText> {
  return pdfBytesToText(await readImportFile(path, 'pdf'), basename(path));
}

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split('\n')[0]!;
}
