import { Button, Group, Modal, Stack, Tabs, Text, Textarea, TextInput } from '@mantine/core';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useMessages } from '../../useMessages';
import { FileField } from './FileField';
import type { NewProjectMode } from './projectForms';
import { useNewProjectForm } from './useNewProjectForm';

/** Creates a project from two files, two pasted texts or one bilingual file, and opens it aligned. */
export function NewProjectModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const t = useMessages();
  const { form, ready, error, setFile, submit } = useNewProjectForm(onClose);
  const busy = form.submitting;
  const { values } = form;

  return (
    <Modal
      opened={opened}
      onClose={busy ? () => {} : onClose}
      title={t('newProjectTitle')}
      size="xl"
    >
      <form onSubmit={submit}>
        <Stack gap="md">
          <TextInput
            label={t('projectName')}
            {...form.getInputProps('name', { withError: false })}
            required
            data-autofocus
          />
          <Tabs
            value={values.mode}
            onChange={(value) =>
              form.setFieldValue('mode', (value as NewProjectMode | null) ?? 'files')
            }
          >
            <Tabs.List>
              <Tabs.Tab value="files">{t('tabFiles')}</Tabs.Tab>
              <Tabs.Tab value="paste">{t('tabPaste')}</Tabs.Tab>
              <Tabs.Tab value="bilingual">{t('tabBilingual')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="files" pt="md">
              <Stack gap="sm">
                <FileField
                  label={t('englishFile')}
                  file={values.englishFile}
                  onFile={(file) => setFile('englishFile', file)}
                />
                <FileField
                  label={t('japaneseFile')}
                  file={values.japaneseFile}
                  onFile={(file) => setFile('japaneseFile', file)}
                />
                <Text size="xs" c="dimmed">
                  {t('fileHint')}
                </Text>
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="paste" pt="md">
              <Group grow align="flex-start">
                <Textarea
                  label={t('englishText')}
                  lang="en"
                  autosize
                  minRows={8}
                  maxRows={14}
                  {...form.getInputProps('englishText', { withError: false })}
                />
                <Textarea
                  label={t('japaneseText')}
                  lang="ja"
                  autosize
                  minRows={8}
                  maxRows={14}
                  {...form.getInputProps('japaneseText', { withError: false })}
                />
              </Group>
            </Tabs.Panel>
            <Tabs.Panel value="bilingual" pt="md">
              <FileField
                label={t('bilingualFile')}
                description={t('bilingualHint')}
                file={values.bilingualFile}
                onFile={(file) => setFile('bilingualFile', file)}
              />
            </Tabs.Panel>
          </Tabs>
          <ErrorAlert title={t('createFailed')} message={error} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose} disabled={busy}>
              {t('cancel')}
            </Button>
            <Button type="submit" loading={busy} disabled={!ready}>
              {busy ? t('creating') : t('create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
