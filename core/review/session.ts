import type {
  Bead,
  DocumentAlignment,
  DocumentSide,
  Segment,
  SentenceBead,
  Side,
  TextSpan,
} from '../alignment/types';
import { beadKey, beadSideIndices } from '../alignment/beadFormat';
import { checkAlignment } from '../alignment/invariants';
import type { Annotation, AnnotationStatus } from './annotation';
import { checkAnnotation } from './annotation';
import type { BilingualLabel } from './mqm';

/**
 * The review workspace's domain state and the pure commands that change it.
 *
 * Every command returns a new session and never mutates its input (unchanged parts are shared, so the undo stack is
 * cheap). A command that cannot apply (index out of range, would break an invariant) is refused: the session comes back
 * unchanged, with a reason for the UI.
 *
 * Alignment edits work on SENTENCE beads (the rows the reviewer sees). A sentence bead never crosses a clause-bead
 * boundary. When a reviewer merges two rows, or moves a sentence into a neighbouring row, that lie in different clause
 * beads, the reviewer is telling us the clause pairing is wrong too: the clause beads between them are merged as well
 * (reported in `CommandResult.note` so the UI can say so), rather than refusing an edit whose meaning is clear.
 *
 * A bead a reviewer edits by hand (merge, split, move, detach) comes out pinned with confidence 1: realignment keeps
 * it, so clicking "realign" never undoes manual work. Splitting a sentence at the caret does not change any link, so
 * the bead keeps its pinned state.
 */

/** The undoable domain state of the review workspace. */
export interface ReviewSession {
  /** The two-level alignment; satisfies `checkAlignment`. */
  readonly alignment: DocumentAlignment;
  /** Annotations in creation order; ids are unique. */
  readonly annotations: readonly Annotation[];
}

/**
 * An anchored realignment: returns a new alignment of the same texts and sentences that keeps every pinned sentence bead
 * as it is. `pinnedSentenceBeadIndices` are 0-based indices into `alignment.sentenceBeads`, ascending.
 */
export type RealignFunction = (
  alignment: DocumentAlignment,
  pinnedSentenceBeadIndices: readonly number[],
) => DocumentAlignment;

/**
 * Fields of an annotation that `updateAnnotation` may change (`id` and `createdAt` are fixed; `updatedAt` is bumped).
 * An optional field (`subtype`, `suggestion`) present with the value `undefined` is removed.
 */
export type AnnotationChanges = Partial<Omit<Annotation, 'id' | 'createdAt' | 'updatedAt'>>;

/** Which neighbour a sentence moves to: the first sentence goes to the previous bead, the last to the next. */
export type MoveDirection = 'previous' | 'next';

/**
 * Everything a reviewer can do to a session. Bead indices are 0-based into `alignment.sentenceBeads`; sentence indices
 * are 0-based into the side's `sentences`; offsets are UTF-16 code units into the side's original text; timestamps are
 * ISO 8601 strings from the caller.
 */
