import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { VisuallyHidden } from '@mantine/core';
import { beadOfSentence } from '../../../../core/review/anchoring';
import { useReview } from '../../state/ReviewStoreContext';
import { visibleRows } from '../../state/selectors';
import { useMessages } from '../../useMessages';
import type { ShortcutAction } from '../workspace/shortcuts';
import { AlignedRow } from './AlignedRow';
import { caretFromSelection, type SentenceCaret } from './caret';
import { ClauseHeading } from './ClauseHeading';
import { buildItems, clauseLabel, clauseName, type ViewItem } from './viewItems';
import classes from './AlignedView.module.css';

export interface AlignedViewProps {
  readonly isMac: boolean;
  /** The row whose "split between sentences" popover is open, or null. */
  readonly splitRowFor: number | null;
  /** The caret when the split popover opened (the split starts at its sentence), or null. */
  readonly splitCaret: SentenceCaret | null;
  readonly onAction: (action: ShortcutAction, beadIndex: number) => void;
  readonly onSplit: (beadIndex: number, sourceCount: number, targetCount: number) => void;
  readonly onCloseSplit: () => void;
  /** Called with the caret whenever the text selection moves inside the view (for "split sentence at caret"). */
  readonly onCaret: (caret: SentenceCaret | null) => void;
}

const HEADER_HEIGHT = 34;
const CLAUSE_HEIGHT = 28;

/**
 * English and Japanese side by side, one row per sentence bead, grouped under its clause: a virtual list (only the
 * rows in view are in the DOM) in one scroll container, so both columns scroll together and 10,000 rows stay smooth.
 * Accessible as a table: per clause a row group named "Clause N", rows with an English and a Japanese cell.
 */
