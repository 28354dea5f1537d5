import { Menu, Text } from '@mantine/core';
import type { SentenceBead } from '../../../../core/alignment/types';
import { DotsIcon } from '../../components/icons';
import { formatMessage, type MessageKey } from '../../i18n';
import { useMessages } from '../../useMessages';
import { formatChord, shortcutOf, type ShortcutAction } from '../workspace/shortcuts';
import {
  MOVE_ACTIONS,
  ROW_MENU,
  movedSentences,
  rowActionEnabled,
  type PickedSentence,
} from './rowActions';
import classes from './AlignedView.module.css';

/** A move's label when it takes a sentence picked mid-row along with its neighbours. */
const PICKED_MOVE_LABEL: Partial<Record<ShortcutAction, MessageKey>> = {
  moveSourceToPrevious: 'movePickedSourceToPrevious',
  moveSourceToNext: 'movePickedSourceToNext',
  moveTargetToPrevious: 'movePickedTargetToPrevious',
  moveTargetToNext: 'movePickedTargetToNext',
};

/** What the row menu needs of its row. */
export interface RowMenuProps {
  readonly bead: SentenceBead;
  /** 0-based index into `sentenceBeads`. */
  readonly beadIndex: number;
  readonly beadCount: number;
  readonly isMac: boolean;
  /** True while this row's menu is open. */
  readonly menuOpen: boolean;
  /** The sentence last clicked into when the menu opened, or null: moves take it along. */
  readonly picked?: PickedSentence | null;
  readonly onAction: (action: ShortcutAction, beadIndex: number) => void;
  /** Opens the action menu of a row, or closes it (null). */
  readonly onMenu: (beadIndex: number | null) => void;
}

/** A row's action menu (merge, split, move, detach, confirm, flag), each item with its shortcut. */
export function RowMenu({
  bead,
  beadIndex,
  beadCount,
  isMac,
  menuOpen,
  picked = null,
  onAction,
  onMenu,
}: RowMenuProps) {
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
          const move = MOVE_ACTIONS[action];
          const moved = move && movedSentences(bead, move.side, move.direction, picked);
          const itemLabel =
            action === 'togglePin'
              ? bead.pinned
                ? t('unconfirmRow')
                : t('confirmRow')
              : moved && moved.sentenceIndex !== null
                ? formatMessage(t(PICKED_MOVE_LABEL[action]!), { count: moved.count - 1 })
                : t(shortcut.label);
          return (
            <Menu.Item
              key={action}
              disabled={!rowActionEnabled(action, bead, beadIndex, beadCount, picked)}
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
