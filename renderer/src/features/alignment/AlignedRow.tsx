import { memo, useState, type CSSProperties } from 'react';
import { Button, Group, Menu, NumberInput, Popover, Stack, Text } from '@mantine/core';
import type { DocumentSide, SentenceBead } from '../../../../core/alignment/types';
import { DotsIcon, PinIcon } from '../../components/icons';
import { formatMessage } from '../../i18n';
import { useMessages } from '../../useMessages';
import { SegmentText } from '../annotations/SegmentText';
import { formatChord, shortcutOf, type ShortcutAction } from '../workspace/shortcuts';
import { BAND_COLOR, confidenceBand } from './confidence';
import { defaultSplit, isValidSplit, ROW_MENU, rowActionEnabled } from './rowActions';
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
  /** True while this row's action menu is open (only one row mounts a menu). */
  readonly menuOpen: boolean;
  readonly isMac: boolean;
  readonly measure: (element: HTMLElement | null) => void;
  readonly onSelect: (beadIndex: number) => void;
  readonly onAction: (action: ShortcutAction, beadIndex: number) => void;
  /** Opens the action menu of a row, or closes it (null). */
  readonly onMenu: (beadIndex: number | null) => void;
  readonly onSplit: (beadIndex: number, sourceCount: number, targetCount: number) => void;
  readonly onCloseSplit: () => void;
}

function SideCell({
  documentSide,
  side,
  indices,
}: {
  documentSide: DocumentSide;
  side: 'source' | 'target';
  indices: readonly number[];
}) {
  const t = useMessages();
  return (
    <div role="cell" lang={side === 'source' ? 'en' : 'ja'} className={classes.text}>
      {indices.length ? (
        <SegmentText
          side={side}
          segments={documentSide.sentences}
          indices={indices}
          lang={documentSide.lang}
        />
      ) : (
        <span className={classes.empty}>{t('omitted')}</span>
      )}
    </div>
  );
}

function shorten(text: string, length: number, fromEnd: boolean): string {
  if (text.length <= length) return text;
  return fromEnd ? `…${text.slice(text.length - length)}` : `${text.slice(0, length)}…`;
}

