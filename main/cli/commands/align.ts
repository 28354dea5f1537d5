import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  alignSegmentedDocument,
  alignSentenceTexts,
  chooseTokenizer,
} from '../../../core/alignment/alignDocument';
import { formatVecalignBeads } from '../../../core/alignment/beadFormat';
import type {
  Bead,
  DocumentAlignment,
  DocumentSide,
  TokenizerPath,
} from '../../../core/alignment/types';
import { checkLanguagePair, describeLanguagePair } from '../../../core/text/languageCheck';
import {
  joinSegmentTexts,
  segmentDocument,
  segmentPresegmented,
} from '../../../core/text/segmentDocument';
import { loadAlignmentResources } from '../../services/alignment/loadAlignmentResources';
import { importTextFile } from '../../services/importText';
import { ServiceError } from '../../services/serviceError';
import { CliError, type CliCommand, type CliIo } from '../command';

const usage = `Usage: npx taiyaku align --en FILE --ja FILE [--level clause|sentence] [--format tsv|json|vecalign] [--out FILE]
       npx taiyaku align --presegmented --batch DIR --out DIR
       (or npm run --silent cli -- align … in the project folder)

Aligns an English text with its Japanese translation.
  --en FILE            the English source (UTF-8, UTF-16 with BOM, Shift_JIS or EUC-JP)
  --ja FILE            the Japanese translation
  --level LEVEL        clause or sentence (default sentence)
  --format FORMAT      tsv (English TAB Japanese TAB confidence, one bead a line), json (segments with
                       offsets, beads with confidence, the Japanese tokenizer path) or vecalign
                       ([0,1]:[2]:cost lines); default tsv
  --out FILE           write there instead of standard output, creating its folder if need be
  --presegmented       the inputs hold one sentence a line
  --batch DIR          with --presegmented: align every NNN.en with NNN.ja in DIR and write NNN.test (vecalign
                       beads) into the --out directory, loading the dictionaries once

The Japanese side is split into words by kuromoji, whatever its length (json: "tokenizerPath": "morphological").

A side that reads as the other language (or the two swapped), or that has no letters, is refused; a side that is
partly in the other language (a third of its words or more) is warned about. The app checks with the same rule.
`;

/** Largest input accepted, in bytes: beyond this the aligner would take minutes and gigabytes. */
export const maximumInputBytes = 20 * 1024 * 1024;

/**
 * Reads a text file for alignment through the app's importer (UTF-8, UTF-16, Shift_JIS, EUC-JP, ISO-2022-JP; size
 * cap; binary refused), and refuses an empty one. Messages name the file by its path as the user typed it.
 * @param path the path to read
 * @param label the option that named it (`--en`), for messages
 * @param typed the same path as typed on the command line, for messages
 * @throws ServiceError from the importer, CliError for an empty file
 */
export async function readTextFile(path: string, label: string, typed = path): Promise<string> {
  const { text } = await importTextFile(path, { maxBytes: maximumInputBytes, displayName: typed });
  if (text.trim() === '') throw new CliError(`${label} file is empty: ${typed}`);
  return text;
}

/**
 * Writes `output` to `path`, creating its folder first (as the app's Save as does).
 * @param typed the path as typed on the command line, for the message
 * @throws CliError saying in one line why the file cannot be written
 */
export function writeOutputFile(path: string, typed: string, output: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, output);
  } catch (error) {
    throw new CliError(`cannot write ${typed}: ${whyNotWritable(path, typed, error)}`);
  }
}

function whyNotWritable(path: string, typed: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOTDIR' || code === 'EEXIST') {
    // Some folder on the way is a file: name the nearest one that exists, as typed.
    let folder = dirname(path);
    let typedFolder = dirname(typed);
    while (!existsSync(folder) && dirname(folder) !== folder) {
      folder = dirname(folder);
      typedFolder = dirname(typedFolder);
    }
    if (existsSync(folder) && !statSync(folder).isDirectory())
      return `${typedFolder} is a file, not a folder`;
  }
  return (error as Error).message;
}

/**
 * Checks that --en reads as English and --ja as Japanese, by the policy the app applies too (core/text/languageCheck):
 * a side in the other language or without letters is refused, a mixed side only warned about.
 * @param warn receives each warning, one sentence without a newline
 * @throws CliError when a side is in the other language (or both are: swapped) or has no letters
 */
export function checkLanguages(
  english: string,
  japanese: string,
  warn: (message: string) => void,
): void {
  const pair = checkLanguagePair(english, japanese);
  const messages = describeLanguagePair(pair, {
    english: 'the --en file',
    japanese: 'the --ja file',
  });
  const refused = [pair.english, pair.japanese].some(
    (verdict) => verdict.code === 'other-language' || verdict.code === 'no-letters',
  );
  if (refused) throw new CliError(messages.join(' '));
  for (const message of messages) warn(message);
}

type Format = 'tsv' | 'json' | 'vecalign';
type Level = 'clause' | 'sentence';

function beadText(side: DocumentSide, indices: readonly number[], level: Level): string {
  const segments = level === 'clause' ? side.clauses : side.sentences;
  return joinSegmentTexts(
    indices.map((index) => segments[index]!.text),
    side.lang,
  ).replace(/[\t\r\n]+/g, ' ');
}

