import { useCallback, useContext } from 'react';
import type { ProjectSettings } from '../../../../core/project/projectFile';
import { invoke } from '../../ipc';
import { ReviewStoreContext } from '../../state/ReviewStoreContext';

/**
 * Saves project settings through `project:update-settings` and mirrors the answer into the store's `meta`. (Kept here
 * rather than as a store action so the shared store file is not touched; it only writes `meta.settings`.)
 */
export function useUpdateSettings(): (settings: Partial<ProjectSettings>) => Promise<void> {
  const store = useContext(ReviewStoreContext);
  return useCallback(
    async (settings) => {
      if (!store) return;
      const { path } = store.getState();
      if (!path) return;
      const saved = await invoke('project:update-settings', { path, settings });
      // The project may have changed while the request was out: only update the one it was sent for.
      const { path: currentPath, meta } = store.getState();
      if (currentPath === path && meta) store.setState({ meta: { ...meta, settings: saved } });
    },
    [store],
  );
}
