/**
 * Finds the English source and its Japanese translation inside ONE bilingual document (a ministry press release with
 * the English outcome document and its provisional Japanese translation appended, say), so a reviewer can import a
 * single file.
 *
 * Approach: split the text into lines and classify each line by script (Latin letters against kana and kanji).
 * Consecutive lines of one language, with blank lines, Markdown headings and lines without letters (`1.`, `※1`)
 * between them, form a block. The largest English block is the source; every Japanese block is scored as its
 * translation by (a) the numbered-clause labels both carry (`1.`…`7.` against `1.`…`7.`), (b) length (Japanese
 * translations run about half as many characters as the English has letters) and (c) adjacency; the best is the
 * target. Every other block is reported as unpaired (a preamble, an appendix).
 *
 * Span edges: a span runs from the first to the last line of its block that has letters or a clause label, trimmed of
 * surrounding whitespace. A Markdown heading (`## …`) ends the block before it and, when it is in the language of the
 * block that follows (or has no letters), opens that block as its title; a plain title line is content anyway. So the
 * title travels with its text, and the aligner can pair the English title with the Japanese one. On the seed document
 * this gives the English from its heading `## Summary Record of …` and the Japanese from its two-line title
 * `第4回日 ASEAN … 会合 / 成果文書（日本語仮訳）`, exactly the texts of `fixtures/seed/summary-record.{en,ja}.txt`.
 *
 * Out of scope: documents that alternate languages paragraph by paragraph (reported as `interleaved`), and languages
 * other than English and Japanese. Pure: offsets are UTF-16 code units into the given text.
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

/** A block that is not part of the parallel pair. */
export interface UnpairedBlock extends Span {
  readonly lang: BlockLanguage;
  /** Where it lies relative to the pair. */
  readonly position: 'before' | 'between' | 'after';
}

/** The parallel pair found in a bilingual document. */
export interface BilingualSplit {
  readonly ok: true;
  /** The English block (the source of the translation). */
  readonly source: Span;
  /** The Japanese block (the translation). */
  readonly target: Span;
  /** Whether the English comes first. */
  readonly order: 'source-first' | 'target-first';
  /**
   * How sure the split is, in [0, 1]: the Japanese block's score (clause labels 45 %, length 35 %, adjacency 20 %),
   * lowered when another Japanese block scored nearly as well. Below 0.5, ask the reviewer to confirm the spans.
   */
  readonly confidence: number;
  /** Human-readable remarks: what was left out and why, ambiguities. */
  readonly notes: readonly string[];
  /** Blocks outside the pair (e.g. a press-release preamble), in document order. */
  readonly unpaired: readonly UnpairedBlock[];
  /** Every block found, in document order, for a UI that lets the reviewer choose another pair. */
  readonly blocks: readonly LanguageBlock[];
}

/** Why no pair could be found. */
export interface BilingualSplitFailure {
  readonly ok: false;
  readonly reason: 'no-english' | 'no-japanese' | 'interleaved';
  readonly message: string;
  readonly blocks: readonly LanguageBlock[];
}

/** The outcome of `splitBilingual`. */
export type BilingualSplitResult = BilingualSplit | BilingualSplitFailure;

type LineKind = 'blank' | 'heading' | 'neutral' | BlockLanguage;

interface Line extends Span {
  readonly kind: LineKind;
  readonly latin: number;
  readonly japanese: number;
  /** Hiragana, katakana and the ideographic full stop: the part of `japanese` English prose never contains. */
  readonly kana: number;
  readonly clauseNumber?: number;
}

const WEIGHT_LABELS = 0.45;
const WEIGHT_LENGTH = 0.35;
const WEIGHT_ADJACENT = 0.2;
/** Expected Japanese characters per English letter in a translation, and the spread (natural log) around it. */
const EXPECTED_LENGTH_RATIO = 0.5;
const LENGTH_RATIO_SPREAD = 0.5;
/** A block this much smaller than the largest of its language does not count toward interleaving. */
const SUBSTANTIAL_SHARE = 0.15;

