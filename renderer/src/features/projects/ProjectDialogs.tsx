import { useEffect, useState, type ReactNode } from 'react';
import {
  Alert,
  Button,
  Group,
  Input,
  Modal,
  ScrollArea,
  Stack,
  Tabs,
  Text,
  Textarea,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import type { RecentProject } from '../../../../core/ipc/contract';
import { AlertIcon } from '../../components/icons';
import type { CreateProjectRequest } from '../../state/reviewStore';
import { useReview } from '../../state/ReviewStoreContext';
import { useMessages } from '../../useMessages';
import { nameFromFileName, readFileSource } from './base64';
import type { ProjectDialog } from './ProjectMenu';
import classes from './ProjectDialogs.module.css';

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function ErrorAlert({ title, message }: { title: string; message: string | null }) {
  if (!message) return null;
  return (
    <Alert color="red" variant="light" title={title} icon={<AlertIcon size={18} />} role="alert">
      {message}
    </Alert>
  );
}

function FileField({
  label,
  description,
  file,
  onFile,
}: {
  label: string;
  description?: ReactNode;
  file: File | null;
  onFile: (file: File | null) => void;
}) {
  return (
    <Input.Wrapper label={label} description={description}>
      <input
        type="file"
        aria-label={label}
        accept=".txt,.md,.text,text/plain"
        className={classes.file}
        onChange={(event) => onFile(event.currentTarget.files?.[0] ?? null)}
      />
      {file && (
        <Text size="xs" c="dimmed" mt={2}>
          {file.name} · {file.size.toLocaleString()} B
        </Text>
      )}
    </Input.Wrapper>
  );
}

type Mode = 'files' | 'paste' | 'bilingual';

function NewProjectModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const t = useMessages();
  const createProject = useReview((state) => state.createProject);
  const [mode, setMode] = useState<Mode>('files');
  const [name, setName] = useState('');
  const [englishFile, setEnglishFile] = useState<File | null>(null);
  const [japaneseFile, setJapaneseFile] = useState<File | null>(null);
  const [bilingualFile, setBilingualFile] = useState<File | null>(null);
  const [englishText, setEnglishText] = useState('');
  const [japaneseText, setJapaneseText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const reset = () => {
    setName('');
    setEnglishFile(null);
    setJapaneseFile(null);
    setBilingualFile(null);
    setEnglishText('');
    setJapaneseText('');
    setError(null);
  };
  const suggestName = (file: File | null) => {
    if (file && !name.trim()) setName(nameFromFileName(file.name));
  };

  const ready =
    name.trim() !== '' &&
    (mode === 'files'
      ? englishFile !== null && japaneseFile !== null
      : mode === 'paste'
        ? englishText.trim() !== '' && japaneseText.trim() !== ''
        : bilingualFile !== null);

  const submit = async () => {
    if (!ready) {
      setError(t('missingInput'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      let request: CreateProjectRequest;
      if (mode === 'files') {
        request = {
          name: name.trim(),
          source: await readFileSource(englishFile!),
          target: await readFileSource(japaneseFile!),
        };
      } else if (mode === 'paste') {
        request = {
          name: name.trim(),
          source: { text: englishText },
          target: { text: japaneseText },
        };
      } else {
        request = { name: name.trim(), bilingual: await readFileSource(bilingualFile!) };
      }
      await createProject(request);
      reset();
      onClose();
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      opened={opened}
      onClose={busy ? () => {} : onClose}
      title={t('newProjectTitle')}
      size="xl"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="md">
          <TextInput
            label={t('projectName')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            required
            data-autofocus
          />
          <Tabs value={mode} onChange={(value) => setMode((value as Mode | null) ?? 'files')}>
            <Tabs.List>
              <Tabs.Tab value="files">{t('tabFiles')}</Tabs.Tab>
              <Tabs.Tab value="paste">{t('tabPaste')}</Tabs.Tab>
              <Tabs.Tab value="bilingual">{t('tabBilingual')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="files" pt="md">
              <Stack gap="sm">
                <FileField
                  label={t('englishFile')}
                  file={englishFile}
                  onFile={(file) => {
                    setEnglishFile(file);
                    suggestName(file);
                  }}
                />
                <FileField label={t('japaneseFile')} file={japaneseFile} onFile={setJapaneseFile} />
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
                  value={englishText}
                  onChange={(event) => setEnglishText(event.currentTarget.value)}
                />
                <Textarea
                  label={t('japaneseText')}
                  lang="ja"
                  autosize
                  minRows={8}
                  maxRows={14}
                  value={japaneseText}
                  onChange={(event) => setJapaneseText(event.currentTarget.value)}
                />
              </Group>
            </Tabs.Panel>
            <Tabs.Panel value="bilingual" pt="md">
              <FileField
                label={t('bilingualFile')}
                description={t('bilingualHint')}
                file={bilingualFile}
                onFile={(file) => {
                  setBilingualFile(file);
                  suggestName(file);
                }}
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

function RecentList({ onOpen }: { onOpen: (path: string) => void }) {
  const t = useMessages();
  const recentProjects = useReview((state) => state.recentProjects);
  const current = useReview((state) => state.path);
  const [recent, setRecent] = useState<RecentProject[] | null>(null);
  useEffect(() => {
    let live = true;
    recentProjects()
      .then((list) => live && setRecent(list))
      .catch(() => live && setRecent([]));
    return () => {
      live = false;
    };
  }, [recentProjects]);
  if (recent === null) return null;
  if (recent.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('noRecent')}
      </Text>
    );
  return (
    <ScrollArea.Autosize mah={280}>
      <Stack gap={2} role="list" aria-label={t('recentProjects')}>
        {recent.map((project) => (
          <UnstyledButton
            key={project.path}
            role="listitem"
            className={classes.recent}
            data-current={project.path === current ? '' : undefined}
            disabled={!project.exists}
            onClick={() => onOpen(project.path)}
          >
            <Group justify="space-between" wrap="nowrap" gap="sm">
              <Text size="sm" fw={500} truncate>
                {project.name}
              </Text>
              <Text size="xs" c={project.exists ? 'dimmed' : 'red'} style={{ flexShrink: 0 }}>
                {project.exists
                  ? new Date(project.openedAt).toLocaleString(undefined, {
                      dateStyle: 'medium',
                      timeStyle: 'short',
                    })
                  : t('fileMissing')}
              </Text>
            </Group>
            <Text size="xs" c="dimmed" truncate ff="monospace">
              {project.path}
            </Text>
          </UnstyledButton>
        ))}
      </Stack>
    </ScrollArea.Autosize>
  );
}

function OpenProjectModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const t = useMessages();
  const openProject = useReview((state) => state.openProject);
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const open = async (target: string) => {
    if (!target.trim()) return;
    setBusy(true);
    setError(null);
    try {
      await openProject(target.trim());
      setPath('');
      onClose();
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('openTitle')} size="lg">
      <Stack gap="md">
        <Stack gap={6}>
          <Text size="sm" fw={500}>
            {t('recentProjects')}
          </Text>
          {opened && <RecentList onOpen={(target) => void open(target)} />}
        </Stack>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void open(path);
          }}
        >
          <Group align="flex-end" gap="xs" wrap="nowrap">
            <TextInput
              label={t('projectPath')}
              placeholder="/path/to/project.taiyaku"
              value={path}
              onChange={(event) => setPath(event.currentTarget.value)}
              style={{ flex: 1 }}
              ff="monospace"
            />
            <Button type="submit" loading={busy} disabled={!path.trim()}>
              {t('open')}
            </Button>
          </Group>
        </form>
        <ErrorAlert title={t('openFailed')} message={error} />
      </Stack>
    </Modal>
  );
}

function SaveAsForm({ onClose }: { onClose: () => void }) {
  const t = useMessages();
  const current = useReview((state) => state.path);
  const saveAs = useReview((state) => state.saveAs);
  const [path, setPath] = useState(current ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        setError(null);
        try {
          await saveAs(path.trim());
          onClose();
        } catch (caught) {
          setError(messageOf(caught));
        } finally {
          setBusy(false);
        }
      }}
    >
      <Stack gap="md">
        <TextInput
          label={t('newPath')}
          value={path}
          onChange={(event) => setPath(event.currentTarget.value)}
          ff="monospace"
          data-autofocus
        />
        <ErrorAlert title={t('saveAsFailed')} message={error} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('cancel')}
          </Button>
          <Button type="submit" loading={busy} disabled={!path.trim() || path.trim() === current}>
            {t('save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function SaveAsModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const t = useMessages();
  return (
    <Modal opened={opened} onClose={onClose} title={t('saveAsTitle')} size="lg">
      {opened && <SaveAsForm onClose={onClose} />}
    </Modal>
  );
}

/** The project dialogs; `dialog` says which one is open. */
export function ProjectDialogs({
  dialog,
  onClose,
}: {
  dialog: ProjectDialog | null;
  onClose: () => void;
}) {
  return (
    <>
      <NewProjectModal opened={dialog === 'new'} onClose={onClose} />
      <OpenProjectModal opened={dialog === 'open'} onClose={onClose} />
      <SaveAsModal opened={dialog === 'saveAs'} onClose={onClose} />
    </>
  );
}
