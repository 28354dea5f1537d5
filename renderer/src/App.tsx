import { useEffect, useMemo } from 'react';
import { Alert, AppShell, Badge, Center, Group, Loader, Text, Title } from '@mantine/core';
import { AlignedView } from './features/alignment/AlignedView';
import { ipcBackend } from './state/backend';
import { createReviewStore } from './state/reviewStore';
import { ReviewStoreContext, useReview } from './state/ReviewStoreContext';
import { UiLanguageContext, useMessages } from './useMessages';

function Workspace() {
  const t = useMessages();
  const status = useReview((state) => state.status);
  const loadError = useReview((state) => state.loadError);
  const meta = useReview((state) => state.meta);
  const isSample = useReview((state) => state.isSample);
  const alignment = useReview((state) => state.history?.present.alignment);
  const load = useReview((state) => state.load);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <AppShell header={{ height: 56 }} padding={0}>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Title order={1} size="h4">
              {t('appName')}
            </Title>
            {meta && (
              <>
                <Text size="sm" c="dimmed" truncate="end" maw={640}>
                  {meta.name}
                </Text>
                {isSample && <Badge variant="outline">{t('sample')}</Badge>}
              </>
            )}
          </Group>
          {alignment && (
            <Text size="sm" c="dimmed">
              {alignment.sentenceBeads.length} {t('beads')}
            </Text>
          )}
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        {(status === 'loading' || status === 'idle') && (
          <Center h="60vh">
            <Group>
              <Loader size="sm" />
              <Text>{t('loading')}</Text>
            </Group>
          </Center>
        )}
        {status === 'failed' && (
          <Alert color="red" title={t('loadFailed')} m="md" role="alert">
            {loadError}
          </Alert>
        )}
        {status === 'ready' && alignment && <AlignedView alignment={alignment} />}
      </AppShell.Main>
    </AppShell>
  );
}

/** The whole app. */
export function App() {
  const store = useMemo(() => createReviewStore(ipcBackend), []);
  return (
    <ReviewStoreContext.Provider value={store}>
      <UiLanguageContext.Provider value="en">
        <Workspace />
      </UiLanguageContext.Provider>
    </ReviewStoreContext.Provider>
  );
}
