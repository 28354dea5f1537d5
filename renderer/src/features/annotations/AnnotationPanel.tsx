import { useEffect, useMemo, useState } from 'react';
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import type { Annotation, AnnotationStatus } from '../../../../core/review/annotation';
import { useReview } from '../../state/ReviewStoreContext';
import { useMessages, useUiLanguage } from '../../useMessages';
import { AnnotationCard } from './AnnotationCard';
import { AnnotationFilters } from './AnnotationFilters';
import { DeleteAnnotationModal } from './DeleteAnnotationModal';
import { FlagDialogHost } from './FlagDialogHost';
import { isPanelFiltering, matchesPanelFilter, NO_FILTER, type PanelFilter } from './panelFilter';
import { Scorecard } from './Scorecard';
import classes from './annotations.module.css';

/**
 * The annotation panel: the live MQM scorecard, a "flag selection" button, filters with a count, and every
 * annotation as a card (orphaned ones marked, never hidden). Clicking a card focuses the annotation and selects its
 * row (the workspace scrolls to `ui.selectedBead`); each card can be edited, resolved, rejected, reopened or deleted.
 * It also hosts the flag dialog (`FlagDialogHost`, opened by `ui.flagDialogOpen`: shortcut F, toolbar button, or the
 * button here) unless `hostsFlagDialog` is false, for a workspace that mounts `FlagDialogHost` itself so F works
 * while the panel is hidden.
 */
export function AnnotationPanel({ hostsFlagDialog = true }: { hostsFlagDialog?: boolean }) {
  const t = useMessages();
  const language = useUiLanguage();
  const session = useReview((state) => state.history?.present);
  const selectedId = useReview((state) => state.ui.selectedAnnotationId);
  const setFlagDialogOpen = useReview((state) => state.setFlagDialogOpen);
  const [filter, setFilter] = useState<PanelFilter>(NO_FILTER);
  const setEditing = useReview((state) => state.setEditingAnnotation);
  const [deleting, setDeleting] = useState<Annotation | null>(null);
  const run = useReview((state) => state.run);

  const annotations = session?.annotations;
  const visible = useMemo(
    () => (annotations ?? []).filter((annotation) => matchesPanelFilter(annotation, filter)),
    [annotations, filter],
  );
  const filtering = isPanelFiltering(filter);

  // Bring the focused card into view when the focus comes from the text (a click on a highlight).
  useEffect(() => {
    if (!selectedId) return;
    document.getElementById(`annotation-card-${selectedId}`)?.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);

  const setStatus = (annotation: Annotation, status: AnnotationStatus) =>
    void run({
      type: 'setAnnotationStatus',
      id: annotation.id,
      status,
      updatedAt: new Date().toISOString(),
    });

  if (!session) return null;
  const total = session.annotations.length;

  return (
    <Stack gap="sm" p="sm" data-testid="annotation-panel">
      <Scorecard />
      <Group justify="space-between" wrap="nowrap">
        <Title order={2} size="h5">
          {t('panelTitle')}
        </Title>
        <Button
          size="xs"
          variant="light"
          onClick={() => setFlagDialogOpen(true)}
          title={t('flagSelectionHint')}
        >
          {t('panelFlagSelection')}
        </Button>
      </Group>
      <AnnotationFilters
        filter={filter}
        onChange={(change) => setFilter((current) => ({ ...current, ...change }))}
      />
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" c="dimmed" aria-live="polite" data-testid="issue-count">
          {filtering
            ? t(total === 1 ? 'issueCountOne' : 'issueCount', { shown: visible.length, total })
            : t(total === 1 ? 'issueCountAllOne' : 'issueCountAll', { total })}
        </Text>
        {filtering && (
          <Button size="compact-xs" variant="subtle" onClick={() => setFilter(NO_FILTER)}>
            {t('panelClearFilters')}
          </Button>
        )}
      </Group>
      {total === 0 ? (
        <Text size="sm" c="dimmed">
          {t('noIssues')}
        </Text>
      ) : visible.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('noIssuesMatch')}
        </Text>
      ) : (
        <ul className={classes.list} aria-label={t('panelTitle')}>
          {visible.map((annotation) => (
            <AnnotationCard
              key={annotation.id}
              annotation={annotation}
              session={session}
              language={language}
              selected={annotation.id === selectedId}
              onEdit={() => setEditing(annotation.id)}
              onStatus={(status) => setStatus(annotation, status)}
              onDelete={() => setDeleting(annotation)}
            />
          ))}
        </ul>
      )}

      {hostsFlagDialog && <FlagDialogHost />}
      <DeleteAnnotationModal annotation={deleting} onClose={() => setDeleting(null)} />
    </Stack>
  );
}
