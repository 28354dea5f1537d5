import {
  alignSentenceWindows,
  defaultAlignmentParameters,
  type AlignmentParameters,
  type AlignmentWindow,
} from './alignSentences';
import { chooseTokenizer } from './alignDocument';
import { KeyTable, englishFeatures, japaneseFeatures } from './lexicalFeatures';
import type { AlignmentResources } from './resources';
import type { Bead, DocumentAlignment, DocumentSide, SentenceBead } from './types';

/**
 * Realigns a document around beads a reviewer pinned. Pinned sentence beads stay exactly as given (confidence 1,
 * `pinned: true`); the sentences between two pins are aligned again inside that window only, so a pin acts as a hard
 * anchor. Clause beads are then rebuilt as the smallest groups of sentence beads that start and end on clause
 * boundaries of both sides.
 *
 * Pure: returns a new alignment and leaves its argument untouched.
 * @param alignment the current alignment (its sides' segments are kept)
 * @param pinnedBeads sentence beads to keep, over sentence indices; they must not overlap or cross each other
 * @param resources tokenizer and lexicon, as for `alignDocument`
 * @throws Error when pins overlap, cross, or name sentences that do not exist
 */
export function realign(
  alignment: DocumentAlignment,
  pinnedBeads: readonly Bead[],
  resources: AlignmentResources,
  parameters: AlignmentParameters = defaultAlignmentParameters,
): DocumentAlignment {
  const { source, target } = alignment;
  const pins = validatePins(pinnedBeads, source.sentences.length, target.sentences.length);
  const keys = new KeyTable();
  const sourceFeatures = englishFeatures(
    source.sentences.map((sentence) => sentence.text),
    keys,
  );
  const { tokenizer, path } = chooseTokenizer(resources);
  const targetFeatures = japaneseFeatures(
    target.sentences.map((sentence) => sentence.text),
    tokenizer,
    keys,
    resources.lexicon,
  );
  // The gaps between pins are aligned together, with one adaptation for the document (alignSentenceWindows).
  const pieces: (AlignmentWindow | Bead)[] = [];
  let sourceNext = 0;
  let targetNext = 0;
  const addGap = (sourceEnd: number, targetEnd: number): void => {
    if (sourceEnd > sourceNext || targetEnd > targetNext)
      pieces.push({
        sourceStart: sourceNext,
        sourceEnd,
        targetStart: targetNext,
        targetEnd,
      });
  };
  for (const pin of pins) {
    addGap(firstIndex(pin.sourceIndices, sourceNext), firstIndex(pin.targetIndices, targetNext));
    // A confirmed row keeps the aligner's (or the edit's) confidence: the confirmation is its own mark (pinned), and a
    // 100% badge would hide the score the reviewer confirmed against.
    pieces.push({ ...pin, pinned: true });
    sourceNext = pin.sourceIndices.length
      ? pin.sourceIndices[pin.sourceIndices.length - 1]! + 1
      : sourceNext;
    targetNext = pin.targetIndices.length
      ? pin.targetIndices[pin.targetIndices.length - 1]! + 1
      : targetNext;
  }
  addGap(source.sentences.length, target.sentences.length);
  const isGap = (piece: AlignmentWindow | Bead): piece is AlignmentWindow => 'sourceStart' in piece;
  const gaps = pieces.filter(isGap);
  const gapBeads = alignSentenceWindows(sourceFeatures, targetFeatures, gaps, parameters);
  const beads: Bead[] = [];
  let gapIndex = 0;
  for (const piece of pieces) {
    if (!isGap(piece)) {
      beads.push(piece);
      continue;
    }
    for (const bead of gapBeads[gapIndex++]!)
      beads.push({
        sourceIndices: bead.sourceIndices.map((index) => index + piece.sourceStart),
        targetIndices: bead.targetIndices.map((index) => index + piece.targetStart),
        confidence: bead.confidence,
      });
  }
  return { source, target, ...groupIntoClauses(source, target, beads), tokenizerPath: path };
}

function firstIndex(indices: readonly number[], fallback: number): number {
  return indices.length ? indices[0]! : fallback;
}

