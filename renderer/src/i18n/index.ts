import { en, type MessageKey } from './en';
import { ja } from './ja';

export type { MessageKey } from './en';

/**
 * The UI's words, one catalogue per language (`en.ts`, `ja.ts`). Keys are stable; components read them through
 * `useMessages`.
 */
export const messages: Readonly<Record<'en' | 'ja', Readonly<Record<MessageKey, string>>>> = {
  en,
  ja,
};

/** A language the interface is offered in. */
export type UiLanguage = keyof typeof messages;

/** The languages the interface is offered in, in the order the switch shows them. */
export const UI_LANGUAGES: readonly UiLanguage[] = ['en', 'ja'];

/** Fills `{name}` placeholders of a message with `values`; unknown placeholders stay as written. */
export function formatMessage(
  template: string,
  values?: Readonly<Record<string, string | number>>,
): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