export type ReviewCommand =
  /** Join sentence bead `beadIndex` with the one after it. */
  | { readonly type: 'mergeWithNext'; readonly beadIndex: number }
  /** Join sentence bead `beadIndex` with the one before it. */
  | { readonly type: 'mergeWithPrevious'; readonly beadIndex: number }
  /**
   * Split a bead between sentences: its first `sourceCount` source sentences and first `targetCount` target sentences
   * form the first bead, the rest the second; neither may be empty.
   */
  | {
      readonly type: 'splitBead';
      readonly beadIndex: number;
      readonly sourceCount: number;
      readonly targetCount: number;
    }
  /**
   * Split one sentence segment in two at `offset` (strictly inside it). Whitespace at the cut is left out of both
   * halves. Both halves stay in the same bead (split the bead afterwards to put them on separate rows).
   */
  | {
      readonly type: 'splitSentence';
      readonly side: Side;
      readonly sentenceIndex: number;
      readonly offset: number;
    }
  /** Move the first (`previous`) or last (`next`) sentence of `side` in a bead into the neighbouring bead. */
  | {
      readonly type: 'moveSentence';
      readonly beadIndex: number;
      readonly side: Side;
      readonly direction: MoveDirection;
    }
  /**
   * Detach the sentences of `side` into a bead of their own (n-0 or 0-m), placed right after the bead that keeps the
   * other side: marks an omission (detach target → source left alone) or an addition.
   */
  | { readonly type: 'detachSide'; readonly beadIndex: number; readonly side: Side }
  /** Confirm beads: pinned, confidence 1. */
  | { readonly type: 'pin'; readonly beadIndices: readonly number[] }
  /** Unconfirm beads; their confidence stays as it is. */
  | { readonly type: 'unpin'; readonly beadIndices: readonly number[] }
  /** Realign everything around the pinned beads with an injected engine; refused if the result breaks invariants. */
  | { readonly type: 'realign'; readonly realign: RealignFunction }
  | { readonly type: 'addAnnotation'; readonly annotation: Annotation }
  | {
      readonly type: 'updateAnnotation';
      readonly id: string;
      readonly changes: AnnotationChanges;
      readonly updatedAt: string;
    }
  | { readonly type: 'deleteAnnotation'; readonly id: string }
  | {
      readonly type: 'setAnnotationStatus';
      readonly id: string;
      readonly status: AnnotationStatus;
      readonly updatedAt: string;
    };

/** The `type` tag of a command. */
export type ReviewCommandType = ReviewCommand['type'];

/**
 * The outcome of a command. `session` is always usable: the new session, or the unchanged input (same object) when
 * refused or when the command changes nothing.
 */
export type CommandResult =
  | { readonly ok: true; readonly session: ReviewSession; readonly note?: string }
  | { readonly ok: false; readonly session: ReviewSession; readonly reason: string };

/** Runs a command and says whether it applied, with the reason when it did not. Pure. */
export function runCommand(session: ReviewSession, command: ReviewCommand): CommandResult {
  const outcome = execute(session, command);
  if (typeof outcome === 'string') return { ok: false, session, reason: outcome };
  if (outcome.session.alignment !== session.alignment) {
    // Cheap (linear) safety net: a command must never hand the UI a broken alignment.
    const violations = checkAlignment(outcome.session.alignment);
    if (violations.length > 0) {
      return { ok: false, session, reason: `The edit would break the alignment: ${violations[0]}` };
    }
  }
  return outcome.note === undefined
    ? { ok: true, session: outcome.session }
    : { ok: true, session: outcome.session, note: outcome.note };
}

/**
 * Applies a command and returns the next session; a refused command returns `session` itself (check with `===`, or use
 * `runCommand` for the reason). Pure: never mutates `session`.
 */
export function applyCommand(session: ReviewSession, command: ReviewCommand): ReviewSession {
  return runCommand(session, command).session;
}

/** Short name of what a command does, for "Undo merge" / "Redo split" menu items. */
export function commandLabel(command: ReviewCommand): BilingualLabel {
  switch (command.type) {
    case 'mergeWithNext':
    case 'mergeWithPrevious':
      return { en: 'merge', ja: '結合' };
    case 'splitBead':
      return { en: 'split', ja: '分割' };
    case 'splitSentence':
      return { en: 'split sentence', ja: '文の分割' };
    case 'moveSentence':
      return { en: 'move sentence', ja: '文の移動' };
    case 'detachSide':
      return { en: 'detach', ja: '切り離し' };
    case 'pin':
      return { en: 'confirm', ja: '確定' };
    case 'unpin':
      return { en: 'unconfirm', ja: '確定解除' };
    case 'realign':
      return { en: 'realign', ja: '再アライン' };
    case 'addAnnotation':
      return { en: 'add issue', ja: '指摘の追加' };
    case 'updateAnnotation':
      return { en: 'edit issue', ja: '指摘の編集' };
    case 'deleteAnnotation':
      return { en: 'delete issue', ja: '指摘の削除' };
    case 'setAnnotationStatus':
      switch (command.status) {
        case 'open':
          return { en: 'reopen issue', ja: '指摘の再開' };
        case 'resolved':
          return { en: 'resolve issue', ja: '指摘の解決' };
        case 'rejected':
          return { en: 'reject issue', ja: '指摘の却下' };
      }
  }
}

