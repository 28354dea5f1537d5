import { beadSideIndices } from '../../../../core/alignment/beadFormat';
import type { SentenceBead, Side } from '../../../../core/alignment/types';
import type { ShortcutAction } from '../workspace/shortcuts';

/** The row menu, in order; `null` draws a divider. */
export const ROW_MENU: readonly (ShortcutAction | null)[] = [
  'togglePin',
  null,
  'mergePrevious',
  'mergeNext',
  'splitRow',
  'splitSentence',
  null,
  'moveSourceToPrevious',
  'moveSourceToNext',
  'moveTargetToPrevious',
  'moveTargetToNext',
  null,
  'detachTarget',
  'detachSource',
  null,
  'flag',
];

/** A sentence the reviewer picked (clicked into) in the text. */
export interface PickedSentence {
  readonly side: Side;
  /** 0-based index into the side's sentences. */
  readonly sentenceIndex: number;
}

/** The side and direction of each "move a sentence" action. */
export const MOVE_ACTIONS: Partial<
  Record<ShortcutAction, { readonly side: Side; readonly direction: 'previous' | 'next' }>
> = {
  moveSourceToPrevious: { side: 'source', direction: 'previous' },
  moveSourceToNext: { side: 'source', direction: 'next' },
  moveTargetToPrevious: { side: 'target', direction: 'previous' },
  moveTargetToNext: { side: 'target', direction: 'next' },
};

/**
 * What a move action takes from a row: by default the side's first sentence (to the previous row) or last (to the
 * next). With a sentence `picked` in this row on that side, that sentence, with the sentences between it and the
 * neighbouring row (they cannot stay behind: order is kept). `sentenceIndex` is the picked sentence when it moves more
 * than the default one, else null.
 */
export function movedSentences(
  bead: SentenceBead,
  side: Side,
  direction: 'previous' | 'next',
  picked: PickedSentence | null,
): { readonly count: number; readonly sentenceIndex: number | null } {
  const indices = beadSideIndices(bead, side);
  const position = picked?.side === side ? indices.indexOf(picked.sentenceIndex) : -1;
  const count =
    position === -1 ? 1 : direction === 'previous' ? position + 1 : indices.length - position;
  return { count, sentenceIndex: count > 1 ? picked!.sentenceIndex : null };
}

/**
 * Whether a row action can apply to bead `beadIndex` of `beadCount` (greys out menu items; the core still checks and
 * gives the reason when a command is refused). `picked`: the sentence the reviewer clicked into, if any (a move takes
 * it along, see `movedSentences`).
 */
export function rowActionEnabled(
  action: ShortcutAction,
  bead: SentenceBead,
  beadIndex: number,
  beadCount: number,
  picked: PickedSentence | null = null,
): boolean {
  const hasPrevious = beadIndex > 0;
  const hasNext = beadIndex < beadCount - 1;
  const sources = bead.sourceIndices.length;
  const targets = bead.targetIndices.length;
  const move = MOVE_ACTIONS[action];
  if (move) {
    const own = move.side === 'source' ? sources : targets;
    const other = move.side === 'source' ? targets : sources;
    const { count } = movedSentences(bead, move.side, move.direction, picked);
    // Moving all of a side's sentences away would leave half a row (a detach in disguise); it makes sense only when
    // the other side is already empty (the row then joins its neighbour).
    const canMove = own > 0 && (count < own || other === 0);
    return (move.direction === 'previous' ? hasPrevious : hasNext) && canMove;
  }
  switch (action) {
    case 'mergePrevious':
      return hasPrevious;
    case 'mergeNext':
      return hasNext;
    case 'splitRow':
      return sources + targets >= 2;
    case 'detachTarget':
    case 'detachSource':
      return sources > 0 && targets > 0;
    default:
      return true;
  }
}

/**
 * The default split of a row: about half of each side in the first row, and never an empty part (a 1-1 row splits
 * into 1-0 and 0-1). With a sentence the reviewer picked in the row (clicked into: `picked`), the second row starts at
 * that sentence on its side (unless it is the side's first sentence).
 */
export function defaultSplit(
  bead: SentenceBead,
  picked: { readonly side: Side; readonly sentenceIndex: number } | null = null,
): { sourceCount: number; targetCount: number } {
  const sources = bead.sourceIndices.length;
  const targets = bead.targetIndices.length;
  let sourceCount = Math.ceil(sources / 2);
  let targetCount = Math.ceil(targets / 2);
  if (sourceCount === sources && targetCount === targets) {
    if (targets > 0) targetCount -= 1;
    else sourceCount -= 1;
  }
  const position = picked ? beadSideIndices(bead, picked.side).indexOf(picked.sentenceIndex) : -1;
  if (picked && position > 0) {
    const chosen =
      picked.side === 'source'
        ? { sourceCount: position, targetCount }
        : { sourceCount, targetCount: position };
    if (isValidSplit(bead, chosen.sourceCount, chosen.targetCount)) return chosen;
  }
  return { sourceCount, targetCount };
}

/** True when a split leaves a sentence in both parts. */
export function isValidSplit(
  bead: SentenceBead,
  sourceCount: number,
  targetCount: number,
): boolean {
  const sources = bead.sourceIndices.length;
  const targets = bead.targetIndices.length;
  return (
    Number.isInteger(sourceCount) &&
    Number.isInteger(targetCount) &&
    sourceCount >= 0 &&
    targetCount >= 0 &&
    sourceCount <= sources &&
    targetCount <= targets &&
    sourceCount + targetCount > 0 &&
    sources - sourceCount + targets - targetCount > 0
  );
}
