import { ActionIcon, Group, Tooltip } from '@mantine/core';
import { findingMessageIn } from '../../../../core/checks/messagesJa';
import { useMessages, useUiLanguage } from '../../useMessages';
import type { Suggestion } from './suggestionModel';
import { useSuggestionActions } from './useSuggestions';
import classes from './suggestions.module.css';

/**
 * A row's open suggestions, under its two texts, small and quiet: the check and its message, with Accept (✓) and
 * Dismiss (×). Each is focusable, so A and D act on it from the keyboard too.
 */
export function RowSuggestions({
  beadIndex,
  suggestions,
}: {
  beadIndex: number;
  suggestions: readonly Suggestion[];
}) {
  const t = useMessages();
  const language = useUiLanguage();
  const actions = useSuggestionActions();
  return (
    <div
      role="cell"
      className={classes.rowSuggestions}
      aria-label={t('rowSuggestions', { row: beadIndex + 1 })}
      data-testid="row-suggestions"
    >
      {suggestions.map((suggestion) => (
        <div
          key={suggestion.key}
          className={classes.rowSuggestion}
          tabIndex={0}
          data-suggestion-key={suggestion.key}
          data-check={suggestion.finding.check}
        >
          <span className={classes.rowSuggestionText}>
            <strong>{t(`check.${suggestion.finding.check}`)}</strong> ·{' '}
            {findingMessageIn(suggestion.finding, language)}
          </span>
          <Group gap={2} wrap="nowrap">
            <Tooltip label={t('suggestionAcceptHint')}>
              <ActionIcon
                size="xs"
                variant="subtle"
                aria-label={`${t('suggestionAccept')}: ${findingMessageIn(suggestion.finding, language)}`}
                onMouseDown={(event) => event.stopPropagation()}
                onClick={(event) => actions.accept(suggestion.finding, event.currentTarget)}
              >
                ✓
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t('suggestionDismissHint')}>
              <ActionIcon
                size="xs"
                variant="subtle"
                color="gray"
                aria-label={`${t('suggestionDismiss')}: ${findingMessageIn(suggestion.finding, language)}`}
                onMouseDown={(event) => event.stopPropagation()}
                onClick={(event) => actions.dismiss(suggestion.finding, event.currentTarget)}
              >
                ×
              </ActionIcon>
            </Tooltip>
          </Group>
        </div>
      ))}
    </div>
  );
}
