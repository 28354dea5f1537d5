import { useMemo, useState } from 'react';
import { Alert, Group, Loader, Stack, Text, Title } from '@mantine/core';
import type { Dismissal } from '../../../../core/review/dismissals';
import { useReview, useReviewStore } from '../../state/ReviewStoreContext';
import type { ReviewStore } from '../../state/reviewStore';
import { visibleRows } from '../../state/selectors';
import { useMessages } from '../../useMessages';
import { AcceptAllModal } from './AcceptAllModal';
import { GlossaryEditor } from '../glossary/GlossaryEditor';
import { CheckSwitches } from './CheckSwitches';
import { DismissedList } from './DismissedList';
import { groupByCheck, type SuggestionGroup } from './suggestionModel';
import { SuggestionGroupList } from './SuggestionGroupList';
import { useOpenSuggestions, useSuggestionActions } from './useSuggestions';
import classes from './suggestions.module.css';

const NO_DISMISSALS: readonly Dismissal[] = [];

/** Selects row `beadIndex` (the view scrolls to it), dropping the row filters first when they hide it. */
function showRow(store: ReviewStore, beadIndex: number): void {
  const state = store.getState();
  if (!visibleRows(state).includes(beadIndex)) state.clearFilter();
  state.selectBead(beadIndex);
}

/**
 * The automatic checks' suggestions: grouped by check with counts, each with Accept and Dismiss, "Accept all" per check
 * (after a confirmation), the dismissed ones with Restore, and a switch per check for this project.
 */
export function SuggestionsPanel() {
  const t = useMessages();
  const suggestions = useOpenSuggestions();
  const status = useReview((state) => state.checks.status);
  const error = useReview((state) => state.checks.error);
  const checkedRevision = useReview((state) => state.checks.revision);
  const alignment = useReview((state) => state.history?.present.alignment);
  const dismissals = useReview((state) => state.history?.present.dismissals ?? NO_DISMISSALS);
  const settings = useReview((state) => state.meta?.settings.checks);
  const store = useReviewStore();
  const actions = useSuggestionActions();
  const [acceptAllFor, setAcceptAllFor] = useState<SuggestionGroup | null>(null);
  const groups = useMemo(() => groupByCheck(suggestions), [suggestions]);
  if (!alignment) return null;
  const count = suggestions.length;

  return (
    <section
      className={classes.section}
      aria-label={t('suggestionsRegion')}
      data-testid="suggestions-panel"
      data-checks-status={status}
      data-checks-revision={checkedRevision}
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={2} size="h5">
            {t('suggestionsTitle')}
          </Title>
          <Group gap={6} wrap="nowrap">
            {status === 'running' && <Loader size={12} aria-hidden />}
            <Text size="sm" c="dimmed" aria-live="polite" data-testid="suggestion-count">
              {count === 1 ? t('suggestionsCountOne') : t('suggestionsCount', { count })}
            </Text>
          </Group>
        </Group>
        {status === 'failed' && error && (
          <Alert color="red" variant="light" p="xs">
            <Text size="sm">{t('suggestionsFailed', { reason: error })}</Text>
          </Alert>
        )}
        {count === 0 && status !== 'failed' && (
          <Text size="sm" c="dimmed">
            {status === 'ready' ? t('suggestionsNone') : t('suggestionsRunning')}
          </Text>
        )}
        {groups.map((group) => (
          <SuggestionGroupList
            key={group.check}
            group={group}
            alignment={alignment}
            actions={actions}
            onAcceptAll={() => setAcceptAllFor(group)}
            onSelectRow={(beadIndex) => showRow(store, beadIndex)}
          />
        ))}
        <DismissedList dismissals={dismissals} onRestore={actions.restore} />
        <CheckSwitches settings={settings} onChange={actions.setCheckEnabled} />
        <GlossaryEditor />
      </Stack>
      <AcceptAllModal
        group={acceptAllFor}
        onConfirm={(group) =>
          actions.acceptAll(group.suggestions.map((suggestion) => suggestion.finding))
        }
        onClose={() => setAcceptAllFor(null)}
      />
    </section>
  );
}
