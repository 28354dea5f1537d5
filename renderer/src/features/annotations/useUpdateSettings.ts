import { useCallback, useContext } from 'react';
import type { ProjectSettings } from '../../../../core/project/projectFile';
import { invoke } from '../../ipc';
import { ReviewStoreContext } from '../../state/ReviewStoreContext';
import { CLIENT_ID, newRequestId } from '../../state/requestIds';

/**
 * Saves project settings through `project:update-settings` and mirrors the answer into the store's `meta`. (Kept here
 * rather than as a store action so the shared store file is not touched; it only writes `meta.settings`.)
 */
export function useUpdateSettings(): (settings: Partial<ProjectSettings>) => Promise<void> {
  const store = useContext(ReviewStoreContext);
  return useCallback(
    async (settings) => {
      if (!store) return;
      const { path, revision } = store.getState();
      if (!path) return;
      // Other windows get the change from the feed; this one recognises its own by the client id.
      const saved = await invoke('project:update-settings', {
        path,
        settings,
        requestId: newRequestId(),
        clientId: CLIENT_ID,
        baseRevision: revision,
      });
      // The project may have changed while the request was out: only update the one it was sent for.
      const { path: currentPath, meta } = store.getState();
      if (currentPath === path && meta) store.setState({ meta: { ...meta, settings: saved } });
    },
    [store],
  );
}
