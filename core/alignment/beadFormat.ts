import type { Bead, Side } from './types';

/**
 * The Vecalign bead text format: one bead a line, `[0,1]:[2]` (source indices, target indices, 0-based), optionally
 * followed by `:cost`. `[3]:[]` is a 1-0 bead (omission), `[]:[4]` a 0-1 bead (addition).
 */

/**
 * Formats beads one a line.
 * @param costs optional per-bead cost (or any score) appended as `:cost` with 4 decimals
 */
export function formatVecalignBeads(beads: readonly Bead[], costs?: readonly number[]): string {
  return beads
    .map((bead, index) => {
      const line = `[${bead.sourceIndices.join(',')}]:[${bead.targetIndices.join(',')}]`;
      const cost = costs?.[index];
      return cost === undefined ? line : `${line}:${cost.toFixed(4)}`;
    })
    .map((line) => `${line}\n`)
    .join('');
}

/**
 * Parses bead lines; blank lines are skipped.
 * @throws Error naming the line when a line is not a bead
 * @returns beads with confidence 1 (the format carries none)
 */
export function parseVecalignBeads(text: string): Bead[] {
  const beads: Bead[] = [];
  text.split('\n').forEach((raw, lineIndex) => {
    const line = raw.trim();
    if (!line) return;
    const match = /^\[([\d,\s]*)\]\s*:\s*\[([\d,\s]*)\]/.exec(line);
    if (!match) throw new Error(`line ${lineIndex + 1}: not a bead: ${line}`);
    const indices = (list: string): number[] =>
      list
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)
        .map(Number);
    beads.push({
      sourceIndices: indices(match[1]!),
      targetIndices: indices(match[2]!),
      confidence: 1,
    });
  });
  return beads;
}

/**
 * A bead's identity by its links: `0,1:2` for source sentences 0 and 1 with target sentence 2 (0-based indices; `3:`
 * is a 1-0 bead, `:4` a 0-1 bead). Two beads with the same key link the same segments, whatever their confidence.
 */
export function beadKey(bead: {
  readonly sourceIndices: readonly number[];
  readonly targetIndices: readonly number[];
}): string {
  return `${bead.sourceIndices.join(',')}:${bead.targetIndices.join(',')}`;
}

/** The 0-based segment indices a bead links on `side`. */
export function beadSideIndices(bead: Bead, side: Side): readonly number[] {
  return side === 'source' ? bead.sourceIndices : bead.targetIndices;
}
