import { Modal } from '@mantine/core';
import type { Side } from '../../../../core/alignment/types';
import { useMessages } from '../../useMessages';
import type { FlagDialogMode } from './flagFields';
import { FlagForm } from './FlagForm';

export interface FlagDialogProps {
  readonly mode: FlagDialogMode | null;
  readonly onClose: (saved: boolean) => void;
  /** Drops one side's quote (create mode). */
  readonly onRemoveSide: (side: Side) => void;
}

/**
 * The flag dialog: open while `mode` is set, to flag the pending selection or edit an annotation. Saves through the
 * store (`addAnnotation`, or `updateAnnotation` when editing).
 */
export function FlagDialog({ mode, onClose, onRemoveSide }: FlagDialogProps) {
  const t = useMessages();
  const modeKey = mode === null ? null : mode.kind === 'edit' ? mode.annotation.id : 'create';
  return (
    <Modal
      opened={mode !== null}
      onClose={() => onClose(false)}
      title={mode?.kind === 'edit' ? t('editTitle') : t('flagTitle')}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': t('close') }}
    >
      {mode && (
        // Keyed so the form starts afresh each time the dialog opens or switches to another annotation.
        <FlagForm key={modeKey} mode={mode} onClose={onClose} onRemoveSide={onRemoveSide} />
      )}
    </Modal>
  );
}
