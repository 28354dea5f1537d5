import { Badge, Button, Group, Stack, Title } from '@mantine/core';
import type { DocumentAlignment } from '../../../../core/alignment/types';
import { useMessages } from '../../useMessages';
import type { SuggestionGroup } from './suggestionModel';
import { SuggestionItem } from './SuggestionItem';
import type { SuggestionActions } from './useSuggestions';
import classes from './suggestions.module.css';

/** One check's open suggestions, with their count and "Accept all". */
export function SuggestionGroupList({
  group,
  alignment,
  actions,
  onAcceptAll,
  onSelectRow,
}: {
  group: SuggestionGroup;
  alignment: DocumentAlignment;
  actions: SuggestionActions;
  onAcceptAll: () => void;
  onSelectRow: (beadIndex: number) => void;
}) {
  const t = useMessages();
  const checkLabel = t(`check.${group.check}`);
  const headingId = `suggestion-group-${group.check}`;
  return (
    <Stack gap={6} data-testid={`suggestion-group-${group.check}`}>
      <Group justify="space-between" wrap="nowrap">
        <Group gap={6} wrap="nowrap">
          <Title order={3} size="h6" id={headingId}>
            {checkLabel}
          </Title>
          <Badge size="sm" variant="light" color="violet">
            {group.suggestions.length}
          </Badge>
        </Group>
        <Button
          size="compact-xs"
          variant="subtle"
          onClick={onAcceptAll}
          title={t('suggestionAcceptAllHint', { check: checkLabel })}
          aria-label={`${t('suggestionAcceptAll')}: ${checkLabel}`}
        >
          {t('suggestionAcceptAll')}
        </Button>
      </Group>
      <ul className={classes.list} aria-labelledby={headingId}>
        {group.suggestions.map((suggestion) => (
          <SuggestionItem
            key={suggestion.key}
            suggestion={suggestion}
            alignment={alignment}
            onAccept={(from) => actions.accept(suggestion.finding, from)}
            onDismiss={(from) => actions.dismiss(suggestion.finding, from)}
            onSelectRow={onSelectRow}
          />
        ))}
      </ul>
    </Stack>
  );
}
