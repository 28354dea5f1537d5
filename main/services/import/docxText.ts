import { basename } from 'node:path';
import mammoth from 'mammoth';
import type { ExtractedText } from './limits';
import { checkImportSize, checkZipArchive, ImportFileError, readImportFile } from './limits';

/**
 * Reads the text of a Word document (.docx) for alignment, keeping the structure the segmenter uses to find clauses
 * (core/text/segmentClauses.ts):
 *
 * - every paragraph on its own line, paragraphs separated by a blank line (a line break inside a paragraph stays a
 *   single `\n`, which the segmenter reads as the same paragraph going on);
 * - headings (Word's Title and Heading 1–6 styles) as Markdown `#` lines;
 * - list items kept, bulleted ones as `- item`, numbered ones as `1. item` (Word computes list numbers when it lays
 *   out the page, so they are not in the text: they are counted here per list level, restarting after a heading; the
 *   list's own number format, e.g. `(a)`, is not reproduced);
 * - tables cell by cell, row by row, each cell's paragraphs as paragraphs;
 * - tracked changes as accepted (insertions kept, deletions dropped); footnotes, comments, headers, footers, text
 *   boxes and images left out.
 *
 * The archive passes `checkZipArchive` before mammoth unpacks it, and mammoth never reads files a document links to.
 */

// The parts of mammoth's document tree read here (mammoth's own types stop at `any`).
interface DocumentElement {
  readonly type: string;
  readonly children?: readonly DocumentElement[];
  readonly value?: string;
  readonly styleId?: string | null;
  readonly styleName?: string | null;
  readonly numbering?: { readonly isOrdered: boolean; readonly level: string | number } | null;
  readonly breakType?: 'line' | 'page' | 'column';
}

/** The heading level of a paragraph style (Title is 1), or 0 for body text. */
function headingLevel(paragraph: DocumentElement): number {
  const name = (paragraph.styleName ?? paragraph.styleId ?? '').toLowerCase().replace(/\s+/g, '');
  if (name === 'title') return 1;
  const match = /^heading([1-6])$/.exec(name);
  return match ? Number(match[1]) : 0;
}

/** The text of a paragraph's runs, hyperlinks and the like; tabs become spaces, line breaks `\n`. */
function inlineText(element: DocumentElement): string {
  switch (element.type) {
    case 'text':
      return element.value ?? '';
    case 'tab':
      return ' ';
    case 'break':
      return element.breakType === 'line' ? '\n' : '';
    case 'noteReference':
    case 'commentReference':
    case 'image':
      return '';
    default:
      return (element.children ?? []).map(inlineText).join('');
  }
}

/** Walks the document tree and returns its paragraphs as lines. NOTE mutates `counters` (the list numbers). */
function collectParagraphs(
  element: DocumentElement,
  paragraphs: string[],
  counters: number[],
): void {
  if (element.type === 'paragraph') {
    const text = inlineText(element)
      .replace(/[ \t]*\n[ \t]*/g, '\n')
      .trim();
    const level = headingLevel(element);
    if (level > 0) {
      counters.length = 0;
      if (text !== '') paragraphs.push(`${'#'.repeat(level)} ${text.replace(/\n/g, ' ')}`);
      return;
    }
    if (text === '') return;
    const numbering = element.numbering;
    if (numbering) {
      const depth = Math.max(0, Math.min(8, Number(numbering.level) || 0));
      const indent = '  '.repeat(depth);
      if (numbering.isOrdered) {
        counters.length = depth + 1;
        counters[depth] = (counters[depth] ?? 0) + 1;
        for (let index = 0; index < depth; index += 1) counters[index] ??= 1;
        paragraphs.push(`${indent}${counters[depth]}. ${text}`);
      } else {
        paragraphs.push(`${indent}- ${text}`);
      }
      return;
    }
    paragraphs.push(text);
    return;
  }
  if (element.type === 'note' || element.type === 'comment') return;
  for (const child of element.children ?? []) collectParagraphs(child, paragraphs, counters);
}

/**
 * The text of the DOCX in `bytes` (see the module comment for its form). `fileName` is for messages. Throws
 * `ImportFileError`: too large, empty, not a DOCX, damaged, a zip bomb, encrypted, or without any text.
 */
export async function docxBytesToText(bytes: Uint8Array, fileName: string): Promise<ExtractedText> {
  checkImportSize(fileName, bytes.length, 'docx');
  const entries = await checkZipArchive(bytes, fileName, 'DOCX');
  if (!entries.some((entry) => /^word\/[^/]+\.xml$/.test(entry.name))) {
    throw new ImportFileError(
      'wrong-format',
      `${fileName} is a ZIP archive but not a Word document (it has no word/ part). Import a .docx saved by Word, ` +
        'LibreOffice or Google Docs.',
    );
  }
  let document: DocumentElement | undefined;
  try {
    await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        externalFileAccess: false,
        // Images are not needed; without this mammoth would base64 every one of them into the HTML.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
        transformDocument: (element: DocumentElement) => {
          document = element;
          return element;
        },
      },
    );
  } catch (error) {
    throw new ImportFileError(
      'damaged',
      `${fileName} could not be read as a Word document (${firstLine(error)}). Open it in Word or LibreOffice, save it ` +
        'as .docx again, and import it again.',
    );
  }
  const paragraphs: string[] = [];
  if (document) collectParagraphs(document, paragraphs, []);
  const text = paragraphs.join('\n\n');
  if (text.trim() === '') {
    throw new ImportFileError('no-text', `${fileName} contains no text to review.`);
  }
  return { text: `${text}\n`, fileName, byteLength: bytes.length };
}

/** Reads the DOCX at `path` (within the DOCX size limit) and returns its text, as `docxBytesToText`. */
export async function importDocxFile(path: string): Promise<ExtractedText> {
  return docxBytesToText(await readImportFile(path, 'docx'), basename(path));
}

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split('\n')[0]!;
}
