import { useMemo } from 'react';
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { ErrorAlert } from '../../components/ErrorAlert';
import { messageOf } from '../../errors';
import { useReview } from '../../state/ReviewStoreContext';
import { useMessages } from '../../useMessages';
import { projectPathSchema, type ProjectPathValues } from './projectForms';
import { RecentList } from './RecentList';

/** Opens a recent project, or one by its path. */
export function OpenProjectModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const t = useMessages();
  const openProject = useReview((state) => state.openProject);
  const validate = useMemo(() => zod4Resolver(projectPathSchema(t)), [t]);
  const form = useForm<ProjectPathValues>({ initialValues: { path: '' }, validate });
  const open = async (target: string) => {
    if (!target.trim()) return;
    form.setSubmitting(true);
    form.clearErrors();
    try {
      await openProject(target.trim());
      form.reset();
      onClose();
    } catch (caught) {
      form.setErrors({ submit: messageOf(caught) });
    } finally {
      form.setSubmitting(false);
    }
  };
  const error = form.errors.submit;
  return (
    <Modal opened={opened} onClose={onClose} title={t('openTitle')} size="lg">
      <Stack gap="md">
        <Stack gap={6}>
          <Text size="sm" fw={500}>
            {t('recentProjects')}
          </Text>
          {opened && <RecentList onOpen={(target) => void open(target)} />}
        </Stack>
        <form onSubmit={form.onSubmit((values) => open(values.path))}>
          <Group align="flex-end" gap="xs" wrap="nowrap">
            <TextInput
              label={t('projectPath')}
              placeholder={t('projectPathPlaceholder')}
              {...form.getInputProps('path', { withError: false })}
              style={{ flex: 1 }}
              ff="monospace"
            />
            <Button type="submit" loading={form.submitting} disabled={!form.isValid()}>
              {t('open')}
            </Button>
          </Group>
        </form>
        <ErrorAlert title={t('openFailed')} message={typeof error === 'string' ? error : null} />
      </Stack>
    </Modal>
  );
}
