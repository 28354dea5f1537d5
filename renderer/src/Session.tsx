import { useEffect } from 'react';
import { UI_LANGUAGES, type UiLanguage } from './i18n';
import { Workspace } from './features/workspace/Workspace';
import { useReview } from './state/ReviewStoreContext';
import { UiLanguageContext } from './useMessages';

const LANGUAGE_KEY = 'taiyaku.uiLanguage';
const LAST_PROJECT_KEY = 'taiyaku.lastProject';

/** The UI language remembered from last time, else the browser's (Japanese or English). */
export function savedLanguage(): UiLanguage {
  const saved = localStorage.getItem(LANGUAGE_KEY);
  const known = UI_LANGUAGES.find((language) => language === saved);
  if (known) return known;
  return navigator.language.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

/** Provides the UI language from the store, remembers it and the open project, and opens the first project. */
export function Session() {
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
