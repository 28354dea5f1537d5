import { useMemo } from 'react';
import { ipcBackend } from './state/backend';
import { createReviewStore } from './state/reviewStore';
import { ReviewStoreContext } from './state/ReviewStoreContext';
import { savedLanguage, Session } from './Session';

/** The whole app. */
export function App() {
  const store = useMemo(() => createReviewStore(ipcBackend, savedLanguage()), []);
  return (
    <ReviewStoreContext.Provider value={store}>
      <Session />
    </ReviewStoreContext.Provider>
  );
}
