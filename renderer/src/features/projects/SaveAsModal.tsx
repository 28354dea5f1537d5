import { Modal } from '@mantine/core';
import { useMessages } from '../../useMessages';
import { SaveAsForm } from './SaveAsForm';

/** Saves the open project under a new path. */
export function SaveAsModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const t = useMessages();
  return (
    <Modal opened={opened} onClose={onClose} title={t('saveAsTitle')} size="lg">
      {opened && <SaveAsForm onClose={onClose} />}
    </Modal>
  );
}
