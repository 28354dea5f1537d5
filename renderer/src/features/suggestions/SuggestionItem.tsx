import { Button, Group, Text } from '@mantine/core';
import type { DocumentAlignment } from '../../../../core/alignment/types';
import { findingMessageIn } from '../../../../core/checks/messagesJa';
import { useMessages, useUiLanguage } from '../../useMessages';
import type { Suggestion } from './suggestionModel';
import classes from './suggestions.module.css';

/**
 * One open suggestion in the panel: where it is, what the check compared, Accept and Dismiss. Focusable: with the
 * focus on it, A accepts and D dismisses it; a click selects its row.
 */
export function SuggestionItem({
  suggestion,
  alignment,
  onAccept,
  onDismiss,
  onSelectRow,
}: {
  suggestion: Suggestion;
  alignment: DocumentAlignment;
  /** `from`: the element acted from (the neighbouring suggestion gets the focus afterwards). */
  onAccept: (from: Element) => void;
  onDismiss: (from: Element) => void;
  onSelectRow: (beadIndex: number) => void;
}) {
  const t = useMessages();
  const language = useUiLanguage();
  const { finding, beadIndex } = suggestion;
  const english = finding.en ? alignment.source.text.slice(finding.en.start, finding.en.end) : '';
  const japanese = finding.ja ? alignment.target.text.slice(finding.ja.start, finding.ja.end) : '';
  const messageId = `suggestion-message-${encodeURIComponent(suggestion.key)}`;
  return (
    <li
      className={classes.item}
      tabIndex={0}
      data-suggestion-key={suggestion.key}
      data-check={finding.check}
      aria-describedby={messageId}
      onClick={() => {
        if (beadIndex !== null) onSelectRow(beadIndex);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && event.target === event.currentTarget && beadIndex !== null)
          onSelectRow(beadIndex);
      }}
    >
      <Text size="xs" c="dimmed">
        {finding.clauseLabel ?? `${t('clause')} ${finding.clause}`}
        {beadIndex !== null ? ` · ${t('rowNumber', { row: beadIndex + 1 })}` : ''}
      </Text>
      {(english || japanese) && (
        <div className={classes.quote}>
          {english && <mark lang="en">{english}</mark>}
          {english && japanese && ' → '}
          {japanese && <mark lang="ja">{japanese}</mark>}
        </div>
      )}
      <Text size="sm" id={messageId}>
        {findingMessageIn(finding, language)}
      </Text>
      <Group gap={6} mt={4} justify="flex-end">
        <Button
          size="compact-xs"
          variant="light"
          title={t('suggestionAcceptHint')}
          onClick={(event) => {
            event.stopPropagation();
            onAccept(event.currentTarget);
          }}
        >
          {t('suggestionAccept')}
        </Button>
        <Button
          size="compact-xs"
          variant="subtle"
          color="gray"
          title={t('suggestionDismissHint')}
          onClick={(event) => {
            event.stopPropagation();
            onDismiss(event.currentTarget);
          }}
        >
          {t('suggestionDismiss')}
        </Button>
      </Group>
    </li>
  );
}
