import { useContext, useEffect, useMemo, useState } from 'react';
import {
  Badge,
  Button,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import type { Side } from '../../../../core/alignment/types';
import { ANNOTATION_STATUSES, ANNOTATION_STATUS_LABELS } from '../../../../core/project/annotation';
import type { Annotation, AnnotationStatus } from '../../../../core/review/annotation';
import { beadOfAnnotation, isOrphaned } from '../../../../core/review/anchoring';
import {
  SEVERITIES,
  SEVERITY_LABELS,
  isMqmCategoryWithin,
  type Severity,
} from '../../../../core/review/mqm';
import type { ReviewSession } from '../../../../core/review/session';
import { annotationSuggestionDiff } from '../../../../core/review/suggestionDiff';
import type { UiLanguage } from '../../i18n';
import { ReviewStoreContext, useReview } from '../../state/ReviewStoreContext';
import { useMessages } from '../../useMessages';
import { FlagDialog } from './FlagDialog';
import { categoryGroups, categoryPath } from './labels';
import { Scorecard } from './Scorecard';
import { SEVERITY_COLOR } from './severityColor';
import { SuggestionDiff } from './SuggestionDiff';
import { useAnnotationMessages } from './useAnnotationMessages';
import { usePendingSelection } from './usePendingSelection';
import classes from './annotations.module.css';

type Origin = 'reviewer' | 'check';

interface PanelFilter {
  readonly category: string | null;
  readonly severity: Severity | null;
  readonly status: AnnotationStatus | null;
  readonly origin: Origin | null;
}

const NO_FILTER: PanelFilter = { category: null, severity: null, status: null, origin: null };

const STATUS_COLOR: Readonly<Record<AnnotationStatus, string>> = {
  open: 'blue',
  resolved: 'teal',
  rejected: 'gray',
};

function matches(annotation: Annotation, filter: PanelFilter): boolean {
  return (
    (filter.category === null || isMqmCategoryWithin(annotation.category, filter.category)) &&
    (filter.severity === null || annotation.severity === filter.severity) &&
    (filter.status === null || annotation.status === filter.status) &&
    (filter.origin === null || annotation.origin.kind === filter.origin)
  );
}

/**
 * The annotation panel: the live MQM scorecard, a "flag selection" button, filters with a count, and every
 * annotation as a card (orphaned ones marked, never hidden). Clicking a card focuses the annotation and selects its
 * row (the workspace scrolls to `ui.selectedBead`); each card can be edited, resolved, rejected, reopened or deleted.
 * It also hosts the flag dialog (`FlagDialogHost`, opened by `ui.flagDialogOpen`: shortcut F, toolbar button, or the
 * button here) unless `hostsFlagDialog` is false, for a workspace that mounts `FlagDialogHost` itself so F works
 * while the panel is hidden.
 */
export function AnnotationPanel({ hostsFlagDialog = true }: { hostsFlagDialog?: boolean }) {
  const { t, language } = useAnnotationMessages();
  const session = useReview((state) => state.history?.present);
  const selectedId = useReview((state) => state.ui.selectedAnnotationId);
  const setFlagDialogOpen = useReview((state) => state.setFlagDialogOpen);
  const [filter, setFilter] = useState<PanelFilter>(NO_FILTER);
  const setEditing = useReview((state) => state.setEditingAnnotation);
  const [deleting, setDeleting] = useState<Annotation | null>(null);
  const run = useReview((state) => state.run);

  const annotations = session?.annotations;
  const visible = useMemo(
    () => (annotations ?? []).filter((annotation) => matches(annotation, filter)),
    [annotations, filter],
  );
  const filtering = filter !== NO_FILTER && Object.values(filter).some((value) => value !== null);

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

  const filterData = useMemo(
    () => ({
      category: categoryGroups(language, false),
      severity: SEVERITIES.map((value) => ({ value, label: SEVERITY_LABELS[value][language] })),
      status: ANNOTATION_STATUSES.map((value) => ({
        value,
        label: ANNOTATION_STATUS_LABELS[value][language],
      })),
      origin: [
        { value: 'reviewer', label: t('originReviewer') },
        { value: 'check', label: t('originCheck') },
      ],
    }),
    [language, t],
  );

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
          {t('flagSelection')}
        </Button>
      </Group>
      <SimpleGrid cols={2} spacing="xs" verticalSpacing={4}>
        <Select
          size="xs"
          label={t('filterCategory')}
          placeholder={t('any')}
          data={filterData.category}
          value={filter.category}
          onChange={(value) => setFilter((current) => ({ ...current, category: value }))}
          clearable
          searchable
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          size="xs"
          label={t('filterSeverity')}
          placeholder={t('any')}
          data={filterData.severity}
          value={filter.severity}
          onChange={(value) =>
            setFilter((current) => ({ ...current, severity: value as Severity | null }))
          }
          clearable
        />
        <Select
          size="xs"
          label={t('filterStatus')}
          placeholder={t('any')}
          data={filterData.status}
          value={filter.status}
          onChange={(value) =>
            setFilter((current) => ({ ...current, status: value as AnnotationStatus | null }))
          }
          clearable
        />
        <Select
          size="xs"
          label={t('filterOrigin')}
          placeholder={t('any')}
          data={filterData.origin}
          value={filter.origin}
          onChange={(value) =>
            setFilter((current) => ({ ...current, origin: value as Origin | null }))
          }
          clearable
        />
      </SimpleGrid>
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" c="dimmed" aria-live="polite" data-testid="issue-count">
          {filtering
            ? t(total === 1 ? 'issueCountOne' : 'issueCount', { shown: visible.length, total })
            : t(total === 1 ? 'issueCountAllOne' : 'issueCountAll', { total })}
        </Text>
        {filtering && (
          <Button size="compact-xs" variant="subtle" onClick={() => setFilter(NO_FILTER)}>
            {t('clearFilters')}
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
      <Modal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('deleteTitle')}
        size="sm"
        centered
        closeButtonProps={{ 'aria-label': t('close') }}
      >
        <Stack gap="md">
          <Text size="sm">{t('deleteConfirm')}</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setDeleting(null)} data-autofocus>
              {t('cancel')}
            </Button>
            <Button
              color="red.9"
              onClick={() => {
                if (deleting) void run({ type: 'deleteAnnotation', id: deleting.id });
                setDeleting(null);
              }}
            >
              {t('delete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

/**
 * The flag dialog for new annotations, opened by `ui.flagDialogOpen`, with the selection tracking it needs, and the
 * same dialog editing an annotation, opened by `ui.editingAnnotationId` (the panel's Edit button, shortcut E). Mount
 * it once (the annotation panel does, unless told not to).
 */
export function FlagDialogHost() {
  const store = useContext(ReviewStoreContext);
  const flagDialogOpen = useReview((state) => state.ui.flagDialogOpen);
  const setFlagDialogOpen = useReview((state) => state.setFlagDialogOpen);
  const selection = usePendingSelection();
  const setEditing = useReview((state) => state.setEditingAnnotation);
  const editing = useReview((state) => {
    const id = state.ui.editingAnnotationId;
    return id === null
      ? null
      : (state.history?.present.annotations.find((annotation) => annotation.id === id) ?? null);
  });

  // Read the selection the moment the dialog is asked for, before the dialog takes the focus (which moves the
  // browser selection into its first field).
  const { capture } = selection;
  useEffect(() => {
    if (!store) return;
    if (store.getState().ui.flagDialogOpen) capture();
    return store.subscribe((state, previous) => {
      if (state.ui.flagDialogOpen && !previous.ui.flagDialogOpen) capture();
    });
  }, [store, capture]);

  return (
    <>
      <FlagDialog
        mode={flagDialogOpen ? { kind: 'create', selection: selection.pending } : null}
        onClose={() => {
          setFlagDialogOpen(false);
          selection.clear();
        }}
        onRemoveSide={(side: Side) => selection.remove(side)}
      />
      <FlagDialog
        mode={editing ? { kind: 'edit', annotation: editing } : null}
        onClose={() => setEditing(null)}
        onRemoveSide={() => {}}
      />
    </>
  );
}

interface AnnotationCardProps {
  readonly annotation: Annotation;
  readonly session: ReviewSession;
  readonly language: UiLanguage;
  readonly selected: boolean;
  readonly onEdit: () => void;
  readonly onStatus: (status: AnnotationStatus) => void;
  readonly onDelete: () => void;
}

function AnnotationCard({
  annotation,
  session,
  language,
  selected,
  onEdit,
  onStatus,
  onDelete,
}: AnnotationCardProps) {
  const { t } = useAnnotationMessages();
  const base = useMessages();
  const selectAnnotation = useReview((state) => state.selectAnnotation);
  const orphaned = isOrphaned(session, annotation);
  const diff = annotationSuggestionDiff(session, annotation);
  const time = new Intl.DateTimeFormat(language === 'ja' ? 'ja-JP' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(annotation.updatedAt));
  const who =
    annotation.origin.kind === 'check'
      ? t('checkAuthor', { check: annotation.origin.checkId })
      : t('by', { author: annotation.author });
  const titleId = `annotation-title-${annotation.id}`;

  return (
    <li
      id={`annotation-card-${annotation.id}`}
      className={classes.card}
      data-selected={selected ? 'true' : undefined}
      data-status={annotation.status}
      data-annotation-id={annotation.id}
      style={
        {
          '--card-color': `var(--mantine-color-${SEVERITY_COLOR[annotation.severity]}-6)`,
        } as React.CSSProperties
      }
    >
      <UnstyledButton
        className={classes.focusButton}
        aria-current={selected ? 'true' : undefined}
        title={t('goToText')}
        onClick={() =>
          selectAnnotation(annotation.id, orphaned ? null : beadOfAnnotation(session, annotation))
        }
      >
        <Text component="span" display="block" size="sm" fw={600} id={titleId}>
          {categoryPath(annotation.category, annotation.subtype, language)}
        </Text>
        <Group gap={6} wrap="wrap" my={4} component="span">
          <Badge
            size="sm"
            variant="light"
            color={SEVERITY_COLOR[annotation.severity]}
            classNames={{ label: classes.badgeInk }}
          >
            {SEVERITY_LABELS[annotation.severity][language]}
          </Badge>
          <Badge
            size="sm"
            variant="outline"
            color={STATUS_COLOR[annotation.status]}
            classNames={{ label: classes.badgeInk }}
          >
            {ANNOTATION_STATUS_LABELS[annotation.status][language]}
          </Badge>
          {orphaned && (
            <Badge size="sm" variant="filled" color="red.9" title={t('orphanedHint')}>
              {t('orphaned')}
            </Badge>
          )}
        </Group>
        {annotation.selectors.map((selector) => (
          <Text
            key={selector.side}
            component="span"
            display="block"
            size="sm"
            className={classes.quote}
            lang={session.alignment[selector.side].lang}
          >
            <Text component="span" size="xs" c="dimmed" lang={language}>
              {selector.side === 'source' ? 'EN' : 'JA'}
              <span style={{ position: 'absolute', left: -10000 }}>
                {` ${selector.side === 'source' ? base('source') : base('target')}`}
              </span>{' '}
            </Text>
            {diff && diff.side === selector.side ? (
              <SuggestionDiff parts={diff.parts} lang={session.alignment[selector.side].lang} />
            ) : (
              selector.exact
            )}
          </Text>
        ))}
        {annotation.comment && (
          <Text component="span" display="block" size="sm" mt={4}>
            {annotation.comment}
          </Text>
        )}
        <Text component="span" display="block" size="xs" c="dimmed" mt={4}>
          {who} · <time dateTime={annotation.updatedAt}>{time}</time>
        </Text>
      </UnstyledButton>
      <Group gap={4} mt={6} role="group" aria-label={t('issueActions')}>
        <Button size="compact-xs" variant="subtle" onClick={onEdit}>
          {t('edit')}
        </Button>
        {annotation.status === 'open' ? (
          <>
            <Button
              size="compact-xs"
              variant="subtle"
              color="teal"
              onClick={() => onStatus('resolved')}
            >
              {t('resolve')}
            </Button>
            <Button
              size="compact-xs"
              variant="subtle"
              color="gray"
              onClick={() => onStatus('rejected')}
            >
              {t('reject')}
            </Button>
          </>
        ) : (
          <Button size="compact-xs" variant="subtle" onClick={() => onStatus('open')}>
            {t('reopen')}
          </Button>
        )}
        <Button size="compact-xs" variant="subtle" color="red" onClick={onDelete} ml="auto">
          {t('delete')}
        </Button>
      </Group>
    </li>
  );
}
