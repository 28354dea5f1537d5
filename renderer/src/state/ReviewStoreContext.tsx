import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { ReviewActions, ReviewState, ReviewStore } from './reviewStore';

/** The workspace store, provided once by App. */
export const ReviewStoreContext = createContext<ReviewStore | null>(null);

/** Reads from the workspace store with a selector (re-renders only when the selected value changes). */
export function useReview<T>(selector: (state: ReviewState & ReviewActions) => T): T {
  const store = useContext(ReviewStoreContext);
  if (!store) throw new Error('useReview outside ReviewStoreContext');
  return useStore(store, selector);
}

/** The workspace store itself, for event handlers that read the latest state without subscribing. */
export function useReviewStore(): ReviewStore {
  const store = useContext(ReviewStoreContext);
  if (!store) throw new Error('useReviewStore outside ReviewStoreContext');
  return store;
}