type Outcome = { readonly session: ReviewSession; readonly note?: string } | string;

function execute(session: ReviewSession, command: ReviewCommand): Outcome {
  switch (command.type) {
    case 'mergeWithNext':
      return withAlignment(session, mergeBeads(session.alignment, command.beadIndex));
    case 'mergeWithPrevious':
      return withAlignment(session, mergeBeads(session.alignment, command.beadIndex - 1));
    case 'splitBead':
      return withAlignment(
        session,
        splitBead(session.alignment, command.beadIndex, command.sourceCount, command.targetCount),
      );
    case 'splitSentence':
      return withAlignment(
        session,
        splitSentence(session.alignment, command.side, command.sentenceIndex, command.offset),
      );
    case 'moveSentence':
      return withAlignment(
        session,
        moveSentence(session.alignment, command.beadIndex, command.side, command.direction),
      );
    case 'detachSide':
      return withAlignment(session, detachSide(session.alignment, command.beadIndex, command.side));
    case 'pin':
    case 'unpin':
      return withAlignment(
        session,
        setPinned(session.alignment, command.beadIndices, command.type === 'pin'),
      );
    case 'realign':
      return withAlignment(session, realign(session.alignment, command.realign));
    case 'addAnnotation':
      return addAnnotation(session, command.annotation);
    case 'updateAnnotation':
      return updateAnnotation(session, command.id, command.changes, command.updatedAt);
    case 'deleteAnnotation':
      return deleteAnnotation(session, command.id);
    case 'setAnnotationStatus':
      return setAnnotationStatus(session, command.id, command.status, command.updatedAt);
  }
}

export { assertAlignmentInvariants, checkAlignment } from '../alignment/invariants';

type AlignmentOutcome = { readonly alignment: DocumentAlignment; readonly note?: string } | string;

function withAlignment(session: ReviewSession, outcome: AlignmentOutcome): Outcome {
  if (typeof outcome === 'string') return outcome;
  if (outcome.alignment === session.alignment) return { session };
  const next = { ...session, alignment: outcome.alignment };
  return outcome.note === undefined ? { session: next } : { session: next, note: outcome.note };
}

// ---------------------------------------------------------------------------------------------------------------
// Alignment edits

function isBeadIndex(alignment: DocumentAlignment, beadIndex: number): boolean {
  return (
    Number.isInteger(beadIndex) && beadIndex >= 0 && beadIndex < alignment.sentenceBeads.length
  );
}

function rowName(beadIndex: number): string {
  return `row ${beadIndex + 1}`;
}

