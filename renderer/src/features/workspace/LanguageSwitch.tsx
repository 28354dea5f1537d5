import { SegmentedControl } from '@mantine/core';
import { messages, UI_LANGUAGES, type UiLanguage } from '../../i18n';
import { useReview } from '../../state/ReviewStoreContext';
import { useMessages } from '../../useMessages';

/** The interface language, each offered in its own words. */
export function LanguageSwitch() {
  const t = useMessages();
  const language = useReview((state) => state.ui.uiLanguage);
  const setUiLanguage = useReview((state) => state.setUiLanguage);
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('uiLanguage')}
      value={language}
      onChange={(value) => setUiLanguage(value as UiLanguage)}
      data={UI_LANGUAGES.map((value) => ({ value, label: messages[value].languageName }))}
    />
  );
}