/** Renders an alignment in one of the CLI formats. */
export function renderAlignment(
  alignment: DocumentAlignment,
  level: Level,
  format: Format,
): string {
  const beads: readonly Bead[] =
    level === 'clause' ? alignment.clauseBeads : alignment.sentenceBeads;
  if (format === 'vecalign') {
    return formatVecalignBeads(
      beads,
      beads.map((bead) => 1 - bead.confidence),
    );
  }
  if (format === 'tsv') {
    return beads
      .map(
        (bead) =>
          `${beadText(alignment.source, bead.sourceIndices, level)}\t${beadText(alignment.target, bead.targetIndices, level)}\t${bead.confidence.toFixed(2)}\n`,
      )
      .join('');
  }
  const side = (documentSide: DocumentSide): object => ({
    lang: documentSide.lang,
    clauses: documentSide.clauses,
    sentences: documentSide.sentences,
  });
  return `${JSON.stringify(
    {
      level,
      offsets: 'UTF-16 code units into the input text after decoding',
      source: side(alignment.source),
      target: side(alignment.target),
      clauseBeads: alignment.clauseBeads,
      sentenceBeads: alignment.sentenceBeads,
      tokenizerPath: alignment.tokenizerPath,
    },
    null,
    2,
  )}\n`;
}

/**
 * The warning for an alignment that did not split the Japanese side with kuromoji (the full-quality path), or
 * undefined when it did; the json format names the path either way (`tokenizerPath`).
 */
export function tokenizerWarning(path: TokenizerPath | undefined): string | undefined {
  return path === 'dictionary'
    ? 'kuromoji was not available: the Japanese side was split into words by lexicon longest-match, which aligns ' +
        'less accurately.'
    : undefined;
}

/** A path as the program uses it (`absolute`) and as the user typed it (`typed`, for messages). */
interface UserPath {
  readonly absolute: string;
  readonly typed: string;
}

function inside(folder: UserPath, name: string): UserPath {
  return { absolute: join(folder.absolute, name), typed: join(folder.typed, name) };
}

async function runBatch(directory: UserPath, outDirectory: UserPath, io: CliIo): Promise<number> {
  if (!existsSync(directory.absolute) || !statSync(directory.absolute).isDirectory()) {
    throw new CliError(`--batch directory not found: ${directory.typed}`);
  }
  const names = readdirSync(directory.absolute)
    .filter((name) => name.endsWith('.en'))
    .map((name) => name.slice(0, -3))
    .sort();
  if (names.length === 0) throw new CliError(`no NNN.en files in ${directory.typed}`);
  const resources = await loadAlignmentResources();
  const warning = tokenizerWarning(chooseTokenizer(resources).path);
  if (warning) io.stderr(`warning: ${warning}\n`);
  let failures = 0;
  for (const name of names) {
    const japanesePath = inside(directory, `${name}.ja`);
    if (!existsSync(japanesePath.absolute)) {
      io.stderr(`warning: ${japanesePath.typed} is missing; skipped ${name}\n`);
      failures++;
      continue;
    }
    const lines = async (path: UserPath): Promise<string[]> =>
      (await readTextFile(path.absolute, '--batch', path.typed))
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
    let english: string[];
    let japanese: string[];
    try {
      english = await lines(inside(directory, `${name}.en`));
      japanese = await lines(japanesePath);
    } catch (error) {
      if (!(error instanceof CliError) && !(error instanceof ServiceError)) throw error;
      io.stderr(`warning: ${error.message}; skipped ${name}\n`);
      failures++;
      continue;
    }
    const beads = alignSentenceTexts(english, japanese, resources);
    const testPath = inside(outDirectory, `${name}.test`);
    writeOutputFile(
      testPath.absolute,
      testPath.typed,
      formatVecalignBeads(
        beads,
        beads.map((bead) => 1 - bead.confidence),
      ),
    );
  }
  return failures ? 1 : 0;
}

/** `taiyaku align`: sentence and clause alignment from the command line. */
export const alignCommand: CliCommand = {
  summary: 'align an English text with its Japanese translation (tsv, json or vecalign beads)',
  usage,
  async run(argv, io) {
    const { values } = parseArgs({
      args: [...argv],
      options: {
        en: { type: 'string' },
        ja: { type: 'string' },
        level: { type: 'string', default: 'sentence' },
        format: { type: 'string', default: 'tsv' },
        out: { type: 'string' },
        presegmented: { type: 'boolean', default: false },
        batch: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    });
    const path = (value: string): UserPath => ({ absolute: resolve(io.cwd, value), typed: value });
    if (values.batch !== undefined) {
      if (!values.presegmented)
        throw new CliError('--batch needs --presegmented (one sentence a line)', 2);
      if (!values.out) throw new CliError('--batch needs --out DIR', 2);
      return runBatch(path(values.batch), path(values.out), io);
    }
    if (!values.en || !values.ja)
      throw new CliError(`both --en and --ja are required\n${usage}`, 2);
    const level = values.level as Level;
    if (level !== 'clause' && level !== 'sentence')
      throw new CliError(`--level must be clause or sentence`, 2);
    const format = values.format as Format;
    if (!['tsv', 'json', 'vecalign'].includes(format))
      throw new CliError('--format must be tsv, json or vecalign', 2);
    const english = await readTextFile(path(values.en).absolute, '--en', values.en);
    const japanese = await readTextFile(path(values.ja).absolute, '--ja', values.ja);
    checkLanguages(english, japanese, (message) => io.stderr(`warning: ${message}\n`));
    const resources = await loadAlignmentResources();
    const segment = values.presegmented ? segmentPresegmented : segmentDocument;
    const alignment = alignSegmentedDocument(
      segment(english, 'en'),
      segment(japanese, 'ja'),
      resources,
    );
    const warning = tokenizerWarning(alignment.tokenizerPath);
    if (warning) io.stderr(`warning: ${warning}\n`);
    const output = renderAlignment(alignment, level, format);
    if (values.out) writeOutputFile(path(values.out).absolute, values.out, output);
    else io.stdout(output);
    return 0;
  },
};
