import { beadKey, beadSideIndices } from '../alignment/beadFormat';
import { checkAlignment } from '../alignment/invariants';
import type { Bead, DocumentAlignment, SentenceBead, Side } from '../alignment/types';
import type { MoveDirection } from './commands';

/**
 * The alignment edits behind the review commands (see `ReviewCommandSchema`). They work on SENTENCE beads (the rows the
 * reviewer sees). A sentence bead never crosses a clause-bead boundary. When a reviewer merges two rows, or moves a
 * sentence into a neighbouring row, that lie in different clause beads, the reviewer is telling us the clause pairing
 * is wrong too: the clause beads between them are merged as well (reported in the outcome's `note` so the UI can say
 * so), rather than refusing an edit whose meaning is clear.
 *
 * A bead a reviewer edits by hand (merge, split, move, detach) comes out pinned (realignment keeps it, so clicking
 * "realign" never undoes manual work) and `edited`: the aligner never scored it, so it keeps the lowest confidence of
 * the beads it was made from and the view says "edited" instead of showing a percentage. Confirming (pin) and
 * unconfirming (unpin) never change a confidence. Bead indices are 0-based into `alignment.sentenceBeads`.
 */

/** The new alignment (the same object when nothing changes) with an optional note for the UI, or why it was refused. */
export type AlignmentOutcome =
  { readonly alignment: DocumentAlignment; readonly note?: string } | string;

function isBeadIndex(alignment: DocumentAlignment, beadIndex: number): boolean {
  return (
    Number.isInteger(beadIndex) && beadIndex >= 0 && beadIndex < alignment.sentenceBeads.length
  );
}

function rowName(beadIndex: number): string {
  return `row ${beadIndex + 1}`;
}

/**
 * A bead a reviewer shaped by hand out of `from`: pinned (realignment must keep it) and edited, with the lowest
 * confidence among `from` (not a score of the new bead, but never more trust than its parts had).
 */
function editedBead(
  sourceIndices: readonly number[],
  targetIndices: readonly number[],
  clauseBead: number,
  from: readonly SentenceBead[],
): SentenceBead {
  const confidence = Math.min(...from.map((bead) => bead.confidence));
  return { sourceIndices, targetIndices, confidence, pinned: true, edited: true, clauseBead };
}

/**
 * Merges clause beads `first..last` (inclusive) into one, renumbering the sentence beads' `clauseBead` to match. The
 * merged clause bead is pinned: the reviewer decided that pairing.
 */
function mergeClauseBeads(
  alignment: DocumentAlignment,
  first: number,
  last: number,
): DocumentAlignment {
  if (first === last) return alignment;
  const group = alignment.clauseBeads.slice(first, last + 1);
  const merged: Bead = {
    sourceIndices: group.flatMap((bead) => bead.sourceIndices),
    targetIndices: group.flatMap((bead) => bead.targetIndices),
    confidence: 1,
    pinned: true,
  };
  const removed = last - first;
  return {
    ...alignment,
    clauseBeads: [
      ...alignment.clauseBeads.slice(0, first),
      merged,
      ...alignment.clauseBeads.slice(last + 1),
    ],
    sentenceBeads: alignment.sentenceBeads.map((bead) => {
      if (bead.clauseBead <= first) return bead;
      const clauseBead = bead.clauseBead <= last ? first : bead.clauseBead - removed;
      return { ...bead, clauseBead };
    }),
  };
}

function clauseJoinNote(first: number, last: number): string | undefined {
  return first === last
    ? undefined
    : `The rows were in different clauses, so clause rows ${first + 1}–${last + 1} were joined too.`;
}

/** Joins sentence beads `firstIndex` and `firstIndex + 1` into one pinned bead (and their clause beads, if apart). */
export function mergeBeads(alignment: DocumentAlignment, firstIndex: number): AlignmentOutcome {
  if (!isBeadIndex(alignment, firstIndex) || !isBeadIndex(alignment, firstIndex + 1)) {
    return 'There is no neighbouring row to merge with.';
  }
  const firstClause = alignment.sentenceBeads[firstIndex]!.clauseBead;
  const lastClause = alignment.sentenceBeads[firstIndex + 1]!.clauseBead;
  const grouped = mergeClauseBeads(alignment, firstClause, lastClause);
  const first = grouped.sentenceBeads[firstIndex]!;
  const second = grouped.sentenceBeads[firstIndex + 1]!;
  const merged = editedBead(
    [...first.sourceIndices, ...second.sourceIndices],
    [...first.targetIndices, ...second.targetIndices],
    first.clauseBead,
    [first, second],
  );
  const note = clauseJoinNote(firstClause, lastClause);
  const result = { alignment: replaceBeads(grouped, firstIndex, 2, [merged]) };
  return note === undefined ? result : { ...result, note };
}

function replaceBeads(
  alignment: DocumentAlignment,
  start: number,
  count: number,
  beads: readonly SentenceBead[],
): DocumentAlignment {
  return {
    ...alignment,
    sentenceBeads: [
      ...alignment.sentenceBeads.slice(0, start),
      ...beads,
      ...alignment.sentenceBeads.slice(start + count),
    ],
  };
}

