import { useEffect, useMemo } from 'react';
import { Workspace } from './features/workspace/Workspace';
import type { UiLanguage } from './i18n';
import { ipcBackend } from './state/backend';
import { createReviewStore } from './state/reviewStore';
import { ReviewStoreContext, useReview } from './state/ReviewStoreContext';
import { UiLanguageContext } from './useMessages';

const LANGUAGE_KEY = 'taiyaku.uiLanguage';
const LAST_PROJECT_KEY = 'taiyaku.lastProject';

function savedLanguage(): UiLanguage {
  const saved = localStorage.getItem(LANGUAGE_KEY);
  if (saved === 'en' || saved === 'ja') return saved;
  return navigator.language.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

/** Provides the UI language from the store, remembers it and the open project, and opens the first project. */
function Session() {
  const language = useReview((state) => state.ui.uiLanguage);
  const path = useReview((state) => state.path);
  const load = useReview((state) => state.load);
  useEffect(() => {
    void load(localStorage.getItem(LAST_PROJECT_KEY) ?? undefined);
  }, [load]);
  useEffect(() => {
    localStorage.setItem(LANGUAGE_KEY, language);
    document.documentElement.lang = language;
  }, [language]);
  useEffect(() => {
    if (path) localStorage.setItem(LAST_PROJECT_KEY, path);
  }, [path]);
  return (
    <UiLanguageContext.Provider value={language}>
      <Workspace />
    </UiLanguageContext.Provider>
  );
}

/** The whole app. */
export function App() {
  const store = useMemo(() => createReviewStore(ipcBackend, savedLanguage()), []);
  return (
    <ReviewStoreContext.Provider value={store}>
      <Session />
    </ReviewStoreContext.Provider>
  );
}
