import { useMemo } from 'react';
import { Box, Text } from '@mantine/core';
import { diffSuggestion } from '../../../../core/review/suggestionDiff';
import { useMessages } from '../../useMessages';
import type { Quote } from './quotes';
import { SuggestionDiff } from './SuggestionDiff';
import classes from './annotations.module.css';

/** The live diff of a suggested correction against the quote it corrects; nothing while there is no suggestion. */
export function SuggestionPreview({
  corrected,
  suggestion,
}: {
  corrected: Quote | undefined;
  suggestion: string;
}) {
  const t = useMessages();
  const diff = useMemo(
    () =>
      corrected && suggestion !== ''
        ? diffSuggestion(corrected.exact, suggestion, corrected.lang)
        : null,
    [corrected, suggestion],
  );
  if (!diff || !corrected) return null;
  return (
    <Box aria-live="polite">
      <Text size="xs" c="dimmed" mb={2}>
        {t('suggestionPreview')}
      </Text>
      {diff.every((part) => !part.added && !part.removed) ? (
        <Text size="sm" c="dimmed">
          {t('suggestionUnchanged')}
        </Text>
      ) : (
        <Text className={classes.quote} component="div">
          <SuggestionDiff parts={diff} lang={corrected.lang} />
        </Text>
      )}
    </Box>
  );
}