/** Splits bead `beadIndex` between sentences: the first `sourceCount` and `targetCount` sentences form the first bead. */
export function splitBead(
  alignment: DocumentAlignment,
  beadIndex: number,
  sourceCount: number,
  targetCount: number,
): AlignmentOutcome {
  if (!isBeadIndex(alignment, beadIndex)) return `There is no ${rowName(beadIndex)}.`;
  const bead = alignment.sentenceBeads[beadIndex]!;
  const sourceLength = bead.sourceIndices.length;
  const targetLength = bead.targetIndices.length;
  if (
    !Number.isInteger(sourceCount) ||
    !Number.isInteger(targetCount) ||
    sourceCount < 0 ||
    targetCount < 0 ||
    sourceCount > sourceLength ||
    targetCount > targetLength
  ) {
    return `The row has ${sourceLength} source and ${targetLength} target sentences; cannot give ${sourceCount} and ${targetCount} to the first part.`;
  }
  if (
    sourceCount + targetCount === 0 ||
    sourceLength - sourceCount + targetLength - targetCount === 0
  ) {
    return 'Both parts of a split need at least one sentence.';
  }
  const first = editedBead(
    bead.sourceIndices.slice(0, sourceCount),
    bead.targetIndices.slice(0, targetCount),
    bead.clauseBead,
    [bead],
  );
  const second = editedBead(
    bead.sourceIndices.slice(sourceCount),
    bead.targetIndices.slice(targetCount),
    bead.clauseBead,
    [bead],
  );
  return { alignment: replaceBeads(alignment, beadIndex, 1, [first, second]) };
}

/** Moves the first (`previous`) or last (`next`) sentence of `side` in bead `beadIndex` into the neighbouring bead. */
export function moveSentence(
  alignment: DocumentAlignment,
  beadIndex: number,
  side: Side,
  direction: MoveDirection,
): AlignmentOutcome {
  return moveSentences(alignment, beadIndex, side, direction, 1);
}

/**
 * Moves sentence `sentenceIndex` of `side` (0-based into the side's sentences; it must be in bead `beadIndex`) into
 * the neighbouring bead, with the sentences of that side between it and that neighbour, so that order is kept: to
 * the `previous` bead it takes the sentences before it in the bead along, to the `next` bead those after it. For the
 * bead's first (`previous`) or last (`next`) sentence of the side this is `moveSentence`.
 */
export function moveSentenceAt(
  alignment: DocumentAlignment,
  beadIndex: number,
  side: Side,
  sentenceIndex: number,
  direction: MoveDirection,
): AlignmentOutcome {
  if (!isBeadIndex(alignment, beadIndex)) return `There is no ${rowName(beadIndex)}.`;
  const indices = beadSideIndices(alignment.sentenceBeads[beadIndex]!, side);
  const position = indices.indexOf(sentenceIndex);
  if (position === -1) {
    return `${side === 'source' ? 'Source' : 'Target'} sentence ${sentenceIndex + 1} is not in ${rowName(beadIndex)}.`;
  }
  const count = direction === 'previous' ? position + 1 : indices.length - position;
  return moveSentences(alignment, beadIndex, side, direction, count);
}

/**
 * Moves the first `count` (`previous`) or last `count` (`next`) sentences of `side` in bead `beadIndex` into the
 * neighbouring bead (1 ≤ count ≤ the bead's sentences on that side); joins the clause beads between them if apart.
 */
function moveSentences(
  alignment: DocumentAlignment,
  beadIndex: number,
  side: Side,
  direction: MoveDirection,
  count: number,
): AlignmentOutcome {
  if (!isBeadIndex(alignment, beadIndex)) return `There is no ${rowName(beadIndex)}.`;
  const neighbourIndex = direction === 'previous' ? beadIndex - 1 : beadIndex + 1;
  if (!isBeadIndex(alignment, neighbourIndex)) {
    return `There is no ${direction} row to move the sentence to.`;
  }
  if (beadSideIndices(alignment.sentenceBeads[beadIndex]!, side).length === 0) {
    return `The row has no ${side} sentence to move.`;
  }
  const lowIndex = Math.min(beadIndex, neighbourIndex);
  const firstClause = alignment.sentenceBeads[lowIndex]!.clauseBead;
  const lastClause = alignment.sentenceBeads[lowIndex + 1]!.clauseBead;
  const grouped = mergeClauseBeads(alignment, firstClause, lastClause);
  const earlier = grouped.sentenceBeads[lowIndex]!;
  const later = grouped.sentenceBeads[lowIndex + 1]!;
  const earlierIndices = beadSideIndices(earlier, side);
  const laterIndices = beadSideIndices(later, side);
  // Moving to the previous row takes the later bead's first sentences; to the next row, the earlier bead's last ones.
  const cut = direction === 'previous' ? count : earlierIndices.length - count;
  const [newEarlier, newLater] =
    direction === 'previous'
      ? [[...earlierIndices, ...laterIndices.slice(0, cut)], laterIndices.slice(cut)]
      : [earlierIndices.slice(0, cut), [...earlierIndices.slice(cut), ...laterIndices]];
  const rebuild = (bead: SentenceBead, indices: readonly number[]): SentenceBead =>
    side === 'source'
      ? editedBead(indices, bead.targetIndices, bead.clauseBead, [earlier, later])
      : editedBead(bead.sourceIndices, indices, bead.clauseBead, [earlier, later]);
  const beads = [rebuild(earlier, newEarlier), rebuild(later, newLater)].filter(
    (bead) => bead.sourceIndices.length + bead.targetIndices.length > 0,
  );
  const note = clauseJoinNote(firstClause, lastClause);
  const result = { alignment: replaceBeads(grouped, lowIndex, 2, beads) };
  return note === undefined ? result : { ...result, note };
}

