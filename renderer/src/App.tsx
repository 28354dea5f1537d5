import { useEffect, useState } from 'react';
import { Alert, AppShell, Badge, Center, Group, Loader, Text, Title } from '@mantine/core';
import type { OpenedDocument } from '../../core/ipc/contract';
import { AlignedView } from './features/alignment/AlignedView';
import { invoke } from './ipc';
import { UiLanguageContext, useMessages } from './useMessages';

type LoadState =
  | { status: 'loading' }
  | { status: 'ready'; document: OpenedDocument }
  | { status: 'failed'; message: string };

function Workspace() {
  const t = useMessages();
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  useEffect(() => {
    let cancelled = false;
    invoke('project:open', {})
      .then((document) => !cancelled && setState({ status: 'ready', document }))
      .catch(
        (error: unknown) =>
          !cancelled &&
          setState({
            status: 'failed',
            message: error instanceof Error ? error.message : String(error),
          }),
      );
    return () => {
      cancelled = true;
    };
  }, []);
  return (
    <AppShell header={{ height: 56 }} padding={0}>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Title order={1} size="h4">
              {t('appName')}
            </Title>
            {state.status === 'ready' && (
              <>
                <Text size="sm" c="dimmed" truncate="end" maw={640}>
                  {state.document.title}
                </Text>
                {state.document.isSample && <Badge variant="outline">{t('sample')}</Badge>}
              </>
            )}
          </Group>
          {state.status === 'ready' && (
            <Text size="sm" c="dimmed">
              {state.document.alignment.sentenceBeads.length} {t('beads')}
            </Text>
          )}
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        {state.status === 'loading' && (
          <Center h="60vh">
            <Group>
              <Loader size="sm" />
              <Text>{t('loading')}</Text>
            </Group>
          </Center>
        )}
        {state.status === 'failed' && (
          <Alert color="red" title={t('loadFailed')} m="md" role="alert">
            {state.message}
          </Alert>
        )}
        {state.status === 'ready' && <AlignedView alignment={state.document.alignment} />}
      </AppShell.Main>
    </AppShell>
  );
}

/** The whole app. */
export function App() {
  return (
    <UiLanguageContext.Provider value="en">
      <Workspace />
    </UiLanguageContext.Provider>
  );
}
