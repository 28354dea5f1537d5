import { createContext, useCallback, useContext } from 'react';
import { messages, type MessageKey, type UiLanguage } from './i18n';

/** The UI language in effect; App provides it. */
export const UiLanguageContext = createContext<UiLanguage>('en');

/** Returns `t(key)` for the current UI language. */
export function useMessages(): (key: MessageKey) => string {
  const language = useContext(UiLanguageContext);
  return useCallback((key: MessageKey) => messages[language][key], [language]);
}
