import { createContext, useCallback, useContext } from 'react';
import { formatMessage, messages, type MessageKey, type UiLanguage } from './i18n';

/** The UI language in effect; App provides it. */
export const UiLanguageContext = createContext<UiLanguage>('en');

/** Looks up a message in the current UI language, filling its `{name}` placeholders from `values`. */
export type Translate = (
  key: MessageKey,
  values?: Readonly<Record<string, string | number>>,
) => string;

/** The UI language in effect. */
export function useUiLanguage(): UiLanguage {
  return useContext(UiLanguageContext);
}

/** Returns `t(key, values?)` for the current UI language. */
export function useMessages(): Translate {
  const language = useUiLanguage();
  return useCallback(
    (key: MessageKey, values?: Readonly<Record<string, string | number>>) =>
      formatMessage(messages[language][key], values),
    [language],
  );
}