/** A bead a reviewer shaped by hand: realignment must keep it. */
function editedBead(
  sourceIndices: readonly number[],
  targetIndices: readonly number[],
  clauseBead: number,
): SentenceBead {
  return { sourceIndices, targetIndices, confidence: 1, pinned: true, clauseBead };
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

function mergeBeads(alignment: DocumentAlignment, firstIndex: number): AlignmentOutcome {
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

function splitBead(
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
  );
  const second = editedBead(
    bead.sourceIndices.slice(sourceCount),
    bead.targetIndices.slice(targetCount),
    bead.clauseBead,
  );
  return { alignment: replaceBeads(alignment, beadIndex, 1, [first, second]) };
}

function moveSentence(
  alignment: DocumentAlignment,
  beadIndex: number,
  side: Side,
  direction: MoveDirection,
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
  // Moving to the previous row takes the later bead's first sentence; to the next row, the earlier bead's last one.
  const [newEarlier, newLater] =
    direction === 'previous'
      ? [[...earlierIndices, laterIndices[0]!], laterIndices.slice(1)]
      : [
          earlierIndices.slice(0, -1),
          [earlierIndices[earlierIndices.length - 1]!, ...laterIndices],
        ];
  const rebuild = (bead: SentenceBead, indices: readonly number[]): SentenceBead =>
    side === 'source'
      ? editedBead(indices, bead.targetIndices, bead.clauseBead)
      : editedBead(bead.sourceIndices, indices, bead.clauseBead);
  const beads = [rebuild(earlier, newEarlier), rebuild(later, newLater)].filter(
    (bead) => bead.sourceIndices.length + bead.targetIndices.length > 0,
  );
  const note = clauseJoinNote(firstClause, lastClause);
  const result = { alignment: replaceBeads(grouped, lowIndex, 2, beads) };
  return note === undefined ? result : { ...result, note };
}

function detachSide(alignment: DocumentAlignment, beadIndex: number, side: Side): AlignmentOutcome {
  if (!isBeadIndex(alignment, beadIndex)) return `There is no ${rowName(beadIndex)}.`;
  const bead = alignment.sentenceBeads[beadIndex]!;
  if (bead.sourceIndices.length === 0 || bead.targetIndices.length === 0) {
    return 'The row already has one empty side.';
  }
  const kept =
    side === 'source'
      ? editedBead([], bead.targetIndices, bead.clauseBead)
      : editedBead(bead.sourceIndices, [], bead.clauseBead);
  const detached =
    side === 'source'
      ? editedBead(bead.sourceIndices, [], bead.clauseBead)
      : editedBead([], bead.targetIndices, bead.clauseBead);
  return { alignment: replaceBeads(alignment, beadIndex, 1, [kept, detached]) };
}

function setPinned(
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
      if (bead.pinned === true && bead.confidence === 1) return bead;
      changed = true;
      return { ...bead, pinned: true, confidence: 1 };
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

function realign(alignment: DocumentAlignment, engine: RealignFunction): AlignmentOutcome {
  const pinnedIndices = pinnedBeadIndices(alignment);
  let result: DocumentAlignment;
  try {
    result = engine(alignment, pinnedIndices);
  } catch (error) {
    return `Realignment failed: ${error instanceof Error ? error.message : String(error)}`;
  }
  for (const side of ['source', 'target'] as const) {
    const before = alignment[side];
    const after = result[side];
    if (before.text !== after.text || before.sentences.length !== after.sentences.length) {
      return `Realignment changed the ${side} text or its sentences; the result was not applied.`;
    }
  }
  const violations = checkAlignment(result);
  if (violations.length > 0) return `Realignment returned a broken alignment: ${violations[0]}`;
  const kept = new Set(result.sentenceBeads.map(beadKey));
  const lost = pinnedIndices.find((index) => !kept.has(beadKey(alignment.sentenceBeads[index]!)));
  if (lost !== undefined) {
    return `Realignment did not keep confirmed ${rowName(lost)}; the result was not applied.`;
  }
  return { alignment: result };
}

// ---------------------------------------------------------------------------------------------------------------
// Splitting a sentence at the caret

/**
 * The display text of a segment made of `pieces` of `text`: each piece with line and page breaks folded to single
 * spaces and trimmed, pieces joined by a space (the form `Segment.text` documents).
 */
export function segmentDisplayText(text: string, pieces: readonly TextSpan[]): string {
  return pieces
    .map((piece) =>
      text
        .slice(piece.start, piece.end)
        .replace(/[ \t]*[\r\n\f\v\u2028\u2029]+[ \t]*/g, ' ')
        .trim(),
    )
    .filter((part) => part !== '')
    .join(' ');
}

/**
 * Maps a caret in a segment's display `text` (0-based UTF-16 index, 0..text.length) to the UTF-16 offset in the side's
 * original `text` that `splitSentence` takes. Display text differs from the original only in whitespace (line breaks
 * folded, pieces joined), so the caret is placed by counting the non-whitespace code units before it: before the k-th
 * one it maps to that unit's original offset; on whitespace, to just after the previous one. Result within
 * `[segment.start, segment.end]`.
 */
export function originalOffsetOfCaret(text: string, segment: Segment, caret: number): number {
  const pieces = segment.pieces ?? [{ start: segment.start, end: segment.end }];
  let before = 0;
  for (let index = 0; index < Math.min(caret, segment.text.length); index += 1) {
    if (!isSpace(segment.text.charCodeAt(index))) before += 1;
  }
  const onSpace = caret < segment.text.length && isSpace(segment.text.charCodeAt(caret));
  // Find the original offset of the `before`-th non-whitespace unit (0-based), or just after the one before it.
  const wanted = onSpace ? before - 1 : before;
  if (wanted < 0) return segment.start;
  let seen = 0;
  for (const piece of pieces) {
    for (let offset = piece.start; offset < piece.end; offset += 1) {
      if (isSpace(text.charCodeAt(offset))) continue;
      if (seen === wanted) return onSpace ? offset + 1 : offset;
      seen += 1;
    }
  }
  return segment.end;
}

function isSpace(code: number): boolean {
  return /\s/.test(String.fromCharCode(code));
}

/** Pieces with whitespace trimmed off their outer edges; pieces that were only whitespace are dropped. */
function trimPieces(text: string, pieces: readonly TextSpan[]): TextSpan[] {
  const trimmed: TextSpan[] = [];
  for (const piece of pieces) {
    let start = piece.start;
    let end = piece.end;
    while (start < end && isSpace(text.charCodeAt(start))) start += 1;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end -= 1;
    if (end > start) trimmed.push({ start, end });
  }
  return trimmed;
}

function segmentFromPieces(
  text: string,
  model: Segment,
  pieces: readonly TextSpan[],
  keepLabel: boolean,
): Segment {
  const { label, pieces: _oldPieces, ...rest } = model;
  const segment: Segment = {
    ...rest,
    start: pieces[0]!.start,
    end: pieces[pieces.length - 1]!.end,
    text: segmentDisplayText(text, pieces),
  };
  return {
    ...segment,
    ...(keepLabel && label !== undefined ? { label } : {}),
    ...(pieces.length > 1 ? { pieces } : {}),
  };
}

function splitSentence(
  alignment: DocumentAlignment,
  side: Side,
  sentenceIndex: number,
  offset: number,
): AlignmentOutcome {
  const documentSide: DocumentSide = alignment[side];
  const sentence = documentSide.sentences[sentenceIndex];
  if (!Number.isInteger(sentenceIndex) || sentence === undefined) {
    return `There is no ${side} sentence ${sentenceIndex + 1}.`;
  }
  if (!Number.isInteger(offset) || offset <= sentence.start || offset >= sentence.end) {
    return 'The caret must be inside the sentence to split it.';
  }
  const text = documentSide.text;
  if (isLowSurrogate(text.charCodeAt(offset))) {
    return 'The caret is inside a character; cannot split there.';
  }
  const pieces = sentence.pieces ?? [{ start: sentence.start, end: sentence.end }];
  const before: TextSpan[] = [];
  const after: TextSpan[] = [];
  for (const piece of pieces) {
    if (piece.end <= offset) before.push(piece);
    else if (piece.start >= offset) after.push(piece);
    else {
      before.push({ start: piece.start, end: offset });
      after.push({ start: offset, end: piece.end });
    }
  }
  const firstPieces = trimPieces(text, before);
  const secondPieces = trimPieces(text, after);
  if (firstPieces.length === 0 || secondPieces.length === 0) {
    return 'Splitting there would leave an empty sentence.';
  }
  const first = segmentFromPieces(text, sentence, firstPieces, true);
  const second = segmentFromPieces(text, sentence, secondPieces, false);
  const sentences = [
    ...documentSide.sentences.slice(0, sentenceIndex),
    first,
    second,
    ...documentSide.sentences.slice(sentenceIndex + 1),
  ];
  // Every index after the split sentence moves up by one; the bead holding it gains the new half right after it.
  const shift = (indices: readonly number[]): readonly number[] =>
    indices.includes(sentenceIndex)
      ? indices.flatMap((index) =>
          index < sentenceIndex
            ? [index]
            : index === sentenceIndex
              ? [index, index + 1]
              : [index + 1],
        )
      : indices.length > 0 && indices[0]! > sentenceIndex
        ? indices.map((index) => index + 1)
        : indices;
  const sentenceBeads = alignment.sentenceBeads.map((bead) => {
    const indices = beadSideIndices(bead, side);
    const shifted = shift(indices);
    if (shifted === indices) return bead;
    return side === 'source'
      ? { ...bead, sourceIndices: shifted }
      : { ...bead, targetIndices: shifted };
  });
  return {
    alignment: {
      ...alignment,
      [side]: { ...documentSide, sentences },
      sentenceBeads,
    },
  };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

// ---------------------------------------------------------------------------------------------------------------
// Annotations

function textLengths(session: ReviewSession): Record<Side, number> {
  return {
    source: session.alignment.source.text.length,
    target: session.alignment.target.text.length,
  };
}

function addAnnotation(session: ReviewSession, annotation: Annotation): Outcome {
  if (session.annotations.some((existing) => existing.id === annotation.id)) {
    return `An annotation with id ${annotation.id} already exists.`;
  }
  const problems = checkAnnotation(annotation, textLengths(session));
  if (problems.length > 0) return `The annotation is not valid: ${problems[0]}`;
  return { session: { ...session, annotations: [...session.annotations, annotation] } };
}

function findAnnotation(session: ReviewSession, id: string): number | string {
  const index = session.annotations.findIndex((annotation) => annotation.id === id);
  return index === -1 ? `There is no annotation with id ${id}.` : index;
}

function replaceAnnotation(session: ReviewSession, index: number, annotation: Annotation): Outcome {
  const annotations = session.annotations.slice();
  annotations[index] = annotation;
  return { session: { ...session, annotations } };
}

function updateAnnotation(
  session: ReviewSession,
  id: string,
  changes: AnnotationChanges,
  updatedAt: string,
): Outcome {
  const index = findAnnotation(session, id);
  if (typeof index === 'string') return index;
  const current = session.annotations[index]!;
  // `id` and `createdAt` stay whatever the caller passes at runtime: the type forbids them, this enforces it.
  const merged: Annotation = {
    ...current,
    ...changes,
    id: current.id,
    createdAt: current.createdAt,
    updatedAt,
  };
  // Clearing the subtype or the suggestion removes the key, as an annotation that never had one has none.
  const updated = { ...merged };
  for (const field of ['subtype', 'suggestion'] as const)
    if (field in changes && changes[field] === undefined) delete updated[field];
  const problems = checkAnnotation(updated, textLengths(session));
  if (problems.length > 0) return `The annotation is not valid: ${problems[0]}`;
  return replaceAnnotation(session, index, updated);
}

function deleteAnnotation(session: ReviewSession, id: string): Outcome {
  const index = findAnnotation(session, id);
  if (typeof index === 'string') return index;
  return {
    session: {
      ...session,
      annotations: [
        ...session.annotations.slice(0, index),
        ...session.annotations.slice(index + 1),
      ],
    },
  };
}

function setAnnotationStatus(
  session: ReviewSession,
  id: string,
  status: AnnotationStatus,
  updatedAt: string,
): Outcome {
  const index = findAnnotation(session, id);
  if (typeof index === 'string') return index;
  const current = session.annotations[index]!;
  if (current.status === status) return { session };
  return replaceAnnotation(session, index, { ...current, status, updatedAt });
}

/**
 * Every violation of the session invariants: those of `checkAlignment`, plus unique annotation ids and annotation
 * selectors inside their side's text (see `checkAnnotation`).
 */
export function checkSession(session: ReviewSession): string[] {
  const violations = checkAlignment(session.alignment);
  const ids = new Set<string>();
  const lengths = textLengths(session);
  for (const annotation of session.annotations) {
    if (ids.has(annotation.id)) violations.push(`annotation id ${annotation.id} is used twice`);
    ids.add(annotation.id);
    violations.push(...checkAnnotation(annotation, lengths));
  }
  return violations;
}

/** A session over an alignment with no annotations yet. */
export function createSession(
  alignment: DocumentAlignment,
  annotations: readonly Annotation[] = [],
): ReviewSession {
  return { alignment, annotations };
}
