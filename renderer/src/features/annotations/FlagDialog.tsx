import { useId, useMemo, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  CloseButton,
  Group,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import type { Side } from '../../../../core/alignment/types';
import {
  ANNOTATION_STATUSES,
  ANNOTATION_STATUS_LABELS,
  type Annotation as StoredAnnotation,
  type MqmSubtype,
} from '../../../../core/project/annotation';
import {
  createSelector,
  type Annotation,
  type AnnotationSelector,
  type AnnotationStatus,
} from '../../../../core/review/annotation';
import { beadOfAnnotation } from '../../../../core/review/anchoring';
import { SEVERITIES, SEVERITY_LABELS, type Severity } from '../../../../core/review/mqm';
import { diffSuggestion } from '../../../../core/review/suggestionDiff';
import { useReview } from '../../state/ReviewStoreContext';
import { useMessages } from '../../useMessages';
import { categoryGroups, categoryValue, parseCategoryValue } from './labels';
import { SuggestionDiff } from './SuggestionDiff';
import type { PendingSelection } from './textSelection';
import { useAnnotationMessages } from './useAnnotationMessages';
import classes from './annotations.module.css';

const AUTHOR_KEY = 'taiyaku.author';

function rememberedAuthor(): string {
  try {
    return localStorage.getItem(AUTHOR_KEY) ?? '';
  } catch {
    return '';
  }
}

/** Create a flag on the pending selection, or edit an existing annotation. */
export type FlagDialogMode =
  | { readonly kind: 'create'; readonly selection: PendingSelection }
  | { readonly kind: 'edit'; readonly annotation: Annotation };

export interface FlagDialogProps {
  readonly mode: FlagDialogMode | null;
  readonly onClose: (saved: boolean) => void;
  /** Drops one side's quote (create mode). */
  readonly onRemoveSide: (side: Side) => void;
}

interface Quote {
  readonly side: Side;
  readonly exact: string;
  /** A little of the text around the quote, so the reviewer sees where it sits. */
  readonly before: string;
  readonly after: string;
  readonly lang: string;
}

const CONTEXT_LENGTH = 24;

/** The tail of `text` (up to `length` units), cut at a line break so the context stays on the quote's line. */
function contextBefore(text: string, length = CONTEXT_LENGTH): string {
  const tail = text.slice(-length);
  return tail.slice(tail.search(/[^\n]*$/)).trimStart();
}

function contextAfter(text: string, length = CONTEXT_LENGTH): string {
  const head = text.slice(0, length);
  const breakAt = head.indexOf('\n');
  return (breakAt === -1 ? head : head.slice(0, breakAt)).trimEnd();
}

/**
 * The flag dialog: the quoted text per side, MQM category (grouped by dimension, with subtypes), severity, comment,
 * an optional suggested correction with a live diff against the quote, status and author. Saves through the store
 * (`addAnnotation`, or `updateAnnotation` when editing).
 */
export function FlagDialog({ mode, onClose, onRemoveSide }: FlagDialogProps) {
  const { t } = useAnnotationMessages();
  const modeKey = mode === null ? null : mode.kind === 'edit' ? mode.annotation.id : 'create';
  return (
    <Modal
      opened={mode !== null}
      onClose={() => onClose(false)}
      title={mode?.kind === 'edit' ? t('editTitle') : t('flagTitle')}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': t('close') }}
    >
      {mode && (
        // Keyed so the form starts afresh each time the dialog opens or switches to another annotation.
        <FlagForm key={modeKey} mode={mode} onClose={onClose} onRemoveSide={onRemoveSide} />
      )}
    </Modal>
  );
}

function FlagForm({
  mode,
  onClose,
  onRemoveSide,
}: FlagDialogProps & { readonly mode: FlagDialogMode }) {
  const { t, language } = useAnnotationMessages();
  const base = useMessages();
  const alignment = useReview((state) => state.history?.present.alignment);
  const run = useReview((state) => state.run);
  const selectAnnotation = useReview((state) => state.selectAnnotation);

  const editing = mode.kind === 'edit' ? mode.annotation : null;
  const [category, setCategory] = useState<string | null>(
    editing ? categoryValue(editing.category, editing.subtype) : null,
  );
  const [severity, setSeverity] = useState<Severity>(editing?.severity ?? 'minor');
  const [comment, setComment] = useState(editing?.comment ?? '');
  const [suggestion, setSuggestion] = useState(editing?.suggestion ?? '');
  const [status, setStatus] = useState<AnnotationStatus>(editing?.status ?? 'open');
  const [author, setAuthor] = useState(() => editing?.author ?? rememberedAuthor());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  // A message goes away as soon as the reviewer fixes its field.
  const clearError = (field: string) =>
    setErrors((current) => {
      if (!(field in current)) return current;
      const { [field]: _fixed, ...rest } = current;
      return rest;
    });

  const quotes: Quote[] = useMemo(() => {
    if (!alignment) return [];
    const sides: Side[] = ['source', 'target'];
    if (mode.kind === 'edit') {
      return sides.flatMap((side) => {
        const selector = mode.annotation.selectors.find((candidate) => candidate.side === side);
        return selector
          ? [
              {
                side,
                exact: selector.exact,
                before: contextBefore(selector.prefix),
                after: contextAfter(selector.suffix),
                lang: alignment[side].lang,
              },
            ]
          : [];
      });
    }
    return sides.flatMap((side) => {
      const span = mode.selection[side];
      return span
        ? [
            {
              side,
              exact: alignment[side].text.slice(span.start, span.end),
              before: contextBefore(
                alignment[side].text.slice(Math.max(0, span.start - CONTEXT_LENGTH), span.start),
              ),
              after: contextAfter(alignment[side].text.slice(span.end, span.end + CONTEXT_LENGTH)),
              lang: alignment[side].lang,
            },
          ]
        : [];
    });
  }, [mode, alignment]);

  // A correction replaces the translation: diff against the Japanese quote when there is one.
  const corrected = quotes.find((quote) => quote.side === 'target') ?? quotes[0];
  const diff = useMemo(
    () =>
      corrected && suggestion !== ''
        ? diffSuggestion(corrected.exact, suggestion, corrected.lang)
        : null,
    [corrected, suggestion],
  );

  const groups = useMemo(() => categoryGroups(language), [language]);

  const validate = (): Record<string, string> => {
    const problems: Record<string, string> = {};
    if (quotes.length === 0) problems.selection = t('noSelection');
    if (!category) problems.category = t('categoryRequired');
    if (author.trim() === '') problems.author = t('authorRequired');
    return problems;
  };

  const save = async () => {
    if (!alignment || saving) return;
    const problems = validate();
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    const { category: categoryId, subtype } = parseCategoryValue(category!);
    const now = new Date().toISOString();
    const trimmedSuggestion = suggestion === '' ? undefined : suggestion;
    const name = author.trim();
    try {
      localStorage.setItem(AUTHOR_KEY, name);
    } catch {
      // Private mode or full storage: the name is simply not remembered.
    }
    setSaving(true);
    let ok: boolean;
    let saved: StoredAnnotation;
    if (mode.kind === 'create') {
      const selectors: AnnotationSelector[] = (['source', 'target'] as const).flatMap((side) => {
        const span = mode.selection[side];
        return span ? [createSelector(side, alignment[side].text, span.start, span.end)] : [];
      });
      saved = {
        id: crypto.randomUUID(),
        selectors,
        category: categoryId,
        ...(subtype ? { subtype: subtype as MqmSubtype } : {}),
        severity,
        comment: comment.trim(),
        ...(trimmedSuggestion !== undefined ? { suggestion: trimmedSuggestion } : {}),
        status,
        author: name,
        createdAt: now,
        updatedAt: now,
        origin: { kind: 'reviewer' },
      };
      ok = await run({ type: 'addAnnotation', annotation: saved });
    } else {
      const current = mode.annotation;
      const { subtype: _oldSubtype, suggestion: _oldSuggestion, ...rest } = current;
      saved = {
        ...rest,
        selectors: current.selectors.map((selector) => ({ ...selector })),
        origin: { ...current.origin },
        category: categoryId,
        ...(subtype ? { subtype: subtype as MqmSubtype } : {}),
        severity,
        comment: comment.trim(),
        ...(trimmedSuggestion !== undefined ? { suggestion: trimmedSuggestion } : {}),
        status,
        author: name,
        updatedAt: now,
      };
      ok = await run({
        type: 'updateAnnotation',
        id: current.id,
        changes: {
          category: categoryId,
          // null removes a subtype or suggestion the reviewer cleared: one change, one undo step.
          subtype: subtype || null,
          severity,
          comment: saved.comment,
          suggestion: trimmedSuggestion ?? null,
          status,
          author: name,
        },
        updatedAt: now,
      });
    }
    setSaving(false);
    if (!ok) {
      setErrors({ save: t('saveFailed') });
      return;
    }
    const session = { alignment, annotations: [] };
    selectAnnotation(saved.id, beadOfAnnotation(session, saved));
    if (mode.kind === 'create') window.getSelection()?.removeAllRanges();
    onClose(true);
  };

  const sideLabel = (side: Side) => (side === 'source' ? base('source') : base('target'));

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          void save();
        }
      }}
    >
      <Stack gap="sm">
        <Box>
          <Text size="sm" fw={500} mb={4}>
            {t('quotedText')}
          </Text>
          {quotes.length === 0 ? (
            <Alert color="orange" variant="light" role="alert" data-testid="no-selection">
              {t('noSelection')}
            </Alert>
          ) : (
            <Stack gap={6}>
              {quotes.map((quote) => (
                <Group key={quote.side} gap="xs" wrap="nowrap" align="flex-start">
                  <Box style={{ flex: 1, minWidth: 0 }}>
                    <Text size="xs" c="dimmed">
                      {sideLabel(quote.side)}
                    </Text>
                    <Text className={classes.quote} lang={quote.lang}>
                      {quote.before && <span className={classes.context}>…{quote.before}</span>}
                      <strong className={classes.quoted} data-testid={`quote-${quote.side}`}>
                        {quote.exact}
                      </strong>
                      {quote.after && <span className={classes.context}>{quote.after}…</span>}
                    </Text>
                  </Box>
                  {mode.kind === 'create' && (
                    <CloseButton
                      size="sm"
                      aria-label={t('removeQuote', { side: sideLabel(quote.side) })}
                      onClick={() => onRemoveSide(quote.side)}
                    />
                  )}
                </Group>
              ))}
              {mode.kind === 'create' && quotes.length === 1 && (
                <Text size="xs" c="dimmed">
                  {t('bothSidesHint')}
                </Text>
              )}
            </Stack>
          )}
        </Box>

        <Select
          label={t('category')}
          placeholder={t('categoryPlaceholder')}
          data={groups}
          value={category}
          onChange={(value) => {
            setCategory(value);
            clearError('category');
          }}
          searchable
          // Focus lands here when a flag starts, but the list opens only when the reviewer types or clicks, so the
          // quote and the other fields stay visible.
          openOnFocus={false}
          required
          maxDropdownHeight={320}
          nothingFoundMessage="—"
          error={errors.category}
          data-autofocus={mode.kind === 'create' ? true : undefined}
          comboboxProps={{ withinPortal: true }}
        />

        <Box>
          <LabelledChoice
            label={t('severity')}
            value={severity}
            onChange={(value) => setSeverity(value as Severity)}
            data={SEVERITIES.map((value) => ({ value, label: SEVERITY_LABELS[value][language] }))}
          />
          <Text size="xs" c="dimmed" mt={4}>
            {t('severityHint')}
          </Text>
        </Box>

        <Textarea
          label={t('comment')}
          placeholder={t('commentPlaceholder')}
          data-autofocus={mode.kind === 'edit' ? true : undefined}
          value={comment}
          onChange={(event) => setComment(event.currentTarget.value)}
          autosize
          minRows={2}
          maxRows={6}
        />

        <Textarea
          label={t('suggestion')}
          placeholder={t('suggestionPlaceholder')}
          value={suggestion}
          onChange={(event) => setSuggestion(event.currentTarget.value)}
          autosize
          minRows={1}
          maxRows={4}
          lang={corrected?.lang}
        />
        {diff && corrected && (
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
        )}

        <Group grow align="flex-start">
          <Box>
            <LabelledChoice
              label={t('status')}
              value={status}
              onChange={(value) => setStatus(value as AnnotationStatus)}
              data={ANNOTATION_STATUSES.map((value) => ({
                value,
                label: ANNOTATION_STATUS_LABELS[value][language],
              }))}
            />
          </Box>
          <TextInput
            label={t('author')}
            value={author}
            onChange={(event) => {
              setAuthor(event.currentTarget.value);
              clearError('author');
            }}
            required
            autoComplete="name"
            error={errors.author}
          />
        </Group>

        {(errors.selection || errors.save) && (
          <Alert color="red" variant="light" role="alert">
            {errors.save ?? errors.selection}
          </Alert>
        )}

        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={() => onClose(false)}>
            {t('cancel')}
          </Button>
          <Button type="submit" loading={saving}>
            {editing ? t('saveChanges') : t('saveIssue')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A segmented choice with a visible label, exposed to assistive technology as a labelled radio group. */
function LabelledChoice(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  data: { value: string; label: string }[];
}) {
  const labelId = useId();
  return (
    <>
      <Text id={labelId} size="sm" fw={500} mb={4}>
        {props.label}
      </Text>
      <div role="radiogroup" aria-labelledby={labelId}>
        <SegmentedControl
          fullWidth
          value={props.value}
          onChange={props.onChange}
          data={props.data}
        />
      </div>
    </>
  );
}
