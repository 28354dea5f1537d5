import type { LanguageBlock } from './bilingualBlocks';

/**
 * The second step of `splitBilingual` (see ./splitBilingual): score Japanese blocks as translations of an English
 * block (clause labels, length, adjacency), join sections split by headings, and tell an interleaved document. Pure.
 */

const WEIGHT_LABELS = 0.45;
const WEIGHT_LENGTH = 0.35;
const WEIGHT_ADJACENT = 0.2;
/** Expected Japanese characters per English letter in a translation, and the spread (natural log) around it. */
export const EXPECTED_LENGTH_RATIO = 0.5;
const LENGTH_RATIO_SPREAD = 0.5;
/** A block this much smaller than the largest of its language does not count toward interleaving. */
const SUBSTANTIAL_SHARE = 0.15;

/**
 * Interleaved: among the substantial blocks (each at least `SUBSTANTIAL_SHARE` of the largest of its language), the
 * language switches three times or more, i.e. at least two English and two Japanese blocks alternate. A preamble,
 * a source and a translation switch only twice.
 */
export function isInterleaved(blocks: readonly LanguageBlock[]): boolean {
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

export interface CandidateScore {
  readonly score: number;
  readonly labels: number;
  readonly length: number;
  /** Letters of the Japanese candidate per English letter (about `EXPECTED_LENGTH_RATIO` for a translation). */
  readonly ratio: number;
}

export function scoreCandidate(
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
  return { score, labels, length, ratio };
}

export interface BlockRange {
  readonly first: number;
  readonly last: number;
}

/**
 * Extends `range` one neighbouring block of the same language at a time (never into `other`) while that makes the
 * match clearly better: more clause labels agree, or, for a block without clause numbers, with labels no worse, the
 * length fits much better (`MIN_LENGTH_GAIN`). An unnumbered preamble right before a numbered translation therefore
 * stays out.
 */
export function growRange(
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
export function joinRange(blocks: readonly LanguageBlock[], range: BlockRange): LanguageBlock {
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

/** `value` rounded to hundredths, for scores in notes. */
export function round(value: number): number {
  return Math.round(value * 100) / 100;
}
