import { useCallback, useContext } from 'react';
import { annotationMessages, type AnnotationMessageKey, type UiLanguage } from '../../i18n';
import { UiLanguageContext } from '../../useMessages';

/** Fills `{name}` placeholders of `template` with `values`; unknown placeholders stay as written. */
export function fill(template: string, values?: Readonly<Record<string, string | number>>): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/** `t(key, values?)` over the annotation feature's strings in the current UI language, and that language. */
export function useAnnotationMessages(): {
  t: (key: AnnotationMessageKey, values?: Readonly<Record<string, string | number>>) => string;
  language: UiLanguage;
} {
  const language = useContext(UiLanguageContext);
  const t = useCallback(
    (key: AnnotationMessageKey, values?: Readonly<Record<string, string | number>>) =>
      fill(annotationMessages[language][key], values),
    [language],
  );
  return { t, language };
}