export function AlignedView(props: AlignedViewProps) {
  const t = useMessages();
  const alignment = useReview((state) => state.history?.present.alignment);
  const rows = useReview(visibleRows);
  const selectedBead = useReview((state) => state.ui.selectedBead);
  const selectBead = useReview((state) => state.selectBead);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [menuFor, setMenuFor] = useState<number | null>(null);
  const onCaretRef = useRef(props.onCaret);
  useEffect(() => {
    onCaretRef.current = props.onCaret;
  }, [props.onCaret]);
  /** The sentence last clicked into, and the one it was when the open menu opened (its moves take it along). */
  const caretRef = useRef<SentenceCaret | null>(null);
  const [menuCaret, setMenuCaret] = useState<SentenceCaret | null>(null);
  const openMenu = useCallback(
    (beadIndex: number | null) => {
      const last = caretFromSelection(document.getSelection()) ?? caretRef.current;
      // Only a sentence of this row counts as picked for its menu.
      const caret =
        beadIndex !== null &&
        last &&
        alignment &&
        beadOfSentence(alignment, last.side, last.sentenceIndex) === beadIndex
          ? last
          : null;
      setMenuCaret(caret);
      // The menu's actions read the caret too: they act on the sentence the menu names.
      if (caret) onCaretRef.current(caret);
      setMenuFor(beadIndex);
    },
    [alignment],
  );

  const items = useMemo(() => (alignment ? buildItems(alignment, rows) : []), [alignment, rows]);
  const itemOfBead = useMemo(() => {
    const map = new Map<number, number>();
    items.forEach((item, index) => {
      if (item.kind === 'row') map.set(item.beadIndex, index);
    });
    return map;
  }, [items]);

  // TanStack Virtual returns a mutable instance the React Compiler cannot memoize around; this component opts out.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => (items[index]?.kind === 'clause' ? CLAUSE_HEIGHT : 64),
    getItemKey: (index) => {
      const item = items[index];
      return item === undefined
        ? index
        : item.kind === 'clause'
          ? `c${item.clauseBead}`
          : `r${item.beadIndex}`;
    },
    overscan: 6,
    scrollMargin: HEADER_HEIGHT,
    // Item offsets count from the scroller's top (they include the scroll margin), so a row scrolled "to the top" must
    // clear both the column header and the pinned clause heading, or its first line hides under them.
    scrollPaddingStart: HEADER_HEIGHT + CLAUSE_HEIGHT,
  });

  // Keep the selected row in view (keyboard navigation, jumps from search, flags and the annotation panel).
  useEffect(() => {
    if (selectedBead === null) return;
    const itemIndex = itemOfBead.get(selectedBead);
    if (itemIndex !== undefined) virtualizer.scrollToIndex(itemIndex, { align: 'auto' });
  }, [selectedBead, itemOfBead, virtualizer]);

  const { onCaret } = props;
  useEffect(() => {
    const onSelectionChange = () => {
      const selection = document.getSelection();
      const anchor = selection?.anchorNode;
      if (!anchor || !scrollRef.current?.contains(anchor)) return;
      const caret = caretFromSelection(selection);
      // Clicking the row's menu button must not forget the sentence picked just before.
      if (caret) caretRef.current = caret;
      onCaret(caret);
    };
    document.addEventListener('selectionchange', onSelectionChange);
    return () => document.removeEventListener('selectionchange', onSelectionChange);
  }, [onCaret]);

  const onSelect = useCallback((beadIndex: number) => selectBead(beadIndex), [selectBead]);
  const { onAction: runAction } = props;
  const onAction = useCallback(
    (action: ShortcutAction, beadIndex: number) => {
      setMenuFor(null);
      runAction(action, beadIndex);
    },
    [runAction],
  );

  if (!alignment) return null;
  const virtualItems = virtualizer.getVirtualItems();
  const firstStart = virtualItems[0]?.start ?? HEADER_HEIGHT;

  // The clause of the first line visible below the pinned heading (not the one hidden under it): its heading stays
  // pinned under the column header.
  const topItem = virtualizer.getVirtualItemForOffset(
    (virtualizer.scrollOffset ?? 0) + HEADER_HEIGHT + CLAUSE_HEIGHT,
  );
  let stickyHeading: Extract<ViewItem, { kind: 'clause' }> | undefined;
  for (let index = topItem?.index ?? 0; index >= 0; index--) {
    const item = items[index];
    if (item?.kind === 'clause') {
      stickyHeading = item;
      break;
    }
  }

  // Rendered items are contiguous; wrap each run of one clause in its row group.
  const groups: { clauseBead: number; key: string; children: ReactNode[] }[] = [];
  for (const virtualItem of virtualItems) {
    const item = items[virtualItem.index];
    if (!item) continue;
    let group = groups[groups.length - 1];
    if (!group || group.clauseBead !== item.clauseBead) {
      group = { clauseBead: item.clauseBead, key: `g${item.clauseBead}`, children: [] };
      groups.push(group);
    }
    if (item.kind === 'clause') {
      group.children.push(
        <div
          key={virtualItem.key}
          ref={virtualizer.measureElement}
          data-index={virtualItem.index}
          className={classes.clauseHeader}
          aria-hidden
        >
          <ClauseHeading alignment={alignment} item={item} t={t} />
        </div>,
      );
    } else {
      const bead = alignment.sentenceBeads[item.beadIndex]!;
      group.children.push(
        <AlignedRow
          key={virtualItem.key}
          bead={bead}
          beadIndex={item.beadIndex}
          beadCount={alignment.sentenceBeads.length}
          itemIndex={virtualItem.index}
          source={alignment.source}
          target={alignment.target}
          selected={item.beadIndex === selectedBead}
          splitOpen={item.beadIndex === props.splitRowFor}
          splitCaret={item.beadIndex === props.splitRowFor ? props.splitCaret : null}
          menuOpen={item.beadIndex === menuFor}
          picked={item.beadIndex === menuFor ? menuCaret : null}
          onMenu={openMenu}
          isMac={props.isMac}
          measure={virtualizer.measureElement}
          onSelect={onSelect}
          onAction={onAction}
          onSplit={props.onSplit}
          onCloseSplit={props.onCloseSplit}
        />,
      );
    }
  }

  return (
    <div className={classes.table}>
      {/* The table role sits on the focusable scroller itself: a focusable wrapper between a table and its rows is not
          allowed (axe aria-required-children). */}
      <div
        ref={scrollRef}
        role="table"
        aria-label={t('alignedText')}
        aria-rowcount={alignment.sentenceBeads.length + 1}
        className={classes.scroller}
        tabIndex={-1}
        data-aligned-scroller
      >
        <div role="rowgroup" className={classes.header}>
          <div
            role="row"
            aria-rowindex={1}
            className={classes.columns}
            style={{ height: '100%', alignItems: 'center' }}
          >
            <span role="columnheader">#</span>
            <span role="columnheader" lang="en">
              {t('source')}
            </span>
            <span role="columnheader" lang="ja">
              {t('target')}
            </span>
            <span role="columnheader">
              <VisuallyHidden>{t('rowActions')}</VisuallyHidden>
            </span>
          </div>
        </div>
        {stickyHeading && (
          <div className={classes.stickyClause} aria-hidden data-sticky-clause>
            <div className={classes.clauseHeader}>
              <ClauseHeading alignment={alignment} item={stickyHeading} t={t} />
            </div>
          </div>
        )}
        {items.length === 0 ? (
          <div role="rowgroup">
            <div role="row" className={classes.noRows}>
              <span role="cell">{t('noRows')}</span>
            </div>
          </div>
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            <div
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                right: 0,
                transform: `translateY(${firstStart - HEADER_HEIGHT}px)`,
              }}
            >
              {groups.map((group) => (
                <div
                  role="rowgroup"
                  key={group.key}
                  aria-label={clauseName(clauseLabel(alignment, group.clauseBead), t)}
                >
                  {group.children}
                </div>
              ))}
            </div>
          </div>
        )}
      </div>
    </div>
  );
}