function SplitRowForm({
  bead,
  beadIndex,
  source,
  target,
  onSplit,
  onCancel,
}: {
  bead: SentenceBead;
  beadIndex: number;
  source: DocumentSide;
  target: DocumentSide;
  onSplit: (sourceCount: number, targetCount: number) => void;
  onCancel: () => void;
}) {
  const t = useMessages();
  const initial = defaultSplit(bead);
  const [sourceCount, setSourceCount] = useState(initial.sourceCount);
  const [targetCount, setTargetCount] = useState(initial.targetCount);
  const valid = isValidSplit(bead, sourceCount, targetCount);
  const preview = (documentSide: DocumentSide, indices: readonly number[], count: number) => {
    const last = count > 0 ? documentSide.sentences[indices[count - 1]!]?.text : undefined;
    const next = count < indices.length ? documentSide.sentences[indices[count]!]?.text : undefined;
    return (
      <Text size="xs" c="dimmed" lang={documentSide.lang}>
        {last ? shorten(last, 36, true) : '—'}{' '}
        <Text span c="indigo" fw={700} aria-hidden>
          ⏐
        </Text>{' '}
        {next ? shorten(next, 36, false) : '—'}
      </Text>
    );
  };
  return (
    <form
      aria-label={formatMessage(t('splitTitle'), { row: beadIndex + 1 })}
      onSubmit={(event) => {
        event.preventDefault();
        if (valid) onSplit(sourceCount, targetCount);
      }}
    >
      <Stack gap="xs" w={340}>
        <Text fw={600} size="sm">
          {formatMessage(t('splitTitle'), { row: beadIndex + 1 })}
        </Text>
        <Text size="xs">{t('splitFirstKeeps')}</Text>
        <Group gap="xs" wrap="nowrap">
          <Text size="xs" w={130} component="label" htmlFor={`split-splitSourceCount-${beadIndex}`}>
            {t('splitSourceCount')}
          </Text>
          <NumberInput
            id={`split-splitSourceCount-${beadIndex}`}
            size="xs"
            w={84}
            min={0}
            max={bead.sourceIndices.length}
            value={sourceCount}
            onChange={(value) => setSourceCount(Number(value) || 0)}
            data-autofocus
          />
          <Text size="xs" c="dimmed">
            {formatMessage(t('splitOf'), { count: bead.sourceIndices.length })}
          </Text>
        </Group>
        {preview(source, bead.sourceIndices, sourceCount)}
        <Group gap="xs" wrap="nowrap">
          <Text size="xs" w={130} component="label" htmlFor={`split-splitTargetCount-${beadIndex}`}>
            {t('splitTargetCount')}
          </Text>
          <NumberInput
            id={`split-splitTargetCount-${beadIndex}`}
            size="xs"
            w={84}
            min={0}
            max={bead.targetIndices.length}
            value={targetCount}
            onChange={(value) => setTargetCount(Number(value) || 0)}
          />
          <Text size="xs" c="dimmed">
            {formatMessage(t('splitOf'), { count: bead.targetIndices.length })}
          </Text>
        </Group>
        {preview(target, bead.targetIndices, targetCount)}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" size="xs" onClick={onCancel}>
            {t('cancel')}
          </Button>
          <Button size="xs" type="submit" disabled={!valid}>
            {t('splitConfirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function RowMenu({
  bead,
  beadIndex,
  beadCount,
  isMac,
  menuOpen,
  onAction,
  onMenu,
}: Pick<
  AlignedRowProps,
  'bead' | 'beadIndex' | 'beadCount' | 'isMac' | 'menuOpen' | 'onAction' | 'onMenu'
>) {
  const t = useMessages();
  const label = `${t('rowActions')} — ${formatMessage(t('rowNumber'), { row: beadIndex + 1 })}`;
  // A plain button (not a Mantine component): it is mounted for every row scrolled into view.
  const button = (
    <button
      type="button"
      className={classes.menuButton}
      aria-label={label}
      aria-haspopup="menu"
      aria-expanded={menuOpen}
      onClick={menuOpen ? undefined : () => onMenu(beadIndex)}
    >
      <DotsIcon />
    </button>
  );
  // A closed menu is just its button: a Mantine Menu per row would cost every row scrolled into view.
  if (!menuOpen) return button;
  return (
    <Menu
      opened
      onChange={(opened) => {
        if (!opened) onMenu(null);
      }}
      position="bottom-end"
      shadow="md"
      width={390}
      withinPortal
      returnFocus
    >
      <Menu.Target>{button}</Menu.Target>
      <Menu.Dropdown>
        {ROW_MENU.map((action, position) => {
          if (action === null) return <Menu.Divider key={`divider-${position}`} />;
          const shortcut = shortcutOf(action);
          const itemLabel =
            action === 'togglePin'
              ? bead.pinned
                ? t('unconfirmRow')
                : t('confirmRow')
              : t(shortcut.label);
          return (
            <Menu.Item
              key={action}
              disabled={!rowActionEnabled(action, bead, beadIndex, beadCount)}
              onClick={() => onAction(action, beadIndex)}
              rightSection={
                <Text size="xs" c="dimmed" ff="monospace">
                  {formatChord(shortcut.chords[0]!, isMac)}
                </Text>
              }
            >
              {itemLabel}
            </Menu.Item>
          );
        })}
      </Menu.Dropdown>
    </Menu>
  );
}

/** One sentence bead: number, confidence and pin, English, Japanese, and the row menu. */
export const AlignedRow = memo(function AlignedRow(props: AlignedRowProps) {
  const { bead, beadIndex, itemIndex, source, target, selected, splitOpen, measure } = props;
  const t = useMessages();
  const band = confidenceBand(bead.confidence);
  const percent = Math.round(bead.confidence * 100);
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
            aria-label={`${t('confidence')} ${percent}%`}
            title={`${t('confidence')}: ${percent}%`}
          >
            {percent}%
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
