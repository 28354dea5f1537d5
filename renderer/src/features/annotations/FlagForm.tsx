import { useMemo } from 'react';
import { Alert, Box, Button, Group, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import type { Side } from '../../../../core/alignment/types';
import { ANNOTATION_STATUSES } from '../../../../core/project/annotation';
import { SEVERITIES, type Severity } from '../../../../core/review/mqm';
import type { AnnotationStatus } from '../../../../core/review/annotation';
import { LabelledChoice } from '../../components/LabelledChoice';
import { useMessages, useUiLanguage } from '../../useMessages';
import type { FlagDialogMode } from './flagFields';
import { categoryGroups, severityLabel, statusLabel } from './labels';
import { QuoteList } from './QuoteList';
import { SuggestionPreview } from './SuggestionPreview';
import { useFlagForm } from './useFlagForm';

/**
 * The flag form: the quoted text per side, MQM category (grouped by dimension, with subtypes), severity, comment, an
 * optional suggested correction with a live diff against the quote, status and author. Ctrl/⌘ + Enter saves.
 */
export function FlagForm({
  mode,
  onClose,
  onRemoveSide,
}: {
  mode: FlagDialogMode;
  onClose: (saved: boolean) => void;
  /** Drops one side's quote (create mode). */
  onRemoveSide: (side: Side) => void;
}) {
  const t = useMessages();
  const language = useUiLanguage();
  const { form, quotes, submit } = useFlagForm(mode, onClose);
  const creating = mode.kind === 'create';
  const groups = useMemo(() => categoryGroups(language), [language]);
  // A correction replaces the translation: diff against the Japanese quote when there is one.
  const corrected = quotes.find((quote) => quote.side === 'target') ?? quotes[0];
  const formError = form.errors.save ?? form.errors.selection;

  return (
    <form
      noValidate
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit(event);
      }}
    >
      <Stack gap="sm">
        <QuoteList quotes={quotes} removable={creating} onRemoveSide={onRemoveSide} />

        <Select
          label={t('category')}
          placeholder={t('categoryPlaceholder')}
          data={groups}
          {...form.getInputProps('category')}
          searchable
          // Focus lands here when a flag starts, but the list opens only when the reviewer types or clicks, so the
          // quote and the other fields stay visible.
          openOnFocus={false}
          required
          maxDropdownHeight={320}
          nothingFoundMessage="—"
          data-autofocus={creating ? true : undefined}
          comboboxProps={{ withinPortal: true }}
        />

        <Box>
          <LabelledChoice
            label={t('severity')}
            value={form.values.severity}
            onChange={(value) => form.setFieldValue('severity', value as Severity)}
            data={SEVERITIES.map((value) => ({ value, label: severityLabel(value, language) }))}
          />
          <Text size="xs" c="dimmed" mt={4}>
            {t('severityHint')}
          </Text>
        </Box>

        <Textarea
          label={t('comment')}
          placeholder={t('commentPlaceholder')}
          data-autofocus={creating ? undefined : true}
          {...form.getInputProps('comment')}
          autosize
          minRows={2}
          maxRows={6}
        />

        <Textarea
          label={t('suggestion')}
          placeholder={t('suggestionPlaceholder')}
          {...form.getInputProps('suggestion')}
          autosize
          minRows={1}
          maxRows={4}
          lang={corrected?.lang}
        />
        <SuggestionPreview corrected={corrected} suggestion={form.values.suggestion} />

        <Group grow align="flex-start">
          <Box>
            <LabelledChoice
              label={t('status')}
              value={form.values.status}
              onChange={(value) => form.setFieldValue('status', value as AnnotationStatus)}
              data={ANNOTATION_STATUSES.map((value) => ({
                value,
                label: statusLabel(value, language),
              }))}
            />
          </Box>
          <TextInput
            label={t('author')}
            {...form.getInputProps('author')}
            required
            autoComplete="name"
          />
        </Group>

        {formError && (
          <Alert color="red" variant="light" role="alert">
            {formError}
          </Alert>
        )}

        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={() => onClose(false)}>
            {t('cancel')}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {creating ? t('saveIssue') : t('saveChanges')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