/** Finds the English block and the Japanese block that translates it. See the module comment. */
export function splitBilingual(text: string): BilingualSplitResult {
  const lines = classifyLines(text);
  const blocks = buildBlocks(lines);
  const english = blocks.filter((block) => block.lang === 'en');
  const japanese = blocks.filter((block) => block.lang === 'ja');
  if (english.length === 0) {
    return {
      ok: false,
      reason: 'no-english',
      blocks,
      message: 'No English text was found in this document.',
    };
  }
  if (japanese.length === 0) {
    return {
      ok: false,
      reason: 'no-japanese',
      blocks,
      message: 'No Japanese text was found in this document.',
    };
  }
  if (isInterleaved(blocks)) {
    return {
      ok: false,
      reason: 'interleaved',
      blocks,
      message:
        `This document alternates English and Japanese (${blocks.length} blocks). Taiyaku can split a document ` +
        'only when the English is in one block and the Japanese in another; import the English and the Japanese as ' +
        'two files instead.',
    };
  }

  const largestEnglish = english.reduce((largest, block) =>
    block.letters > largest.letters ? block : largest,
  );
  const largestIndex = blocks.indexOf(largestEnglish);
  const scored = japanese
    .map((block) => ({
      block,
      score: scoreCandidate(
        largestEnglish,
        block,
        Math.abs(blocks.indexOf(block) - largestIndex) === 1,
      ).score,
    }))
    .sort((left, right) => right.score - left.score);
  const chosen = scored[0] as (typeof scored)[number];
  const runnerUp = scored[1];
  // Sections of the translation (or of the source) split by headings are joined back when that improves the match.
  let sourceRange = { first: largestIndex, last: largestIndex };
  let targetRange = { first: blocks.indexOf(chosen.block), last: blocks.indexOf(chosen.block) };
  targetRange = growRange(
    blocks,
    targetRange,
    sourceRange,
    (range) => joinRange(blocks, range),
    (target) => scoreCandidate(largestEnglish, target, true),
  );
  const target = joinRange(blocks, targetRange);
  sourceRange = growRange(
    blocks,
    sourceRange,
    targetRange,
    (range) => joinRange(blocks, range),
    (source) => scoreCandidate(source, target, true),
  );
  const source = joinRange(blocks, sourceRange);
  const adjacent =
    sourceRange.last + 1 === targetRange.first || targetRange.last + 1 === sourceRange.first;
  const best = { ...scoreCandidate(source, target, adjacent), block: target };
  const notes: string[] = [];
  let confidence = best.score;
  if (runnerUp !== undefined && best.score - runnerUp.score < 0.15) {
    confidence *= 0.7;
    notes.push(
      `Another Japanese block (${describeSpan(text, runnerUp.block)}) is nearly as likely a translation; ` +
        'check the spans.',
    );
  }
  notes.push(
    `English: ${source.clauseNumbers.length} numbered clauses; Japanese: ${target.clauseNumbers.length} ` +
      `(${best.reason}).`,
  );
  const first = Math.min(sourceRange.first, targetRange.first);
  const last = Math.max(sourceRange.last, targetRange.last);
  const inPair = (index: number): boolean =>
    (index >= sourceRange.first && index <= sourceRange.last) ||
    (index >= targetRange.first && index <= targetRange.last);
  const unpaired: UnpairedBlock[] = [];
  blocks.forEach((block, index) => {
    if (inPair(index)) return;
    const position = index < first ? 'before' : index > last ? 'after' : 'between';
    const previous = unpaired.at(-1);
    // Consecutive sections of one language on one side of the pair are one stretch of unrelated text.
    if (
      previous !== undefined &&
      previous.lang === block.lang &&
      previous.position === position &&
      !inPair(index - 1)
    ) {
      unpaired[unpaired.length - 1] = { ...previous, end: block.end };
    } else {
      unpaired.push({ start: block.start, end: block.end, lang: block.lang, position });
    }
  });
  for (const block of unpaired) {
    notes.push(
      `${block.lang === 'ja' ? 'Japanese' : 'English'} text ${block.position === 'between' ? 'between the two blocks' : `${block.position} the pair`} ` +
        `(${describeSpan(text, block)}) is not part of the parallel pair.`,
    );
  }
  return {
    ok: true,
    source: { start: source.start, end: source.end },
    target: { start: target.start, end: target.end },
    order: source.start < target.start ? 'source-first' : 'target-first',
    confidence: round(confidence),
    notes,
    unpaired,
    blocks,
  };
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
    if (
      (code >= 0x41 && code <= 0x5a) ||
      (code >= 0x61 && code <= 0x7a) ||
      (code >= 0xc0 && code < 0x250)
    ) {
      latin += 1;
    } else if (
      // Kana, CJK punctuation and full-width forms (（）「」、ＡＢＣ) occur only in Japanese text.
      (code >= 0x3000 && code < 0x3100) ||
      (code >= 0x3400 && code < 0x4dc0) ||
      (code >= 0x4e00 && code < 0xa000) ||
      (code >= 0xf900 && code < 0xfb00) ||
      (code >= 0xff01 && code < 0xffa0) ||
      (code >= 0x20000 && code < 0x30000)
    ) {
      japanese += 1;
      if (code === 0x3002 || (code >= 0x3040 && code < 0x3100)) kana += 1;
    }
  }
  const clauseNumber = readClauseNumber(trimmed);
  const withNumber = clauseNumber === undefined ? {} : { clauseNumber };
  const counts = { latin, japanese, kana };
  if (/^#{1,6}\s/.test(trimmed)) return { ...span, kind: 'heading', ...counts };
  const kind = scriptOf(counts);
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
        pendingHeading !== undefined && [line.kind, undefined].includes(scriptOf(pendingHeading))
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
function scriptOf(line: Pick<Line, 'latin' | 'japanese' | 'kana'>): BlockLanguage | undefined {
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

/**
 * Interleaved: among the substantial blocks (each at least `SUBSTANTIAL_SHARE` of the largest of its language), the
 * language switches three times or more, i.e. at least two English and two Japanese blocks alternate. A preamble,
 * a source and a translation switch only twice.
 */
function isInterleaved(blocks: readonly LanguageBlock[]): boolean {
  const largest = { en: 0, ja: 0 };
  for (const block of blocks) largest[block.lang] = Math.max(largest[block.lang], block.letters);
  const substantial = blocks.filter(
    (block) => block.letters >= SUBSTANTIAL_SHARE * largest[block.lang],
  );
  let switches = 0;
  for (let index = 1; index < substantial.length; index += 1) {
    if (substantial[index]?.lang !== substantial[index - 1]?.lang) switches += 1;
  }
  return switches >= 3;
}

interface CandidateScore {
  readonly score: number;
  readonly labels: number;
  readonly length: number;
  readonly reason: string;
}

function scoreCandidate(
  source: LanguageBlock,
  candidate: LanguageBlock,
  adjacent: boolean,
): CandidateScore {
  const labels = labelAgreement(source.clauseNumbers, candidate.clauseNumbers);
  const ratio = candidate.letters / Math.max(1, source.letters);
  const length = Math.exp(
    -((Math.log(ratio / EXPECTED_LENGTH_RATIO) / LENGTH_RATIO_SPREAD) ** 2) / 2,
  );
  const score =
    WEIGHT_LABELS * labels + WEIGHT_LENGTH * length + WEIGHT_ADJACENT * (adjacent ? 1 : 0);
  const reason =
    `label agreement ${round(labels)}, ${round(ratio)} Japanese characters per English letter, ` +
    (adjacent ? 'adjacent' : 'not adjacent');
  return { score, labels, length, reason };
}

interface BlockRange {
  readonly first: number;
  readonly last: number;
}

/**
 * Extends `range` one neighbouring block of the same language at a time (never into `other`) while that makes the
 * match clearly better: more clause labels agree, or, for a block without clause numbers, with labels no worse, the
 * length fits much better (`MIN_LENGTH_GAIN`). An unnumbered preamble right before a numbered translation therefore
 * stays out.
 */
function growRange(
  blocks: readonly LanguageBlock[],
  range: BlockRange,
  other: BlockRange,
  join: (range: BlockRange) => LanguageBlock,
  score: (block: LanguageBlock) => CandidateScore,
): BlockRange {
  let current = range;
  let currentScore = score(join(current));
  for (;;) {
    const lang = blocks[current.first]?.lang;
    // A numbered block grows only by more agreeing labels; length decides only for text without clause numbers.
    const unnumbered = join(current).clauseNumbers.length === 0;
    const options = [
      { first: current.first - 1, last: current.last },
      { first: current.first, last: current.last + 1 },
    ].filter(
      (option) =>
        option.first >= 0 &&
        option.last < blocks.length &&
        blocks[option.first]?.lang === lang &&
        blocks[option.last]?.lang === lang &&
        (option.last < other.first || option.first > other.last),
    );
    const better = options
      .map((option) => ({ option, score: score(join(option)) }))
      .filter(
        ({ score: next }) =>
          next.labels > currentScore.labels + 1e-9 ||
          (unnumbered &&
            next.labels >= currentScore.labels - 1e-9 &&
            next.length >= currentScore.length + MIN_LENGTH_GAIN),
      )
      .sort((left, right) => right.score.score - left.score.score)[0];
    if (better === undefined) return current;
    current = better.option;
    currentScore = better.score;
  }
}

/** How much better the length must fit before unnumbered neighbouring text is joined to a block. */
const MIN_LENGTH_GAIN = 0.25;

/** The blocks `first`..`last` (same language) as one block. */
function joinRange(blocks: readonly LanguageBlock[], range: BlockRange): LanguageBlock {
  const members = blocks.slice(range.first, range.last + 1);
  const head = members[0] as LanguageBlock;
  return {
    lang: head.lang,
    start: head.start,
    end: (members.at(-1) as LanguageBlock).end,
    letters: members.reduce((sum, block) => sum + block.letters, 0),
    clauseNumbers: members.flatMap((block) => block.clauseNumbers),
  };
}

/**
 * How well two clause-number sequences agree, in [0, 1]: the longest common subsequence over the longer length.
 * Without labels on either side the labels say nothing (0.5); labels on one side only count against.
 */
function labelAgreement(source: readonly number[], target: readonly number[]): number {
  if (source.length === 0 && target.length === 0) return 0.5;
  if (source.length === 0 || target.length === 0) return 0.1;
  const previous = new Array<number>(target.length + 1).fill(0);
  for (const sourceNumber of source) {
    let diagonal = 0;
    for (let column = 1; column <= target.length; column += 1) {
      const above = previous[column] as number;
      previous[column] =
        sourceNumber === target[column - 1]
          ? diagonal + 1
          : Math.max(above, previous[column - 1] as number);
      diagonal = above;
    }
  }
  return (previous[target.length] as number) / Math.max(source.length, target.length);
}

function describeSpan(text: string, span: Span): string {
  const length = span.end - span.start;
  const opening = text.slice(span.start, Math.min(span.end, span.start + 24)).replace(/\s+/g, ' ');
  return `${length.toLocaleString('en')} characters from "${opening}${length > 24 ? '…' : ''}"`;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
