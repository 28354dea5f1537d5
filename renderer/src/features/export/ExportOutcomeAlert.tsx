import { useState } from 'react';
import { Alert, Button, Stack, Text } from '@mantine/core';
import { messageOf } from '../../errors';
import { invoke } from '../../ipc';
import { useMessages } from '../../useMessages';
import type { ExportOutcome } from './exportJob';

/** Where a finished export went; in the desktop app, with a button that shows the file in its folder. */
export function ExportOutcomeAlert({ outcome }: { outcome: ExportOutcome }) {
  const t = useMessages();
  const [error, setError] = useState<string | null>(null);
  return (
    <Alert color="teal" variant="light" title={t('exportDone')} role="status">
      <Stack gap="xs" align="flex-start">
        {outcome.kind === 'download' ? (
          <Text size="sm">{t('exportDownloaded', { name: outcome.fileName })}</Text>
        ) : (
          <>
            <Text size="sm">{t('exportSavedTo')}</Text>
            <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
              {outcome.filePath}
            </Text>
            <Button
              size="xs"
              variant="default"
              onClick={() =>
                void invoke('shell:show-in-folder', { path: outcome.filePath }).catch(
                  (caught: unknown) => setError(messageOf(caught)),
                )
              }
            >
              {t('showInFolder')}
            </Button>
            {error && (
              <Text size="xs" c="red">
                {error}
              </Text>
            )}
          </>
        )}
      </Stack>
    </Alert>
  );
}
