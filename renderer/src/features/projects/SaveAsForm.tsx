import { useMemo, useState } from 'react';
import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { ErrorAlert } from '../../components/ErrorAlert';
import { messageOf } from '../../errors';
import { IpcCallError } from '../../ipc';
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
  // A project is already at the path: the service refuses until the reviewer says to replace it.
  const [existing, setExisting] = useState<string | null>(null);
  const save = async (path: string, overwrite: boolean) => {
    try {
      await saveAs(path, { overwrite });
      onClose();
    } catch (caught) {
      if (caught instanceof IpcCallError && caught.error.code === 'exists' && !overwrite) {
        setExisting(path);
        return;
      }
      setExisting(null);
      form.setErrors({ submit: messageOf(caught) });
    }
  };
  if (existing !== null) {
    return (
      <Stack gap="md">
        <Alert color="orange" title={t('saveAsExistsTitle')}>
          <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
            {existing}
          </Text>
          <Text size="sm" mt="xs">
            {t('saveAsExistsMessage')}
          </Text>
        </Alert>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={() => setExisting(null)} data-autofocus>
            {t('saveAsChooseAnother')}
          </Button>
          <Button color="orange" onClick={() => void save(existing, true)}>
            {t('saveAsReplace')}
          </Button>
        </Group>
      </Stack>
    );
  }
  return (
    <form onSubmit={form.onSubmit((values) => save(values.path.trim(), false))}>
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
