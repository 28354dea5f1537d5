import { useMemo } from 'react';
import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { ErrorAlert } from '../../components/ErrorAlert';
import { messageOf } from '../../errors';
import { useReview } from '../../state/ReviewStoreContext';
import { useMessages } from '../../useMessages';
import { projectPathSchema, type ProjectPathValues } from './projectForms';

/** A new path for the open project, starting from its current one; saving continues there. */
export function SaveAsForm({ onClose }: { onClose: () => void }) {
  const t = useMessages();
  const current = useReview((state) => state.path);
  const saveAs = useReview((state) => state.saveAs);
  const validate = useMemo(() => zod4Resolver(projectPathSchema(t, current)), [t, current]);
  const form = useForm<ProjectPathValues>({ initialValues: { path: current ?? '' }, validate });
  const error = form.errors.submit;
  return (
    <form
      onSubmit={form.onSubmit(async (values) => {
        try {
          await saveAs(values.path.trim());
          onClose();
        } catch (caught) {
          form.setErrors({ submit: messageOf(caught) });
        }
      })}
    >
      <Stack gap="md">
        <TextInput
          label={t('newPath')}
          {...form.getInputProps('path', { withError: false })}
          ff="monospace"
          data-autofocus
        />
        <ErrorAlert title={t('saveAsFailed')} message={typeof error === 'string' ? error : null} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('cancel')}
          </Button>
          <Button type="submit" loading={form.submitting} disabled={!form.isValid()}>
            {t('save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
