import type { DocumentAlignment, Side } from '../../../../core/alignment/types';
import { beadsOfSpan } from '../../../../core/review/anchoring';
import { displayMap, originalEnd, originalStart } from './offsets';

/** A span the reviewer selected on one side: UTF-16 offsets into that side's original text. */
export interface SelectedSpan {
  readonly side: Side;
  readonly start: number;
  readonly end: number;
  /** 0-based sentence bead indices the span overlaps. */
  readonly beads: readonly number[];
}

/** The spans picked for the next flag, at most one per side. */
export type PendingSelection = Partial<Record<Side, SelectedSpan>>;

const SENTENCE_SELECTOR = '[data-side][data-sentence]';

function elementOf(node: Node): Element | null {
  return node instanceof Element ? node : node.parentElement;
}

/** Display offset of a DOM point inside a sentence span: the length of the text before it. */
function displayOffset(sentence: Element, node: Node, offset: number): number {
  const before = document.createRange();
  before.selectNodeContents(sentence);
  before.setEnd(node, offset);
  return before.toString().length;
}

/**
 * The span a DOM range covers in the aligned text, in original UTF-16 offsets, or null when it covers no text of a
 * sentence. A range over several sentences of one side gives one span from the first to the last; a range that runs
 * from one column into the other (a drag across the table) keeps only the side it started on (`anchorSide`, else the
 * side of its first sentence).
 */
export function spanOfRange(
  range: Range,
  alignment: DocumentAlignment,
  anchorSide?: Side,
): SelectedSpan | null {
  const common = elementOf(range.commonAncestorContainer);
  if (!common) return null;
  const inside = common.closest(SENTENCE_SELECTOR);
  const sentences = inside
    ? [inside]
    : [...common.querySelectorAll(SENTENCE_SELECTOR)].filter((element) =>
        range.intersectsNode(element),
      );
  const spans = new Map<Side, { start: number; end: number }>();
  for (const element of sentences) {
    const side = element.getAttribute('data-side');
    if (side !== 'source' && side !== 'target') continue;
    const index = Number(element.getAttribute('data-sentence'));
    const segment = alignment[side].sentences[index];
    if (!segment || Number(element.getAttribute('data-start')) !== segment.start) continue;
    const map = displayMap(alignment[side].text, segment);
    const startsHere = element.contains(range.startContainer);
    const endsHere = element.contains(range.endContainer);
    const displayStart = startsHere
      ? displayOffset(element, range.startContainer, range.startOffset)
      : 0;
    const displayEnd = endsHere
      ? displayOffset(element, range.endContainer, range.endOffset)
      : segment.text.length;
    const start = originalStart(map, displayStart);
    const end = originalEnd(map, displayEnd);
    if (end <= start) continue;
    const current = spans.get(side);
    spans.set(side, {
      start: Math.min(start, current?.start ?? start),
      end: Math.max(end, current?.end ?? end),
    });
  }
  const first = spans.keys().next().value;
  const side = anchorSide && spans.has(anchorSide) ? anchorSide : first;
  if (side === undefined) return null;
  const span = spans.get(side)!;
  return { side, ...span, beads: beadsOfSpan(alignment, side, span.start, span.end) };
}

/** The side a node's sentence belongs to, or undefined outside the aligned text. */
export function sideOfNode(node: Node | null): Side | undefined {
  const element = node ? elementOf(node)?.closest('[data-side]') : null;
  const side = element?.getAttribute('data-side');
  return side === 'source' || side === 'target' ? side : undefined;
}

/** The span of the window's current selection, or null when nothing in the aligned text is selected. */
export function currentSelectedSpan(alignment: DocumentAlignment): SelectedSpan | null {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  return spanOfRange(selection.getRangeAt(0), alignment, sideOfNode(selection.anchorNode));
}

/**
 * Adds a newly selected span to the pending selection. It replaces the one on its own side; the other side's span is
 * kept only when both lie in a common row, so selecting English and then its Japanese counterpart flags both, while a
 * selection elsewhere starts afresh.
 */
export function mergeSelection(pending: PendingSelection, span: SelectedSpan): PendingSelection {
  const otherSide: Side = span.side === 'source' ? 'target' : 'source';
  const other = pending[otherSide];
  const sameRow = other?.beads.some((bead) => span.beads.includes(bead)) ?? false;
  return sameRow && other ? { [span.side]: span, [otherSide]: other } : { [span.side]: span };
}

/** True when two pending selections hold the same spans. */
export function sameSelection(left: PendingSelection, right: PendingSelection): boolean {
  const same = (a?: SelectedSpan, b?: SelectedSpan) =>
    a === b || (a !== undefined && b !== undefined && a.start === b.start && a.end === b.end);
  return same(left.source, right.source) && same(left.target, right.target);
}
