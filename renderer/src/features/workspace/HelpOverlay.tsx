import { Fragment } from 'react';
import { Kbd, Modal, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { MessageKey } from '../../i18n';
import { useMessages } from '../../useMessages';
import { chordKeys, SHORTCUTS, type ShortcutGroup } from './shortcuts';

const GROUPS: readonly { group: ShortcutGroup; title: MessageKey }[] = [
  { group: 'navigate', title: 'groupNavigate' },
  { group: 'align', title: 'groupAlign' },
  { group: 'review', title: 'groupReview' },
  { group: 'general', title: 'groupGeneral' },
];

/** Every keyboard shortcut, listed from the same table the key handler uses. */
export function HelpOverlay({
  opened,
  onClose,
  isMac,
}: {
  opened: boolean;
  onClose: () => void;
  isMac: boolean;
}) {
  const t = useMessages();
  const section = (group: ShortcutGroup, title: MessageKey) => (
    <Stack gap={4} key={group}>
      <Title order={3} size="h6" c="dimmed" tt="uppercase" fz="xs" lts="0.04em">
        {t(title)}
      </Title>
      <Table verticalSpacing={5} horizontalSpacing="xs" fz="sm" layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="42%" fz="xs" fw={500} c="dimmed">
              {t('keysColumn')}
            </Table.Th>
            <Table.Th fz="xs" fw={500} c="dimmed">
              {t('actionColumn')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {SHORTCUTS.filter((shortcut) => shortcut.group === group).map((shortcut) => (
            <Table.Tr key={shortcut.action} data-action={shortcut.action}>
              <Table.Td>
                {/* A chord never breaks inside; the line may break between chords (the spaces around "or"),
                    so a long pair like Ctrl + Shift + Z or Ctrl + Y wraps instead of running into the action. */}
                {shortcut.chords.map((chord, index) => (
                  <Fragment key={index}>
                    {index > 0 && (
                      <>
                        {' '}
                        <Text span size="xs" c="dimmed" mx={2}>
                          {t('or')}
                        </Text>{' '}
                      </>
                    )}
                    <span style={{ whiteSpace: 'nowrap', display: 'inline-block' }}>
                      {chordKeys(chord, isMac).map((key, keyIndex) => (
                        <Fragment key={keyIndex}>
                          {keyIndex > 0 && (
                            <Text span size="xs" c="dimmed" mx={2}>
                              +
                            </Text>
                          )}
                          <Kbd size="xs">{key}</Kbd>
                        </Fragment>
                      ))}
                    </span>
                  </Fragment>
                ))}
              </Table.Td>
              <Table.Td>{t(shortcut.label)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
  return (
    <Modal opened={opened} onClose={onClose} title={t('helpTitle')} size={1000} centered>
      <Text size="sm" c="dimmed" mb="md">
        {t('helpHint')}
      </Text>
      <SimpleGrid cols={2} spacing="xl" verticalSpacing="lg">
        <Stack gap="lg">
          {GROUPS.slice(0, 1).map(({ group, title }) => section(group, title))}
          {GROUPS.slice(2).map(({ group, title }) => section(group, title))}
        </Stack>
        <Stack gap="lg">
          {GROUPS.slice(1, 2).map(({ group, title }) => section(group, title))}
        </Stack>
      </SimpleGrid>
    </Modal>
  );
}
