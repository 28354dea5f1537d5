import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMessages } from '../../useMessages';
import type { SuggestionGroup } from './suggestionModel';

/** Asks before accepting every suggestion of one check (open while `group` is not null); one undoable command. */
export function AcceptAllModal({
  group,
  onConfirm,
  onClose,
}: {
  group: SuggestionGroup | null;
  onConfirm: (group: SuggestionGroup) => void;
  onClose: () => void;
}) {
  const t = useMessages();
  const checkLabel = group ? t(`check.${group.check}`) : '';
  return (
    <Modal
      opened={group !== null}
      onClose={onClose}
      title={t('acceptAllTitle', { check: checkLabel })}
      size="sm"
      centered
      closeButtonProps={{ 'aria-label': t('close') }}
    >
      <Stack gap="md">
        <Text size="sm">
          {group?.suggestions.length === 1
            ? t('acceptAllConfirmOne')
            : t('acceptAllConfirm', { count: group?.suggestions.length ?? 0 })}
        </Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('cancel')}
          </Button>
          <Button
            onClick={() => {
              if (group) onConfirm(group);
              onClose();
            }}
          >
            {t('suggestionAcceptAll')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