function validatePins(pins: readonly Bead[], sourceCount: number, targetCount: number): Bead[] {
  const sorted = [...pins].sort(
    (a, b) =>
      (a.sourceIndices[0] ?? a.targetIndices[0] ?? 0) -
      (b.sourceIndices[0] ?? b.targetIndices[0] ?? 0),
  );
  let sourceNext = 0;
  let targetNext = 0;
  for (const pin of sorted) {
    if (pin.sourceIndices.length === 0 && pin.targetIndices.length === 0)
      throw new Error('a pinned bead is empty');
    for (const [indices, next, count] of [
      [pin.sourceIndices, sourceNext, sourceCount],
      [pin.targetIndices, targetNext, targetCount],
    ] as const) {
      indices.forEach((index, position) => {
        if (!Number.isInteger(index) || index < next || index >= count) {
          throw new Error(
            `pinned bead ${JSON.stringify(pin)} overlaps another pin or is out of range`,
          );
        }
        if (position > 0 && index !== indices[position - 1]! + 1) {
          throw new Error(`pinned bead ${JSON.stringify(pin)} is not contiguous`);
        }
      });
    }
    if (pin.sourceIndices.length) sourceNext = pin.sourceIndices[pin.sourceIndices.length - 1]! + 1;
    if (pin.targetIndices.length) targetNext = pin.targetIndices[pin.targetIndices.length - 1]! + 1;
  }
  return sorted;
}

/** Groups sentence beads into clause beads cut only where both sides sit on a clause boundary. */
function groupIntoClauses(
  source: DocumentSide,
  target: DocumentSide,
  beads: readonly Bead[],
): { clauseBeads: Bead[]; sentenceBeads: SentenceBead[] } {
  const clauseOf = (side: DocumentSide, index: number): number =>
    side.sentences[index]?.clauseIndex ?? 0;
  const clauseBeads: Bead[] = [];
  const sentenceBeads: SentenceBead[] = [];
  let sourceClause = 0;
  let targetClause = 0;
  let sourceSentence = 0;
  let targetSentence = 0;
  let group: Bead[] = [];
  const closeGroup = (sourceClauseEnd: number, targetClauseEnd: number): void => {
    const sourceIndices = range(sourceClause, sourceClauseEnd);
    const targetIndices = range(targetClause, targetClauseEnd);
    if (sourceIndices.length === 0 && targetIndices.length === 0) return;
    const confidence = group.length ? Math.min(...group.map((bead) => bead.confidence)) : 0.3;
    const pinned = group.length > 0 && group.every((bead) => bead.pinned);
    clauseBeads.push({ sourceIndices, targetIndices, confidence, ...(pinned ? { pinned } : {}) });
    for (const bead of group) sentenceBeads.push({ ...bead, clauseBead: clauseBeads.length - 1 });
    group = [];
    sourceClause = sourceClauseEnd;
    targetClause = targetClauseEnd;
  };
  for (const bead of beads) {
    group.push(bead);
    sourceSentence += bead.sourceIndices.length;
    targetSentence += bead.targetIndices.length;
    const sourceAtBoundary =
      sourceSentence >= source.sentences.length ||
      clauseOf(source, sourceSentence) !== clauseOf(source, sourceSentence - 1);
    const targetAtBoundary =
      targetSentence >= target.sentences.length ||
      clauseOf(target, targetSentence) !== clauseOf(target, targetSentence - 1);
    if (sourceAtBoundary && targetAtBoundary) {
      const sourceEnd =
        sourceSentence >= source.sentences.length
          ? source.clauses.length
          : clauseOf(source, sourceSentence);
      const targetEnd =
        targetSentence >= target.sentences.length
          ? target.clauses.length
          : clauseOf(target, targetSentence);
      closeGroup(sourceEnd, targetEnd);
    }
  }
  closeGroup(source.clauses.length, target.clauses.length);
  if (group.length) {
    // Cannot happen when both sides end together; kept so no sentence bead is ever dropped.
    for (const bead of group)
      sentenceBeads.push({ ...bead, clauseBead: Math.max(0, clauseBeads.length - 1) });
  }
  return { clauseBeads, sentenceBeads };
}

function range(from: number, to: number): number[] {
  const list: number[] = [];
  for (let index = from; index < to; index++) list.push(index);
  return list;
}
