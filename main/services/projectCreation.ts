import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AlignmentProgressListener } from '../../core/alignment/alignDocument';
import { checkLanguagePair, describeLanguagePair } from '../../core/text/languageCheck';
import type { TextSource } from '../../core/ipc/contract';
import { splitBilingual } from '../../core/document/splitBilingual';
import {
  createProjectFile,
  PROJECT_FILE_EXTENSION,
  type DocumentOrigin,
  type ProjectFile,
} from '../../core/project/projectFile';
import type { AlignmentEngine } from './alignment/alignmentEngine';
import { projectRoot } from './appInfo';
import { countOverlongPassages, MAX_SENTENCE_CHARACTERS } from '../../core/alignment/capSentences';
import { DEFAULT_MAX_IMPORT_BYTES, decodeTextBytes } from './importText';
import { ServiceError } from './serviceError';

/**
 * Making a new project: decoding the texts a reviewer gives (files or pasted text, or one bilingual document split into
 * its English and Japanese parts), warning when a side is not in the language it should be, aligning, and choosing a
 * file name that is free. Also the built-in sample, made from the seed document.
 */

/** The file name of the sample project in the projects folder. */
export const SAMPLE_PROJECT_FILE = `Sample${PROJECT_FILE_EXTENSION}`;

/** One side's text, decoded, with where it came from. */
export interface DecodedText {
  readonly text: string;
  readonly origin: Omit<DocumentOrigin, 'lang'>;
}

/** What `project:create` takes: two texts, or one bilingual document. */
export interface CreateProjectInput {
  readonly name: string;
  readonly source?: TextSource;
  readonly target?: TextSource;
  readonly bilingual?: TextSource;
}

/** A new project, not yet saved, with what the reviewer should be told about its texts. */
export interface NewProject {
  readonly project: ProjectFile;
  readonly warnings: string[];
}

function decodeSource(source: TextSource, fallbackName: string, side: string): DecodedText {
  if ('text' in source) {
    // Pasted text counts as its UTF-8 bytes, as a file would.
    checkImportSize(source.fileName ?? `The ${side} text`, Buffer.byteLength(source.text, 'utf8'));
    return {
      text: source.text.replace(/\r\n?/g, '\n'),
      origin: { fileName: source.fileName ?? fallbackName, encoding: 'utf-8' },
    };
  }
  // Before decoding anything: base64 holds 3 bytes in every 4 characters.
  checkImportSize(source.fileName, Math.floor((source.bytesBase64.length * 3) / 4));
  const bytes = Buffer.from(source.bytesBase64, 'base64');
  checkImportSize(source.fileName, bytes.length);
  const decoded = decodeTextBytes(bytes, source.fileName);
  return {
    text: decoded.text,
    origin: {
      fileName: source.fileName,
      encoding: decoded.encoding,
      byteOrderMark: decoded.byteOrderMark,
    },
  };
}

function checkImportSize(name: string, bytes: number): void {
  if (bytes <= DEFAULT_MAX_IMPORT_BYTES) return;
  throw new ServiceError(
    'refused',
    `${name} is ${(bytes / 1024 / 1024).toFixed(1)} MB; Taiyaku imports texts up to ` +
      `${DEFAULT_MAX_IMPORT_BYTES / 1024 / 1024} MB. Split the document and review it in parts.`,
  );
}

/**
 * The English and Japanese texts of a creation request, with notes about a bilingual split. Throws a `ServiceError`
 * when a text cannot be decoded, the bilingual document cannot be split, or a side is empty.
 */
export function textsOf(input: CreateProjectInput): {
  english: DecodedText;
  japanese: DecodedText;
  notes: string[];
} {
  let english: DecodedText;
  let japanese: DecodedText;
  const notes: string[] = [];
  if (input.bilingual) {
    const whole = decodeSource(input.bilingual, `${input.name}.txt`, 'bilingual');
    const parts = splitBilingual(whole.text);
    if (!parts.ok) throw new ServiceError('refused', parts.message);
    english = {
      text: whole.text.slice(parts.source.start, parts.source.end),
      origin: { ...whole.origin, span: parts.source },
    };
    japanese = {
      text: whole.text.slice(parts.target.start, parts.target.end),
      origin: { ...whole.origin, span: parts.target },
    };
    notes.push(...parts.notes);
    if (parts.confidence < 0.5) {
      notes.push(
        'The English and Japanese parts were hard to tell apart: check that the right blocks were paired.',
      );
    }
  } else if (input.source && input.target) {
    english = decodeSource(input.source, `${input.name}.en.txt`, 'English');
    japanese = decodeSource(input.target, `${input.name}.ja.txt`, 'Japanese');
  } else {
    throw new ServiceError(
      'invalid-request',
      'A new project needs an English and a Japanese text, or one bilingual document.',
    );
  }
  if (english.text.trim() === '') throw new ServiceError('refused', 'The English text is empty.');
  if (japanese.text.trim() === '') throw new ServiceError('refused', 'The Japanese text is empty.');
  return { english, japanese, notes };
}

