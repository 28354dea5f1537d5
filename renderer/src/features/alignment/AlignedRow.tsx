import { memo, type CSSProperties } from 'react';
import { Popover } from '@mantine/core';
import type { DocumentSide, SentenceBead } from '../../../../core/alignment/types';
import { PinIcon } from '../../components/icons';
import { useMessages } from '../../useMessages';
import type { ShortcutAction } from '../workspace/shortcuts';
import type { SentenceCaret } from './caret';
import { BAND_COLOR, rowBand } from './confidence';
import { RowMenu } from './RowMenu';
import { SideCell } from './SideCell';
import { SplitRowForm } from './SplitRowForm';
import classes from './AlignedView.module.css';

export interface AlignedRowProps {
  readonly bead: SentenceBead;
  /** 0-based index into `sentenceBeads`. */
  readonly beadIndex: number;
  readonly beadCount: number;
  /** Position among the virtual items (for the virtualizer's measurements). */
  readonly itemIndex: number;
  readonly source: DocumentSide;
  readonly target: DocumentSide;
  readonly selected: boolean;
  readonly splitOpen: boolean;
  /** While the split popover is open: the sentence last clicked into (where the split starts), or null. */
  readonly splitCaret: SentenceCaret | null;
  /** True while this row's action menu is open (only one row mounts a menu). */
  readonly menuOpen: boolean;
  /** While the menu is open: the sentence last clicked into (moves take it along), or null. */
  readonly picked?: SentenceCaret | null;
  readonly isMac: boolean;
  readonly measure: (element: HTMLElement | null) => void;
  readonly onSelect: (beadIndex: number) => void;
  readonly onAction: (action: ShortcutAction, beadIndex: number) => void;
  /** Opens the action menu of a row, or closes it (null). */
  readonly onMenu: (beadIndex: number | null) => void;
  readonly onSplit: (beadIndex: number, sourceCount: number, targetCount: number) => void;
  readonly onCloseSplit: () => void;
}

/** One sentence bead: number, confidence and pin, English, Japanese, and the row menu. */
export const AlignedRow = memo(function AlignedRow(props: AlignedRowProps) {
  const { bead, beadIndex, itemIndex, source, target, selected, splitOpen, measure } = props;
  const t = useMessages();
  const band = rowBand(bead);
  const percent = Math.round(bead.confidence * 100);
  // A row shaped by hand was never scored: say so rather than show a number nobody computed.
  const badgeText = band === 'edited' ? t('editedBadge') : `${percent}%`;
  const badgeLabel =
    band === 'edited' ? `${t('confidence')}: ${t('editedHint')}` : `${t('confidence')} ${percent}%`;
  const menu = <RowMenu {...props} />;
  return (
    <div
      role="row"
      ref={measure}
      data-index={itemIndex}
      data-bead={beadIndex}
      data-confidence-band={band}
      data-pinned={bead.pinned ? '' : undefined}
      data-selected={selected ? '' : undefined}
      aria-current={selected ? 'true' : undefined}
      aria-rowindex={beadIndex + 2}
      className={`${classes.columns} ${classes.row}`}
      style={{ '--band-color': `var(--mantine-color-${BAND_COLOR[band]}-6)` } as CSSProperties}
      onMouseDown={() => props.onSelect(beadIndex)}
    >
      <div role="cell" className={classes.gutter}>
        <span className={classes.rowNumber}>{beadIndex + 1}</span>
        <span className={classes.badges}>
          <span
            className={classes.badge}
            data-band={band}
            aria-label={badgeLabel}
            title={band === 'edited' ? t('editedHint') : `${t('confidence')}: ${percent}%`}
          >
            {badgeText}
          </span>
          {bead.pinned && (
            <span
              className={classes.pin}
              role="img"
              aria-label={t('confirmed')}
              title={t('confirmed')}
            >
              <PinIcon size={14} />
            </span>
          )}
        </span>
      </div>
      <SideCell documentSide={source} side="source" indices={bead.sourceIndices} />
      <SideCell documentSide={target} side="target" indices={bead.targetIndices} />
      <div role="cell" className={classes.actions}>
        {splitOpen ? (
          <Popover
            opened
            onChange={(opened) => {
              if (!opened) props.onCloseSplit();
            }}
            onClose={props.onCloseSplit}
            position="bottom-end"
            shadow="md"
            withArrow
            trapFocus
            returnFocus
          >
            <Popover.Target>
              <div>{menu}</div>
            </Popover.Target>
            <Popover.Dropdown>
              <SplitRowForm
                bead={bead}
                beadIndex={beadIndex}
                source={source}
                target={target}
                picked={props.splitCaret}
                onSplit={(sourceCount, targetCount) =>
                  props.onSplit(beadIndex, sourceCount, targetCount)
                }
                onCancel={props.onCloseSplit}
              />
            </Popover.Dropdown>
          </Popover>
        ) : (
          menu
        )}
      </div>
    </div>
  );
});
