import { extname } from 'node:path';
import { readTmx } from '../../core/interchange/tmx';
import { readXliff, sessionFromXliff, type XliffDocument } from '../../core/interchange/xliff';
import { InterchangeFormatError } from '../../core/interchange/xml';
import { createProjectFile, type ProjectFile } from '../../core/project/projectFile';
import type { ReviewSession } from '../../core/review/session';
import type { AlignmentEngine } from './alignment/alignmentEngine';
import { docxBytesToText } from './import/docxText';
import { checkImportSize, ImportFileError, type ImportFormat } from './import/limits';
import { pdfBytesToText } from './import/pdfText';
import {
  applyColumnChoice,
  delimitedBytesToRows,
  guessColumns,
  xlsxBytesToRows,
  type ColumnChoice,
  type TableRows,
} from './import/tableText';
import { decodeTextBytes } from './importText';
import { newProject, textsOf, type DecodedText, type NewProject } from './projectCreation';

/**
 * Making a project from files of any format Taiyaku reads:
 * - texts (.txt, .md), Word (.docx) and PDF: two files (English, then Japanese) are aligned; one file is a bilingual
 *   document, split into its English and Japanese parts first (core/document/splitBilingual.ts);
 * - XLIFF (.xliff, .xlf, .xlf2): texts, alignment and issues restored (core/interchange/xliffRead.ts);
 * - TMX: each translation unit becomes one row, 1-1 as given;
 * - tables (.csv, .tsv, .xlsx): the English and Japanese columns are guessed, or chosen by the caller when the guess
 *   needs a choice; each data row becomes one row, 1-1.
 * Every file is checked against its format's size limit (and DOCX/XLSX against zip bombs) before it is read, and
 * every failure names the file. Nothing is saved here: the workspace saves and opens the result.
 */

