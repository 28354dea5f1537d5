import type { StoreApi } from 'zustand/vanilla';
import type { RowFilter } from '../../../core/review/filters';
import type { ReviewActions, ReviewState } from './reviewTypes';

/** The actions that change only what the view shows (selection, filters, language, dialogs): no Node side involved. */
export type UiActions = Pick<
  ReviewActions,
  | 'selectBead'
  | 'setFilter'
  | 'clearFilter'
  | 'setUiLanguage'
  | 'setFlagDialogOpen'
  | 'setEditingAnnotation'
  | 'selectAnnotation'
>;

/** The view-only actions of the review store, over its `set`. */
export function createUiActions(set: StoreApi<ReviewState & ReviewActions>['setState']): UiActions {
  return {
    selectBead(index) {
      set((state) => ({ ui: { ...state.ui, selectedBead: index } }));
    },
    setFilter(changes) {
      set((state) => {
        const filter: Record<string, unknown> = { ...state.ui.filter, ...changes };
        for (const key of Object.keys(filter)) if (filter[key] === undefined) delete filter[key];
        return { ui: { ...state.ui, filter: filter as RowFilter } };
      });
    },
    clearFilter() {
      set((state) => ({ ui: { ...state.ui, filter: {} } }));
    },
    setUiLanguage(language) {
      set((state) => ({ ui: { ...state.ui, uiLanguage: language } }));
    },
    setFlagDialogOpen(open) {
      set((state) => ({ ui: { ...state.ui, flagDialogOpen: open } }));
    },
    setEditingAnnotation(id) {
      set((state) => ({ ui: { ...state.ui, editingAnnotationId: id } }));
    },
    selectAnnotation(id, beadIndex) {
      set((state) => ({
        ui: {
          ...state.ui,
          selectedAnnotationId: id,
          ...(beadIndex !== undefined ? { selectedBead: beadIndex } : {}),
        },
      }));
    },
  };
}
