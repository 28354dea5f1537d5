import { useEffect } from 'react';
import { Button, Group, Modal, Stack, Tabs, Text, Textarea, TextInput } from '@mantine/core';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useMessages } from '../../useMessages';
import { FileField } from './FileField';
import { ColumnPicker } from './ColumnPicker';
import {
  BILINGUAL_ACCEPT,
  DOCUMENT_ACCEPT,
  type NewProjectMode,
  type NewProjectValues,
} from './projectForms';
import { useNewProjectForm } from './useNewProjectForm';

/**
 * Creates a project from two files, two pasted texts or one bilingual file (a document, XLIFF, TMX or a table), and
 * opens it aligned. `prefill` fills the form from files dropped on the workspace.
 */
export function NewProjectModal({
  opened,
  onClose,
  prefill,
}: {
  opened: boolean;
  onClose: () => void;
  prefill: NewProjectValues | null;
}) {
  const t = useMessages();
  const {
    form,
    ready,
    error,
    setFile,
    submit,
    columnQuestion,
    chooseColumns,
    prefill: fill,
  } = useNewProjectForm(onClose);
  useEffect(() => {
    if (prefill) fill(prefill);
    // `fill` changes with every render of the form; the dropped files are what matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [prefill]);
  const busy = form.submitting;
  const { values } = form;

  return (
    <Modal
      opened={opened}
      onClose={busy ? () => {} : onClose}
      title={t('newProjectTitle')}
      size="xl"
      closeButtonProps={{ 'aria-label': t('close') }}
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
                  accept={DOCUMENT_ACCEPT}
                  onFile={(file) => setFile('englishFile', file)}
                />
                <FileField
                  label={t('japaneseFile')}
                  file={values.japaneseFile}
                  accept={DOCUMENT_ACCEPT}
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
                accept={BILINGUAL_ACCEPT}
                onFile={(file) => setFile('bilingualFile', file)}
              />
            </Tabs.Panel>
          </Tabs>
          {columnQuestion && values.mode === 'bilingual' && (
            <ColumnPicker question={columnQuestion} busy={busy} onChoose={chooseColumns} />
          )}
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
