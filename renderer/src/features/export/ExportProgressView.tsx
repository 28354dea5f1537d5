import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import type { ExportProgress } from '../../../../core/ipc/contract';
import type { MessageKey } from '../../i18n';
import { useMessages } from '../../useMessages';

const PHASE_WORDS: Partial<Record<ExportProgress['phase'], MessageKey>> = {
  queued: 'exportPhase.queued',
  model: 'exportPhase.model',
  render: 'exportPhase.render',
  write: 'exportPhase.write',
};

/** A running export: its phase and a progress bar (indeterminate until the first answer), with Cancel. */
export function ExportProgressView({
  progress,
  cancelling,
  onCancel,
}: {
  progress: ExportProgress | null;
  cancelling: boolean;
  onCancel: () => void;
}) {
  const t = useMessages();
  const percent =
    progress && progress.total > 0
      ? Math.min(100, ((progress.done + (progress.fraction ?? 0)) / progress.total) * 100)
      : null;
  const label = t('exportRunning');
  return (
    <Stack gap="sm">
      <Text size="sm" aria-live="polite">
        {progress && PHASE_WORDS[progress.phase] ? t(PHASE_WORDS[progress.phase]!) : label}
      </Text>
      <Progress.Root size="lg">
        <Progress.Section
          value={percent ?? 100}
          animated={percent === null}
          striped={percent === null}
          aria-label={label}
        />
      </Progress.Root>
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel} loading={cancelling}>
          {t('cancelExport')}
        </Button>
      </Group>
    </Stack>
  );
}
