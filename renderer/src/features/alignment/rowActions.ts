import type { SentenceBead } from '../../../../core/alignment/types';
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

/**
 * Whether a row action can apply to bead `beadIndex` of `beadCount` (greys out menu items; the core still checks and
 * gives the reason when a command is refused).
 */
export function rowActionEnabled(
  action: ShortcutAction,
  bead: SentenceBead,
  beadIndex: number,
  beadCount: number,
): boolean {
  const hasPrevious = beadIndex > 0;
  const hasNext = beadIndex < beadCount - 1;
  switch (action) {
    case 'mergePrevious':
      return hasPrevious;
    case 'mergeNext':
      return hasNext;
    case 'splitRow':
      return bead.sourceIndices.length + bead.targetIndices.length >= 2;
    case 'moveSourceToPrevious':
      return hasPrevious && bead.sourceIndices.length > 0;
    case 'moveSourceToNext':
      return hasNext && bead.sourceIndices.length > 0;
    case 'moveTargetToPrevious':
      return hasPrevious && bead.targetIndices.length > 0;
    case 'moveTargetToNext':
      return hasNext && bead.targetIndices.length > 0;
    case 'detachTarget':
    case 'detachSource':
      return bead.sourceIndices.length > 0 && bead.targetIndices.length > 0;
    default:
      return true;
  }
}

/**
 * The default split of a row: about half of each side in the first row, and never an empty part (a 1-1 row splits
 * into 1-0 and 0-1).
 */
export function defaultSplit(bead: SentenceBead): { sourceCount: number; targetCount: number } {
  const sources = bead.sourceIndices.length;
  const targets = bead.targetIndices.length;
  let sourceCount = Math.ceil(sources / 2);
  let targetCount = Math.ceil(targets / 2);
  if (sourceCount === sources && targetCount === targets) {
    if (targets > 0) targetCount -= 1;
    else sourceCount -= 1;
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