/** A file to import: its name (its extension decides the format) and its bytes. */
export interface ImportFile {
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

/** One column of a table, as the column picker shows it. */
export interface ImportColumn {
  /** 0-based column index. */
  readonly index: number;
  /** The first data cells with text (at most 3, each cut to 80 characters). */
  readonly samples: string[];
  /** Japanese letters ÷ all letters of the column, when it has letters. */
  readonly japaneseShare?: number;
}

/** The table needs the user to say which column is which (then import again with `columns`). */
export interface NeedsColumns {
  readonly kind: 'needs-columns';
  readonly fileName: string;
  readonly reason: string;
  /** Whether row 1 looks like a header. */
  readonly header: boolean;
  readonly columns: ImportColumn[];
}

/** What an import makes: a project to save, or a question about the table's columns. */
export type ImportOutcome =
  { readonly kind: 'project'; readonly project: NewProject } | NeedsColumns;

/** What `importProject` needs besides the files. */
export interface ImportProjectOptions {
  readonly aligner: AlignmentEngine;
  readonly appVersion: string;
  /** The project's name; default the first file's name without its extension. */
  readonly name?: string;
  /** The column choice for a table, after a `needs-columns` answer (or to override the guess). */
  readonly columns?: ColumnChoice;
  /** Who imported issues without an author are attributed to. */
  readonly author?: string;
  /** The clock; default now. */
  readonly now?: () => Date;
}

type FileKind = 'text' | 'docx' | 'pdf' | 'xliff' | 'tmx' | 'table';

const KINDS: Readonly<Record<string, FileKind>> = {
  '.txt': 'text',
  '.md': 'text',
  '.docx': 'docx',
  '.pdf': 'pdf',
  '.xliff': 'xliff',
  '.xlf': 'xliff',
  '.xlf2': 'xliff',
  '.tmx': 'tmx',
  '.csv': 'table',
  '.tsv': 'table',
  '.xlsx': 'table',
};

/** The extensions `importProject` reads, with the dot. */
export const IMPORT_EXTENSIONS: readonly string[] = Object.keys(KINDS);

function kindOf(fileName: string): FileKind {
  const extension = extname(fileName).toLowerCase();
  const kind = KINDS[extension];
  if (!kind) {
    throw new ImportFileError(
      'wrong-format',
      `${fileName}: Taiyaku cannot import ${extension || 'files without an extension'}; it reads ` +
        `${IMPORT_EXTENSIONS.join(', ')}.`,
    );
  }
  return kind;
}

/** The size-limit category of a file kind. */
function limitFormat(fileName: string): ImportFormat {
  const extension = extname(fileName).toLowerCase();
  if (extension === '.docx' || extension === '.pdf' || extension === '.xlsx') {
    return extension.slice(1) as ImportFormat;
  }
  return extension === '.tsv' ? 'tsv' : extension === '.csv' ? 'csv' : 'txt';
}

/** The size-limit category of `fileName` (for reading it from disk with `readImportFile`). */
export function importLimitFormat(fileName: string): ImportFormat {
  kindOf(fileName);
  return limitFormat(fileName);
}

/** The text of a plain, Word or PDF file, ready to align. */
async function documentText(file: ImportFile): Promise<DecodedText> {
  const kind = kindOf(file.fileName);
  if (kind === 'docx' || kind === 'pdf') {
    const extracted =
      kind === 'docx'
        ? await docxBytesToText(file.bytes, file.fileName)
        : await pdfBytesToText(file.bytes, file.fileName);
    return { text: extracted.text, origin: { fileName: file.fileName, encoding: 'utf-8' } };
  }
  if (kind !== 'text') {
    throw new ImportFileError(
      'wrong-format',
      `${file.fileName}: an XLIFF, TMX or table file holds both languages; import it on its own.`,
    );
  }
  const decoded = decodeTextBytes(file.bytes, file.fileName);
  return {
    text: decoded.text,
    origin: {
      fileName: file.fileName,
      encoding: decoded.encoding,
      byteOrderMark: decoded.byteOrderMark,
    },
  };
}

function interchangeError(fileName: string, error: unknown): never {
  if (error instanceof InterchangeFormatError) {
    throw new ImportFileError('damaged', `${fileName}: ${error.message}`);
  }
  throw error;
}

/** The project of a review session read from an interchange file (no alignment to run). */
function projectOfSession(
  session: ReviewSession,
  name: string,
  fileName: string,
  appVersion: string,
  now: string,
): NewProject {
  const project: ProjectFile = {
    ...createProjectFile({
      name,
      documents: {
        source: { lang: session.alignment.source.lang, fileName, encoding: 'utf-8' },
        target: { lang: session.alignment.target.lang, fileName, encoding: 'utf-8' },
      },
      alignment: session.alignment,
      now,
      appVersion,
    }),
    annotations: session.annotations as ProjectFile['annotations'],
  };
  return { project, warnings: [] };
}

/**
 * A session with one row per pair, 1-1 as given (1-0 or 0-1 when a side is blank), each pair its own clause: built as
 * an XLIFF document of one unit per pair so that the one XLIFF import path makes the alignment.
 */
export function sessionFromPairs(
  pairs: readonly { readonly source: string; readonly target: string }[],
  languages: { readonly source: string; readonly target: string },
  author: string,
  importedAt: string,
): ReviewSession {
  const texts = { source: [] as string[], target: [] as string[] };
  const offsets = { source: 0, target: 0 };
  const units = pairs.map((pair, index) => {
    const source = pair.source.replace(/\s+/g, ' ').trim();
    const target = pair.target.replace(/\s+/g, ' ').trim();
    const unit = {
      id: `u${index + 1}`,
      source,
      target,
      sourceStart: offsets.source,
      targetStart: offsets.target,
      segments: [{ source, target, sourceStart: offsets.source, targetStart: offsets.target }],
      confirmed: false,
    };
    texts.source.push(source);
    texts.target.push(target);
    offsets.source += source.length + 1;
    offsets.target += target.length + 1;
    return unit;
  });
  const document: XliffDocument = {
    version: '2.1',
    sourceLang: languages.source,
    targetLang: languages.target,
    sourceText: texts.source.join('\n'),
    targetText: texts.target.join('\n'),
    units,
    issues: [],
  };
  return sessionFromXliff(document, { author, importedAt });
}

function columnsOf(rows: TableRows): ImportColumn[] {
  const count = Math.max(0, ...rows.map((row) => row.length));
  return Array.from({ length: count }, (_, index) => ({
    index,
    samples: rows
      .map((row) => (row[index] ?? '').trim())
      .filter(Boolean)
      .slice(0, 3)
      .map((cell) => (cell.length > 80 ? `${cell.slice(0, 79)}…` : cell)),
  }));
}

async function tableRows(file: ImportFile): Promise<TableRows> {
  if (extname(file.fileName).toLowerCase() === '.xlsx') {
    return (await xlsxBytesToRows(file.bytes, file.fileName)).rows;
  }
  return delimitedBytesToRows(file.bytes, file.fileName);
}

function baseName(fileName: string): string {
  return fileName.replace(/(\.[^.]+)?$/, '') || 'Imported';
}

/**
 * Makes a project from one file (bilingual document, XLIFF, TMX or table) or two (English, then Japanese). Answers
 * `needs-columns` for a table whose columns cannot be guessed and no `columns` were given. Throws `ImportFileError` /
 * `ServiceError` with a message naming the file.
 */
export async function importProject(
  files: readonly ImportFile[],
  options: ImportProjectOptions,
): Promise<ImportOutcome> {
  if (files.length === 0 || files.length > 2) {
    throw new ImportFileError(
      'wrong-format',
      'Import one bilingual file, or an English and a Japanese file.',
    );
  }
  for (const file of files)
    checkImportSize(file.fileName, file.bytes.length, importLimitFormat(file.fileName));
  const first = files[0]!;
  const name = options.name ?? baseName(first.fileName);
  const now = (options.now?.() ?? new Date()).toISOString();
  const author = options.author ?? 'Imported';
  if (files.length === 2) {
    const [english, japanese] = await Promise.all(files.map(documentText));
    return {
      kind: 'project',
      project: await newProject(options.aligner, options.appVersion, name, english!, japanese!),
    };
  }
  const kind = kindOf(first.fileName);
  if (kind === 'xliff' || kind === 'tmx') {
    const xml = decodeTextBytes(first.bytes, first.fileName).text;
    let session: ReviewSession;
    try {
      if (kind === 'xliff') {
        session = sessionFromXliff(readXliff(xml), { author, importedAt: now });
      } else {
        const pairs = readTmx(xml);
        if (pairs.length === 0) {
          throw new ImportFileError(
            'no-text',
            `${first.fileName} has no English–Japanese translation units.`,
          );
        }
        session = sessionFromPairs(
          pairs,
          { source: pairs[0]!.sourceLang, target: pairs[0]!.targetLang },
          author,
          now,
        );
      }
    } catch (error) {
      interchangeError(first.fileName, error);
    }
    return {
      kind: 'project',
      project: projectOfSession(session, name, first.fileName, options.appVersion, now),
    };
  }
  if (kind === 'table') {
    const rows = await tableRows(first);
    const guess = options.columns ? applyColumnChoice(rows, options.columns) : guessColumns(rows);
    if (guess.kind === 'needs-a-choice') {
      return {
        kind: 'needs-columns',
        fileName: first.fileName,
        reason: guess.reason,
        header: guess.header,
        columns: columnsOf(guess.header ? rows.slice(1) : rows).map((column) => {
          const share = guess.profiles[column.index]?.japaneseShare;
          return share === undefined ? column : { ...column, japaneseShare: share };
        }),
      };
    }
    if (guess.english.length === 0) {
      throw new ImportFileError(
        'no-text',
        `${first.fileName} has no rows with text in the chosen columns.`,
      );
    }
    const pairs = guess.english.map((source, index) => ({
      source,
      target: guess.japanese[index]!,
    }));
    let session: ReviewSession;
    try {
      session = sessionFromPairs(pairs, { source: 'en', target: 'ja' }, author, now);
    } catch (error) {
      interchangeError(first.fileName, error);
    }
    return {
      kind: 'project',
      project: projectOfSession(session, name, first.fileName, options.appVersion, now),
    };
  }
  const whole = await documentText(first);
  const { english, japanese, notes } = textsOf({
    name,
    bilingual: { fileName: first.fileName, text: whole.text },
  });
  const origin = (decoded: DecodedText): DecodedText => ({
    ...decoded,
    origin: { ...whole.origin, ...('span' in decoded.origin ? { span: decoded.origin.span } : {}) },
  });
  const created = await newProject(
    options.aligner,
    options.appVersion,
    name,
    origin(english),
    origin(japanese),
  );
  return {
    kind: 'project',
    project: { ...created, warnings: [...notes, ...created.warnings] },
  };
}