/** Aligns the two texts and makes the project file, with warnings when a side looks like the wrong language. */
export async function newProject(
  aligner: AlignmentEngine,
  appVersion: string,
  name: string,
  english: DecodedText,
  japanese: DecodedText,
  onProgress?: AlignmentProgressListener,
): Promise<NewProject> {
  const warnings = [
    ...languageWarnings(english.text, japanese.text),
    ...overlongSentenceWarnings(english.text, japanese.text),
  ];
  const alignment = await aligner.align(english.text, japanese.text, {}, onProgress);
  const project = createProjectFile({
    name,
    documents: {
      source: { ...english.origin, lang: 'en' },
      target: { ...japanese.origin, lang: 'ja' },
    },
    alignment,
    now: new Date().toISOString(),
    appVersion,
  });
  return { project, warnings };
}

/** Says when a side has text without sentence punctuation longer than the aligner takes (it is split). */
export function overlongSentenceWarnings(english: string, japanese: string): string[] {
  const limit = MAX_SENTENCE_CHARACTERS.toLocaleString('en-US');
  return (
    [
      ['English', countOverlongPassages(english)],
      ['Japanese', countOverlongPassages(japanese)],
    ] as const
  )
    .filter(([, count]) => count > 0)
    .map(
      ([side, count]) =>
        `The ${side} text has ${count === 1 ? 'a passage' : `${count} passages`} of over ${limit} characters ` +
        `without sentence punctuation; ${count === 1 ? 'it was' : 'they were'} split into rows of at most ` +
        `${limit} characters (at a space or comma where possible).`,
    );
}

/** The sample project, aligned from the seed document's English and Japanese texts. */
export async function newSampleProject(
  aligner: AlignmentEngine,
  appVersion: string,
  onProgress?: AlignmentProgressListener,
): Promise<NewProject> {
  const seedDirectory = join(projectRoot(), 'fixtures', 'seed');
  const [english, japanese] = await Promise.all([
    readFile(join(seedDirectory, 'summary-record.en.txt'), 'utf8'),
    readFile(join(seedDirectory, 'summary-record.ja.txt'), 'utf8'),
  ]);
  return newProject(
    aligner,
    appVersion,
    'Sample: ASEAN-Japan Smart Cities Network, Summary Record',
    { text: english, origin: { fileName: 'summary-record.en.txt', encoding: 'utf-8' } },
    { text: japanese, origin: { fileName: 'summary-record.ja.txt', encoding: 'utf-8' } },
    onProgress,
  );
}

/** A file name for a project called `name`: characters no file system accepts are replaced. */
export function projectFileName(name: string): string {
  const cleaned = [...name]
    .map((character) => (character < ' ' || '\\/:*?"<>|'.includes(character) ? '_' : character))
    .join('')
    .replace(/^\.+/, '')
    .trim()
    .slice(0, 120);
  return `${cleaned || 'Untitled'}${PROJECT_FILE_EXTENSION}`;
}

/**
 * A path in `directory` for a project called `name` that no file and no open project (`isTaken`) uses yet:
 * `Name.taiyaku`, else `Name (2).taiyaku`, `Name (3).taiyaku`, …
 */
export function uniqueProjectPath(
  directory: string,
  name: string,
  isTaken: (path: string) => boolean,
): string {
  const base = projectFileName(name);
  let candidate = join(directory, base);
  for (let counter = 2; existsSync(candidate) || isTaken(candidate); counter++) {
    candidate = join(
      directory,
      base.replace(PROJECT_FILE_EXTENSION, ` (${counter})${PROJECT_FILE_EXTENSION}`),
    );
  }
  return candidate;
}

/**
 * Warnings when a side does not read as the language it should be in (swapped files, an untranslated or mixed side):
 * the one language-check policy of core/text/languageCheck.ts, with the same thresholds and words as the CLI.
 */
export function languageWarnings(english: string, japanese: string): string[] {
  return describeLanguagePair(checkLanguagePair(english, japanese), {
    english: 'the English text',
    japanese: 'the Japanese text',
  });
}
