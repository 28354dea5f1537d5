import type { DocumentAlignment } from '../../../../core/alignment/types';
import type { Translate } from '../../useMessages';

/** A line of the virtual list: a clause heading, or a row (sentence bead). */
export type ViewItem =
  | {
      readonly kind: 'clause';
      readonly clauseBead: number;
      /** The rows of this clause that are shown, and the first and last (0-based bead indices). */
      readonly rowCount: number;
      readonly firstBead: number;
      readonly lastBead: number;
    }
  | { readonly kind: 'row'; readonly clauseBead: number; readonly beadIndex: number };

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

/** The virtual list's lines: each clause's heading, then its shown rows. Linear in the shown rows. */
export function buildItems(alignment: DocumentAlignment, rows: readonly number[]): ViewItem[] {
  const items: ViewItem[] = [];
  let headingAt = -1;
  for (const beadIndex of rows) {
    const bead = alignment.sentenceBeads[beadIndex];
    if (!bead) continue;
    const heading = items[headingAt];
    if (heading === undefined || heading.clauseBead !== bead.clauseBead) {
      headingAt = items.length;
      items.push({
        kind: 'clause',
        clauseBead: bead.clauseBead,
        rowCount: 0,
        firstBead: beadIndex,
        lastBead: beadIndex,
      });
    }
    const current = items[headingAt] as Extract<ViewItem, { kind: 'clause' }>;
    items[headingAt] = { ...current, rowCount: current.rowCount + 1, lastBead: beadIndex };
    items.push({ kind: 'row', clauseBead: bead.clauseBead, beadIndex });
  }
  return items;
}
