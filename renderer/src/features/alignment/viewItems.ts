import type { DocumentAlignment } from '../../../../core/alignment/types';
import type { Translate } from '../../useMessages';

/** A line of the virtual list: a clause heading, or a row (sentence bead). */
export type ViewItem =
  | {
      readonly kind: 'clause';
      /** The clause bead the heading is named after (the first, for a run of unnumbered paragraphs). */
      readonly clauseBead: number;
      /** The rows of this clause that are shown, and the first and last (0-based bead indices). */
      readonly rowCount: number;
      readonly firstBead: number;
      readonly lastBead: number;
    }
  | {
      readonly kind: 'row';
      /** The `clauseBead` of the heading the row sits under (not always its own: see `buildItems`). */
      readonly clauseBead: number;
      readonly beadIndex: number;
    };

/** The clause label as written (`4.`, `(2)`), from the English side, else the Japanese; undefined for unnumbered text. */
export function clauseLabel(alignment: DocumentAlignment, clauseBead: number): string | undefined {
  const bead = alignment.clauseBeads[clauseBead];
  if (!bead) return undefined;
  const sourceClause = bead.sourceIndices[0];
  const targetClause = bead.targetIndices[0];
  return (
    (sourceClause !== undefined ? alignment.source.clauses[sourceClause]?.label : undefined) ??
    (targetClause !== undefined ? alignment.target.clauses[targetClause]?.label : undefined)
  );
}

/** "Clause 4" for label `4.`, "Unnumbered" for text without a clause number (a title, a plain paragraph). */
export function clauseName(label: string | undefined, t: Translate): string {
  return label ? `${t('clause')} ${label.replace(/\.$/, '')}` : t('unnumbered');
}

/**
 * The virtual list's lines: each clause's heading, then its shown rows. Linear in the shown rows. Consecutive unnumbered
 * clauses (a title and plain paragraphs) share one "Unnumbered" heading: a heading per paragraph says nothing.
 */
export function buildItems(alignment: DocumentAlignment, rows: readonly number[]): ViewItem[] {
  const items: ViewItem[] = [];
  let headingAt = -1;
  let lastClause = -1;
  for (const beadIndex of rows) {
    const bead = alignment.sentenceBeads[beadIndex];
    if (!bead) continue;
    const heading = items[headingAt];
    const sameGroup =
      heading !== undefined &&
      (bead.clauseBead === lastClause ||
        (clauseLabel(alignment, bead.clauseBead) === undefined &&
          clauseLabel(alignment, heading.clauseBead) === undefined));
    if (!sameGroup) {
      headingAt = items.length;
      items.push({
        kind: 'clause',
        clauseBead: bead.clauseBead,
        rowCount: 0,
        firstBead: beadIndex,
        lastBead: beadIndex,
      });
    }
    lastClause = bead.clauseBead;
    const current = items[headingAt] as Extract<ViewItem, { kind: 'clause' }>;
    items[headingAt] = { ...current, rowCount: current.rowCount + 1, lastBead: beadIndex };
    items.push({ kind: 'row', clauseBead: current.clauseBead, beadIndex });
  }
  return items;
}
