import { useState } from 'react';
import {
  Alert,
  Button,
  Group,
  Input,
  Stack,
  Table,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import type { Glossary } from '../../../../core/checks/glossary';
import { messageOf } from '../../errors';
import { invoke } from '../../ipc';
import { useReview } from '../../state/ReviewStoreContext';
import { useMessages } from '../../useMessages';
import { useUpdateSettings } from '../annotations/useUpdateSettings';
import { readFileSource } from '../projects/base64';
import {
  formOf,
  formProblem,
  mergeGlossaries,
  removeConcept,
  saveConcept,
  type ConceptForm,
} from './glossaryModel';
import classes from './glossary.module.css';

const EMPTY_FORM: ConceptForm = { en: '', ja: '', forbiddenJa: '', note: '' };
const GLOSSARY_FILES = '.csv,.tsv,.txt,.xlsx,.tbx,.xml';

/**
 * The project's glossary, behind a disclosure: import a file (CSV, TSV, XLSX, TBX; added to the terms already kept),
 * add, edit and delete terms. Saved in the project's settings; the terminology and consistency checks run again.
 */
export function GlossaryEditor() {
  const t = useMessages();
  const glossary = useReview((state) => state.meta?.settings.glossary);
  const updateSettings = useUpdateSettings();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState<ConceptForm>(EMPTY_FORM);
  const [editing, setEditing] = useState<number | undefined>(undefined);
  const [notice, setNotice] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const count = glossary?.concepts.length ?? 0;
  const problem = formProblem(form);

  const save = async (next: Glossary, message?: string): Promise<void> => {
    setBusy(true);
    try {
      await updateSettings({ glossary: next });
      setNotice(message ? { kind: 'info', text: message } : null);
    } catch (error) {
      setNotice({ kind: 'error', text: messageOf(error) });
    } finally {
      setBusy(false);
    }
  };

  const importFile = async (file: File | null): Promise<void> => {
    if (!file) return;
    setBusy(true);
    try {
      const reading = await invoke('glossary:read', { file: await readFileSource(file) });
      const merged = mergeGlossaries(glossary, reading.glossary);
      const skipped = reading.skipped.length
        ? ` ${t('glossarySkipped', { count: reading.skipped.length, first: reading.skipped[0]! })}`
        : '';
      await save(
        merged.glossary,
        t('glossaryImported', { count: merged.added, file: file.name }) + skipped,
      );
    } catch (error) {
      setNotice({ kind: 'error', text: messageOf(error) });
      setBusy(false);
    }
  };

  const submit = (): void => {
    if (problem) return;
    void save(saveConcept(glossary, form, editing));
    setForm(EMPTY_FORM);
    setEditing(undefined);
  };

  return (
    <Stack gap={6}>
      <UnstyledButton
        aria-expanded={open}
        aria-controls="glossary-editor"
        onClick={() => setOpen((value) => !value)}
      >
        <Text size="sm" fw={600}>
          {open ? '▾ ' : '▸ '}
          {t('glossaryTitle', { count })}
        </Text>
      </UnstyledButton>
      {open && (
        <Stack gap="xs" id="glossary-editor" data-testid="glossary-editor">
          <Input.Wrapper label={t('glossaryImport')} description={t('glossaryImportHint')}>
            <input
              type="file"
              aria-label={t('glossaryImport')}
              accept={GLOSSARY_FILES}
              disabled={busy}
              className={classes.file}
              onChange={(event) => {
                const input = event.currentTarget;
                void importFile(input.files?.[0] ?? null).finally(() => (input.value = ''));
              }}
            />
          </Input.Wrapper>
          {notice && (
            <Alert
              color={notice.kind === 'error' ? 'red' : 'blue'}
              variant="light"
              p="xs"
              role={notice.kind === 'error' ? 'alert' : 'status'}
            >
              <Text size="sm">{notice.text}</Text>
            </Alert>
          )}
          {count === 0 ? (
            <Text size="sm" c="dimmed">
              {t('glossaryEmpty')}
            </Text>
          ) : (
            <div className={classes.tableScroll}>
              <Table striped withTableBorder fz="xs" aria-label={t('glossaryTableLabel')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('glossaryEnglish')}</Table.Th>
                    <Table.Th>{t('glossaryJapanese')}</Table.Th>
                    <Table.Th>
                      <span className={classes.hidden}>{t('glossaryActions')}</span>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {glossary!.concepts.map((concept, index) => (
                    <Table.Tr key={`${concept.id}-${index}`} data-testid="glossary-row">
                      <Table.Td>{concept.en.join('; ')}</Table.Td>
                      <Table.Td>
                        {concept.ja.join('; ')}
                        {concept.forbiddenJa.length > 0 && (
                          <Text size="xs" c="red">
                            {t('glossaryForbiddenShort', { terms: concept.forbiddenJa.join('; ') })}
                          </Text>
                        )}
                        {concept.note && (
                          <Text size="xs" c="dimmed">
                            {concept.note}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            aria-label={t('glossaryEditTerm', { term: concept.en[0] ?? '' })}
                            onClick={() => {
                              setForm(formOf(concept));
                              setEditing(index);
                            }}
                          >
                            {t('glossaryEdit')}
                          </Button>
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            color="red"
                            disabled={busy}
                            aria-label={t('glossaryDeleteTerm', { term: concept.en[0] ?? '' })}
                            onClick={() => void save(removeConcept(glossary, index))}
                          >
                            {t('glossaryDelete')}
                          </Button>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
          )}
          <form
            onSubmit={(event) => {
              event.preventDefault();
              submit();
            }}
          >
            <Stack gap={4}>
              <TextInput
                size="xs"
                label={t('glossaryEnglish')}
                description={t('glossarySynonymHint')}
                value={form.en}
                onChange={(event) => setForm({ ...form, en: event.currentTarget.value })}
              />
              <TextInput
                size="xs"
                label={t('glossaryJapanese')}
                value={form.ja}
                onChange={(event) => setForm({ ...form, ja: event.currentTarget.value })}
              />
              <TextInput
                size="xs"
                label={t('glossaryForbidden')}
                value={form.forbiddenJa}
                onChange={(event) => setForm({ ...form, forbiddenJa: event.currentTarget.value })}
              />
              <TextInput
                size="xs"
                label={t('glossaryNote')}
                value={form.note}
                onChange={(event) => setForm({ ...form, note: event.currentTarget.value })}
              />
              <Group gap="xs">
                <Button size="xs" type="submit" disabled={busy || problem !== undefined}>
                  {editing === undefined ? t('glossaryAdd') : t('glossarySave')}
                </Button>
                {editing !== undefined && (
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => {
                      setForm(EMPTY_FORM);
                      setEditing(undefined);
                    }}
                  >
                    {t('cancel')}
                  </Button>
                )}
              </Group>
            </Stack>
          </form>
        </Stack>
      )}
    </Stack>
  );
}
