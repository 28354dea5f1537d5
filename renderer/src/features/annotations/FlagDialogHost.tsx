import { useContext, useEffect } from 'react';
import type { Side } from '../../../../core/alignment/types';
import { ReviewStoreContext, useReview } from '../../state/ReviewStoreContext';
import { FlagDialog } from './FlagDialog';
import { usePendingSelection } from './usePendingSelection';

/**
 * The flag dialog for new annotations, opened by `ui.flagDialogOpen`, with the selection tracking it needs, and the
 * same dialog editing an annotation, opened by `ui.editingAnnotationId` (the panel's Edit button, shortcut E). Mount
 * it once (the annotation panel does, unless told not to).
 */
export function FlagDialogHost() {
  const store = useContext(ReviewStoreContext);
  const flagDialogOpen = useReview((state) => state.ui.flagDialogOpen);
  const setFlagDialogOpen = useReview((state) => state.setFlagDialogOpen);
  const selection = usePendingSelection();
  const setEditing = useReview((state) => state.setEditingAnnotation);
  const editing = useReview((state) => {
    const id = state.ui.editingAnnotationId;
    return id === null
      ? null
      : (state.history?.present.annotations.find((annotation) => annotation.id === id) ?? null);
  });

  // Read the selection the moment the dialog is asked for, before the dialog takes the focus (which moves the
  // browser selection into its first field).
  const { capture } = selection;
  useEffect(() => {
    if (!store) return;
    if (store.getState().ui.flagDialogOpen) capture();
    return store.subscribe((state, previous) => {
      if (state.ui.flagDialogOpen && !previous.ui.flagDialogOpen) capture();
    });
  }, [store, capture]);

  return (
    <>
      <FlagDialog
        mode={flagDialogOpen ? { kind: 'create', selection: selection.pending } : null}
        onClose={() => {
          setFlagDialogOpen(false);
          selection.clear();
        }}
        onRemoveSide={(side: Side) => selection.remove(side)}
      />
      <FlagDialog
        mode={editing ? { kind: 'edit', annotation: editing } : null}
        onClose={() => setEditing(null)}
        onRemoveSide={() => {}}
      />
    </>
  );
}
