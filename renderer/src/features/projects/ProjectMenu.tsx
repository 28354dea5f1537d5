import { Button, Menu, Text } from '@mantine/core';
import { ChevronDownIcon } from '../../components/icons';
import { useReview } from '../../state/ReviewStoreContext';
import { hasRows } from '../../state/selectors';
import { useMessages } from '../../useMessages';
import { formatChord, shortcutOf } from '../workspace/shortcuts';

/** The project dialogs the menu opens. */
export type ProjectDialog = 'new' | 'open' | 'saveAs' | 'export';

/** The "Project" menu: new, open, save now, save as, export, close. */
export function ProjectMenu({
  onDialog,
  isMac,
}: {
  onDialog: (dialog: ProjectDialog) => void;
  isMac: boolean;
}) {
  const t = useMessages();
  const save = useReview((state) => state.save);
  const closeProject = useReview((state) => state.closeProject);
  // Closing falls back to the sample, so "closing" the sample would silently reopen it: say so instead.
  const isSample = useReview((state) => state.isSample);
  // Saving and exporting need a project shown (not while the first one opens).
  const ready = useReview(hasRows);
  return (
    <Menu position="bottom-start" shadow="md" width={240}>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          size="xs"
          rightSection={<ChevronDownIcon size={12} />}
        >
          {t('project')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => onDialog('new')}>{t('newProject')}</Menu.Item>
        <Menu.Item onClick={() => onDialog('open')}>{t('openProject')}</Menu.Item>
        <Menu.Divider />
        <Menu.Item
          disabled={!ready}
          onClick={() => void save()}
          rightSection={
            <Text size="xs" c="dimmed" ff="monospace">
              {formatChord(shortcutOf('save').chords[0]!, isMac)}
            </Text>
          }
        >
          {t('saveNow')}
        </Menu.Item>
        <Menu.Item disabled={!ready} onClick={() => onDialog('saveAs')}>
          {t('saveAs')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item
          disabled={!ready}
          onClick={() => onDialog('export')}
          rightSection={
            <Text size="xs" c="dimmed" ff="monospace">
              {formatChord(shortcutOf('export').chords[0]!, isMac)}
            </Text>
          }
        >
          {t('exportMenu')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item
          disabled={isSample || !ready}
          onClick={() => void closeProject()}
          aria-description={isSample ? t('sampleAlwaysOpen') : undefined}
        >
          {t('closeProject')}
          {isSample && (
            <Text size="xs" c="dimmed">
              {t('sampleAlwaysOpen')}
            </Text>
          )}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
