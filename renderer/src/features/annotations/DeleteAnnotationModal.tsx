import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { Annotation } from '../../../../core/review/annotation';
import { useReview } from '../../state/ReviewStoreContext';
import { useMessages } from '../../useMessages';

/** Asks before deleting `annotation` (open while it is not null); deleting is one undoable command. */
export function DeleteAnnotationModal({
  annotation,
  onClose,
}: {
  annotation: Annotation | null;
  onClose: () => void;
}) {
  const t = useMessages();
  const run = useReview((state) => state.run);
  return (
    <Modal
      opened={annotation !== null}
      onClose={onClose}
      title={t('deleteTitle')}
      size="sm"
      centered
      closeButtonProps={{ 'aria-label': t('close') }}
    >
      <Stack gap="md">
        <Text size="sm">{t('deleteConfirm')}</Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('cancel')}
          </Button>
          <Button
            color="red.9"
            onClick={() => {
              if (annotation) void run({ type: 'deleteAnnotation', id: annotation.id });
              onClose();
            }}
          >
            {t('delete')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