/** Detaches the `side` sentences of bead `beadIndex` into a bead of their own, right after it. */
export function detachSide(
  alignment: DocumentAlignment,
  beadIndex: number,
  side: Side,
): AlignmentOutcome {
  if (!isBeadIndex(alignment, beadIndex)) return `There is no ${rowName(beadIndex)}.`;
  const bead = alignment.sentenceBeads[beadIndex]!;
  if (bead.sourceIndices.length === 0 || bead.targetIndices.length === 0) {
    return 'The row already has one empty side.';
  }
  const kept =
    side === 'source'
      ? editedBead([], bead.targetIndices, bead.clauseBead, [bead])
      : editedBead(bead.sourceIndices, [], bead.clauseBead, [bead]);
  const detached =
    side === 'source'
      ? editedBead(bead.sourceIndices, [], bead.clauseBead, [bead])
      : editedBead([], bead.targetIndices, bead.clauseBead, [bead]);
  return { alignment: replaceBeads(alignment, beadIndex, 1, [kept, detached]) };
}

/**
 * Pins (confirms) or unpins the beads at `beadIndices`; the same alignment when nothing changes. Confidence is left
 * alone: a confirmation is not a score, and unconfirming must show the aligner's score again.
 */
export function setPinned(
  alignment: DocumentAlignment,
  beadIndices: readonly number[],
  pinned: boolean,
): AlignmentOutcome {
  const invalid = beadIndices.find((index) => !isBeadIndex(alignment, index));
  if (invalid !== undefined) return `There is no ${rowName(invalid)}.`;
  const wanted = new Set(beadIndices);
  let changed = false;
  const sentenceBeads = alignment.sentenceBeads.map((bead, index) => {
    if (!wanted.has(index)) return bead;
    if (pinned) {
      if (bead.pinned === true) return bead;
      changed = true;
      return { ...bead, pinned: true };
    }
    if (bead.pinned !== true) return bead;
    changed = true;
    // Drop the flag rather than storing `pinned: false`, so an unpinned bead looks like one the aligner produced.
    const { pinned: _dropped, ...rest } = bead;
    return rest;
  });
  return { alignment: changed ? { ...alignment, sentenceBeads } : alignment };
}

/** The 0-based indices of the confirmed (pinned) sentence beads, ascending: what a realignment must keep. */
export function pinnedBeadIndices(alignment: DocumentAlignment): number[] {
  return alignment.sentenceBeads.flatMap((bead, index) => (bead.pinned === true ? [index] : []));
}

/**
 * Replaces the alignment with `result`, a realignment of the same texts and sentences (see `replaceAlignment` in
 * `ReviewCommandSchema`): refused when a text or a side's sentences differ, when `result` breaks an invariant, or when
 * it drops a confirmed (pinned) bead of `alignment`.
 */
export function replaceAlignment(
  alignment: DocumentAlignment,
  result: DocumentAlignment,
): AlignmentOutcome {
  for (const side of ['source', 'target'] as const) {
    if (!sameSentences(alignment, result, side)) {
      return `Realignment changed the ${side} text or its sentences; the result was not applied.`;
    }
  }
  const violations = checkAlignment(result);
  if (violations.length > 0) return `Realignment returned a broken alignment: ${violations[0]}`;
  const kept = new Set(result.sentenceBeads.map(beadKey));
  const lost = pinnedBeadIndices(alignment).find(
    (index) => !kept.has(beadKey(alignment.sentenceBeads[index]!)),
  );
  if (lost !== undefined) {
    return `Realignment did not keep confirmed ${rowName(lost)}; the result was not applied.`;
  }
  return { alignment: result };
}

/** True when `side` has the same text and the same sentence spans in both alignments. */
function sameSentences(before: DocumentAlignment, after: DocumentAlignment, side: Side): boolean {
  const [was, now] = [before[side], after[side]];
  if (was === now) return true;
  if (was.text !== now.text || was.sentences.length !== now.sentences.length) return false;
  return was.sentences.every(
    (sentence, index) =>
      sentence.start === now.sentences[index]!.start && sentence.end === now.sentences[index]!.end,
  );
}
