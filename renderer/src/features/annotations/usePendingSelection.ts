import { useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { Side } from '../../../../core/alignment/types';
import { ReviewStoreContext } from '../../state/ReviewStoreContext';
import {
  currentSelectedSpan,
  mergeSelection,
  sameSelection,
  type PendingSelection,
} from './textSelection';

const HIGHLIGHT_NAME = 'taiyaku-pending-selection';

/** What the flag dialog needs from the text selection. */
export interface PendingSelectionApi {
  readonly pending: PendingSelection;
  /** Folds the window's current selection in (if it lies in the aligned text) and returns the result. */
  capture(): PendingSelection;
  /** Drops one side's span. */
  remove(side: Side): void;
  /** Forgets every span (after a flag is saved or the dialog is cancelled). */
  clear(): void;
}

function paint(ranges: ReadonlyMap<Side, Range>): void {
  // CSS Custom Highlights show the span picked on one side while the reviewer selects its counterpart on the other
  // (the browser selection can only show one). Absent in old engines: then nothing is painted, nothing breaks.
  if (typeof CSS === 'undefined' || !('highlights' in CSS) || typeof Highlight === 'undefined')
    return;
  if (ranges.size === 0) CSS.highlights.delete(HIGHLIGHT_NAME);
  else CSS.highlights.set(HIGHLIGHT_NAME, new Highlight(...ranges.values()));
}

/**
 * Tracks what the reviewer selects in the aligned text (`selectionchange`), keeping up to one span per side: selecting
 * English and then its Japanese counterpart in the same row keeps both (see `mergeSelection`). A collapsed selection
 * (a click) keeps the spans, so clicking into the other column to start selecting there loses nothing; Escape (outside a
 * dialog), saving a flag or cancelling the dialog forgets them.
 */
export function usePendingSelection(): PendingSelectionApi {
  const store = useContext(ReviewStoreContext);
  const [pending, setPending] = useState<PendingSelection>({});
  const pendingRef = useRef<PendingSelection>({});
  const ranges = useRef(new Map<Side, Range>());

  const update = useCallback((next: PendingSelection) => {
    if (sameSelection(pendingRef.current, next)) return pendingRef.current;
    for (const side of ['source', 'target'] as const) if (!next[side]) ranges.current.delete(side);
    pendingRef.current = next;
    setPending(next);
    paint(ranges.current);
    return next;
  }, []);

  const capture = useCallback((): PendingSelection => {
    const alignment = store?.getState().history?.present.alignment;
    if (!alignment) return pendingRef.current;
    const span = currentSelectedSpan(alignment);
    if (!span) return pendingRef.current;
    const selection = window.getSelection();
    if (selection && selection.rangeCount > 0)
      ranges.current.set(span.side, selection.getRangeAt(0).cloneRange());
    return update(mergeSelection(pendingRef.current, span));
  }, [store, update]);

  useEffect(() => {
    let frame = 0;
    const onChange = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => capture());
    };
    // Escape outside a dialog forgets the picked spans (and their tint), as it would drop a selection.
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      if (document.querySelector('[role=dialog]')) return;
      update({});
    };
    document.addEventListener('selectionchange', onChange);
    document.addEventListener('keydown', onKey);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('selectionchange', onChange);
      document.removeEventListener('keydown', onKey);
      paint(new Map());
    };
  }, [capture, update]);

  const remove = useCallback(
    (side: Side) => {
      const next = { ...pendingRef.current };
      delete next[side];
      update(next);
    },
    [update],
  );
  const clear = useCallback(() => {
    update({});
  }, [update]);

  return { pending, capture, remove, clear };
}
