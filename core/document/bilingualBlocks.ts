import { isJapaneseTypography, isKana, isLatinLetter } from '../text/script';

/**
 * The first step of `splitBilingual` (see ./splitBilingual): split a document into lines, classify each line by the
 * script of its letters, and group consecutive lines of one language into blocks. Pure; offsets are UTF-16 code
 * units into the given text, while the letter counts are in code points.
 */

/** A half-open span of the input, UTF-16 code units: `start` inclusive, `end` exclusive. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** The language of a block: English (Latin script) or Japanese (kana and kanji). */
export type BlockLanguage = 'en' | 'ja';

/** A maximal stretch of one language. */
export interface LanguageBlock extends Span {
  readonly lang: BlockLanguage;
  /** Latin letters (English) or kana and kanji (Japanese) in the block: its size in the unit that matters. */
  readonly letters: number;
  /** Clause numbers at line starts, in order (`1.`, `(2)`, `③`, `第4条` give 1, 2, 3, 4). */
  readonly clauseNumbers: readonly number[];
}

type LineKind = 'blank' | 'heading' | 'neutral' | BlockLanguage;

interface Line extends Span {
  readonly kind: LineKind;
  readonly latin: number;
  readonly japanese: number;
  /** Kana, 。 and ・: the part of `japanese` English prose never contains. */
  readonly kana: number;
  readonly clauseNumber?: number;
}

/** The language blocks of `text`, in document order (see {@link buildBlocks} for where a block starts and ends). */
export function findLanguageBlocks(text: string): LanguageBlock[] {
  return buildBlocks(classifyLines(text));
}

function classifyLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    lines.push(classifyLine(text, start, end));
    if (newline === -1) break;
    start = newline + 1;
  }
  return lines;
}

function classifyLine(text: string, start: number, end: number): Line {
  const content = text.slice(start, end);
  // Trim to the visible text, so spans never start or end in whitespace.
  const leading = content.length - content.trimStart().length;
  const trimmed = content.trim();
  const span = { start: start + leading, end: start + leading + trimmed.length };
  if (trimmed === '') return { ...span, kind: 'blank', latin: 0, japanese: 0, kana: 0 };
  let latin = 0;
  let japanese = 0;
  let kana = 0;
  for (const character of trimmed) {
    const code = character.codePointAt(0) as number;
    // Kana, kanji, Japanese punctuation and full-width forms (（）「」、ＡＢＣ) occur only in Japanese text.
    if (isJapaneseTypography(code)) {
      japanese += 1;
      if (isKana(code) || code === 0x3002 /* 。 */ || code === 0x30fb /* ・ */) kana += 1;
    } else if (isLatinLetter(code)) {
      latin += 1;
    }
  }
  const clauseNumber = readClauseNumber(trimmed);
  const withNumber = clauseNumber === undefined ? {} : { clauseNumber };
  const counts = { latin, japanese, kana };
  if (/^#{1,6}\s/.test(trimmed)) return { ...span, kind: 'heading', ...counts };
  const kind = lineLanguage(counts);
  return { ...span, kind: kind ?? 'neutral', ...counts, ...withNumber };
}

/** The clause number a line starts with: `1.`, `1)`, `(1)`, `（１）`, `①`, `第1条`; Markdown bullets are skipped. */
function readClauseNumber(line: string): number | undefined {
  const normalized = line
    .replace(/^[-*•・]\s*/, '')
    .replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));
  const match = /^(?:(\d{1,3})[.．)）](?:\s|$|(?=\D))|[(（](\d{1,3})[)）]|第(\d{1,3})条)/.exec(
    normalized,
  );
  if (match !== null) return Number(match[1] ?? match[2] ?? match[3]);
  const circled = normalized.codePointAt(0);
  if (circled !== undefined && circled >= 0x2460 && circled <= 0x2473) return circled - 0x2460 + 1;
  return undefined;
}

/**
 * Groups lines into blocks: a block ends where a line of the other language begins, and at a Markdown heading, which
 * opens the next block when it is in that block's language (or has no letters). Blank lines never belong to a block's
 * edges; lines without letters (`1.` alone, `※1`) join the block they sit in.
 */
function buildBlocks(lines: readonly Line[]): LanguageBlock[] {
  const blocks: LanguageBlock[] = [];
  let current:
    | { lang: BlockLanguage; start: number; end: number; letters: number; clauseNumbers: number[] }
    | undefined;
  /** Neutral lines seen since the last content line, with no blank line after them: they lead into the next line. */
  let pendingNeutral: Line[] = [];
  /** The heading seen since the last block ended, a candidate title for the next block. */
  let pendingHeading: Line | undefined;
  for (const line of lines) {
    if (line.kind === 'blank' || line.kind === 'heading') {
      if (current !== undefined) {
        // Neutral lines followed by a blank line or a heading close the current block's paragraph (a page number).
        for (const neutral of pendingNeutral) extend(current, neutral);
      }
      pendingNeutral = [];
      if (line.kind === 'heading') {
        // A heading starts a new section, possibly of other material in the same language (a preamble right before
        // the translation); sections of one text are joined again by `growRange`.
        if (current !== undefined) blocks.push(current);
        current = undefined;
        pendingHeading = line;
      }
      continue;
    }
    if (line.kind === 'neutral') {
      pendingNeutral.push(line);
      continue;
    }
    if (current === undefined || current.lang !== line.kind) {
      if (current !== undefined) blocks.push(current);
      const title =
        pendingHeading !== undefined &&
        [line.kind, undefined].includes(lineLanguage(pendingHeading))
          ? pendingHeading
          : undefined;
      const opening = title ?? pendingNeutral[0] ?? line;
      current = {
        lang: line.kind,
        start: opening.start,
        end: opening.end,
        letters: 0,
        clauseNumbers: [],
      };
      if (title !== undefined) current.letters += line.kind === 'en' ? title.latin : title.japanese;
    }
    pendingHeading = undefined;
    for (const neutral of pendingNeutral) extend(current, neutral);
    pendingNeutral = [];
    extend(current, line);
  }
  if (current !== undefined) {
    for (const neutral of pendingNeutral) extend(current, neutral);
    blocks.push(current);
  }
  return blocks;
}

/**
 * The language a line's letters are in; undefined without letters. One kanji or kana carries about as much as three
 * Latin letters, and Japanese prose quotes English names freely (`scheme verge株式会社`). Kana and 。 settle it more
 * firmly: English prose almost never contains them, while a Japanese line may be mostly acronyms and names
 * (`ASEAN とASEAN 加盟国の協力。`).
 */
function lineLanguage(line: Pick<Line, 'latin' | 'japanese' | 'kana'>): BlockLanguage | undefined {
  if (line.latin === 0 && line.japanese === 0) return undefined;
  const weight = line.kana >= 2 ? 10 : 3;
  return line.japanese * weight >= line.latin ? 'ja' : 'en';
}

function extend(
  block: { lang: BlockLanguage; end: number; letters: number; clauseNumbers: number[] },
  line: Line,
): void {
  block.end = Math.max(block.end, line.end);
  block.letters += block.lang === 'en' ? line.latin : line.japanese;
  if (line.clauseNumber !== undefined) block.clauseNumbers.push(line.clauseNumber);
}
