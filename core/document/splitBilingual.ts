/**
 * Finds the English source and its Japanese translation inside ONE bilingual document (a ministry press release with
 * the English outcome document and its provisional Japanese translation appended, say), so a reviewer can import a
 * single file.
 *
 * Approach: split the text into lines and classify each line by script (Latin letters against kana and kanji, with
 * core/text/script's classes; ./bilingualBlocks).
 * Consecutive lines of one language, with blank lines, Markdown headings and lines without letters (`1.`, `※1`)
 * between them, form a block. The largest English block is the source; every Japanese block is scored as its
 * translation by (a) the numbered-clause labels both carry (`1.`…`7.` against `1.`…`7.`), (b) length (Japanese
 * translations run about half as many characters as the English has letters) and (c) adjacency; the best is the
 * target (./bilingualPairing). Every other block is reported as unpaired (a preamble, an appendix).
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

import {
  findLanguageBlocks,
  type BlockLanguage,
  type LanguageBlock,
  type Span,
} from './bilingualBlocks';
import {
  EXPECTED_LENGTH_RATIO,
  growRange,
  isInterleaved,
  joinRange,
  round,
  scoreCandidate,
} from './bilingualPairing';

/** Below this length score (1 = the usual EN/JA ratio) the pairing note says the lengths look wrong. */
const UNUSUAL_LENGTH_SCORE = 0.25;

export type { BlockLanguage, LanguageBlock, Span } from './bilingualBlocks';

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

/** Finds the English block and the Japanese block that translates it. See the module comment. */
export function splitBilingual(text: string): BilingualSplitResult {
  const blocks = findLanguageBlocks(text);
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
  // Only what the reviewer should check, in their words (the scores behind the choice mean nothing to them).
  const englishClauses = source.clauseNumbers.length;
  const japaneseClauses = target.clauseNumbers.length;
  if (englishClauses !== japaneseClauses) {
    notes.push(
      `The English part has ${englishClauses} numbered clause${englishClauses === 1 ? '' : 's'} and the Japanese ` +
        `part ${japaneseClauses}: check that no clause is missing from either.`,
    );
  }
  if (best.length < UNUSUAL_LENGTH_SCORE) {
    notes.push(
      `The Japanese part is much ${best.ratio < EXPECTED_LENGTH_RATIO ? 'shorter' : 'longer'} than a translation ` +
        'of the English part usually is: check that the right parts were paired and that nothing is missing.',
    );
  }
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

function describeSpan(text: string, span: Span): string {
  const length = span.end - span.start;
  const opening = text.slice(span.start, Math.min(span.end, span.start + 24)).replace(/\s+/g, ' ');
  return `${length.toLocaleString('en')} characters from "${opening}${length > 24 ? '…' : ''}"`;
}
