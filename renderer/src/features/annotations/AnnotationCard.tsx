import type { CSSProperties } from 'react';
import { Badge, Button, Group, Text, UnstyledButton } from '@mantine/core';
import type { Annotation, AnnotationStatus } from '../../../../core/review/annotation';
import { beadOfAnnotation, isOrphaned } from '../../../../core/review/anchoring';
import type { ReviewSession } from '../../../../core/review/session';
import { annotationSuggestionDiff } from '../../../../core/review/suggestionDiff';
import type { UiLanguage } from '../../i18n';
import { useReview } from '../../state/ReviewStoreContext';
import { useMessages } from '../../useMessages';
import { categoryPath, severityLabel, statusLabel } from './labels';
import { SEVERITY_COLOR } from './severityColor';
import { SuggestionDiff } from './SuggestionDiff';
import classes from './annotations.module.css';

const STATUS_COLOR: Readonly<Record<AnnotationStatus, string>> = {
  open: 'blue',
  resolved: 'teal',
  rejected: 'gray',
};

interface AnnotationCardProps {
  readonly annotation: Annotation;
  readonly session: ReviewSession;
  readonly language: UiLanguage;
  readonly selected: boolean;
  readonly onEdit: () => void;
  readonly onStatus: (status: AnnotationStatus) => void;
  readonly onDelete: () => void;
}

/**
 * One issue in the panel: its category, severity, status, quotes (the Japanese one as a diff when there is a
 * suggestion), comment and author, with its actions. A click focuses it in the text.
 */
export function AnnotationCard({
  annotation,
  session,
  language,
  selected,
  onEdit,
  onStatus,
  onDelete,
}: AnnotationCardProps) {
  const t = useMessages();
  const selectAnnotation = useReview((state) => state.selectAnnotation);
  const orphaned = isOrphaned(session, annotation);
  const diff = annotationSuggestionDiff(session, annotation);
  const time = new Intl.DateTimeFormat(t('locale'), {
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
        } as CSSProperties
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
            {severityLabel(annotation.severity, language)}
          </Badge>
          <Badge
            size="sm"
            variant="outline"
            color={STATUS_COLOR[annotation.status]}
            classNames={{ label: classes.badgeInk }}
          >
            {statusLabel(annotation.status, language)}
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
              {selector.side === 'source' ? t('sourceShort') : t('targetShort')}
              <span style={{ position: 'absolute', left: -10000 }}>
                {` ${selector.side === 'source' ? t('source') : t('target')}`}
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
